import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { readDataVersion } from '../../../core/http/index.js';
import { refreshDuePublications } from './publication.js';
import { hoursFromNow, insertContent } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

// First: the other test moves this process's marker into the future (as if hours had passed).
test('the anonymous calendar shows a scheduled event once its time has come and the job ran', async () => {
  const db = t.db();
  // The job last ran five seconds ago.
  await refreshDuePublications({ db }, new Date(Date.now() - 5000));
  await t.app.inject({ method: 'GET', url: '/agenda' });
  const cached = await t.app.inject({ method: 'GET', url: '/agenda' });
  assert.equal(cached.headers['x-cache'], 'HIT');
  // Due a second ago, since the job's last run: the cache still holds the old page.
  await insertContent(db, { title: 'Visite du moulin', publishAt: new Date(Date.now() - 1000) });
  const stale = await t.app.inject({ method: 'GET', url: '/agenda' });
  assert.doesNotMatch(stale.body, /Visite du moulin/);
  assert.equal(await refreshDuePublications({ db }), true);
  const fresh = await t.app.inject({ method: 'GET', url: '/agenda' });
  assert.match(fresh.body, /Visite du moulin/);
});

test('the public data version moves once when a scheduled content comes due, not before, not again', async () => {
  const db = t.db();
  const ctx = { db };
  // First run: starts from the last bump, whatever was due before is already shown.
  await refreshDuePublications(ctx);
  await insertContent(db, { kind: 'news', title: 'Annonce programmée', publishAt: hoursFromNow(1) });
  await insertContent(db, {
    kind: 'news',
    title: 'Brouillon daté',
    status: 'draft',
    publishAt: hoursFromNow(1.5),
  });
  const v0 = await readDataVersion(db);

  assert.equal(await refreshDuePublications(ctx, new Date()), false);
  assert.equal(await readDataVersion(db), v0);

  assert.equal(await refreshDuePublications(ctx, hoursFromNow(2)), true);
  const v1 = await readDataVersion(db);
  assert.ok(v1 > v0);

  // Nothing more came due: the draft's date passing changes no public page.
  assert.equal(await refreshDuePublications(ctx, hoursFromNow(3)), false);
  assert.equal(await readDataVersion(db), v1);
});

test('an event that ends leaves the cached calendar at the next run', async () => {
  const db = t.db();
  const ctx = { db };
  await insertContent(db, {
    title: 'Concert au château',
    startsAt: hoursFromNow(3.2),
    endsAt: hoursFromNow(3.5),
  });
  // The marker is past hour 3 (the test above); the concert ends within (3, 4] hours from now.
  assert.equal(await refreshDuePublications(ctx, hoursFromNow(3.4)), false);
  const v0 = await readDataVersion(db);
  assert.equal(await refreshDuePublications(ctx, hoursFromNow(4)), true);
  assert.ok((await readDataVersion(db)) > v0);
});

test('the job is declared with a cron schedule', async () => {
  const { publicationJobs } = await import('./index.js');
  const [job] = publicationJobs(t.ctx);
  assert.equal(job.name, 'content.publication-refresh');
  assert.equal(job.cron, '* * * * *');
});
