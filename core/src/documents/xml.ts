/**
 * A small XML reader for the parts of Office Open XML files (document.xml, sheet1.xml,
 * sharedStrings.xml …) that import needs: elements, attributes, text and the predefined and
 * numeric entities. One linear pass, no recursion (a deeply nested file cannot overflow the
 * stack), no DTD processing (a DOCTYPE is refused: OOXML parts never have one, and refusing
 * it rules out entity expansion attacks), no network, no file system.
 *
 * Why not a general XML library: see docs/documents.md ("Libraries").
 */

export interface XmlElement {
  /** The qualified name as written, e.g. `w:p`. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

const MAX_DEPTH = 1000;
/** Enough for a 2,000,000-character sheet in Word's markup many times over; bounds the tree's memory. */
const MAX_ELEMENTS = 3_000_000;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

/** Attributes of a start tag, in one linear scan (a regex here could backtrack on a long, odd tag). */
function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null);
  const n = source.length;
  const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  let i = 0;
  while (i < n) {
    while (i < n && isBlank(source[i])) i++;
    const nameStart = i;
    while (i < n && source[i] !== '=' && !isBlank(source[i]) && source[i] !== '/' && source[i] !== '>') i++;
    const name = source.slice(nameStart, i);
    while (i < n && isBlank(source[i])) i++;
    if (source[i] !== '=') {
      if (i === nameStart) i++; // a stray character: step over it
      continue;
    }
    i++;
    while (i < n && isBlank(source[i])) i++;
    const quote = source[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = source.indexOf(quote, i + 1);
    if (end < 0) break;
    if (name) attrs[name] = decodeEntities(source.slice(i + 1, end));
    i = end + 1;
  }
  return attrs;
}

/** Parses a whole XML document into its root element. Throws XmlError on malformed input. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  let elements = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const text = xml.slice(i, textEnd);
      if (stack.length > 1) stack[stack.length - 1].children.push(decodeEntities(text));
      else if (text.trim() !== '') throw new XmlError('text outside the root element');
    }
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('unterminated processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new XmlError('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) throw new XmlError('unterminated CDATA section');
      if (stack.length > 1) stack[stack.length - 1].children.push(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      throw new XmlError('a DOCTYPE or declaration is not allowed');
    } else if (xml[lt + 1] === '/') {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) throw new XmlError('unterminated end tag');
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open === root || open.name !== name) throw new XmlError(`unexpected end tag </${name}>`);
      i = end + 1;
    } else {
      // A start tag: find its '>' outside quoted attribute values.
      let j = lt + 1;
      let quote = '';
      for (; j < n; j++) {
        const c = xml[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      if (j >= n) throw new XmlError('unterminated start tag');
      const selfClosing = xml[j - 1] === '/';
      const body = xml.slice(lt + 1, selfClosing ? j - 1 : j);
      const nameEnd = body.search(/[\s/>]|$/);
      const name = body.slice(0, nameEnd);
      if (!name) throw new XmlError('a tag without a name');
      if (++elements > MAX_ELEMENTS) throw new XmlError(`more than ${MAX_ELEMENTS} elements`);
      const element: XmlElement = { name, attrs: parseAttributes(body.slice(nameEnd)), children: [] };
      const parent = stack[stack.length - 1];
      if (parent === root && root.children.length > 0) throw new XmlError('more than one root element');
      parent.children.push(element);
      if (!selfClosing) {
        stack.push(element);
        if (stack.length > MAX_DEPTH) throw new XmlError('elements nested too deeply');
      }
      i = j + 1;
    }
  }
  if (stack.length !== 1) throw new XmlError(`unclosed element <${stack[stack.length - 1].name}>`);
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new XmlError('no root element');
  return top;
}

/** The local part of a qualified name: `w:p` → `p`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Child elements with the given local name. */
export function childrenNamed(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && localName(c.name) === local);
}

export function firstChild(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((c): c is XmlElement => typeof c !== 'string' && localName(c.name) === local);
}

/** An attribute by local name (`w:val` and `val` both answer `val`). */
export function attr(element: XmlElement, local: string): string | undefined {
  if (local in element.attrs) return element.attrs[local];
  for (const key of Object.keys(element.attrs)) if (localName(key) === local) return element.attrs[key];
  return undefined;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/** Removes characters XML 1.0 cannot carry (control characters other than tab and line breaks). */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}
