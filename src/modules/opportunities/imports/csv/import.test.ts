import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../../test/helpers/app.js';
import { createOrganisation, createUser } from '../../../../../test/helpers/factories.js';
import { fromRoot } from '../../../../core/paths.js';
import type { Organisation } from '../../../partners/index.js';
import { findPublicOpportunity } from '../../public.js';
import { importRuns, opportunities, opportunitySellers } from '../../schema.js';
import { CsvFileError, csvSource, importCsv } from './run.js';

const fixture = (name: string) => fs.readFileSync(fromRoot('test/fixtures/imports', name));
const actor = { id: null, label: 'test' };

let t: TestApp;
let chamber: Organisation;
before(async () => {
  t = await testApp();
  chamber = await createOrganisation(t.ctx.db, { kind: 'chambre', slug: 'cma-test', name: 'CMA de test' });
});
after(() => t.close());

const rowsOf = (source: string) =>
  t.ctx.db.select().from(opportunities).where(eq(opportunities.source, source));
const counts = (r: { created: number; updated: number; unchanged: number; rejected: number }) => ({
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: r.rejected,
});

test('a takeover file with good and bad rows: the good rows land, the bad ones are reported by line and column', async () => {
  const run = await importCsv(t.database, {
    kind: 'takeover',
    content: fixture('reprises.csv'),
    organisation: chamber,
    actor,
  });
  assert.equal(run.status, 'done');
  assert.equal(run.total, 9);
  assert.deepEqual(counts(run), { created: 3, updated: 0, unchanged: 0, rejected: 6 });
  assert.deepEqual(
    run.report.map((r) => [r.line, r.field]),
    [
      [4, 'commune'],
      [5, 'type_activite'],
      [5, 'apport_minimum'],
      [6, 'titre'],
      [8, 'reference'],
      [9, 'disponible_le'],
      [10, 'cedant_nom'],
    ],
  );
  const reasons = run.report.map((r) => r.reason);
  assert.match(reasons[0], /Commune inconnue : « Paris »/);
  assert.match(
    reasons[1],
    /« boulangerie » n’est pas une valeur permise\. Valeurs possibles : commerce, artisanat/,
  );
  assert.match(reasons[2], /« environ 30k » n’est pas un nombre/);
  assert.equal(reasons[3], 'Valeur obligatoire : la cellule est vide.');
  assert.equal(reasons[4], 'Référence déjà utilisée à la ligne 2 de ce fichier.');
  assert.match(reasons[5], /« 31\/02\/2026 » n’est pas une date valide/);
  assert.match(reasons[6], /nom du cédant est obligatoire/);

  const rows = await rowsOf(csvSource(chamber));
  assert.deepEqual(rows.map((r) => r.sourceId).sort(), ['CCI-2025-010', 'CMA-2025-001', 'CMA-2025-002']);
  const bakery = rows.find((r) => r.sourceId === 'CMA-2025-001')!;
  assert.equal(bakery.kind, 'takeover');
  assert.equal(bakery.status, 'published');
  assert.equal(bakery.organisationId, chamber.id);
  assert.equal(bakery.communeCode, '46102');
  assert.equal(bakery.publicCommuneCode, null, 'confidentialité epci: the commune is hidden');
  assert.equal(bakery.sector, 'artisanat');
  assert.equal(bakery.priceBand, '150-300k');
  assert.deepEqual(bakery.targetProfiles, ['secondes-vies']);
  assert.match(
    bakery.description,
    /^Boulangerie artisanale tenue depuis 22 ans ; four à sole récent.*\nClientèle fidèle/s,
  );
  assert.deepEqual(bakery.details, {
    businessKind: 'artisanat',
    operation: 'fonds',
    headcountBand: '3-9',
    turnoverBand: '300k-1m',
    minContribution: 40000,
    housingIncluded: true,
    availableFrom: '2026-01-01',
    reason: 'Départ à la retraite',
    confidentiality: 'epci',
  });
  const garage = rows.find((r) => r.sourceId === 'CMA-2025-002')!;
  assert.equal(garage.publicCommuneCode, '46309');
  assert.equal(
    (garage.details as { operation: string }).operation,
    'parts',
    'a label is accepted for its code',
  );
  const hotel = rows.find((r) => r.sourceId === 'CCI-2025-010')!;
  assert.equal(hotel.communeCode, '46256', 'a commune name without accents or hyphens');
  assert.deepEqual(hotel.targetProfiles, ['wanted', 'secondes-vies']);
});

test('a takeover’s seller columns land in opportunity_sellers only, never in public data', async () => {
  const [bakery] = (await rowsOf(csvSource(chamber))).filter((r) => r.sourceId === 'CMA-2025-001');
  const [seller] = await t.ctx.db
    .select()
    .from(opportunitySellers)
    .where(eq(opportunitySellers.opportunityId, bakery.id));
  assert.deepEqual(
    [seller.name, seller.company, seller.email, seller.phone],
    ['Jeanne Martin', 'SARL Martin Frères', 'jeanne.martin@exemple.fr', '06 12 34 56 78'],
  );
  const everywhere = JSON.stringify([bakery, await findPublicOpportunity(t.ctx.db, bakery.id)]);
  for (const secret of ['Jeanne', 'Martin Frères', 'jeanne.martin@exemple.fr', '06 12 34 56 78'])
    assert.ok(!everywhere.includes(secret), `${secret} is not in the opportunity nor its public form`);
  assert.equal(bakery.employerName, null);
  assert.equal(bakery.contactEmail, null);
  const sellers = await t.ctx.db.select().from(opportunitySellers);
  assert.equal(sellers.length, 1, 'rows without seller columns have no seller');
});

test('the same file again changes nothing; an edited file updates just what changed', async () => {
  const again = await importCsv(t.database, {
    kind: 'takeover',
    content: fixture('reprises.csv'),
    organisation: chamber,
    actor,
  });
  assert.deepEqual(counts(again), { created: 0, updated: 0, unchanged: 3, rejected: 6 });
  assert.equal(again.report.length, 7);

  const edited = fixture('reprises.csv')
    .toString('utf8')
    .replace('50-150k', '150-300k')
    .replace('06 12 34 56 78', '06 98 76 54 32');
  const third = await importCsv(t.database, {
    kind: 'takeover',
    content: edited,
    organisation: chamber,
    actor,
  });
  assert.deepEqual(counts(third), { created: 0, updated: 2, unchanged: 1, rejected: 6 });
  const rows = await rowsOf(csvSource(chamber));
  assert.equal(rows.find((r) => r.sourceId === 'CMA-2025-002')?.priceBand, '150-300k');
  const [seller] = await t.ctx.db.select().from(opportunitySellers);
  assert.equal(seller.phone, '06 98 76 54 32');
});

test('premises (commas, no BOM) and housing (BOM, semicolons) files', async () => {
  const premises = await importCsv(t.database, {
    kind: 'premises',
    content: fixture('locaux.csv'),
    organisation: chamber,
    actor,
  });
  assert.deepEqual(counts(premises), { created: 2, updated: 0, unchanged: 0, rejected: 1 });
  assert.deepEqual(premises.report, [
    { line: 4, field: 'surface_m2', reason: '« cent » n’est pas un nombre (par exemple 1200 ou 1 200,50).' },
  ]);
  const shop = (await rowsOf(csvSource(chamber))).find((r) => r.sourceId === 'LOC-02')!;
  assert.deepEqual(shop.details, {
    premisesKind: 'commerce',
    surfaceM2: 85.5,
    rentMonthly: 420,
    equipment: 'Vitrine, réserve',
  });
  assert.equal(shop.communeCode, '46143');
  assert.equal(shop.contactEmail, 'mairie@exemple.fr');

  const housing = await importCsv(t.database, {
    kind: 'housing',
    content: fixture('logements.csv'),
    organisation: chamber,
    actor,
  });
  assert.deepEqual(counts(housing), { created: 2, updated: 0, unchanged: 0, rejected: 1 });
  assert.deepEqual(
    housing.report.map((r) => [r.line, r.field]),
    [
      [4, 'capacite'],
      [4, 'disponible_au'],
    ],
  );
  const bridge = (await rowsOf(csvSource(chamber))).find((r) => r.sourceId === 'LOG-01')!;
  assert.deepEqual(bridge.details, {
    housingKind: 'passerelle',
    capacity: 5,
    rentMonthly: 380,
    rentText: '380 € par mois, charges comprises',
    periods: [{ from: '2025-09-01', to: '2026-06-30' }],
    conditions: 'Nouvel arrivant avec un emploi ou un projet dans le Lot ; 6 mois renouvelables une fois.',
  });
});

test('a reference used by another kind, and an unknown adviser, are rejected', async () => {
  const file = [
    'reference;titre;description;commune;type_local',
    'CMA-2025-001;Local;Un local.;Cahors;atelier',
  ].join('\n');
  const run = await importCsv(t.database, { kind: 'premises', content: file, organisation: chamber, actor });
  assert.equal(run.rejected, 1);
  assert.match(run.report[0].reason, /autre type \(Entreprise à reprendre\)/);

  const adviser = await createUser(t.ctx.db, { role: 'adviser', organisationId: chamber.id });
  const takeover = (email: string) =>
    `reference;titre;description;commune;type_activite;email_conseiller\nCMA-9;Épicerie;Épicerie de village.;Cahors;commerce;${email}\n`;
  const unknown = await importCsv(t.database, {
    kind: 'takeover',
    content: takeover('personne@nulle-part.fr'),
    organisation: chamber,
    actor,
  });
  assert.deepEqual(unknown.report, [
    {
      line: 2,
      field: 'email_conseiller',
      reason: 'Aucun compte actif n’a l’adresse personne@nulle-part.fr.',
    },
  ]);
  const known = await importCsv(t.database, {
    kind: 'takeover',
    content: takeover(adviser.email.toUpperCase()),
    organisation: chamber,
    actor,
  });
  assert.equal(known.created, 1);
  const [row] = (await rowsOf(csvSource(chamber))).filter((r) => r.sourceId === 'CMA-9');
  assert.equal(row.adviserId, adviser.id);
});

test('an interrupted import of the same file resumes after its last saved line; another file starts afresh', async () => {
  const org = await createOrganisation(t.ctx.db, { slug: 'resume-test' });
  const content = fixture('reprises.csv');
  const fingerprint = crypto.createHash('sha256').update(content).digest('hex');
  // What a crash after the first batch (lines 2 and 3) leaves behind.
  const [crashed] = await t.ctx.db
    .insert(importRuns)
    .values({
      source: 'csv:resume-test:reprises',
      status: 'running',
      cursor: { fingerprint, line: 3 },
      total: 9,
      created: 2,
    })
    .returning();
  const resumed = await importCsv(t.database, { kind: 'takeover', content, organisation: org, actor });
  assert.equal(resumed.id, crashed.id);
  assert.equal(resumed.status, 'done');
  assert.deepEqual(counts(resumed), { created: 3, updated: 0, unchanged: 0, rejected: 6 });
  const ids = (await rowsOf('csv:resume-test')).map((r) => r.sourceId).sort();
  assert.deepEqual(ids, ['CCI-2025-010'], 'lines 2 and 3 were not read again');

  await t.ctx.db
    .update(importRuns)
    .set({ status: 'failed', cursor: { fingerprint: 'another', line: 5 } })
    .where(eq(importRuns.id, crashed.id));
  const fresh = await importCsv(t.database, { kind: 'takeover', content, organisation: org, actor });
  assert.notEqual(fresh.id, crashed.id);
  assert.equal(fresh.created, 2);
  const [old] = await t.ctx.db.select().from(importRuns).where(eq(importRuns.id, crashed.id));
  assert.equal(old.status, 'failed');
});

test('two imports of the same source at once: the second is refused, not interleaved', async () => {
  const org = await createOrganisation(t.ctx.db, { slug: 'concurrent-test' });
  const options = { kind: 'premises' as const, content: fixture('locaux.csv'), organisation: org, actor };
  const results = await Promise.allSettled([importCsv(t.database, options), importCsv(t.database, options)]);
  assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  assert.match((refused.reason as Error).message, /déjà en cours/);
});

test('a file that cannot be read is refused as a whole, with the reason', async () => {
  const refuse = async (content: Buffer | string, pattern: RegExp) => {
    await assert.rejects(
      importCsv(t.database, { kind: 'housing', content, organisation: chamber, actor }),
      (error: unknown) => error instanceof CsvFileError && pattern.test(error.message),
    );
  };
  await refuse(
    Buffer.from(
      'reference;titre;description;commune;type_logement\nA;Gîte;Un gîte;Cahors;passerelle\n',
      'latin1',
    ),
    /pas encodé en UTF-8/,
  );
  await refuse(
    'reference;titre;commune\nA;B;Cahors\n',
    /Colonnes obligatoires absentes : description, type_logement/,
  );
  await refuse('reference;titre;description;commune;type_logement;loyer\n', /Colonne inconnue : « loyer »/);
  await refuse('reference;titre;description;commune;type_logement\n', /aucune ligne/);
  await refuse(
    'reference;titre;description;commune;type_logement\nA;"Gîte;Un gîte;Cahors;passerelle\n',
    /mal formé/,
  );
  await refuse('', /vide/);
});
