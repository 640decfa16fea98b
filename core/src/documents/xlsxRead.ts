/**
 * Reading the cells of an .xlsx workbook (what register import needs): each worksheet's name
 * and its rows of cell values — shared and inline strings (phonetic guides left out), numbers,
 * booleans, formula results. Bounded like every import: the zip limits, and at most
 * MAX_ROWS × MAX_COLUMNS cells. Pure: bytes in, values out.
 */
import { DocumentError, ZipReader, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';
import { XmlError, attr, childrenNamed, firstChild, localName, parseXml, type XmlElement } from './xml';

export type CellValue = string | number | boolean | null;

export interface WorksheetValues {
  name: string;
  /** Rows from the first (row 1 is index 0); a missing row or cell is [] or null. */
  rows: CellValue[][];
}

export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 256;

const notExcel = () => new DocumentError({ ja: 'Excel(.xlsx)のブックではありません', en: 'not an Excel (.xlsx) workbook' });

function parsePart(zip: ZipReader, name: string): XmlElement | undefined {
  const text = zip.readText(name);
  if (text === undefined) return undefined;
  try {
    return parseXml(text);
  } catch (error) {
    if (error instanceof XmlError) throw new DocumentError({ ja: `ファイルが壊れています(${name}: ${error.message})`, en: `the file is damaged (${name}: ${error.message})` });
    throw error;
  }
}

/** The visible text of a string item: its t, or its runs' t; phonetic readings (rPh) are not text. */
function stringItemText(si: XmlElement): string {
  let out = '';
  for (const c of si.children) {
    if (typeof c === 'string') continue;
    const local = localName(c.name);
    if (local === 't') out += c.children.filter((x): x is string => typeof x === 'string').join('');
    else if (local === 'r') {
      const t = firstChild(c, 't');
      if (t) out += t.children.filter((x): x is string => typeof x === 'string').join('');
    }
  }
  return out;
}

function columnIndex(ref: string): number {
  const m = /^([A-Z]+)/.exec(ref);
  if (!m) return -1;
  let n = 0;
  for (const ch of m[1]) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

export function readXlsx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): WorksheetValues[] {
  const zip = new ZipReader(bytes, limits);
  const workbook = parsePart(zip, 'xl/workbook.xml');
  if (!workbook || localName(workbook.name) !== 'workbook') throw notExcel();
  const rels = parsePart(zip, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  if (rels) for (const r of childrenNamed(rels, 'Relationship')) targets.set(attr(r, 'Id') ?? '', resolveTarget('xl/workbook.xml', attr(r, 'Target') ?? ''));

  const sst = parsePart(zip, 'xl/sharedStrings.xml');
  const strings = sst ? childrenNamed(sst, 'si').map(stringItemText) : [];

  const sheetsElement = firstChild(workbook, 'sheets');
  const result: WorksheetValues[] = [];
  for (const [i, s] of (sheetsElement ? childrenNamed(sheetsElement, 'sheet') : []).entries()) {
    const id = s.attrs['r:id'] ?? attr(s, 'id') ?? '';
    const part = targets.get(id) ?? `xl/worksheets/sheet${i + 1}.xml`;
    const ws = parsePart(zip, part);
    if (!ws) continue;
    const data = firstChild(ws, 'sheetData');
    const rows: CellValue[][] = [];
    for (const row of data ? childrenNamed(data, 'row') : []) {
      const r = Number(attr(row, 'r') ?? rows.length + 1) - 1;
      if (!(r >= 0 && r < MAX_ROWS)) throw new DocumentError({ ja: `行が多すぎます(上限 ${MAX_ROWS} 行)`, en: `too many rows (the limit is ${MAX_ROWS})` });
      const cells: CellValue[] = [];
      let next = 0;
      for (const c of childrenNamed(row, 'c')) {
        const ref = attr(c, 'r');
        const col = ref ? columnIndex(ref) : next;
        next = col + 1;
        if (col < 0 || col >= MAX_COLUMNS) continue;
        const type = attr(c, 't') ?? 'n';
        const v = firstChild(c, 'v');
        const raw = v ? v.children.filter((x): x is string => typeof x === 'string').join('') : '';
        let value: CellValue = null;
        if (type === 's') value = strings[Number(raw)] ?? '';
        else if (type === 'inlineStr') {
          const is = firstChild(c, 'is');
          value = is ? stringItemText(is) : '';
        } else if (type === 'str' || type === 'e') value = raw;
        else if (type === 'b') value = raw === '1';
        else if (type === 'd') value = /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : raw; // an ISO 8601 date cell
        else if (raw !== '') value = Number.isFinite(Number(raw)) ? Number(raw) : raw;
        cells[col] = value;
      }
      for (let k = 0; k < cells.length; k++) if (cells[k] === undefined) cells[k] = null;
      rows[r] = cells;
    }
    for (let k = 0; k < rows.length; k++) if (rows[k] === undefined) rows[k] = [];
    result.push({ name: attr(s, 'name') ?? `Sheet${i + 1}`, rows });
  }
  if (result.length === 0) throw notExcel();
  return result;
}
