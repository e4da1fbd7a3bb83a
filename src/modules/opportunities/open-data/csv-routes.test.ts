import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { opportunities } from '../schema.js';

/** The CSV export of a search larger than one search page: its own database, with premises only. */
let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const day = 24 * 3600 * 1000;
const ago = (days: number) => new Date(Date.now() - days * day);
const grandCahors = '200023737';
const get = (url: string) => t.app.inject({ method: 'GET', url });
const csvRows = (body: string) => body.slice(1).split('\r\n').filter(Boolean);

test('the CSV export goes past the search’s page size (its pages are walked), each row once', async () => {
  const rows = Array.from({ length: 130 }, (_, i) => ({
    kind: 'premises' as const,
    status: 'published' as const,
    title: `Atelier numéro ${i + 1}`,
    description: 'Un atelier à louer.',
    communeCode: '46042',
    publicCommuneCode: '46042',
    epciCode: grandCahors,
    sourceId: `atelier-${i}`,
    publishedAt: ago(10 + (i % 7)),
  }));
  await t.db().insert(opportunities).values(rows);
  const response = await get('/opportunites/export.csv?type=premises');
  assert.equal(response.headers['x-total-count'], '130');
  const lines = csvRows(response.body);
  assert.equal(lines.length, 131);
  assert.equal(new Set(lines.map((l) => l.split(';')[0])).size, 131, 'no row twice');
  assert.ok(lines[0].includes('Type de local'), 'the premises columns');
});
