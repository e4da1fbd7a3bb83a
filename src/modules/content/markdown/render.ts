import MarkdownIt, { type StateCore, type Token } from 'markdown-it';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ResponsiveImage } from '../../../core/files/index.js';
import { isExternal, safeUrl } from './safe-url.js';
import { parseVideoUrl, type VideoLink } from './video.js';

export interface MarkdownImage {
  alt: string;
  width: number | null;
  height: number | null;
}

interface RenderEnv {
  images: Map<string, MarkdownImage>;
  /** Heading ids given so far (one document: every anchor unique, and never the layout's own ids). */
  ids: Set<string>;
}

const imageRef = /^image:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const imageSizes = '(min-width: 48em) 42rem, 100vw';
const reservedIds = ['contenu'];
const { escapeHtml } = new MarkdownIt().utils;

/** An attribute as a string (markdown-it's types allow numbers). */
const attr = (token: Token, name: string) => String(token.attrGet(name) ?? '');

/** The anchor of a heading: its words without accents, lowercase, joined by dashes. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'section';
}

function uniqueId(env: RenderEnv, text: string): string {
  const base = slugify(text);
  let id = base;
  for (let n = 2; env.ids.has(id); n++) id = `${base}-${n}`;
  env.ids.add(id);
  return id;
}

/** Links: only what safeUrl accepts stays a link (the rest keeps its text); other sites get rel=noopener. */
function checkLinks(children: Token[]): Token[] {
  const kept: Token[] = [];
  let dropping = false;
  for (const token of children) {
    if (token.type === 'link_open') {
      const href = safeUrl(attr(token, 'href'));
      if (!href) {
        dropping = true;
        continue;
      }
      token.attrSet('href', href);
      if (isExternal(href)) token.attrSet('rel', 'noopener noreferrer');
    } else if (token.type === 'link_close' && dropping) {
      dropping = false;
      continue;
    }
    kept.push(token);
  }
  return kept;
}

/** A paragraph holding one video link and nothing else: what it links to and the title the editor gave. */
function videoOf(inline: Token): { video: VideoLink; title: string } | null {
  const parts = (inline.children ?? []).filter((t) => !(t.type === 'text' && t.content.trim() === ''));
  const [open, ...rest] = parts;
  const close = rest.pop();
  if (open?.type !== 'link_open' || close?.type !== 'link_close') return null;
  if (!rest.every((t) => t.type === 'text' || t.type === 'softbreak')) return null;
  const video = parseVideoUrl(attr(open, 'href'));
  if (!video) return null;
  const text = rest
    .map((t) => t.content)
    .join(' ')
    .trim();
  const typedUrl = open.markup === 'linkify' || open.markup === 'autolink' || /^https?:\/\//i.test(text);
  return { video, title: typedUrl || !text ? video.title : text };
}

/**
 * After parsing: headings one level down with ids, links checked, table alignment as classes (the CSP refuses
 * style attributes), header cells scoped, and lone video links turned into placeholders.
 */
function polish(state: StateCore): void {
  const env = state.env as unknown as RenderEnv;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'inline' && token.children) token.children = checkLinks(token.children);
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
      if (token.type === 'heading_open') {
        const text = (tokens[i + 1]?.children ?? [])
          .filter((t) => t.type === 'text' || t.type === 'code_inline')
          .map((t) => t.content)
          .join('');
        token.attrSet('id', uniqueId(env, text));
      }
    }
    if (token.type === 'th_open' || token.type === 'td_open') {
      const align = /text-align:(left|right|center)/.exec(attr(token, 'style'))?.[1];
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      if (align) token.attrSet('class', `content-align-${align}`);
      if (token.type === 'th_open') token.attrSet('scope', 'col');
    }
  }
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].type !== 'paragraph_open' || tokens[i + 2].type !== 'paragraph_close') continue;
    const found = videoOf(tokens[i + 1]);
    if (!found) continue;
    const placeholder = new state.Token('video_placeholder', 'figure', 0);
    placeholder.block = true;
    placeholder.meta = found;
    tokens.splice(i, 3, placeholder);
  }
}

function videoPlaceholder({ video, title }: { video: VideoLink; title: string }): string {
  const provider = escapeHtml(video.provider);
  return (
    `<figure class="content-video" data-video-embed="${escapeHtml(video.embedUrl)}" data-video-title="${escapeHtml(title)}">` +
    '<div class="content-video__frame">' +
    `<p class="content-video__link"><a href="${escapeHtml(video.watchUrl)}" rel="noopener noreferrer">Voir la vidéo sur ${provider}</a></p>` +
    `<p class="content-video__notice">La vidéo n’est chargée que si vous le demandez : ${provider} dépose alors ses cookies.</p>` +
    `<button type="button" class="button content-video__load" data-video-load hidden>Charger la vidéo (${provider} dépose alors ses cookies)</button>` +
    '</div>' +
    `<figcaption>${escapeHtml(title)}</figcaption>` +
    '</figure>\n'
  );
}

function createRenderer() {
  // Raw HTML off: a <script> or an <img onerror> typed in a body is shown as text. Typographer off: editors
  // type French typography themselves (non-breaking spaces, guillemets), it must not be “corrected”.
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  // Every URL is judged by safeUrl afterwards (refused links keep their text instead of showing raw Markdown),
  // and images only ever resolve to our own files.
  md.validateLink = () => true;
  md.core.ruler.push('choisir_polish', polish);
  md.renderer.rules.video_placeholder = (tokens, idx) =>
    videoPlaceholder(tokens[idx].meta as { video: VideoLink; title: string });
  md.renderer.rules.table_open = (tokens, idx, options, _env, self) =>
    `<div class="content-table" tabindex="0">\n${self.renderToken(tokens, idx, options)}`;
  md.renderer.rules.table_close = (tokens, idx, options, _env, self) =>
    `${self.renderToken(tokens, idx, options)}</div>\n`;
  md.renderer.rules.image = (tokens, idx, options, rawEnv, self) => {
    const env = rawEnv as unknown as RenderEnv;
    const token = tokens[idx];
    const src = attr(token, 'src');
    const alt = self.renderInlineAsText(token.children ?? [], options, rawEnv).trim();
    const id = imageRef.exec(src)?.[1]?.toLowerCase();
    if (id) {
      const stored = env.images.get(id);
      // A removed image leaves its description, so the sentence around it still reads.
      if (!stored) return alt ? `<span class="content-image-missing">${escapeHtml(alt)}</span>` : '';
      const file = { id, width: stored.width, height: stored.height };
      return renderToString(h(ResponsiveImage, { file, alt: alt || stored.alt, sizes: imageSizes }));
    }
    // Any other image would be fetched from another site by every visitor: it becomes a link instead.
    const label = `Image : ${escapeHtml(alt || src)}`;
    const href = safeUrl(src);
    return href && isExternal(href)
      ? `<a class="content-image-link" href="${escapeHtml(href)}" rel="noopener noreferrer">${label}</a>`
      : label;
  };
  return md;
}

const renderer = createRenderer();

/** Renders Markdown to an HTML string safe to put in a page as is. */
export function renderMarkdown(markdown: string, images: Map<string, MarkdownImage> = new Map()): string {
  const env: RenderEnv = { images: lowerKeys(images), ids: new Set(reservedIds) };
  return renderer.render(markdown, env as unknown as Record<string, unknown>);
}

function lowerKeys(images: Map<string, MarkdownImage>): Map<string, MarkdownImage> {
  return [...images.keys()].every((key) => key === key.toLowerCase())
    ? images
    : new Map([...images].map(([key, value]) => [key.toLowerCase(), value]));
}

/** Whether rendered HTML holds a video placeholder (the page then adds the `video-consent` script). */
export const hasVideo = (html: string) => html.includes('data-video-embed=');
