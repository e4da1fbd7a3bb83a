import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs } from '../../../../test/helpers/factories.js';
import { createTestFile, twoEpciOrganisations } from '../../../../test/helpers/welcome.js';
import { hashToken, newToken } from '../../../core/auth/index.js';
import { type Db, rows } from '../../../core/db/index.js';
import { findFile } from '../files.js';
import { householdSessions } from '../schema.js';
import { assembleKit } from './assemble.js';
import { renderKitPdf } from './pdf.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string, cookie = '') => t.app.inject({ method: 'GET', url, headers: { cookie } });
const plain = (html: string) => html.replace(/[\u202f\u00a0]/g, ' ').replace(/&#x27;|&#39;/g, "'");

async function householdCookie(db: Db, fileId: string): Promise<string> {
  const token = newToken();
  await db
    .insert(householdSessions)
    .values({ id: hashToken(token), fileId, expiresAt: new Date(Date.now() + 3_600_000) });
  return `choisir_foyer=${token}`;
}

async function communeOf(epciCode: string) {
  const [c] = await rows<{ code: string; name: string }>(
    t.ctx.db,
    sql`select code, name from communes where epci_code = ${epciCode} order by population desc nulls last limit 1`,
  );
  return c;
}

async function journal(fileId: string, action: string) {
  return rows<{ actorLabel: string; diff: Record<string, { after?: unknown }> | null }>(
    t.ctx.db,
    sql`select actor_label as "actorLabel", diff from journal
        where target_type = 'file' and target_id = ${fileId} and action = ${action} order by id`,
  );
}

/** The WinAnsi bytes that differ from Latin-1 and that these tests read back. */
const winAnsiHigh: Record<number, string> = { 146: '’', 156: 'œ', 151: '—', 133: '…', 128: '€' };

/** Text drawn by pdfkit in an uncompressed PDF: the hex strings of each TJ array, decoded as WinAnsi. */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of source.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    const hex = [...m[1].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]).join('');
    const bytes = Buffer.from(hex, 'hex');
    lines.push([...bytes].map((b) => winAnsiHigh[b] ?? String.fromCharCode(b)).join(''));
  }
  return lines.join('\n');
}

async function setup() {
  const [mine, other] = await twoEpciOrganisations(t.ctx.db);
  const referent = await createUser(t.ctx.db, {
    role: 'referent',
    organisationId: mine.id,
    name: 'Léa Référente',
  });
  const outsider = await createUser(t.ctx.db, { role: 'referent', organisationId: other.id });
  const commune = await communeOf(mine.epciCode as string);
  const file = await createTestFile(t.ctx.db, {
    leadOrganisationId: mine.id,
    referentId: referent.id,
    contactName: 'Camille Kit',
    overrides: { targetProfile: 'wanted', placeCommunes: [commune.code] },
  });
  return {
    mine,
    file,
    commune,
    cookie: await loginAs(t.app, referent.email, referent.password),
    outsiderCookie: await loginAs(t.app, outsider.email, outsider.password),
  };
}

test('the kit tab shows the profile’s checklist, the commune’s life card, the EPCI and the referent', async () => {
  const { file, commune, mine, cookie } = await setup();
  const page = await get(`/admin/dossiers/${file.id}/kit`, cookie);
  assert.equal(page.statusCode, 200);
  const html = plain(page.body);
  assert.match(html, /Vos étapes pour vous installer/);
  assert.match(html, /Votre métier dans le Lot/);
  assert.match(html, /Consulter les offres du portail pour chaque adulte du foyer/);
  assert.doesNotMatch(html, /Reprendre ou créer une activité/, 'another profile’s section stays out');
  assert.match(
    html,
    new RegExp(`${commune.name}[^<]*<span class="kit__kicker">une commune qui vous intéresse`),
  );
  assert.match(html, /compte [\d ]+ habitants/);
  assert.match(html, /Léa Référente/);
  assert.match(html, new RegExp(mine.name));
  assert.match(html, /href="https:\/\/www\.francetravail\.fr"/);
  assert.match(html, new RegExp(`href="/admin/dossiers/${file.id}/kit" aria-current="page"`));
});

test('« Générer le PDF » journals a version on the file; the PDF downloads with its name and is journaled', async () => {
  const { file, cookie } = await setup();
  const page = await get(`/admin/dossiers/${file.id}/kit`, cookie);
  const csrf = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const generate = await t.app.inject({
    method: 'POST',
    url: `/admin/dossiers/${file.id}/kit/pdf`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${encodeURIComponent(csrf)}`,
  });
  assert.equal(generate.statusCode, 303);
  const [entry] = await journal(file.id, 'kit.generate');
  assert.equal(entry.diff?.version?.after, 1);
  assert.ok(Number(entry.diff?.pages?.after) >= 1);
  const after = await get(String(generate.headers.location), cookie);
  assert.match(after.body, /joint au dossier/);
  assert.match(after.body, /1 version générée/);

  const pdf = await get(`/admin/dossiers/${file.id}/kit.pdf`, cookie);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(
    pdf.headers['content-disposition'],
    `attachment; filename="kit-accueil-${file.reference}.pdf"`,
  );
  assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.rawPayload.length > 2000, 'a PDF with real content');
  assert.equal((await journal(file.id, 'kit.download')).length, 1);
});

test('the PDF holds the reference, the checklist, full links and page numbers; French text survives', async () => {
  const { file } = await setup();
  const found = await findFile(t.ctx.db, file.id);
  assert.ok(found);
  const kit = await assembleKit(t.ctx.db, found);
  // Enough items to need a second page.
  kit.sections.push({
    title: 'Étapes supplémentaires',
    kind: 'checklist',
    items: Array.from({ length: 60 }, (_, i) => `Étape numéro ${i + 1} : l’école, « œuvre » ✓`),
    links: [],
  });
  const pdf = await renderKitPdf(kit, { siteName: 'Oh my Lot!', generatedAt: new Date(), compress: false });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = pdfText(pdf);
  const flat = text.replace(/\n/g, '');
  assert.match(flat, new RegExp(file.reference));
  assert.match(flat, /Camille Kit/);
  assert.ok(file.email && !flat.includes(file.email), 'no contact details beyond the name');
  assert.doesNotMatch(flat, /06 12 34 56 78/);
  assert.match(flat, /Consulter les offres du portail/);
  assert.match(flat, /https:\/\/www\.service-public\.fr\/particuliers\/vosdroits\/R11193/);
  assert.match(flat, /l’école, « œuvre » v/);
  assert.match(flat, /page 1 sur [2-9]/);
  assert.match(flat, /page 2 sur/);
});

test('the household’s kit needs its session; the PDF download is journaled as the household', async () => {
  const { file } = await setup();
  const anonymous = await get('/mon-espace/kit');
  assert.equal(anonymous.statusCode, 303);
  assert.equal(anonymous.headers.location, '/mon-espace');
  assert.equal((await get('/mon-espace/kit.pdf')).statusCode, 303);
  const cookie = await householdCookie(t.ctx.db, file.id);
  const page = await get('/mon-espace/kit', cookie);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Mon kit d’accueil/);
  assert.match(page.body, /Votre métier dans le Lot/);
  assert.match(String(page.headers['cache-control']), /no-store|private/);
  const pdf = await get('/mon-espace/kit.pdf', cookie);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const [entry] = await journal(file.id, 'kit.download');
  assert.equal(entry.actorLabel, `foyer ${file.reference}`);
});

test('every kit route answers 404 to another EPCI’s referent', async () => {
  const { file, outsiderCookie } = await setup();
  assert.equal((await get(`/admin/dossiers/${file.id}/kit`, outsiderCookie)).statusCode, 404);
  assert.equal((await get(`/admin/dossiers/${file.id}/kit.pdf`, outsiderCookie)).statusCode, 404);
  const page = await get('/admin', outsiderCookie);
  const csrf = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const post = await t.app.inject({
    method: 'POST',
    url: `/admin/dossiers/${file.id}/kit/pdf`,
    headers: { cookie: outsiderCookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${encodeURIComponent(csrf)}`,
  });
  assert.equal(post.statusCode, 404);
  assert.equal((await journal(file.id, 'kit.generate')).length, 0);
  assert.equal((await get('/admin/dossiers/not-a-uuid/kit', outsiderCookie)).statusCode, 404);
});
