/**
 * The yearly report as one self-contained HTML page, like the register's: no scripts, no
 * external assets (a CSP that forbids them), print-ready on A4.
 */
import type { YearlyReport } from '../../../core/out/report/index';
import type { Locale } from '../../../core/out/index';
import { escapeHtml, pageHead } from './ledger-html';
import { REPORT_COLUMNS, periodText, reportLabel, reportTitle, rowCells, totalCells } from './report-common';

const CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5c5c5c; --line: #c8c8c8; --head: #eef1f5; }
* { box-sizing: border-box; }
html { font-size: 14px; }
body { margin: 24px; color: var(--ink); background: #fff; line-height: 1.5;
  font-family: "IPAexGothic", "IPAPGothic", "IPAGothic", "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
p.meta { margin: 0; color: var(--muted); }
p.note { margin: .6rem 0 0; color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; margin-top: 1rem; font-size: .9rem; min-width: 32rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--head); white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; background: #f7f7f7; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
@page { size: A4 portrait; margin: 12mm; }
@media print { body { margin: 0; } thead { display: table-header-group; } }
`;

export function formatReportHtml(report: YearlyReport, locale: Locale): string {
  const title = reportTitle(report, locale);
  const cls = (i: number) => (REPORT_COLUMNS[i].numeric ? ' class="num"' : '');
  const head = REPORT_COLUMNS.map((c, i) => `<th${cls(i)}>${escapeHtml(c.label[locale])}</th>`).join('');
  const line = (cells: string[], rowClass = '') => `<tr${rowClass ? ` class="${rowClass}"` : ''}>${cells.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`;
  const body = report.rows.map((r) => line(rowCells(r, locale))).join('\n');
  const notes = [
    reportLabel('totalsNote', locale),
    ...(report.rows.some((r) => r.unspecified) ? [reportLabel('unspecifiedNote', locale)] : []),
    ...(report.unclassified > 0 ? [`${reportLabel('unclassified', locale)}: ${report.unclassified}`] : []),
    ...(report.rows.length === 0 ? [reportLabel('none', locale)] : []),
  ];
  return `${pageHead({ lang: locale, generator: 'shitei report', title, css: CSS })}
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(reportLabel('period', locale))}: ${escapeHtml(periodText(report, locale))}</p>
<p class="meta">${escapeHtml(reportLabel('basis', locale))}</p>
</header>
<main>
<table id="report"><thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
<tfoot>${line(totalCells(report, locale), 'total')}</tfoot></table>
${notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('\n')}
</main>
<footer>${escapeHtml(reportLabel('generatedBy', locale))} · ${report.year}</footer>
</body>
</html>
`;
}
