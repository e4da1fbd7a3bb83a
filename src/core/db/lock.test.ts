import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DataDirLockedError, lockDataDir } from './lock.js';

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'choisir-lock-'));
  made.push(dir);
  return path.join(dir, 'pglite');
}

test('a second holder of the embedded data folder is refused clearly', () => {
  const dir = tempDir();
  const release = lockDataDir(dir);
  try {
    // Same process: the lock file names our pid, which is alive, but we must still see it as taken by "another"
    // holder when a different pid wrote it. Simulate a live other process with our parent's pid.
    fs.writeFileSync(`${dir}.lock`, String(process.ppid));
    assert.throws(
      () => lockDataDir(dir),
      (error: Error) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.match(error.message, /déjà utilisée par le processus/);
        return true;
      },
    );
  } finally {
    fs.writeFileSync(`${dir}.lock`, String(process.pid));
    release();
  }
  assert.equal(fs.existsSync(`${dir}.lock`), false, 'released');
});

test('a stale lock left by a dead process is taken over', async () => {
  const dir = tempDir();
  const child = spawn(process.execPath, ['-e', '0']);
  const deadPid = child.pid!;
  await new Promise((resolve) => child.on('exit', resolve));
  fs.writeFileSync(`${dir}.lock`, String(deadPid));
  const release = lockDataDir(dir);
  assert.equal(fs.readFileSync(`${dir}.lock`, 'utf8'), String(process.pid));
  release();
});
