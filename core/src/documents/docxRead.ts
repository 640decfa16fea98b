/**
 * The text of a Word (.docx) document as import reads it: the body's paragraphs and tables in
 * order, each table as rows of cell texts. What a reader does not see is left out: deleted
 * revisions, field instructions, comments and headers/footers; content controls, inserted
 * revisions, hyperlinks and smart tags are read through. Pure: bytes in, blocks out.
 */
import { DocumentError, ZipReader, type ZipLimits, DEFAULT_ZIP_LIMITS } from './zip';
import { XmlError, attr, localName, parseXml, type XmlElement, type XmlNode } from './xml';

export type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

export interface DocxContent {
  blocks: Block[];
  /** The document was written by `shitei export` (its custom property says so). */
  exportedByShitei: boolean;
}

/** The custom document property `shitei export` writes, so import can read its own documents exactly. */
export const EXPORT_MARKER = { name: 'shitei', value: 'export 1' };

/** Elements whose text a reader does not see. */
const SKIPPED = new Set(['del', 'delText', 'instrText', 'rPr', 'pPr', 'tblPr', 'trPr', 'tcPr', 'sectPr', 'commentReference', 'footnoteReference', 'endnoteReference', 'drawing', 'pict', 'object', 'fldData', 'sdtPr', 'sdtEndPr', 'tblGrid', 'bookmarkStart', 'bookmarkEnd', 'proofErr', 'lastRenderedPageBreak', 'Fallback']);

function paragraphText(p: XmlElement): string {
  let out = '';
  const stack: XmlNode[] = [...p.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') continue; // whitespace between elements; text is only in w:t
    const local = localName(node.name);
    if (SKIPPED.has(local)) continue;
    if (local === 't') {
      for (const c of node.children) if (typeof c === 'string') out += c;
      continue;
    }
    if (local === 'tab' || local === 'ptab') out += '\t';
    else if (local === 'br' || local === 'cr') out += '\n';
    else if (local === 'noBreakHyphen') out += '-';
    else if (local === 'sym') {
      const code = attr(node, 'char');
      if (code && /^[0-9A-Fa-f]{1,6}$/.test(code)) {
        const n = parseInt(code, 16);
        // Symbol fonts map to the private use area F000–F0FF; keep only real characters.
        if (n < 0xf000 || n > 0xf0ff) out += String.fromCodePoint(n);
      }
    } else for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
  }
  return out;
}

/** A cell's text: its paragraphs joined by line breaks (a nested table's cells too). */
function cellText(tc: XmlElement): string {
  const lines: string[] = [];
  walkBlocks(tc, (block) => {
    if (block.kind === 'paragraph') lines.push(block.text);
    else for (const row of block.rows) lines.push(row.filter((c) => c.trim() !== '').join('\t'));
  });
  // Empty paragraphs before and after the text are not part of it (no regex: a run of many is linear).
  let first = 0;
  let last = lines.length;
  while (first < last && lines[first] === '') first++;
  while (last > first && lines[last - 1] === '') last--;
  return lines.slice(first, last).join('\n');
}

function tableRows(tbl: XmlElement): string[][] {
  const rows: string[][] = [];
  // Rows may sit inside content controls (w:sdt) or custom XML: look through them, in order.
  const stack: XmlNode[] = [...tbl.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') continue;
    const local = localName(node.name);
    if (local === 'tr') rows.push(rowCells(node));
    else if (local === 'sdt' || local === 'sdtContent' || local === 'customXml') for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
  }
  return rows;
}

function rowCells(tr: XmlElement): string[] {
  const cells: string[] = [];
  const stack: XmlNode[] = [...tr.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') continue;
    const local = localName(node.name);
    if (local === 'tc') cells.push(cellText(node));
    else if (local === 'sdt' || local === 'sdtContent' || local === 'customXml') for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
  }
  return cells;
}

/** Calls `visit` for each paragraph and table directly under a container (body, cell, content control). */
function walkBlocks(container: XmlElement, visit: (block: Block) => void): void {
  const stack: XmlNode[] = [...container.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') continue;
    const local = localName(node.name);
    if (local === 'p') visit({ kind: 'paragraph', text: paragraphText(node) });
    else if (local === 'tbl') visit({ kind: 'table', rows: tableRows(node) });
    else if (local === 'sdt' || local === 'sdtContent' || local === 'customXml' || local === 'ins' || local === 'smartTag') {
      for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
    } else if (local === 'AlternateContent') {
      const choice = node.children.find((c): c is XmlElement => typeof c !== 'string' && localName(c.name) === 'Choice');
      if (choice) for (let k = choice.children.length - 1; k >= 0; k--) stack.push(choice.children[k]);
    }
  }
}

/** The main document part's name, from the package relationships (usually word/document.xml). */
function mainPart(zip: ZipReader): string {
  const rels = zip.readText('_rels/.rels');
  if (rels) {
    try {
      const root = parseXml(rels);
      for (const c of root.children) {
        if (typeof c === 'string') continue;
        const type = attr(c, 'Type') ?? '';
        if (type.endsWith('/officeDocument')) return (attr(c, 'Target') ?? '').replace(/^\//, '');
      }
    } catch {
      /* fall back to the usual name */
    }
  }
  return 'word/document.xml';
}

const notWord = () => new DocumentError({ ja: 'Word(.docx)の文書ではありません', en: 'not a Word (.docx) document' });

export function readDocx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): DocxContent {
  const zip = new ZipReader(bytes, limits);
  const part = mainPart(zip);
  if (!part.startsWith('word/') && !zip.has(part)) throw notWord();
  const xml = zip.readText(part);
  if (xml === undefined) throw notWord();
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlError) throw new DocumentError({ ja: `ファイルが壊れています(本文の XML: ${error.message})`, en: `the file is damaged (document XML: ${error.message})` });
    throw error;
  }
  const body = root.children.find((c): c is XmlElement => typeof c !== 'string' && localName(c.name) === 'body');
  if (localName(root.name) !== 'document' || !body) throw notWord();
  const blocks: Block[] = [];
  walkBlocks(body, (b) => blocks.push(b));
  let exportedByShitei = false;
  const custom = zip.readText('docProps/custom.xml');
  if (custom) {
    try {
      const props = parseXml(custom);
      for (const p of props.children) {
        if (typeof p === 'string' || attr(p, 'name') !== EXPORT_MARKER.name) continue;
        const value = p.children.find((c): c is XmlElement => typeof c !== 'string');
        const text = value ? value.children.filter((c): c is string => typeof c === 'string').join('') : '';
        if (text === EXPORT_MARKER.value) exportedByShitei = true;
      }
    } catch {
      /* a damaged custom part only means the document is read as any other */
    }
  }
  return { blocks, exportedByShitei };
}
