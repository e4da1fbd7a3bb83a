import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commands, runCli } from './cli.js';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('help lists every command of the table', async () => {
  const { code, out } = await run(['help']);
  assert.equal(code, 0);
  for (const name of Object.keys(commands)) assert.match(out, new RegExp(`^  ${name} `, 'm'));
  assert.match(out, /create-admin --email adresse --name/);
});

test('an unknown command or option is explained in French with exit code 2', async () => {
  const unknown = await run(['nope']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /Commande inconnue : nope/);
  const option = await run(['help', '--bogus']);
  assert.equal(option.code, 2);
  assert.match(option.err, /Option inconnue : --bogus/);
  const missing = await run(['create-admin', '--email']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /L’option --email attend une valeur/);
});
