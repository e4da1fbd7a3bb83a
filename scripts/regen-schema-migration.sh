#!/usr/bin/env bash
# Development-only, until the first release lands: regenerates migrations/0001_schema.sql from the current
# schema files (0000_extensions stays). Serialised with flock so parallel work cannot interleave.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/choisir-migrations.lock
flock 9
rm -f migrations/0001_*.sql migrations/meta/0001_snapshot.json
node -e '
const fs=require("fs");const p="migrations/meta/_journal.json";const j=JSON.parse(fs.readFileSync(p));
j.entries=j.entries.filter(e=>e.idx===0);fs.writeFileSync(p,JSON.stringify(j,null,2));'
npx drizzle-kit generate --name=schema 2>&1 | grep -v nodedir | tail -2
