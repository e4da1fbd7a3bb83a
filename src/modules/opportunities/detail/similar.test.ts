import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { rows } from '../../../core/db/index.js';
import { normalisePublic, type PublicOpportunity, publicSelect } from '../public.js';
import { similarOpportunities } from './similar.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/** The definition, as one scan of the whole table: what the boxes must answer too. */
async function reference(o: PublicOpportunity): Promise<string[]> {
  const related = [
    o.sector ? sql`o.sector = ${o.sector}` : null,
    o.epciCode ? sql`o.epci_code = ${o.epciCode}` : null,
  ].filter((c) => c !== null);
  const where = sql`o.kind = ${o.kind} and o.id <> ${o.id}${
    related.length ? sql` and (${sql.join(related, sql` or `)})` : sql``
  }`;
  const order =
    o.lon !== null && o.lat !== null
      ? sql`order by (power(o.lon - ${o.lon}, 2) * ${Math.cos((o.lat * Math.PI) / 180) ** 2} + power(o.lat - ${o.lat}, 2)) nulls last, o.published_at desc, o.id limit 4`
      : sql`order by o.published_at desc, o.id limit 4`;
  return (await rows<{ title: string }>(t.ctx.db, publicSelect(where, order))).map((r) => r.title);
}

test('the nearest similar offers found through boxes are exactly those of a whole-table scan', async () => {
  // A cluster of communes around Gramat, some crowded (answered in the commune itself), some sparse
  // (answered by a wider box or the scan), with blurred takeovers placed at their EPCI's seat.
  const communes = await rows<{ code: string }>(
    t.ctx.db,
    sql`select c.code from communes c, communes g where g.slug = 'gramat'
        order by power(c.centroid_lon - g.centroid_lon, 2) * 0.51 + power(c.centroid_lat - g.centroid_lat, 2)
        limit 40`,
  );
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const sectors = ['commerce', 'btp', 'industrie', 'sante', 'transport'];
  const made: { id: string; title: string }[] = [];
  for (let i = 0; i < 80; i++) {
    const kind = (['job', 'job', 'job', 'takeover', 'housing'] as const)[random(5)];
    // Crowd the first communes: a quarter of the offers in the first one.
    const commune = communes[random(4) === 0 ? 0 : random(communes.length)].code;
    made.push(
      await createTestOpportunity(t.ctx.db, {
        kind,
        title: `Offre ${i} (${kind})`,
        communeCode: commune,
        sector: kind === 'housing' ? null : sectors[random(5)],
        ...(kind === 'takeover' ? { hideCommune: random(2) === 0 } : {}),
        // Same instants on purpose: ties are broken by the id, the same way on both sides.
        publishedAt: new Date(Date.UTC(2030, 0, 1 + random(5))),
      }),
    );
  }
  const nowhere = await createTestOpportunity(t.ctx.db, { title: 'Sans commune', communeCode: null });
  let compared = 0;
  for (const { id } of [...made, nowhere]) {
    const [row] = await rows(t.ctx.db, publicSelect(sql`o.id = ${id}`));
    const o = normalisePublic(row);
    const found = await similarOpportunities(t.ctx.db, o);
    assert.deepEqual(
      found.map((s) => s.title),
      await reference(o),
      `${o.title} in ${o.communeCode ?? o.epciCode}`,
    );
    compared++;
  }
  assert.equal(compared, 81);
});

test('a box whose farthest answer lies in a corner is not trusted: a nearer offer outside it comes first', async () => {
  // From Payrac, Lamothe-Fénelon is 4.9 km away but inside the 4 km box (diagonally); Anglars-Nozac is nearer,
  // 4.6 km, but outside the box (along one axis).
  const code = async (slug: string) =>
    (await rows<{ code: string }>(t.ctx.db, sql`select code from communes where slug = ${slug}`))[0].code;
  const [payrac, lamothe, anglars] = await Promise.all(
    ['payrac', 'lamothe-fenelon', 'anglars-nozac'].map(code),
  );
  const premises = (title: string, communeCode: string) =>
    createTestOpportunity(t.ctx.db, { kind: 'premises', title, communeCode, sector: 'artisanat' });
  const base = await premises('Base à Payrac', payrac);
  for (const n of [1, 2, 3, 4]) await premises(`Lamothe ${n}`, lamothe);
  await premises('Anglars', anglars);
  const [row] = await rows(t.ctx.db, publicSelect(sql`o.id = ${base.id}`));
  const o = normalisePublic(row);
  const found = (await similarOpportunities(t.ctx.db, o)).map((s) => s.title);
  assert.equal(found[0], 'Anglars');
  assert.deepEqual(found, await reference(o));
});
