import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

test('defaults let the platform start with nothing set', () => {
  const config = loadConfig({});
  assert.equal(config.PORT, 3000);
  assert.equal(config.databaseKind, 'pglite');
  assert.equal(config.PUBLIC_URL, 'http://localhost:3000');
  assert.equal(config.JOBS, true);
});

test('values from the environment are converted and checked', () => {
  const config = loadConfig({
    PORT: '8080',
    DATABASE_URL: 'postgres://u@h/db',
    JOBS: 'false',
    PUBLIC_URL: 'https://x.fr/',
  });
  assert.equal(config.PORT, 8080);
  assert.equal(config.databaseKind, 'postgres');
  assert.equal(config.JOBS, false);
  assert.equal(config.PUBLIC_URL, 'https://x.fr');
});

test('bad values are refused with every problem listed in French', () => {
  assert.throws(
    () => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' }),
    (error: Error) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /Configuration invalide/);
      assert.match(error.message, /PORT/);
      assert.match(error.message, /LOG_LEVEL/);
      return true;
    },
  );
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /postgres:\/\//);
});
