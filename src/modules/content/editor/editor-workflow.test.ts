import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { cookiesOf, csrfTokenIn } from '../../../../test/helpers/app.js';
import { createUser, loginAs } from '../../../../test/helpers/factories.js';
import { one } from '../../../core/db/index.js';
import { readDataVersion } from '../../../core/http/index.js';
import { adminPaths } from '../paths.js';
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

test('the posted form previews without saving', async () => {
  const preview = await submit(storyUrl, [
    ['title', 'Un aperçu'],
    ['body', '## Un intertitre\n\nDu **gras**.'],
    ['preview', '1'],
  ]);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Aperçu — non enregistré/);
  assert.match(preview.body, /<h2 id="apercu-titre">Un aperçu<\/h2>/);
  assert.match(preview.body, /<strong>gras<\/strong>/);
  // The form follows the preview with everything typed, so the editor saves from there.
  const form = preview.body.slice(preview.body.indexOf('id="formulaire"'));
  assert.match(form, /name="title"[^>]*value="Un aperçu"/);
  assert.match(form, /## Un intertitre/);
  const saved = await one(t.db(), sql`select 1 from contents where title = 'Un aperçu'`);
  assert.equal(saved, undefined);
});

test('drafts can be deleted, published contents must be unpublished first', async () => {
  const created = await submit(storyUrl, [
    ['title', 'À jeter'],
    ['action', 'publish'],
  ]);
  const id = idFrom(created.headers.location as string);
  const page = await t.app.inject({
    method: 'GET',
    url: `${adminPaths.edit(id)}/supprimer`,
    headers: { cookie: editor },
  });
  assert.equal(page.statusCode, 409);
  assert.match(page.body, /dépubliez-le d’abord/);
  const unpublished = await submit(adminPaths.edit(id), [
    ['title', 'À jeter'],
    ['revision', '1'],
    ['action', 'unpublish'],
  ]);
  assert.equal(unpublished.statusCode, 303);
  const confirm = await t.app.inject({
    method: 'GET',
    url: `${adminPaths.edit(id)}/supprimer`,
    headers: { cookie: editor },
  });
  assert.equal(confirm.statusCode, 200);
  const deleted = await t.app.inject({
    method: 'POST',
    url: `${adminPaths.edit(id)}/supprimer`,
    headers: { cookie: cookiesOf(confirm, editor), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(confirm.body) }).toString(),
  });
  assert.equal(deleted.statusCode, 303);
  assert.equal(await one(t.db(), sql`select 1 from contents where id = ${id}`), undefined);
});

test('only editors and administrators get in; a malformed id is a 404', async () => {
  const referent = await createUser(t.db(), { role: 'referent' });
  const cookie = await loginAs(t.app, referent.email, referent.password);
  for (const url of [adminPaths.list, storyUrl, adminPaths.edit('00000000-0000-4000-8000-000000000000')]) {
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    assert.equal(response.statusCode, 403, url);
  }
  const staffHome = await t.app.inject({ method: 'GET', url: adminPaths.list, headers: { cookie: editor } });
  assert.match(staffHome.body, /href="\/admin\/contenus"[^>]*>Contenus/);
  const malformed = await t.app.inject({
    method: 'GET',
    url: adminPaths.edit('pas-un-id'),
    headers: { cookie: editor },
  });
  assert.equal(malformed.statusCode, 404);
  assert.match(malformed.body, /Ce contenu n’existe pas/);
  const unknownKind = await t.app.inject({
    method: 'GET',
    url: `${adminPaths.create}?type=roman`,
    headers: { cookie: editor },
  });
  assert.equal(unknownKind.statusCode, 404);
});

test('an event’s dates are read in Paris; body images get their snippet; public changes bump the cache', async () => {
  const created = await submit(`${adminPaths.create}?type=event`, [
    ['title', 'Fête de la truffe'],
    ['startDate', '2026-01-17'],
    ['startTime', '10:00'],
    ['endDate', '2026-01-17'],
    ['endTime', '18:30'],
    ['placeName', 'Halle'],
    ['placeCommune', 'Lalbenque'],
    ['forAmbassadors', 'oui'],
    ['profiles', 'touristes'],
    ['action', 'save'],
  ]);
  assert.equal(created.statusCode, 303);
  const id = idFrom(created.headers.location as string);
  const event = await one<{
    starts_at: Date;
    ends_at: Date;
    place_commune_code: string;
    for_ambassadors: boolean;
  }>(
    t.db(),
    sql`select starts_at, ends_at, place_commune_code, for_ambassadors from contents where id = ${id}`,
  );
  assert.equal(new Date(event?.starts_at as Date).toISOString(), '2026-01-17T09:00:00.000Z');
  assert.equal(new Date(event?.ends_at as Date).toISOString(), '2026-01-17T17:30:00.000Z');
  assert.equal(event?.place_commune_code, '46148');
  assert.equal(event?.for_ambassadors, true);

  const base: [string, string][] = [
    ['title', 'Fête de la truffe'],
    ['startDate', '2026-01-17'],
    ['allDay', 'oui'],
    ['revision', '1'],
  ];
  const inline = { name: 'bodyImage', filename: 'truffes.jpg', type: 'image/jpeg', content: await jpeg() };
  const noAlt = await submit(adminPaths.edit(id), [...base, ['action', 'save']], [inline]);
  assert.equal(noAlt.statusCode, 400);
  assert.match(noAlt.body, /le texte alternatif est obligatoire/);
  const before = await readDataVersion(t.db());
  const published = await submit(
    adminPaths.edit(id),
    [...base, ['bodyImageAlt', 'Un panier de truffes'], ['action', 'publish']],
    [inline],
  );
  assert.equal(published.statusCode, 303);
  assert.ok((await readDataVersion(t.db())) > before);
  const image = await one<{ file_id: string; alt: string }>(
    t.db(),
    sql`select file_id, alt from content_images where content_id = ${id}`,
  );
  assert.equal(image?.alt, 'Un panier de truffes');
  const form = await t.app.inject({
    method: 'GET',
    url: published.headers.location as string,
    headers: { cookie: editor },
  });
  assert.ok(form.body.includes(`![Un panier de truffes](image:${image?.file_id})`));
  assert.match(form.body, /Le contenu est publié/);
  const allDay = await one<{ starts_at: Date; all_day: boolean }>(
    t.db(),
    sql`select starts_at, all_day from contents where id = ${id}`,
  );
  assert.equal(new Date(allDay?.starts_at as Date).toISOString(), '2026-01-16T23:00:00.000Z');
  assert.equal(allDay?.all_day, true);

  // Removing a body image: refused while the text still shows it, then gone with its file.
  const snippet = `![Un panier de truffes](image:${image?.file_id})`;
  const keep = [
    ['title', 'Fête de la truffe'],
    ['startDate', '2026-01-17'],
    ['allDay', 'oui'],
  ] as [string, string][];
  const stillUsed = await submit(adminPaths.edit(id), [
    ...keep,
    ['revision', '2'],
    ['body', `Le marché.\n\n${snippet}`],
    ['removeBodyImages', image?.file_id as string],
  ]);
  assert.equal(stillUsed.statusCode, 400);
  assert.match(stillUsed.body, /Cette image est encore dans le texte/);
  assert.match(stillUsed.body, /name="removeBodyImages" value="[^"]+" checked/);
  const removed = await submit(adminPaths.edit(id), [
    ...keep,
    ['revision', '2'],
    ['body', 'Le marché.'],
    ['removeBodyImages', image?.file_id as string],
  ]);
  assert.equal(removed.statusCode, 303);
  const left = await one(t.db(), sql`select 1 from content_images where content_id = ${id}`);
  assert.equal(left, undefined, 'the image is no longer the content’s');
  const file = await one(t.db(), sql`select 1 from stored_files where id = ${image?.file_id}`);
  assert.equal(file, undefined, 'its file is deleted');
  const journal = await one<{ n: number }>(
    t.db(),
    sql`select count(*)::int as n from journal where action = 'content.image.remove' and target_id = ${id}`,
  );
  assert.equal(journal?.n, 1);
});
