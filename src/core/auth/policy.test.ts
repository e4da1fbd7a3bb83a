import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SQL } from 'drizzle-orm';
import { PgDialect, pgTable, text } from 'drizzle-orm/pg-core';
import type { Actor } from './actor.js';
import { definePolicy, hasRole, scopeCondition, scopeOf } from './policy.js';

const files = pgTable('files', { epciCode: text('epci_code'), organisationId: text('organisation_id') });
const dialect = new PgDialect();
const render = (condition: SQL) => dialect.sqlToQuery(condition);

function actor(overrides: Partial<Actor> = {}): Actor {
  return {
    userId: 'u1',
    email: 'a@example.org',
    name: 'A',
    role: 'referent',
    organisationId: 'org-1',
    organisationName: 'Org',
    organisationKind: 'association',
    epciCode: null,
    ...overrides,
  };
}

const departement = actor({ organisationKind: 'departement', organisationId: 'dep', role: 'editor' });
const prefecture = actor({ organisationKind: 'prefecture', organisationId: 'pref', role: 'viewer' });
const epciReferent = actor({ organisationKind: 'epci', organisationId: 'cc-figeac', epciCode: '200067361' });
const chamber = actor({ organisationKind: 'chambre', organisationId: 'cci', role: 'adviser' });
const admin = actor({ role: 'admin', organisationKind: 'association' });

test('the Département, the Préfecture and administrators see the whole territory', () => {
  for (const a of [departement, prefecture, admin]) {
    assert.deepEqual(scopeOf(a), { kind: 'all' });
    assert.equal(
      render(scopeCondition(a, { epciCode: files.epciCode, organisationId: files.organisationId })).sql,
      'true',
    );
  }
});

test('an EPCI referent sees only its EPCI (or its own organisation’s records)', () => {
  assert.deepEqual(scopeOf(epciReferent), {
    kind: 'epci',
    epciCode: '200067361',
    organisationId: 'cc-figeac',
  });
  const q = render(
    scopeCondition(epciReferent, { epciCode: files.epciCode, organisationId: files.organisationId }),
  );
  assert.equal(q.sql, '("files"."epci_code" = $1 or "files"."organisation_id" = $2)');
  assert.deepEqual(q.params, ['200067361', 'cc-figeac']);
});

test('an EPCI referent on a table without an EPCI column sees only its organisation', () => {
  const q = render(scopeCondition(epciReferent, { organisationId: files.organisationId }));
  assert.equal(q.sql, '("files"."organisation_id" = $1)');
  assert.deepEqual(q.params, ['cc-figeac']);
});

test('a chamber sees only its own organisation, never a whole EPCI', () => {
  assert.deepEqual(scopeOf(chamber), { kind: 'organisation', organisationId: 'cci' });
  const q = render(
    scopeCondition(chamber, { epciCode: files.epciCode, organisationId: files.organisationId }),
  );
  assert.equal(q.sql, '("files"."organisation_id" = $1)');
  assert.deepEqual(q.params, ['cci']);
});

test('a scoped actor on a table with no scope column sees nothing', () => {
  assert.equal(render(scopeCondition(chamber, {})).sql, 'false');
  assert.equal(render(scopeCondition(chamber, { epciCode: files.epciCode })).sql, 'false');
  assert.equal(render(scopeCondition(departement, {})).sql, 'true');
});

test('definePolicy denies by default: unknown actions, null or missing actors, rules not returning true', () => {
  const can = definePolicy({
    manage: (a) => hasRole(a, 'admin'),
    readFile: (a, file: { organisationId: string }) => a.organisationId === file.organisationId,
    sloppy: () => 1 as unknown as boolean,
  });
  assert.equal(can(admin, 'manage'), true);
  assert.equal(can(chamber, 'manage'), false);
  assert.equal(can(null, 'manage'), false);
  assert.equal(can(undefined, 'manage'), false);
  assert.equal(can(chamber, 'readFile', { organisationId: 'cci' }), true);
  assert.equal(can(chamber, 'readFile', { organisationId: 'other' }), false);
  assert.equal(can(null, 'readFile', { organisationId: 'cci' }), false);
  assert.equal(can(admin, 'sloppy'), false, 'only a literal true allows');
  assert.equal((can as (a: Actor, action: string) => boolean)(admin, 'deleteEverything'), false);
  assert.equal((can as (a: Actor, action: string) => boolean)(admin, 'toString'), false);
});
