import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { one, rows } from '../../../core/db/index.js';
import { bumpDataVersion } from '../../../core/http/index.js';
import { seedDemoContent } from './index.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

interface NewContent {
  kind?: string;
  slug: string;
  title: string;
  status?: string;
  publishAt?: Date | null;
  body?: string;
  profiles?: string[];
  themes?: string[];
  communes?: string[];
  imageFileId?: string | null;
}

const arr = (items: string[]) =>
  items.length
    ? sql`array[${sql.join(
        items.map((i) => sql`${i}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

async function createContent(c: NewContent): Promise<string> {
  const row = await one<{ id: string }>(
    t.db(),
    sql`insert into contents (kind, slug, title, summary, body, status, publish_at, profiles, themes,
          commune_codes, image_file_id)
        values (${c.kind ?? 'story'}, ${c.slug}, ${c.title}, ${'Un chapeau de test.'},
          ${c.body ?? 'Un texte.'}, ${c.status ?? 'published'},
          ${c.publishAt === undefined ? new Date(Date.now() - 60_000) : c.publishAt},
          ${arr(c.profiles ?? [])}, ${arr(c.themes ?? [])}, ${arr(c.communes ?? [])}, ${c.imageFileId ?? null})
        returning id`,
  );
  await bumpDataVersion(t.db());
  return row!.id;
}

const get = (url: string) => t.app.inject({ url });

test('a published story is listed on /recits and its page renders the Markdown, Open Graph and JSON-LD', async () => {
  const file = await one<{ id: string }>(
    t.db(),
    sql`insert into stored_files (purpose, mime_type, bytes, width, height, sha256, storage_key, alt)
        values ('content-image', 'image/jpeg', 1000, 1600, 1000, 'x', 'k', 'Une vallée au matin')
        returning id`,
  );
  await createTestOpportunity(t.db(), { communeCode: '46102', title: 'Aide-soignant de nuit à Figeac' });
  await createContent({
    slug: 'anne-figeac',
    title: 'Anne, sage-femme à Figeac',
    body: '# Le départ\n\nElle est partie de Nantes.\n\n- une maison\n- un jardin\n\n<script>alert(1)</script>',
    profiles: ['wanted'],
    themes: ['sante'],
    communes: ['46102'],
    imageFileId: file!.id,
  });

  const list = await get('/recits');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /<a href="\/recits\/anne-figeac">Anne, sage-femme à Figeac<\/a>/);
  assert.match(list.body, /alt="Une vallée au matin"/);

  const page = await get('/recits/anne-figeac');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1 id="contenu-titre">Anne, sage-femme à Figeac<\/h1>/);
  assert.match(page.body, /<h2[^>]*>Le départ<\/h2>/);
  assert.match(page.body, /<li>une maison<\/li>/);
  assert.doesNotMatch(page.body, /<script>alert/);
  assert.match(page.body, /<meta property="og:type" content="article"\/?>/);
  assert.match(page.body, /<meta property="og:title" content="Anne, sage-femme à Figeac"\/?>/);
  assert.match(
    page.body,
    new RegExp(`<meta property="og:image" content="http://localhost:3000/fichiers/${file!.id}/1280.jpg"/?>`),
  );
  assert.match(page.body, /<link rel="canonical" href="http:\/\/localhost:3000\/recits\/anne-figeac"\/?>/);
  const json = page.body.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1];
  assert.ok(json, 'JSON-LD present');
  const article = JSON.parse(json);
  assert.equal(article['@type'], 'Article');
  assert.equal(article.headline, 'Anne, sage-femme à Figeac');
  assert.equal(article.url, 'http://localhost:3000/recits/anne-figeac');
  // Tags link to the filtered list; the commune's card and nearby opportunities are shown.
  assert.match(page.body, /href="\/recits\?profil=wanted">Wanted<\/a>/);
  assert.match(page.body, /href="\/recits\?commune=46102">Figeac<\/a>/);
  assert.match(page.body, /Voir la fiche de la commune Figeac/);
  assert.match(page.body, /Aide-soignant de nuit à Figeac/);
});

test('a scheduled story is absent from lists, its page and the sitemap until due; a draft is a 404', async () => {
  const id = await createContent({
    slug: 'recit-programme',
    title: 'Un récit programmé',
    publishAt: new Date(Date.now() + 3600_000),
    profiles: ['touristes'],
  });
  await createContent({ slug: 'recit-brouillon', title: 'Un brouillon', status: 'draft', publishAt: null });

  assert.doesNotMatch((await get('/recits')).body, /Un récit programmé/);
  assert.equal((await get('/recits/recit-programme')).statusCode, 404);
  assert.doesNotMatch((await get('/sitemap.xml')).body, /recit-programme/);
  assert.doesNotMatch((await get('/')).body, /Un récit programmé/);
  const draft = await get('/recits/recit-brouillon');
  assert.equal(draft.statusCode, 404);
  assert.match(draft.body, /n’existe pas ou n’est pas encore publié/);

  await t.db().execute(sql`update contents set publish_at = now() - interval '1 minute' where id = ${id}`);
  await bumpDataVersion(t.db());
  assert.match((await get('/recits')).body, /Un récit programmé/);
  assert.equal((await get('/recits/recit-programme')).statusCode, 200);
  assert.match((await get('/sitemap.xml')).body, /http:\/\/localhost:3000\/recits\/recit-programme/);
  // Its profile had no story: the home page now features it, and so does the profile's page.
  assert.match((await get('/')).body, /Un récit programmé/);
  assert.match((await get('/profils/touristes')).body, /Un récit programmé/);
});

test('filters narrow the list; an unknown value is a 400 with a French message at the filter', async () => {
  await createContent({
    slug: 'jeune-cahors',
    title: 'Une jeune à Cahors',
    profiles: ['jeunes'],
    themes: ['culture'],
    communes: ['46042'],
  });
  await createContent({
    slug: 'cadre-gourdon',
    title: 'Un cadre à Gourdon',
    profiles: ['wanted'],
    themes: ['emploi'],
    communes: ['46127'],
  });

  const jeunes = await get('/recits?profil=jeunes');
  assert.equal(jeunes.statusCode, 200);
  assert.match(jeunes.body, /Une jeune à Cahors/);
  assert.doesNotMatch(jeunes.body, /Un cadre à Gourdon/);

  const gourdon = await get('/recits?commune=46127&theme=emploi');
  assert.match(gourdon.body, /Un cadre à Gourdon/);
  assert.doesNotMatch(gourdon.body, /Une jeune à Cahors/);

  const none = await get('/recits?commune=46127&theme=sante');
  assert.equal(none.statusCode, 200);
  assert.match(none.body, /Aucun récit ne correspond à ces critères/);

  const bad = await get('/recits?theme=astronomie&commune=%3Cx%3E');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Ce thème n’existe pas/);
  assert.match(bad.body, /Cette commune n’existe pas ici/);
  assert.match(bad.body, /Une jeune à Cahors/, 'the list still shows, without the invalid filters');
  assert.doesNotMatch(bad.body, /&lt;x&gt;<\/option>/);

  assert.equal((await get('/reussites?page=abc')).statusCode, 200);
  assert.equal((await get('/actualites?epci=123')).statusCode, 400);
  assert.equal((await get('/recits/%3Cscript%3E')).statusCode, 404);
  // An address longer than any slug: the French 404 page, not the router's English 414.
  const long = await get(`/recits/${'a'.repeat(150)}`);
  assert.equal(long.statusCode, 404);
  assert.match(long.body, /<html lang="fr"/);
  assert.equal((await get(`/agenda/${'b'.repeat(120)}.ics`)).statusCode, 404);
});

test('the demo content is published, marked « Exemple fictif », and seeding again adds nothing', async () => {
  const demo = async () =>
    rows<{ slug: string }>(t.db(), sql`select slug from contents where demo order by slug`);
  const before = await demo();
  assert.equal(before.length, 8);
  const nurse = await get('/recits/claire-infirmiere-figeac');
  assert.equal(nurse.statusCode, 200);
  assert.match(nurse.body, /Exemple fictif/);
  assert.match(nurse.body, /<h2[^>]*>Le déclic<\/h2>/);
  assert.equal((await get('/pages/partager-votre-recit')).statusCode, 200);
  assert.match((await get('/reussites')).body, /moulin à huile de noix/);

  await seedDemoContent(t.db(), () => {});
  assert.deepEqual(await demo(), before);

  // With real content on the platform, a removed demo content is not brought back.
  await createContent({ slug: 'un-vrai-recit', title: 'Un vrai récit' });
  await t.db().execute(sql`delete from contents where slug = 'claire-infirmiere-figeac'`);
  await seedDemoContent(t.db(), () => {});
  assert.equal((await demo()).length, 7);
});
