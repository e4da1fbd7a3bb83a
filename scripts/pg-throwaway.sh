#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests and prints its DATABASE_URL.
# Usage: eval "$(scripts/pg-throwaway.sh start [PORT])"   …   scripts/pg-throwaway.sh stop
set -euo pipefail
dir=${PG_THROWAWAY_DIR:-/tmp/choisir-pg}
port=${2:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
case "${1:-start}" in
  start)
    if [ -f "$dir/data/postmaster.pid" ]; then as_pg "$bin/pg_ctl -D $dir/data -m immediate stop" >/dev/null 2>&1 || true; fi
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$bin/initdb -D $dir/data -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --text-search-config=french" >"$dir/initdb.log" 2>&1 ||
      as_pg "$bin/initdb -D $dir/data -U postgres --auth=trust --encoding=UTF8 --text-search-config=french" >"$dir/initdb.log" 2>&1
    as_pg "$bin/pg_ctl -D $dir/data -l $dir/server.log -w -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start" >/dev/null
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_pg "$bin/pg_ctl -D $dir/data -m fast stop" >/dev/null 2>&1 || true
    ;;
esac
