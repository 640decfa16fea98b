/**
 * The yearly report as an Excel workbook: one sheet with a title, the period and basis, then
 * the rows under a header that stays in view (filters, repeated on every printed page), the
 * 合計 row and the notes. Counts are numbers, so they add up in Excel; the item is written as in
 * the JSON (`1号イa`) with the "no 細目 named" flag in its own column, as in the CSV.
 */
import type { YearlyReport } from '../../../core/out/report/index';
import { localize, type Locale } from '../../../core/out/index';
import { writeXlsx, type XlsxRow } from '../../../core/out/documents/index';
import { REPORT_COLUMNS, periodText, reportLabel, reportTitle } from './report-common';

/** Widths in characters (a full-width character counts about 2). */
const WIDTHS: Record<(typeof REPORT_COLUMNS)[number]['key'], number> = {
  agency: 24, item: 14, inForce: 16, designated: 10, extended: 10, released: 10,
};
const UNSPECIFIED_WIDTH = 14;

export function unspecifiedLabel(locale: Locale): string {
  return localize({ ja: '細目の記載なし', en: 'No 細目 named' }, locale);
}

export function formatReportXlsx(report: YearlyReport, locale: Locale): Uint8Array {
  const header = [...REPORT_COLUMNS.map((c) => c.label[locale]), unspecifiedLabel(locale)];
  const rows: XlsxRow[] = [
    { cells: [reportTitle(report, locale)], style: 'title' },
    { cells: [`${reportLabel('period', locale)}: ${periodText(report, locale)}　${reportLabel('basis', locale)}`], style: 'note' },
    { cells: header, style: 'header' },
  ];
  const headerRow = rows.length - 1;
  for (const row of report.rows) {
    rows.push({
      cells: [row.agency || reportLabel('noAgency', locale), row.item, row.inForce, row.designated, row.extended, row.released, row.unspecified ? '※' : ''],
      style: 'body',
    });
  }
  const t = report.totals;
  rows.push({ cells: [reportLabel('total', locale), '', t.inForce, t.designated, t.extended, t.released, ''], style: 'body' });
  if (report.rows.length === 0) rows.push({ cells: [reportLabel('none', locale)], style: 'note' });
  rows.push({ cells: [reportLabel('totalsNote', locale)], style: 'note' });
  if (report.rows.some((r) => r.unspecified)) rows.push({ cells: [reportLabel('unspecifiedNote', locale)], style: 'note' });
  if (report.unclassified > 0) rows.push({ cells: [`${reportLabel('unclassified', locale)}: ${report.unclassified}`], style: 'note' });
  return writeXlsx([{
    name: locale === 'ja' ? `${report.year}年` : String(report.year),
    rows,
    columnWidths: [...REPORT_COLUMNS.map((c) => WIDTHS[c.key]), UNSPECIFIED_WIDTH],
    headerRow,
    landscape: true,
  }]);
}
