import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { cookiesOf, csrfTokenIn } from '../../../../test/helpers/app.js';
import { one, rows } from '../../../core/db/index.js';
import { adminPaths } from '../paths.js';
import { listPublicContents } from '../queries.js';
import { type EditorKit, editorKit, idFrom, jpeg, storyUrl } from './test-kit.js';

let kit: EditorKit;
let t: EditorKit['t'];
let editor: string;
let submit: EditorKit['submit'];
before(async () => {
  kit = await editorKit();
  ({ t, editor, submit } = kit);
});
after(() => kit.close());

test('an editor creates a story with a lead image, schedules it, then it goes public when due', async () => {
  const image = { name: 'image', filename: 'causse.jpg', type: 'image/jpeg', content: await jpeg() };
  const base: [string, string][] = [
    ['title', 'Vivre sur le causse'],
    ['summary', 'Trois familles racontent.'],
    ['body', '## Arriver\n\nLe premier hiver.'],
    ['themes', 'nature'],
    ['themes', 'logement'],
    ['communes', 'Cahors'],
  ];
  const missingAlt = await submit(storyUrl, [...base, ['action', 'save']], [image]);
  assert.equal(missingAlt.statusCode, 400);
  assert.match(missingAlt.body, /le texte alternatif est obligatoire/);
  assert.match(missingAlt.body, /value="Vivre sur le causse"/);
  assert.equal(await one(t.db(), sql`select 1 from contents where title = 'Vivre sur le causse'`), undefined);

  const created = await submit(
    storyUrl,
    [...base, ['imageAlt', 'Un troupeau sur le causse'], ['action', 'save']],
    [image],
  );
  assert.equal(created.statusCode, 303);
  const id = idFrom(created.headers.location as string);
  const row = await one<{
    slug: string;
    status: string;
    themes: string[];
    commune_codes: string[];
    alt: string;
  }>(
    t.db(),
    sql`select c.slug, c.status, c.themes, c.commune_codes, f.alt from contents c
        join stored_files f on f.id = c.image_file_id where c.id = ${id}`,
  );
  assert.deepEqual(row, {
    slug: 'vivre-sur-le-causse',
    status: 'draft',
    themes: ['nature', 'logement'],
    commune_codes: ['46042'],
    alt: 'Un troupeau sur le causse',
  });

  const list = await t.app.inject({ method: 'GET', url: adminPaths.list, headers: { cookie: editor } });
  assert.match(list.body, /Vivre sur le causse/);
  assert.match(list.body, /Brouillon/);
  assert.match(list.body, /Élise Éditrice/);

  // Scheduled: published, but not public before its time.
  const future = await submit(adminPaths.edit(id), [
    ...base,
    ['imageAlt', 'Un troupeau sur le causse'],
    ['revision', '1'],
    ['publishAt', '2099-06-01T09:30'],
    ['action', 'publish'],
  ]);
  assert.equal(future.statusCode, 303);
  const scheduled = await one<{ status: string; publish_at: Date }>(
    t.db(),
    sql`select status, publish_at from contents where id = ${id}`,
  );
  assert.equal(scheduled?.status, 'published');
  assert.equal(new Date(scheduled?.publish_at as Date).toISOString(), '2099-06-01T07:30:00.000Z');
  const causse = async () =>
    (await listPublicContents(t.db(), { kinds: ['story'], limit: 100 })).filter((c) => c.id === id);
  assert.equal((await causse()).length, 0);
  const listed = await t.app.inject({
    method: 'GET',
    url: `${adminPaths.list}?statut=scheduled`,
    headers: { cookie: editor },
  });
  assert.match(listed.body, /Programmé le/);

  const due = await submit(adminPaths.edit(id), [
    ...base,
    ['imageAlt', 'Un troupeau sur le causse'],
    ['revision', '2'],
    ['publishAt', '2020-01-01T08:00'],
    ['action', 'publish'],
  ]);
  assert.equal(due.statusCode, 303);
  assert.deepEqual(
    (await causse()).map((c) => [c.title, c.imageAlt]),
    [['Vivre sur le causse', 'Un troupeau sur le causse']],
  );
});

test('revisions: every save adds one, an old one can be restored, a stale save is refused with values kept', async () => {
  const created = await submit(storyUrl, [
    ['title', 'Premier titre'],
    ['body', 'Premier texte.'],
    ['action', 'save'],
  ]);
  const id = idFrom(created.headers.location as string);
  const edited = await submit(adminPaths.edit(id), [
    ['title', 'Second titre'],
    ['body', 'Second texte.'],
    ['revision', '1'],
    ['action', 'save'],
  ]);
  assert.equal(edited.statusCode, 303);
  const count = await one<{ n: number }>(
    t.db(),
    sql`select count(*)::int as n from content_revisions where content_id = ${id}`,
  );
  assert.equal(count?.n, 2);
  const versions = await t.app.inject({
    method: 'GET',
    url: adminPaths.revisions(id),
    headers: { cookie: editor },
  });
  assert.match(versions.body, /Version 2 \(actuelle\)/);
  assert.match(versions.body, /Élise Éditrice/);

  // Restore version 1: a new revision 3 with the old words.
  const old = await t.app.inject({
    method: 'GET',
    url: `${adminPaths.revisions(id)}/1`,
    headers: { cookie: editor },
  });
  assert.match(old.body, /Premier texte/);
  assert.match(old.body, /Restaurer cette version/);
  const restored = await t.app.inject({
    method: 'POST',
    url: `${adminPaths.revisions(id)}/1/restaurer`,
    headers: { cookie: cookiesOf(old, editor), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(old.body), revision: '2' }).toString(),
  });
  assert.equal(restored.statusCode, 303);
  const now = await one<{ title: string; body: string; revision: number }>(
    t.db(),
    sql`select title, body, revision from contents where id = ${id}`,
  );
  assert.deepEqual(now, { title: 'Premier titre', body: 'Premier texte.', revision: 3 });
  const journal = await rows<{ action: string }>(
    t.db(),
    sql`select action from journal where target_type = 'content' and target_id = ${id} order by id`,
  );
  assert.deepEqual(
    journal.map((j) => j.action),
    ['content.create', 'content.update', 'content.restore'],
  );

  // Someone saved meanwhile: a form loaded at revision 2 is refused, what was typed is shown again.
  const stale = await submit(adminPaths.edit(id), [
    ['title', 'Titre écrit hors ligne'],
    ['body', 'Un texte qu’il ne faut pas perdre.'],
    ['revision', '2'],
    ['action', 'save'],
  ]);
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /modifié par quelqu’un d’autre/);
  assert.match(stale.body, /value="Titre écrit hors ligne"/);
  assert.match(stale.body, /Un texte qu’il ne faut pas perdre\./);
  assert.match(stale.body, new RegExp(`href="${adminPaths.edit(id)}"`));
  const unchanged = await one<{ title: string }>(t.db(), sql`select title from contents where id = ${id}`);
  assert.equal(unchanged?.title, 'Premier titre');

  const preview = await t.app.inject({
    method: 'GET',
    url: adminPaths.preview(id),
    headers: { cookie: editor },
  });
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Aperçu — non publié/);
  assert.match(preview.body, /<p>Premier texte\.<\/p>/);
});

test('slugs are unique, and bad input gets French messages at the field', async () => {
  await submit(storyUrl, [
    ['title', 'Le marché de Figeac'],
    ['action', 'save'],
  ]);
  const again = await submit(`${adminPaths.create}?type=news`, [
    ['title', 'Le marché de Figeac'],
    ['videoUrl', 'https://example.org/video'],
    ['communes', 'Figeac, Atlantis'],
    ['action', 'save'],
  ]);
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /Ce lien n’est pas celui d’une vidéo/);
  assert.match(again.body, /Commune inconnue dans le Lot : Atlantis/);
  const dup = await submit(`${adminPaths.create}?type=news`, [
    ['title', 'Le marché de Figeac'],
    ['action', 'save'],
  ]);
  assert.equal(dup.statusCode, 400);
  assert.match(dup.body, /Cette adresse est déjà celle d’un autre contenu/);

  const event = await submit(`${adminPaths.create}?type=event`, [
    ['title', 'Fête du vin'],
    ['startDate', '2026-07-14'],
    ['startTime', '18:00'],
    ['endDate', '2026-07-13'],
    ['endTime', '20:00'],
    ['action', 'save'],
  ]);
  assert.equal(event.statusCode, 400);
  assert.match(event.body, /La fin doit être après le début/);

  // Addresses: one made from a long title is cut after a whole word; a typed one too long is refused.
  const longTitle = `${'Portrait '.repeat(20)}final`;
  const long = await submit(storyUrl, [
    ['title', longTitle.slice(0, 190)],
    ['action', 'save'],
  ]);
  assert.equal(long.statusCode, 303);
  const saved = await one<{ slug: string }>(
    t.db(),
    sql`select slug from contents where title like 'Portrait Portrait%'`,
  );
  assert.ok(saved && saved.slug.length <= 90 && /^portrait(-portrait)*$/.test(saved.slug), saved?.slug);
  const typed = await submit(storyUrl, [
    ['title', 'Adresse trop longue'],
    ['slug', 'a'.repeat(91)],
    ['action', 'save'],
  ]);
  assert.equal(typed.statusCode, 400);
  assert.match(typed.body, /L’adresse fait 91 caractères : 90 au plus/);

  // A publication date typed on a draft is not dropped silently.
  const dated = await submit(storyUrl, [
    ['title', 'Daté mais brouillon'],
    ['publishAt', '2099-01-01T10:00'],
    ['action', 'save'],
  ]);
  assert.equal(dated.statusCode, 400);
  assert.match(dated.body, /utilisez le bouton « Publier »/);
  assert.match(dated.body, /value="2099-01-01T10:00"/);
});
