import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AtomFeed, atomXml, excerpt, xmlText } from './feed-atom.js';
import { checkXml } from './feed-xml-check.js';

const feed = (overrides: Partial<AtomFeed> = {}): AtomFeed => ({
  id: 'https://example.org/opportunites/flux.atom?type=job',
  title: 'Offres d’emploi — Oh my Lot!',
  selfUrl: 'https://example.org/opportunites/flux.atom?type=job&secteur=sante',
  htmlUrl: 'https://example.org/opportunites?type=job&secteur=sante',
  authorName: 'Oh my Lot!',
  updatedWhenEmpty: new Date('2025-01-01T00:00:00Z'),
  entries: [],
  ...overrides,
});

test('xmlText escapes markup and drops the characters XML forbids', () => {
  assert.equal(xmlText(`a & b <c> "d" 'e'`), 'a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;');
  assert.equal(xmlText('bip\u0007 nul\u0000 ok\ttab\nligne'), 'bip nul ok\ttab\nligne');
  assert.equal(
    xmlText('émoji 🙂, seul \uD83D.'),
    'émoji 🙂, seul .',
    'a lone surrogate is dropped, a pair kept',
  );
});

test('a feed with hostile text is well-formed Atom and says everything once', () => {
  const xml = atomXml(
    feed({
      title: 'Boulangerie & pâtisserie <b>« top »</b>',
      entries: [
        {
          id: 'urn:uuid:6f1d0c39-8d53-4c8b-9a55-0d5d2a7c1e11',
          title: 'Fonds & murs </title><script>',
          url: 'https://example.org/opportunites/6f1d0c39-8d53-4c8b-9a55-0d5d2a7c1e11?a=1&b=2',
          summary: 'Cahors · ]]> & <![CDATA[ \u0001',
          published: new Date('2025-03-01T10:00:00Z'),
          updated: new Date('2025-03-02T10:00:00Z'),
          categories: [{ term: 'takeover', label: 'Entreprise à reprendre' }],
        },
        {
          id: 'urn:uuid:7f1d0c39-8d53-4c8b-9a55-0d5d2a7c1e11',
          title: 'Autre',
          url: 'https://example.org/opportunites/7f1d0c39-8d53-4c8b-9a55-0d5d2a7c1e11',
          summary: 'Texte',
          published: new Date('2025-03-05T10:00:00Z'),
          updated: new Date('2025-03-06T10:00:00Z'),
          categories: [],
        },
      ],
    }),
  );
  const root = checkXml(xml);
  assert.equal(root.name, 'feed');
  assert.equal(root.attributes.xmlns, 'http://www.w3.org/2005/Atom');
  const child = (name: string) => root.children.filter((c) => c.name === name);
  assert.equal(child('title')[0].text, 'Boulangerie & pâtisserie <b>« top »</b>', 'read back as typed');
  assert.equal(child('updated')[0].text, '2025-03-06T10:00:00.000Z', 'the newest entry’s date');
  assert.equal(child('entry').length, 2);
  const [first] = child('entry');
  const field = (name: string) => first.children.find((c) => c.name === name)!;
  assert.equal(field('id').text, 'urn:uuid:6f1d0c39-8d53-4c8b-9a55-0d5d2a7c1e11');
  assert.equal(field('title').text, 'Fonds & murs </title><script>');
  assert.equal(
    field('link').attributes.href,
    'https://example.org/opportunites/6f1d0c39-8d53-4c8b-9a55-0d5d2a7c1e11?a=1&b=2',
  );
  assert.equal(field('summary').text, 'Cahors · ]]> & <![CDATA[ ');
  assert.equal(field('category').attributes.label, 'Entreprise à reprendre');
  assert.ok(child('link').some((l) => l.attributes.rel === 'self'));
});

test('an empty feed is valid too, dated by its own date', () => {
  const root = checkXml(atomXml(feed()));
  assert.equal(root.children.find((c) => c.name === 'updated')?.text, '2025-01-01T00:00:00.000Z');
  assert.equal(root.children.filter((c) => c.name === 'entry').length, 0);
  assert.ok(root.children.find((c) => c.name === 'author'));
});

test('the checker itself refuses broken XML', () => {
  assert.throws(() => checkXml('<?xml version="1.0"?><a>x & y</a>'), /&/);
  assert.throws(() => checkXml('<?xml version="1.0"?><a><b></a></b>'), /closes/);
  assert.throws(() => checkXml('<?xml version="1.0"?><a href="x"y">t</a>'));
  assert.throws(() => checkXml('<?xml version="1.0"?><a>\u0001</a>'), /character/);
});

test('excerpt cuts at a word', () => {
  assert.equal(excerpt('court'), 'court');
  assert.equal(excerpt(`${'mot '.repeat(200)}`, 20), 'mot mot mot mot mot…');
});
