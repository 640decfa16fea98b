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
import { type Locale, escapeControlChars } from '../../../core/out/index';
import { FLAT_CELLS, flatHeader, flatValue } from './ledger-common';

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

export function csvField(value: string): string {
  // Line breaks stay inside the quotes; other controls (ESC for a terminal that shows the file) are written visibly.
  const visible = escapeControlChars(value, ['\r', '\n', '\t']);
  const safe = /^[=+\-@\t\r]/.test(visible) ? `'${visible}` : visible;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function formatLedgerCsv(ledger: Ledger, locale: Locale): string {
  const header = FLAT_CELLS.map((c) => flatHeader(c, locale));
  const lines = [header.map(csvField).join(',')];
  for (const row of ledger.rows) {
    lines.push(FLAT_CELLS.map((c) => csvField(flatValue(c, row, locale))).join(','));
  }
  return BOM + lines.join(CRLF) + CRLF;
}
