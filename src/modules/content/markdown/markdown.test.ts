import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { MarkdownBody, markdownScripts, parseVideoUrl, renderMarkdown, safeUrl } from './index.js';

/** Every tag the HTML opens, with its attributes (what a browser would act on). */
const tags = (html: string) => [...html.matchAll(/<([a-z0-9]+)(\s[^>]*)?>/g)].map((m) => m[0]);
const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);

test('raw HTML is shown as text, never interpreted', () => {
  const html = renderMarkdown(
    '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<iframe src="/x"></iframe>\n\n' +
      '<a href="jav&#x09;ascript:alert(1)">piège</a> <b onmouseover="alert(1)">gras</b>',
  );
  for (const tag of tags(html)) assert.match(tag, /^<(p|a href="\/?[^"]*"( rel="[^"]*")?)>$/, tag);
  assert.doesNotMatch(html, /<script|<img|<iframe|<b /);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'the typed tag is visible as text');
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
});

test('javascript:, data: and entity tricks never become links; their text stays', () => {
  const html = renderMarkdown(
    [
      '[clic](javascript:alert(1))',
      '[clic2](JaVaScRiPt:alert(1))',
      '[tab](jav&#x09;ascript:alert(1))',
      '[entité](&#106;avascript:alert(1))',
      '<javascript:alert(1)>',
      '[données](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[vb](vbscript:msgbox)',
      '[proto](//evil.example/)',
      '[réf][1]',
      '',
      '[1]: javascript:alert(1)',
    ].join('\n\n'),
  );
  assert.deepEqual(hrefs(html), [], html);
  for (const text of [
    'clic',
    'clic2',
    'tab',
    'entité',
    'javascript:alert(1)',
    'données',
    'vb',
    'proto',
    'réf',
  ])
    assert.ok(html.includes(`<p>${text}</p>`), `${text} kept as text in ${html}`);
});

test('safe links pass, and other sites get rel="noopener noreferrer"', () => {
  const html = renderMarkdown(
    '[site](https://example.org/page) [chez nous](/territoire/cahors) [plus bas](#acces) ' +
      '[écrire](mailto:contact@example.org) [appeler](tel:+33565000000) https://lot.fr/agenda contact@lot.fr',
  );
  assert.match(html, /<a href="https:\/\/example\.org\/page" rel="noopener noreferrer">site<\/a>/);
  assert.match(html, /<a href="\/territoire\/cahors">chez nous<\/a>/);
  assert.match(html, /<a href="#acces">plus bas<\/a>/);
  assert.match(html, /<a href="mailto:contact@example\.org">écrire<\/a>/);
  assert.match(html, /<a href="tel:\+33565000000">appeler<\/a>/);
  assert.match(
    html,
    /<a href="https:\/\/lot\.fr\/agenda" rel="noopener noreferrer">https:\/\/lot\.fr\/agenda<\/a>/,
  );
  assert.match(html, /<a href="mailto:contact@lot\.fr">contact@lot\.fr<\/a>/);
});

test('headings start at h2, with unique anchors', () => {
  const html = renderMarkdown(
    '# Vivre à Figeac\n\n## Écoles\n\n### Crèches\n\n###### Fin\n\n# Vivre à Figeac\n\n# Contenu',
  );
  assert.match(html, /<h2 id="vivre-a-figeac">Vivre à Figeac<\/h2>/);
  assert.match(html, /<h3 id="ecoles">Écoles<\/h3>/);
  assert.match(html, /<h4 id="creches">Crèches<\/h4>/);
  assert.match(html, /<h6 id="fin">Fin<\/h6>/);
  assert.match(html, /<h2 id="vivre-a-figeac-2">/, 'a repeated title gets its own anchor');
  assert.match(html, /<h2 id="contenu-2">/, 'never the layout’s own id');
  assert.doesNotMatch(html, /<h1/);
});

test('image:<uuid> becomes a responsive picture with WebP and JPEG; an unknown one keeps its text', () => {
  const id = '0b7c4a3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d';
  const images = new Map([[id, { alt: 'Le causse au printemps', width: 1000, height: 600 }]]);
  const html = renderMarkdown(`![Vue sur le Lot](image:${id})\n\n![](image:${id.toUpperCase()})`, images);
  assert.match(
    html,
    /<picture><source type="image\/webp" srcset="[^"]*\/fichiers\/0b7c4a3e[^"]*\/640\.webp 640w/,
  );
  assert.match(html, new RegExp(`<img src="/fichiers/${id}/640\\.jpg" srcset="[^"]*1280\\.jpg 1000w"`));
  assert.match(html, /width="1000" height="600" alt="Vue sur le Lot" loading="lazy"/);
  assert.match(html, /alt="Le causse au printemps"/, 'no alt in the Markdown: the stored one');
  const missing = renderMarkdown('![Photo retirée](image:11111111-2222-4333-8444-555555555555)', images);
  assert.doesNotMatch(missing, /<img|<picture/);
  assert.match(missing, /Photo retirée/);
});

test('an image from another site is never loaded: it becomes a link', () => {
  const html = renderMarkdown(
    '![Pixel espion](https://tracker.example/p.gif) ![x](data:image/png;base64,AAAA) ![y](javascript:alert(1))',
  );
  assert.doesNotMatch(html, /<img|<picture|src=/);
  assert.match(
    html,
    /<a class="content-image-link" href="https:\/\/tracker\.example\/p\.gif" rel="noopener noreferrer">Image : Pixel espion<\/a>/,
  );
  assert.deepEqual(
    hrefs(html),
    ['https://tracker.example/p.gif'],
    'data: and javascript: are not even links',
  );
});

test('a video link alone on its line is a click-to-load placeholder, with no third-party request', () => {
  const html = renderMarkdown(
    'Regardez :\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n[Le Lot en hiver](https://vimeo.com/76979871)\n\n' +
      'Une [vidéo](https://youtu.be/dQw4w9WgXcQ) dans une phrase.',
  );
  const figures = html.match(/<figure[\s\S]*?<\/figure>/g) ?? [];
  assert.equal(figures.length, 2, 'a link inside a sentence stays a link');
  assert.match(figures[0], /data-video-embed="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ"/);
  assert.match(
    figures[0],
    /<a href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ" rel="noopener noreferrer">Voir la vidéo sur YouTube<\/a>/,
  );
  assert.match(
    figures[0],
    /<button type="button"[^>]*>Charger la vidéo \(YouTube dépose alors ses cookies\)<\/button>/,
  );
  assert.match(figures[1], /data-video-embed="https:\/\/player\.vimeo\.com\/video\/76979871\?dnt=1"/);
  assert.match(figures[1], /<figcaption>Le Lot en hiver<\/figcaption>/);
  assert.doesNotMatch(html, /<iframe|<img|<script/, 'nothing loads before the click');
  assert.match(
    html,
    /Une <a href="https:\/\/youtu\.be\/dQw4w9WgXcQ" rel="noopener noreferrer">vidéo<\/a> dans/,
  );
  assert.deepEqual(markdownScripts(html), ['video-consent']);
  assert.deepEqual(markdownScripts(renderMarkdown('Texte')), []);
});

test('parseVideoUrl knows YouTube, Vimeo and Dailymotion, and nothing else', () => {
  const youtube = 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ';
  for (const url of [
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ',
    'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ',
    'https://www.youtube.com/shorts/dQw4w9WgXcQ',
  ])
    assert.equal(parseVideoUrl(url)?.embedUrl, youtube, url);
  assert.equal(
    parseVideoUrl('https://youtu.be/dQw4w9WgXcQ?t=1m30s')?.embedUrl,
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90',
  );
  assert.equal(
    parseVideoUrl('https://vimeo.com/76979871')?.embedUrl,
    'https://player.vimeo.com/video/76979871?dnt=1',
  );
  assert.equal(
    parseVideoUrl('https://vimeo.com/76979871/abcdef1234')?.embedUrl,
    'https://player.vimeo.com/video/76979871?dnt=1&h=abcdef1234',
  );
  const daily = parseVideoUrl('https://www.dailymotion.com/video/x7tgad0_le-lot-en-hiver');
  assert.equal(daily?.embedUrl, 'https://www.dailymotion.com/embed/video/x7tgad0');
  assert.equal(parseVideoUrl('https://dai.ly/x7tgad0')?.provider, 'Dailymotion');
  for (const url of [
    'https://www.youtube.com/watch?v=short',
    'https://evil.example/watch?v=dQw4w9WgXcQ',
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ',
    'https://vimeo.com/channels/staffpicks',
    'pas une adresse',
  ])
    assert.equal(parseVideoUrl(url), null, url);
});

test('safeUrl keeps http(s), mailto, tel, site paths and anchors only', () => {
  assert.equal(safeUrl(' https://example.org/a?b=1 '), 'https://example.org/a?b=1');
  assert.equal(safeUrl('HTTP://Example.org'), 'http://example.org/');
  assert.equal(safeUrl('/opportunites?type=emploi'), '/opportunites?type=emploi');
  assert.equal(safeUrl('#section'), '#section');
  assert.equal(safeUrl('mailto:a@b.fr'), 'mailto:a@b.fr');
  assert.equal(safeUrl('tel:+33 5 65'), null, 'no space in a tel: link');
  assert.equal(safeUrl('tel:+33565000000'), 'tel:+33565000000');
  for (const bad of [
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'jav%09ascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    '//evil.example',
    '/\\evil.example',
    'https://',
    'page.html',
    '',
  ])
    assert.equal(safeUrl(bad), null, JSON.stringify(bad));
});

test('tables keep their alignment as classes (no style attribute) and scoped header cells', () => {
  const html = renderMarkdown('| Commune | Habitants |\n|---|--:|\n| Cahors | 19 000 |');
  assert.match(html, /<th scope="col">Commune<\/th>/);
  assert.match(html, /<th class="content-align-right" scope="col">Habitants<\/th>/);
  assert.match(html, /<td class="content-align-right">19 000<\/td>/);
  assert.doesNotMatch(html, /style=/);
});

test('MarkdownBody puts the rendered HTML in a div.content-body as is', () => {
  const html = render(h(MarkdownBody, { html: renderMarkdown('**Bonjour** <b>') }));
  assert.equal(html, '<div class="content-body"><p><strong>Bonjour</strong> &lt;b&gt;</p>\n</div>');
});
