import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers/app.js';
import { type CreatedUser, createUser, loginAs } from '../../../test/helpers/factories.js';
import { createTestFile, twoEpciOrganisations } from '../../../test/helpers/welcome.js';
import { one, rows } from '../../core/db/index.js';
import { fileTabs } from './file/index.js';
import type { NewcomerFile } from './files.js';
import { filesBase } from './paths.js';

/**
 * The scope rule, proved on every back-office route of the welcome journey: the routes are read from the
 * application itself, so a route added later is covered without editing this test. A referent of EPCI B
 * cannot list, open, guess, change or export a file led by EPCI A: every route answers 404 and nothing in the
 * database moves. The referent of EPCI A gets through.
 */
let t: TestApp;
let referentA: CreatedUser;
let referentB: CreatedUser;
let cookieA: string;
let cookieB: string;
let file: NewcomerFile;
/** Ids to put in the routes' other parameters: the file's own rows, so a forged request aims at real data. */
const params: Record<string, string> = {};

before(async () => {
  t = await testApp();
  const db = t.db();
  const [orgA, orgB] = await twoEpciOrganisations(db);
  referentA = await createUser(db, { role: 'referent', organisationId: orgA.id });
  referentB = await createUser(db, { role: 'referent', organisationId: orgB.id });
  file = await createTestFile(db, {
    leadOrganisationId: orgA.id,
    referentId: referentA.id,
    contactName: 'Honorine Périmètre',
    email: 'honorine.perimetre@example.org',
    childrenAges: [7],
  });
  const member = await one<{ id: string }>(
    db,
    sql`select id from file_members where file_id = ${file.id} and kind = 'adult'`,
  );
  const task = await one<{ id: string }>(
    db,
    sql`insert into file_tasks (file_id, title, due_on, organisation_id, assignee_id)
        values (${file.id}, 'Rappeler le foyer', current_date, ${orgA.id}, ${referentA.id}) returning id`,
  );
  const interaction = await one<{ id: string }>(
    db,
    sql`insert into file_interactions (file_id, kind, body, organisation_id, author_id)
        values (${file.id}, 'call', 'Premier appel', ${orgA.id}, ${referentA.id}) returning id`,
  );
  params.memberId = member!.id;
  params.taskId = task!.id;
  params.interactionId = interaction!.id;
  cookieA = await loginAs(t.app, referentA.email, referentA.password);
  cookieB = await loginAs(t.app, referentB.email, referentB.password);
});
after(() => t?.close());

/** Every route of the application as [method, path], from Fastify's route tree. */
function routeList(): [string, string][] {
  const tree = t.app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const found: [string, string][] = [];
  for (const line of tree.split('\n')) {
    const match = line.match(/^([\s│]*)[└├]── (\S+)(?: \(([^)]+)\))?/);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    const path = stack.join('');
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') found.push([method, path]);
  }
  return found;
}

/** A file's route with its parameters filled in; unknown parameters get a well-formed random id. */
function fill(path: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) =>
    name === 'id' ? file.id : (params[name] ?? '00000000-0000-4000-8000-000000000000'),
  );
}

/** What a forged request must not change: the file row and every row that hangs from it. */
async function snapshot(): Promise<string> {
  const db = t.db();
  const state = await rows(
    db,
    sql`select
          (select row_to_json(f) from newcomer_files f where f.id = ${file.id}) as file,
          (select count(*)::int from file_members where file_id = ${file.id}) as members,
          (select count(*)::int from file_interactions where file_id = ${file.id}) as interactions,
          (select json_agg(json_build_object('id', id, 'done', done_at) order by id) from file_tasks where file_id = ${file.id}) as tasks,
          (select count(*)::int from file_messages where file_id = ${file.id}) as messages,
          (select count(*)::int from file_proposals where file_id = ${file.id}) as proposals,
          (select count(*)::int from file_housing_requests where file_id = ${file.id}) as housing,
          (select count(*)::int from file_checkins where file_id = ${file.id}) as checkins,
          (select count(*)::int from file_shares where file_id = ${file.id} and revoked_at is null) as shares,
          (select count(*)::int from file_consents where file_id = ${file.id} and withdrawn_at is null) as consents,
          (select count(*)::int from journal where target_type = 'file' and target_id = ${file.id}) as journal`,
  );
  return JSON.stringify(state);
}

async function csrf(cookie: string): Promise<string> {
  const page = await t.app.inject({ method: 'GET', url: filesBase, headers: { cookie } });
  const token = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1];
  assert.ok(token, 'the list page carries a CSRF token');
  return token;
}

test('the welcome journey has a route for every tab of a file', () => {
  const paths = new Set(routeList().map(([method, path]) => `${method} ${path}`));
  for (const tab of fileTabs) {
    const path = `${filesBase}/:id${tab.tab ? `/${tab.tab}` : ''}`;
    assert.ok(paths.has(`GET ${path}`), `GET ${path} exists`);
  }
});

test('a referent of another EPCI gets 404 on every file route, and nothing changes', async () => {
  const fileRoutes = routeList().filter(([, path]) => path.startsWith(`${filesBase}/:id`));
  assert.ok(fileRoutes.length >= fileTabs.length + 5, `found ${fileRoutes.length} file routes`);
  const before = await snapshot();
  const token = await csrf(cookieB);
  for (const [method, path] of fileRoutes) {
    const url = fill(path);
    const response = await t.app.inject({
      method: method as 'GET' | 'POST',
      url,
      headers: {
        cookie: cookieB,
        ...(method === 'GET' ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(method === 'GET' ? {} : { payload: new URLSearchParams({ _csrf: token }).toString() }),
    });
    assert.equal(response.statusCode, 404, `${method} ${path} answers 404 to another EPCI`);
    assert.doesNotMatch(
      response.body,
      /Honorine|Périmètre|honorine\.perimetre/,
      `${method} ${path} leaks nothing`,
    );
  }
  assert.equal(await snapshot(), before, 'no forged request changed the file or journaled anything');
});

test('the referent of the leading EPCI opens every tab of the file', async () => {
  const gets = routeList().filter(
    ([method, path]) => method === 'GET' && path.startsWith(`${filesBase}/:id`) && !path.includes('.'),
  );
  for (const [, path] of gets) {
    const response = await t.app.inject({ method: 'GET', url: fill(path), headers: { cookie: cookieA } });
    assert.ok(
      response.statusCode === 200 || response.statusCode === 303,
      `GET ${path} answers ${response.statusCode} to the file's referent`,
    );
  }
  const page = await t.app.inject({
    method: 'GET',
    url: `${filesBase}/${file.id}`,
    headers: { cookie: cookieA },
  });
  assert.match(page.body, /Honorine Périmètre/);
});

test('a file of another EPCI is never listed, counted, shown on the board or exported', async () => {
  const lists = routeList().filter(
    ([method, path]) => method === 'GET' && path.startsWith(filesBase) && !path.includes(':'),
  );
  assert.ok(lists.length >= 3, `list routes: ${lists.map(([, p]) => p).join(', ')}`);
  for (const [, path] of lists) {
    for (const query of ['', '?q=Honorine', `?q=${encodeURIComponent(file.reference)}`]) {
      const b = await t.app.inject({ method: 'GET', url: `${path}${query}`, headers: { cookie: cookieB } });
      assert.ok(b.statusCode < 500, `${path}${query} answers ${b.statusCode}`);
      // The search box shows back what was typed: look for what the query did not contain.
      assert.doesNotMatch(b.body, /Périmètre|honorine\.perimetre/, `${path}${query} lists nothing of EPCI A`);
      if (!query.includes(file.reference.slice(0, 3)))
        assert.ok(!b.body.includes(file.reference), `${path}${query} does not show the reference`);
      else assert.doesNotMatch(b.body, /Honorine/, `${path}${query} lists nothing of EPCI A`);
    }
  }
  const a = await t.app.inject({
    method: 'GET',
    url: `${filesBase}?q=Honorine`,
    headers: { cookie: cookieA },
  });
  assert.match(a.body, /Honorine Périmètre/, 'the leading EPCI finds it');
  const csvA = await t.app.inject({
    method: 'GET',
    url: `${filesBase}/export.csv`,
    headers: { cookie: cookieA },
  });
  assert.match(csvA.body, /Périmètre/, 'and exports it');
});

test('guessing: a well-formed id of nothing, a malformed id and the real id all answer the same 404', async () => {
  const answers = await Promise.all(
    [file.id, '00000000-0000-4000-8000-000000000000', 'pas-un-identifiant'].map((id) =>
      t.app.inject({ method: 'GET', url: `${filesBase}/${id}`, headers: { cookie: cookieB } }),
    ),
  );
  assert.deepEqual(
    answers.map((r) => r.statusCode),
    [404, 404, 404],
  );
  const bodies = answers.map((r) => r.body.replace(/name="_csrf" value="[^"]+"/, ''));
  assert.equal(bodies[0], bodies[1], 'the page does not tell an existing file from a missing one');
});
