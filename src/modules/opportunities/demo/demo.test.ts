import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import Value from 'typebox/value';
import { freshDatabase } from '../../../../test/helpers/db.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { type Database, rows } from '../../../core/db/index.js';
import { AppError } from '../../../core/http/index.js';
import { systemActor } from '../../../core/journal/index.js';
import { detailsSchemas } from '../kinds.js';
import type { OpportunityKind } from '../schema.js';
import { demoCommand } from './command.js';
import { readContext } from './context.js';
import {
  countOpportunities,
  defaultDemoVolume,
  generateDemo,
  loadDemo,
  loadDemoIfEmpty,
  removeDemo,
} from './index.js';

let database: Database;
before(async () => {
  database = await freshDatabase();
});
after(() => database.close());
const db = () => database.db;

const volume = { jobs: 240, takeovers: 60, premises: 12, housing: 15 };
const now = new Date('2025-06-15T10:00:00Z');

test('the same seed gives the same opportunities; another seed, others', async () => {
  const context = await readContext(db(), now);
  const fingerprint = (seed: string) =>
    generateDemo(context, volume, seed).map((i) => `${i.row.title}|${i.row.communeCode}|${i.row.sourceId}`);
  const first = fingerprint('lot');
  assert.equal(first.length, 327);
  assert.deepEqual(fingerprint('lot'), first);
  assert.notDeepEqual(fingerprint('autre'), first);
  // Asking for more jobs leaves the takeovers as they were: each kind has its own stream.
  const more = generateDemo(context, { ...volume, jobs: 500 }, 'lot').filter(
    (i) => i.row.kind === 'takeover',
  );
  const same = generateDemo(context, volume, 'lot').filter((i) => i.row.kind === 'takeover');
  assert.deepEqual(
    more.map((i) => i.row.title),
    same.map((i) => i.row.title),
  );
});

test('jobs cluster in the towns: Cahors and Figeac get the most', async () => {
  const context = await readContext(db(), now);
  const counts = new Map<string, number>();
  for (const item of generateDemo(context, { jobs: 3000, takeovers: 0, premises: 0, housing: 0 }, 'lot'))
    counts.set(item.row.communeCode!, (counts.get(item.row.communeCode!) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
  assert.deepEqual(ranked.slice(0, 2).sort(), ['46042', '46102']);
  assert.ok(counts.size > 150, `jobs spread over many communes (${counts.size})`);
});

test('a load inserts the asked counts, all demo and published, with valid details and locations', async () => {
  const report = await loadDemo(db(), { ...volume, seed: 'lot', now });
  assert.deepEqual({ ...report, milliseconds: 0 }, { ...volume, seed: 'lot', milliseconds: 0 });
  const perKind = await rows<{ kind: string; n: number }>(
    db(),
    sql`select kind, count(*)::int as n from opportunities group by kind order by kind`,
  );
  assert.deepEqual(Object.fromEntries(perKind.map((r) => [r.kind, Number(r.n)])), {
    housing: 15,
    job: 240,
    premises: 12,
    takeover: 60,
  });
  const all = await rows<{
    kind: OpportunityKind;
    demo: boolean;
    source: string;
    status: string;
    details: unknown;
    description: string;
    publishedAt: string;
    expiresAt: string;
    targetProfiles: string[];
  }>(
    db(),
    sql`select kind, demo, source, status, details, description, target_profiles as "targetProfiles",
          published_at::text as "publishedAt", expires_at::text as "expiresAt" from opportunities`,
  );
  const profiles = new Set(
    (await rows<{ slug: string }>(db(), sql`select slug from target_profiles`)).map((p) => p.slug),
  );
  for (const o of all) {
    assert.equal(o.demo, true);
    assert.equal(o.source, 'demo');
    assert.equal(o.status, 'published');
    assert.ok(
      Value.Check(detailsSchemas[o.kind], o.details),
      `${o.kind} details: ${JSON.stringify(o.details)}`,
    );
    assert.match(o.description, /Annonce fictive/);
    const published = new Date(o.publishedAt).getTime();
    assert.ok(published <= now.getTime() && published >= now.getTime() - 60 * 86_400_000);
    assert.ok(new Date(o.expiresAt).getTime() > now.getTime());
    for (const slug of o.targetProfiles) assert.ok(profiles.has(slug), `unknown profile ${slug}`);
  }
  // Location as store.ts derives it: the commune's EPCI and centroid, or the EPCI's seat when blurred.
  const misplaced = await rows(
    db(),
    sql`select o.id from opportunities o join communes c on c.code = o.commune_code
        left join epcis e on e.code = c.epci_code
        where o.epci_code is distinct from c.epci_code
           or (o.public_commune_code is not null
               and (o.public_commune_code <> o.commune_code or o.lon <> c.centroid_lon or o.lat <> c.centroid_lat))
           or (o.public_commune_code is null and (o.kind <> 'takeover' or o.lon <> e.seat_lon or o.lat <> e.seat_lat))`,
  );
  assert.deepEqual(misplaced, []);
  const blurred = await rows(
    db(),
    sql`select 1 from opportunities where kind = 'takeover' and public_commune_code is null`,
  );
  assert.ok(blurred.length > 5 && blurred.length < 40, `some takeovers blurred (${blurred.length})`);
});

test('every takeover has its seller, who appears nowhere in the opportunity', async () => {
  const takeovers = await rows<{
    title: string;
    description: string;
    details: string;
    contacts: string | null;
    sellerName: string | null;
    sellerEmail: string | null;
    sellerPhone: string | null;
    commune: string;
    epci: string;
    hidden: boolean;
  }>(
    db(),
    sql`select o.title, o.description, o.details::text as details,
          concat_ws('', o.employer_name, o.contact_name, o.contact_email, o.contact_phone) as contacts,
          s.name as "sellerName", s.email as "sellerEmail", s.phone as "sellerPhone",
          c.name as commune, e.name as epci, o.public_commune_code is null as hidden
        from opportunities o left join opportunity_sellers s on s.opportunity_id = o.id
        join communes c on c.code = o.commune_code join epcis e on e.code = o.epci_code
        where o.kind = 'takeover'`,
  );
  assert.equal(takeovers.length, 60);
  for (const t of takeovers) {
    assert.ok(t.sellerName && t.sellerEmail && t.sellerPhone, 'seller stored');
    assert.equal(t.contacts, '');
    const text = `${t.title}\n${t.description}\n${t.details}`;
    for (const secret of [t.sellerName, t.sellerEmail, t.sellerPhone]) assert.ok(!text.includes(secret!));
    assert.ok(!text.includes(t.sellerName!.split(' ')[1]), 'not even the surname');
    // A blurred takeover never names its commune (the EPCI's name may contain the seat's).
    if (t.hidden) {
      const words = new RegExp(`(^|[^\\p{L}])${t.commune}($|[^\\p{L}])`, 'u');
      assert.ok(!words.test(text.replaceAll(t.epci, '')), `${t.commune} named in « ${t.title} »`);
    }
  }
  const [orphans] = await rows<{ n: number }>(
    db(),
    sql`select count(*)::int as n from opportunity_sellers s
        join opportunities o on o.id = s.opportunity_id where o.kind <> 'takeover'`,
  );
  assert.equal(Number(orphans.n), 0);
});

test('loading again replaces the demo rows with the same ones; removing deletes them and their sellers', async () => {
  const before = await rows(
    db(),
    sql`select title, commune_code, source_id from opportunities order by source_id`,
  );
  await loadDemo(db(), { ...volume, seed: 'lot', now });
  const again = await rows(
    db(),
    sql`select title, commune_code, source_id from opportunities order by source_id`,
  );
  assert.deepEqual(again, before);
  assert.equal(await removeDemo(db()), 327);
  assert.deepEqual(await countOpportunities(db()), { total: 0, demo: 0 });
  assert.deepEqual(await rows(db(), sql`select 1 from opportunity_sellers`), []);
});

test('the command refuses to mix demo rows with real ones unless forced, and keeps the real ones', async () => {
  const real = await createTestOpportunity(db(), { title: 'Une vraie offre' });
  const lines: string[] = [];
  const print = (line: string) => lines.push(line);
  await assert.rejects(
    demoCommand(db(), { jobs: '5' }, systemActor, print),
    (error: unknown) => error instanceof AppError && /1 opportunités réelles.*--force/.test(error.message),
  );
  await assert.rejects(
    demoCommand(db(), { jobs: 'beaucoup', force: true }, systemActor, print),
    /--jobs attend un nombre entier/,
  );
  await demoCommand(
    db(),
    { jobs: '5', takeovers: '2', premises: '0', housing: '1', seed: '7', force: true },
    systemActor,
    print,
  );
  assert.match(lines.join('\n'), /graine « 7 ».*5 offres d’emploi, 2 reprises, 0 local, 1 logement/);
  assert.deepEqual(await countOpportunities(db()), { total: 9, demo: 8 });
  await demoCommand(db(), { remove: true }, systemActor, print);
  assert.deepEqual(await countOpportunities(db()), { total: 1, demo: 0 });
  const [kept] = await rows<{ id: string }>(db(), sql`select id from opportunities`);
  assert.equal(kept.id, real.id);
});

test('on start: nothing when an opportunity exists; the default volume on an empty base, once', async () => {
  const lines: string[] = [];
  await loadDemoIfEmpty(db(), (line) => lines.push(line));
  assert.equal(lines.length, 0);
  assert.deepEqual(await countOpportunities(db()), { total: 1, demo: 0 });

  await db().execute(sql`delete from opportunities`);
  await loadDemoIfEmpty(db(), (line) => lines.push(line));
  const { jobs, takeovers, premises, housing } = defaultDemoVolume;
  assert.deepEqual(await countOpportunities(db()), {
    total: jobs + takeovers + premises + housing,
    demo: jobs + takeovers + premises + housing,
  });
  assert.equal(lines.length, 1);
  assert.match(lines[0], /Données de démonstration chargées : 3000 offres d’emploi, 300 reprises/);
  await loadDemoIfEmpty(db(), (line) => lines.push(line));
  assert.equal(lines.length, 1);
});
