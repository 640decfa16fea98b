/** The yearly report as Markdown: one table per the rows, with the totals, escaped like the register's. */
import type { YearlyReport } from '../../../core/out/report/index';
import type { Locale } from '../../../core/out/index';
import { mdTable } from './ledger-md';
import { REPORT_COLUMNS, periodText, reportLabel, reportTitle, rowCells, totalCells } from './report-common';

export function formatReportMarkdown(report: YearlyReport, locale: Locale): string {
  const out: string[] = [`# ${reportTitle(report, locale)}`, '', `${reportLabel('period', locale)}: ${periodText(report, locale)}  `, `${reportLabel('basis', locale)}`, ''];
  if (report.rows.length === 0) out.push(reportLabel('none', locale), '');
  out.push(
    mdTable(
      REPORT_COLUMNS.map((c) => c.label[locale]),
      [...report.rows.map((r) => rowCells(r, locale)), totalCells(report, locale)],
      REPORT_COLUMNS.map((c) => (c.numeric ? 'r' : 'l')),
    ),
    '',
    reportLabel('totalsNote', locale),
  );
  if (report.rows.some((r) => r.unspecified)) out.push('', reportLabel('unspecifiedNote', locale));
  if (report.unclassified > 0) out.push('', `${reportLabel('unclassified', locale)}: ${report.unclassified}`);
  return out.join('\n') + '\n';
}
