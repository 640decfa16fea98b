/**
 * The yearly report as CSV, like the register's: UTF-8 with a BOM, CRLF, every field quoted.
 * The rows, then one 合計 row (each designation once).
 */
import type { YearlyReport } from '../../../core/out/report/index';
import { localize, type Locale } from '../../../core/out/index';
import { BOM, CRLF, csvField } from './ledger-csv';
import { REPORT_COLUMNS, rowCells, totalCells } from './report-common';

export function formatReportCsv(report: YearlyReport, locale: Locale): string {
  const header = [...REPORT_COLUMNS.map((c) => c.label[locale]), localize({ ja: '細目の記載なし', en: 'No 細目 named' }, locale)];
  const lines = [header.map(csvField).join(',')];
  for (const row of report.rows) {
    const cells = rowCells(row, locale);
    cells[1] = row.item;
    lines.push([...cells, row.unspecified ? '1' : ''].map(csvField).join(','));
  }
  lines.push([...totalCells(report, locale), ''].map(csvField).join(','));
  return BOM + lines.join(CRLF) + CRLF;
}
