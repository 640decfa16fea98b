/**
 * From a register workbook (a 管理簿 kept in Excel, or `shitei ledger --format xlsx`) to one
 * sheet per row. The header row is found among the first rows (the first with at least two
 * labels of the sheet); its labels are matched like a Word document's. Columns the register
 * computes (満了日（延長後）, 状態, the ISO columns) are read past; 延長 cells list extensions
 * separated by 、 or line breaks; dates stored as Excel date numbers become ISO dates.
 * Required sections a register does not carry (【対象情報の記述】, 【指定の理由】) become empty
 * sections, so the rules report them. A column matching nothing goes into 【備考】 of each row
 * and is reported once. Pure.
 */
import { SECTIONS } from '../domain/format';
import { matchLabel, normalizeLabel, type LabelMatch } from './labels';
import { oneLine, type DocField, type DocSection, type SheetDocument } from './sheetDocument';
import type { CellValue, WorksheetValues } from './xlsxRead';

export interface RegisterEntry {
  /** 1-based row number in the worksheet. */
  row: number;
  document: SheetDocument;
  /** A file name the register suggests (its ファイル column), if any. */
  suggestedFile?: string;
}

export interface RegisterImport {
  sheetName: string;
  entries: RegisterEntry[];
  /** Header labels that matched nothing (their cells went into 【備考】). */
  unmatchedColumns: string[];
}

/** Columns a register computes from the others, or bookkeeping that is not part of a sheet. */
const COMPUTED = new Set(
  ['満了日(延長後)', '延長後満了日', '延長後の満了日', '状態', 'Status', 'State', '項番', '連番', '通し番号', 'No', 'No.', '番号(通し)', '満了日の出典', 'Expiry source', '経過日数', '残り日数', '残日数']
    .map(normalizeLabel),
);
const FILE_COLUMN = new Set(['ファイル', 'File', 'ファイル名'].map(normalizeLabel));
const SOURCE_COLUMN = new Set(['満了日の出典', 'Expiry source'].map(normalizeLabel));
const DATE_FIELDS = new Set(['指定年月日', '満了日', '点検', '解除']);
/** English ledger headers (shitei ledger --locale en). */
const ENGLISH: Record<string, string> = {
  'serial number': '整理番号', 'designated on': '指定年月日', validity: '有効期間', 'expires on': '満了日', extensions: '延長',
  summary: '概要', '別表 item': '別表', measure: '措置', 'secret manager': '特定秘密管理者', agency: '行政機関',
  'last review': '点検', review: '点検', 'released on': '解除', released: '解除',
};

type Column = { kind: 'match'; match: LabelMatch; label: string } | { kind: 'skip' } | { kind: 'file' } | { kind: 'source' } | { kind: 'unknown'; label: string };

function classify(header: string): Column {
  const label = header.trim();
  if (!label) return { kind: 'skip' };
  const key = normalizeLabel(label);
  if (FILE_COLUMN.has(key)) return { kind: 'file' };
  if (SOURCE_COLUMN.has(key)) return { kind: 'source' };
  if (COMPUTED.has(key) || /\(ISO\)$/i.test(key)) return { kind: 'skip' };
  const english = ENGLISH[label.toLowerCase()];
  const match = matchLabel(english ?? label);
  if (match && !(label.includes('延長後') || /after extensions/i.test(label))) return { kind: 'match', match, label };
  if (/after extensions/i.test(label) || label.includes('延長後')) return { kind: 'skip' };
  return { kind: 'unknown', label };
}

/** Days since 1899-12-30 (Excel's date numbers, 1900 system) as YYYY-MM-DD. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return undefined;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

function cellText(value: CellValue, dateField: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return (dateField ? excelSerialToIso(value) : undefined) ?? String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.replace(/\r\n|\r/g, '\n').trim();
}

/** The header row: the first of the first 20 rows with at least two cells naming a field or section. */
function findHeader(rows: CellValue[][]): number {
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const matches = rows[r].filter((v) => typeof v === 'string' && classify(v).kind === 'match').length;
    if (matches >= 2) return r;
  }
  return -1;
}

/** The register's designations: the first worksheet with a header row. Undefined when none has one. */
export function importRegister(sheets: readonly WorksheetValues[]): RegisterImport | undefined {
  for (const sheet of sheets) {
    const header = findHeader(sheet.rows);
    if (header < 0) continue;
    const columns = sheet.rows[header].map((v) => classify(typeof v === 'string' ? v : v === null ? '' : String(v)));
    const unmatchedColumns = columns.filter((c): c is Extract<Column, { kind: 'unknown' }> => c.kind === 'unknown').map((c) => c.label);
    const entries: RegisterEntry[] = [];
    for (let r = header + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      const fields: DocField[] = [];
      const sections: DocSection[] = [];
      const remarks: string[] = [];
      let suggestedFile: string | undefined;
      let computedExpiry = false;
      let filled = 0;
      columns.forEach((column, c) => {
        const value = row[c] ?? null;
        if (column.kind === 'file') suggestedFile = cellText(value, false) || undefined;
        else if (column.kind === 'source') computedExpiry = /^(算出|computed)$/.test(cellText(value, false));
        else if (column.kind === 'unknown') {
          const text = cellText(value, false);
          if (text) remarks.push(`${column.label}：${oneLine(text)}`);
        } else if (column.kind === 'match') {
          const m = column.match;
          const text = cellText(value, m.kind === 'field' && DATE_FIELDS.has(m.name));
          if (!text) return;
          filled++;
          if (m.kind === 'section') sections.push({ heading: m.name, lines: text.split('\n') });
          else if (m.repeatable) for (const part of text.split(/[、\n]/)) {
            if (part.trim()) fields.push({ label: m.name, value: part.trim() });
          }
          else fields.push({ label: m.name, value: text });
        }
      });
      // A row with fewer than two of the register's values is a note or a total, not a designation.
      if (filled < 2) continue;
      // The register's 満了日 was computed (the sheet wrote none): the imported sheet writes none either.
      const kept = computedExpiry ? fields.filter((f) => f.label !== '満了日') : fields;
      for (const spec of SECTIONS) {
        if (spec.required && !sections.some((s) => s.heading === spec.name)) sections.push({ heading: spec.name, lines: [] });
      }
      if (remarks.length) {
        const existing = sections.find((s) => s.heading === '備考');
        if (existing) existing.lines.push(...remarks);
        else sections.push({ heading: '備考', lines: remarks });
      }
      entries.push({ row: r + 1, document: { fields: kept, sections }, suggestedFile });
    }
    return { sheetName: sheet.name, entries, unmatchedColumns };
  }
  return undefined;
}
