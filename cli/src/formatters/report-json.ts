/** The yearly report as JSON: `{ year, rows: [{ agency, item, inForce, designated, extended, released, unspecified? }], totals }` (format.md v1.1). */
import type { YearlyReport } from '../../../core/out/report/index';

export function formatReportJson(report: YearlyReport): string {
  const { year, rows, totals, unclassified } = report;
  return JSON.stringify({ year, rows, totals, unclassified }, null, 2) + '\n';
}
