import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createTestOpportunity } from '../../../../test/helpers/opportunities.js';
import { bumpDataVersion } from '../../../core/http/index.js';
import { headlineParts, markStart, markStop } from './query.js';

let t: TestApp;
const day = 24 * 3600 * 1000;

async function insertContent(
  title: string,
  body: string,
  status: 'draft' | 'review' | 'published',
  publishAt: Date | null,
  slug: string,
) {
  await t.db().execute(sql`insert into contents (kind, slug, title, summary, body, status, publish_at)
    values ('story', ${slug}, ${title}, 'Un récit du Lot.', ${body}, ${status}, ${publishAt})`);
}

before(async () => {
  t = await testApp();
  const past = new Date(Date.now() - 2 * day);
  await insertContent(
    'Zélie, soignante revenue au pays',
    'Après dix ans à [Lyon](https://lyon.example), elle exerce comme **infirmière** libérale à Gramat.\n\n<script>alert(1)</script>',
    'published',
    past,
    'zelie-soignante',
  );
  await insertContent(
    'Brouillon Quillan',
    'Une infirmière en brouillon.',
    'draft',
    null,
    'brouillon-quillan',
  );
  await insertContent(
    'Programmé Quillan',
    'Une infirmière programmée.',
    'published',
    new Date(Date.now() + 3 * day),
    'programme-quillan',
  );
  await insertContent('Relecture Quillan', 'Une infirmière à relire.', 'review', past, 'relecture-quillan');
  await createTestOpportunity(t.db(), { title: 'Infirmière de nuit en EHPAD' });
  await bumpDataVersion(t.db());
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

test('a published story matches without accents; drafts, reviews and scheduled ones never appear', async () => {
  const res = await get('/recherche?q=infirmiere');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Zélie, soignante revenue au pays/);
  assert.match(res.body, /href="\/recits\/zelie-soignante"/);
  assert.doesNotMatch(res.body, /Brouillon Quillan|Programmé Quillan|Relecture Quillan/);
  // The matching word is highlighted; the script in the body is text, never markup.
  assert.match(res.body, /<mark>infirmière<\/mark>/);
  assert.doesNotMatch(res.body, /<script>alert/);
  // The snippet shows words, not Markdown.
  const snippet =
    /<h4><a href="\/recits\/zelie-soignante">[\s\S]*?<p class="search-hit__snippet">([\s\S]*?)<\/p>/.exec(
      res.body,
    )?.[1];
  assert.ok(snippet);
  assert.match(snippet, /à Lyon , elle exerce comme <mark>infirmière<\/mark> libérale/);
  assert.doesNotMatch(snippet, /lyon\.example|\*\*|\n/);
  const onlyDrafts = await get('/recherche?q=Quillan&type=contenus');
  assert.doesNotMatch(onlyDrafts.body, /Quillan<\/a>/);
  assert.match(onlyDrafts.body, /Aucun résultat pour « Quillan »/);
});

test('communes are found, and opportunities counted with a link to their own search', async () => {
  const res = await get('/recherche?q=Figeac');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /href="\/territoire\/communes\/figeac"/);
  const jobs = await get('/recherche?q=infirmiere');
  assert.match(jobs.body, /Opportunités \(1\)/);
  assert.match(jobs.body, /Infirmière de nuit en EHPAD/);
  assert.match(jobs.body, /href="\/opportunites\?q=infirmiere"/);
});

test('the type filter keeps one group', async () => {
  const res = await get('/recherche?q=infirmiere&type=communes');
  assert.doesNotMatch(res.body, /Zélie/);
  assert.doesNotMatch(res.body, /Infirmière de nuit/);
});

test('an empty query shows the labelled form alone; a long one an error at the field; none found, advice', async () => {
  const empty = await get('/recherche');
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /<label for="q">Rechercher sur le site<\/label>/);
  assert.doesNotMatch(empty.body, /résultat/);
  const long = await get(`/recherche?q=${'a'.repeat(201)}`);
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /id="q-error"[^>]*>.*trop longue : 200 caractères au plus/s);
  assert.match(long.body, /aria-invalid="true"/);
  const none = await get('/recherche?q=xylophoniste');
  assert.equal(none.statusCode, 200);
  assert.match(none.body, /Aucun résultat pour « xylophoniste »/);
  assert.match(none.body, /vérifiez l’orthographe/);
});

test('odd input never breaks the search', async () => {
  for (const q of ['"', '-', 'or', '&|!():*', "l'été « ou » -cahors"]) {
    const res = await get(`/recherche?q=${encodeURIComponent(q)}`);
    assert.equal(res.statusCode, 200, q);
  }
  const repeated = await get('/recherche?q=a&q=infirmiere&type=nope&page=x');
  assert.equal(repeated.statusCode, 200);
  assert.match(repeated.body, /Zélie/);
  // A NUL (PostgreSQL refuses it in text) and control characters are read as spaces.
  const nul = await get('/recherche?q=infirmi%00ere%0b');
  assert.equal(nul.statusCode, 200);
  // Past the last page: the last page, not an empty list.
  const far = await get('/recherche?q=infirmiere&type=contenus&page=9');
  assert.equal(far.statusCode, 200);
  assert.match(far.body, /Zélie/);
});

test('highlights split into text and marks, stray markers dropped', () => {
  assert.deepEqual(headlineParts(`une ${markStart}infirmière${markStop} libérale${markStop}`), [
    { text: 'une ', marked: false },
    { text: 'infirmière', marked: true },
    { text: ' libérale', marked: false },
  ]);
});
