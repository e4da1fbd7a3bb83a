/**
 * A strict little XML reader for tests: enough of XML 1.0 to prove a feed well-formed (one root, balanced
 * tags, quoted attributes, no stray `&` or `<`, no forbidden character) and to read it back.
 */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** The decoded text directly inside the element. */
  text: string;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`stray < in ${where}`);
  return raw.replace(/&([^;\s&]*);?/g, (match, ref: string) => {
    if (!match.endsWith(';')) throw new Error(`stray & in ${where}: ${raw.slice(0, 60)}`);
    if (named[ref]) return named[ref];
    const code = /^#x([0-9a-f]+)$/i.exec(ref)?.[1] ?? /^#([0-9]+)$/.exec(ref)?.[1];
    if (!code) throw new Error(`unknown entity &${ref}; in ${where}`);
    return String.fromCodePoint(ref.startsWith('#x') ? Number.parseInt(code, 16) : Number(code));
  });
}

const nameChars = '[A-Za-z_][\\w:.-]*';
const startTag = new RegExp(`^<(${nameChars})((?:\\s+${nameChars}\\s*=\\s*"[^"]*")*)\\s*(/?)>`);
const endTag = new RegExp(`^</(${nameChars})\\s*>`);
const attribute = new RegExp(`(${nameChars})\\s*=\\s*"([^"]*)"`, 'g');

/** Parses a document, throwing on the first fault; returns its root element. */
export function checkXml(xml: string): XmlNode {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding these characters is the point
  const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(xml);
  if (bad) throw new Error(`forbidden character U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}`);
  const declaration = /^<\?xml\s[^?]*\?>\s*/.exec(xml);
  if (!declaration) throw new Error('no XML declaration');
  let rest = xml.slice(declaration[0].length);
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  while (rest.length) {
    if (rest.startsWith('</')) {
      const m = endTag.exec(rest);
      if (!m) throw new Error(`broken end tag: ${rest.slice(0, 40)}`);
      const open = stack.pop();
      if (!open || open.name !== m[1]) throw new Error(`</${m[1]}> closes <${open?.name ?? 'nothing'}>`);
      rest = rest.slice(m[0].length);
    } else if (rest.startsWith('<')) {
      const m = startTag.exec(rest);
      if (!m) throw new Error(`broken tag: ${rest.slice(0, 60)}`);
      const node: XmlNode = { name: m[1], attributes: {}, children: [], text: '' };
      for (const [, key, value] of m[2].matchAll(attribute)) {
        if (key in node.attributes) throw new Error(`attribute ${key} twice`);
        node.attributes[key] = decode(value, `attribute ${key}`);
      }
      if (stack.length) stack[stack.length - 1].children.push(node);
      else if (root) throw new Error('a second root element');
      else root = node;
      if (!m[3]) stack.push(node);
      rest = rest.slice(m[0].length);
    } else {
      const end = rest.indexOf('<');
      const raw = end < 0 ? rest : rest.slice(0, end);
      const text = decode(raw, stack.length ? `<${stack[stack.length - 1].name}>` : 'the document');
      if (stack.length) stack[stack.length - 1].text += text;
      else if (text.trim()) throw new Error('text outside the root element');
      rest = end < 0 ? '' : rest.slice(end);
    }
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}
