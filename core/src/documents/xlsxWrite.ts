/**
 * A small .xlsx (SpreadsheetML) writer: sheets of rows in, workbook bytes out. Enough for
 * registers and reports a person reads, sorts and prints: shared strings, numbers, a few cell
 * styles (title, header, body, number), column widths, a frozen header row that is repeated on
 * every printed page, an autofilter, A4 landscape fitted to the page width, page numbers.
 * Pure (no file system): `shitei ledger --format xlsx` and `shitei report --format xlsx` call it.
 */
import { escapeXml, xmlSafe } from './xml';
import { writeZip } from './zip';
import { MINCHO_FONT } from './fonts';

export type XlsxValue = string | number | null | undefined;
export type XlsxRowStyle = 'title' | 'note' | 'header' | 'body' | 'plain';

export interface XlsxRow {
  cells: XlsxValue[];
  /** How the row looks; `body` (bordered, wrapped) by default. */
  style?: XlsxRowStyle;
}

export interface XlsxSheet {
  /** The tab's name (at most 31 characters; []:*?/\ are replaced). */
  name: string;
  rows: (XlsxRow | XlsxValue[])[];
  /** Column widths in characters (a full-width character counts about 2). */
  columnWidths?: number[];
  /** The 0-based index of the table's header row: frozen, repeated when printed, with an autofilter. */
  headerRow?: number;
  /** Print in landscape (default true). */
  landscape?: boolean;
}

const STYLE_INDEX: Record<XlsxRowStyle, { text: number; number: number }> = {
  plain: { text: 0, number: 0 },
  title: { text: 1, number: 1 },
  note: { text: 2, number: 2 },
  header: { text: 3, number: 3 },
  body: { text: 4, number: 5 },
};

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A1-style column letters of a 0-based index. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function safeSheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let k = 2; taken.has(candidate.toLowerCase()); k++) {
    const suffix = ` (${k})`;
    base = base.slice(0, 31 - suffix.length);
    candidate = base + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function stylesXml(): string {
  const font = (extra: string) => `<font>${extra}<sz val="%SZ%"/><name val="${escapeXml(MINCHO_FONT)}"/><family val="1"/><charset val="128"/></font>`;
  const fonts = [font('').replace('%SZ%', '10.5'), font('<b/>').replace('%SZ%', '14'), font('').replace('%SZ%', '10'), font('<b/>').replace('%SZ%', '10.5')];
  const thin = '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
  return (
    XML_HEAD +
    `<styleSheet xmlns="${MAIN_NS}">` +
    `<fonts count="${fonts.length}">${fonts.join('')}</fonts>` +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="6">' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="0" fontId="3" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
    '</cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function normalizeRow(row: XlsxRow | XlsxValue[]): XlsxRow {
  return Array.isArray(row) ? { cells: row } : row;
}

export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shared = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const taken = new Set<string>();
  const names = sheets.map((s) => safeSheetName(s.name, taken));
  const files: Record<string, string> = {};
  const definedNames: string[] = [];

  sheets.forEach((sheet, index) => {
    const rows = sheet.rows.map(normalizeRow);
    const width = Math.max(1, ...rows.map((r) => r.cells.length), sheet.columnWidths?.length ?? 0);
    const lastCol = columnLetters(width - 1);
    const out: string[] = [];
    out.push(XML_HEAD, `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
    out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    out.push(`<dimension ref="A1:${lastCol}${Math.max(1, rows.length)}"/>`);
    const header = sheet.headerRow;
    if (header !== undefined && header + 1 < rows.length) {
      out.push(`<sheetViews><sheetView workbookViewId="0"${index === 0 ? ' tabSelected="1"' : ''}><pane ySplit="${header + 1}" topLeftCell="A${header + 2}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${header + 2}" sqref="A${header + 2}"/></sheetView></sheetViews>`);
    } else {
      out.push(`<sheetViews><sheetView workbookViewId="0"${index === 0 ? ' tabSelected="1"' : ''}/></sheetViews>`);
    }
    out.push('<sheetFormatPr defaultRowHeight="16.5"/>');
    if (sheet.columnWidths?.length) {
      out.push('<cols>');
      sheet.columnWidths.forEach((w, i) => out.push(`<col min="${i + 1}" max="${i + 1}" width="${Math.max(2, Math.min(100, w)).toFixed(1)}" customWidth="1"/>`));
      out.push('</cols>');
    }
    out.push('<sheetData>');
    rows.forEach((row, r) => {
      const style = STYLE_INDEX[row.style ?? 'body'];
      const cells: string[] = [];
      row.cells.forEach((value, c) => {
        const ref = `${columnLetters(c)}${r + 1}`;
        if (value === null || value === undefined || value === '') {
          if (row.style === 'header' || (row.style ?? 'body') === 'body') cells.push(`<c r="${ref}" s="${style.text}"/>`);
          return;
        }
        if (typeof value === 'number' && Number.isFinite(value)) cells.push(`<c r="${ref}" s="${style.number}"><v>${value}</v></c>`);
        else cells.push(`<c r="${ref}" s="${style.text}" t="s"><v>${shared(xmlSafe(String(value)))}</v></c>`);
      });
      out.push(`<row r="${r + 1}">${cells.join('')}</row>`);
    });
    out.push('</sheetData>');
    const sheetRef = `'${names[index].replace(/'/g, "''")}'`;
    if (header !== undefined && header < rows.length) {
      const range = `$A$${header + 1}:$${lastCol}$${Math.max(header + 1, rows.length)}`;
      out.push(`<autoFilter ref="${range.replace(/\$/g, '')}"/>`);
      definedNames.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(`${sheetRef}!${range}`)}</definedName>`);
      definedNames.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`${sheetRef}!$${header + 1}:$${header + 1}`)}</definedName>`);
    }
    out.push('<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
    out.push(`<pageSetup paperSize="9" orientation="${sheet.landscape === false ? 'portrait' : 'landscape'}" fitToWidth="1" fitToHeight="0"/>`);
    out.push(`<headerFooter><oddHeader>${escapeXml('&C&A')}</oddHeader><oddFooter>${escapeXml('&C&P / &N')}</oddFooter></headerFooter>`);
    out.push('</worksheet>');
    files[`xl/worksheets/sheet${index + 1}.xml`] = out.join('');
  });

  const sheetEntries = names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  files['xl/workbook.xml'] =
    XML_HEAD +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetEntries}</sheets>` +
    (definedNames.length ? `<definedNames>${definedNames.join('')}</definedNames>` : '') +
    '</workbook>';
  files['xl/_rels/workbook.xml.rels'] =
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL_NS}">` +
    names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${names.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${names.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>';
  files['xl/styles.xml'] = stylesXml();
  files['xl/sharedStrings.xml'] =
    XML_HEAD +
    `<sst xmlns="${MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">` +
    strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('') +
    '</sst>';
  files['_rels/.rels'] =
    XML_HEAD + `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  files['[Content_Types].xml'] =
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '</Types>';
  // [Content_Types].xml first, as Office writes it (some readers sniff the first entry).
  const ordered: Record<string, string> = { '[Content_Types].xml': files['[Content_Types].xml'] };
  for (const [k, v] of Object.entries(files)) if (k !== '[Content_Types].xml') ordered[k] = v;
  return writeZip(ordered);
}
