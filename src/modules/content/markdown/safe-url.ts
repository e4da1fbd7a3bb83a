/**
 * The one check of a link an editor or a user gave. An allow-list, not a block-list: http(s), mailto, tel, a
 * path of this site or an anchor. Everything else (javascript:, data:, vbscript:, file:, a protocol-relative
 * `//host`, a relative `page.html`) is refused, since a browser reads some of them as scripts and the others
 * would point somewhere nobody checked.
 */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  // Control characters and spaces inside a scheme are how `java\tscript:` slips past naive checks.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (!trimmed || /[\u0000-\u001f\u007f\s]/.test(trimmed)) return null;
  if (trimmed.startsWith('#')) return trimmed;
  if (trimmed.startsWith('/')) return /^\/[/\\]/.test(trimmed) ? null : trimmed;
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const parsed = new URL(trimmed);
      return parsed.hostname ? parsed.href : null;
    } catch {
      return null;
    }
  }
  if (/^mailto:[^/]/i.test(trimmed) || /^tel:\+?[0-9().-]+$/i.test(trimmed)) return trimmed;
  return null;
}

/** A link to another site (gets rel="noopener noreferrer"): anything but a path or an anchor of this one. */
export const isExternal = (url: string) => /^https?:/i.test(url);
