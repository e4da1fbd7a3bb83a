/** XML text shared by the feeds: escaped, with the characters XML 1.0 forbids dropped. */

/** Characters XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF). */
const forbidden =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding these characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text for an XML element or attribute: escaped, forbidden characters dropped. */
export function xmlText(value: string): string {
  return value.replace(forbidden, '').replace(/[&<>"']/g, (c) => entities[c]);
}
