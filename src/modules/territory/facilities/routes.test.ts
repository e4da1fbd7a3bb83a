import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs, postForm } from '../../../../test/helpers/factories.js';
import { rows } from '../../../core/db/index.js';

let t: TestApp;
let editor: string;
let referent: string;
before(async () => {
  t = await testApp();
  const e = await createUser(t.ctx.db, { role: 'editor' });
  editor = await loginAs(t.app, e.email, e.password);
  const r = await createUser(t.ctx.db, { role: 'referent' });
  referent = await loginAs(t.app, r.email, r.password);
});
after(() => t.close());

const page = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const count = async (where = sql`true`) =>
  (await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from facilities where ${where}`))[0].n;

function multipart(fields: Record<string, string>, file?: { filename: string; content: Buffer }) {
  const boundary = '----choisirFacilitiesBoundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="fichier"; filename="${file.filename}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  cookie: string,
  fields: Record<string, string>,
  file?: { filename: string; content: Buffer },
) {
  const form = await page('/admin/territoire/equipements', cookie);
  const body = multipart({ _csrf: csrfTokenIn(form.body), ...fields }, file);
  return t.app.inject({
    method: 'POST',
    url: '/admin/territoire/equipements',
    headers: { cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

test('the seeded demo shows on Cahors’s page, with its sources and the broadband figures', async () => {
  const res = await page('/territoire/communes/cahors');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h2 id="equipements-titre">Équipements et services<\/h2>/);
  assert.match(res.body, /Données de démonstration :/);
  assert.match(res.body, /<h3 id="equipements-health">Santé<\/h3>/);
  assert.match(res.body, /Pharmacie<\/span> : <span class="facilities-list__count">5<\/span>/);
  assert.match(res.body, /Pharmacie du Boulevard/);
  assert.match(
    res.body,
    /Source : Données de démonstration \(extrait fictif au format BPE\), au 1er janvier 2023 — données de démonstration/,
  );
  assert.match(res.body, /<caption>Internet et téléphone mobile<\/caption>/);
  assert.match(
    res.body,
    /Locaux raccordables à la fibre<\/th><td class="num">94 %<\/td><td>Source : Démonstration, au 1er janvier 2024/,
  );
});

test('a key facility the commune lacks: the nearest elsewhere, as the crow flies, said to be an estimate', async () => {
  const res = await page('/territoire/communes/maxou');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Plateau et terrain de jeux extérieurs/);
  assert.match(
    res.body,
    /École<\/span> : <span>à [\d,]+ km à vol d’oiseau \(<a href="\/territoire\/communes\/[a-z-]+">[^<]+<\/a>/,
  );
  assert.match(res.body, /Estimation à vol d’oiseau, pas un temps de trajet\./);
});

test('staff pages: 403 for a referent, the import form for an editor', async () => {
  assert.equal((await page('/admin/territoire/equipements', referent)).statusCode, 403);
  assert.equal((await page('/admin/territoire/equipements/46042', referent)).statusCode, 403);
  const res = await page('/admin/territoire/equipements', editor);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /enctype="multipart\/form-data"/);
  assert.match(res.body, /bpe-demo\.csv/, 'the seeded import is listed');
  assert.equal((await page('/admin/territoire/equipements/abc', editor)).statusCode, 404);
  assert.equal((await page('/admin/territoire/equipements/99999', editor)).statusCode, 404);
});

test('a bad file is refused in French and nothing is lost', async () => {
  const before = await count();
  const res = await upload(
    editor,
    { source: 'INSEE, BPE 2023', sourceDate: '2023-01-01' },
    { filename: 'photo.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
  );
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Ce fichier n’est pas un fichier CSV/);
  assert.equal(await count(), before);
  const missing = await upload(editor, { source: '', sourceDate: '' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Indiquez la source/);
  assert.match(missing.body, /Choisissez le fichier CSV/);
});

test('an import through the staff page shows at once on the commune page, with its source and date', async () => {
  // Warm the cache first: the import must invalidate it.
  assert.match((await page('/territoire/communes/gramat')).body, /données de démonstration/);
  const csv = [
    'AN;REG;DEP;DEPCOM;DCIRIS;TYPEQU;LAMBERT_X;LAMBERT_Y;QUALITE_XY',
    '2023;76;46;46128;461280000;F303;599000;6407000;Bonne',
    '2023;76;46;46042;460420000;C104;575923.4;6373630.7;Bonne',
  ].join('\n');
  const res = await upload(
    editor,
    { source: 'INSEE, BPE 2023', sourceDate: '2023-01-01' },
    { filename: 'bpe-lot.csv', content: Buffer.from(csv) },
  );
  assert.equal(res.statusCode, 303);
  const list = await page('/admin/territoire/equipements?importe=1', editor);
  assert.match(list.body, /bpe-lot\.csv/);
  const gramat = await page('/territoire/communes/gramat');
  assert.match(gramat.body, /Cinéma<\/span> : <span class="facilities-list__count">1<\/span>/);
  assert.match(gramat.body, /Source : INSEE, BPE 2023, au 1er janvier 2023/);
  assert.doesNotMatch(gramat.body, /au format BPE/, 'the demo extract is replaced by real data');
  assert.match(
    gramat.body,
    /École<\/span> : <span>à [\d,]+ km à vol d’oiseau \(<a href="\/territoire\/communes\/cahors">Cahors<\/a>/,
  );
  const [journal] = await rows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from journal where action = 'facility.import'`,
  );
  assert.equal(journal.n, 1);
});

test('per-commune editing: add, delete, broadband figures; journalled and shown on the card', async () => {
  const url = '/admin/territoire/equipements/46127';
  const bad = await postForm(
    t.app,
    editor,
    `${url}/equipements`,
    { typeCode: 'ZZZZ', name: '', source: '', sourceDate: '' },
    url,
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Choisissez un type d’équipement/);
  const added = await postForm(
    t.app,
    editor,
    `${url}/equipements`,
    {
      typeCode: 'D301',
      name: 'Pharmacie de la Bouriane',
      source: 'Saisie : mairie de Gourdon',
      sourceDate: '2024-03-15',
    },
    url,
  );
  assert.equal(added.statusCode, 303);
  let card = await page('/territoire/communes/gourdon');
  assert.match(card.body, /Pharmacie de la Bouriane/);
  assert.match(card.body, /Source : Saisie : mairie de Gourdon, au 15 mars 2024/);

  const facts = await postForm(
    t.app,
    editor,
    `${url}/donnees`,
    { fibre: '87,5', mobile4g: '', factSource: 'Arcep, Ma connexion internet', factDate: '2024-06-30' },
    url,
  );
  assert.equal(facts.statusCode, 303);
  card = await page('/territoire/communes/gourdon');
  assert.match(card.body, /87,5 %<\/td><td>Source : Arcep, Ma connexion internet, au 30 juin 2024<\/td>/);
  assert.doesNotMatch(card.body, /Couverture en 4G/);
  const wrong = await postForm(
    t.app,
    editor,
    `${url}/donnees`,
    { fibre: '140', factSource: 'X', factDate: '2024-01-01' },
    url,
  );
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /entre 0 et 100/);

  const [row] = await rows<{ id: string }>(
    t.ctx.db,
    sql`select id from facilities where name = 'Pharmacie de la Bouriane'`,
  );
  assert.equal(
    (
      await postForm(
        t.app,
        referent,
        `${url}/equipements/${row.id}/supprimer`,
        {},
        '/admin/territoire/equipements',
      )
    ).statusCode,
    403,
  );
  const deleted = await postForm(t.app, editor, `${url}/equipements/${row.id}/supprimer`, {}, url);
  assert.equal(deleted.statusCode, 303);
  assert.equal(await count(sql`id = ${row.id}`), 0);
  assert.doesNotMatch((await page('/territoire/communes/gourdon')).body, /Pharmacie de la Bouriane/);
  assert.equal(
    (await postForm(t.app, editor, `${url}/equipements/not-a-uuid/supprimer`, {}, url)).statusCode,
    404,
  );
  const journal = await rows<{ action: string }>(
    t.ctx.db,
    sql`select action from journal where target_type = 'commune' and target_id = '46127' order by id`,
  );
  assert.deepEqual(
    journal.map((j) => j.action),
    ['facility.create', 'commune.facts', 'facility.delete'],
  );
});

test('a broadband figure left as it was keeps its own source; an impossible date is refused at its field', async () => {
  const url = '/admin/territoire/equipements/46102';
  const values = { fibre: '91', mobile4g: '97', factSource: 'Arcep, Mon réseau mobile' };
  const impossible = await postForm(
    t.app,
    editor,
    `${url}/donnees`,
    { ...values, factDate: '2025-02-31' },
    url,
  );
  assert.equal(impossible.statusCode, 400);
  assert.match(impossible.body, /Saisissez une date valide/);
  const saved = await postForm(t.app, editor, `${url}/donnees`, { ...values, factDate: '2025-01-31' }, url);
  assert.equal(saved.statusCode, 303);
  const card = (await page('/territoire/communes/figeac')).body;
  assert.match(card, /fibre<\/th><td class="num">91 %<\/td><td>Source : Démonstration, au 1er janvier 2024/);
  assert.match(card, /97 %<\/td><td>Source : Arcep, Mon réseau mobile, au 31 janvier 2025<\/td>/);
});
