/**
 * The register as CSV for spreadsheet software: UTF-8 with a BOM (so Excel reads it as UTF-8),
 * CRLF between records, every field quoted with embedded quotes doubled (RFC 4180). Line breaks
 * inside a cell (a 概要 of several lines) stay inside its quotes. Each date column is followed
 * by its ISO form for sorting. Only the rows: the summaries and the skipped files are in the
 * other formats (and the skipped files on stderr).
 *
 * A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or CR) gets a
 * leading apostrophe, the usual defence against CSV injection; no real 指定書 value starts so.
 */
import type { Ledger } from '../../../core/out/ledger/index';
import { localize, type Locale, escapeControlChars } from '../../../core/out/index';
import { COLUMNS, columnLabel, label } from './ledger-common';

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

export function csvField(value: string): string {
  // Line breaks stay inside the quotes; other controls (ESC for a terminal that shows the file) are written visibly.
  const visible = escapeControlChars(value, ['\r', '\n', '\t']);
  const safe = /^[=+\-@\t\r]/.test(visible) ? `'${visible}` : visible;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function formatLedgerCsv(ledger: Ledger, locale: Locale): string {
  const header: string[] = [];
  for (const c of COLUMNS) {
    header.push(columnLabel(c, locale));
    if (c.iso) header.push(`${columnLabel(c, locale)}${localize({ ja: '（ISO）', en: ' (ISO)' }, locale)}`);
    if (c.key === 'expiry') header.push(label('expirySource', locale));
  }
  const lines = [header.map(csvField).join(',')];
  for (const row of ledger.rows) {
    const cells: string[] = [];
    for (const c of COLUMNS) {
      cells.push(c.cell(row));
      if (c.iso) cells.push(c.iso(row));
      if (c.key === 'expiry') cells.push(row.expirySource ? label(row.expirySource, locale) : '');
    }
    lines.push(cells.map(csvField).join(','));
  }
  return BOM + lines.join(CRLF) + CRLF;
}
