/**
 * The register as ONE self-contained HTML page: inline CSS, an inline SVG chart of designations
 * by month of expiry, no script, no external asset, no web font (the page names local Japanese
 * fonts only), and a Content-Security-Policy that forbids loading anything, so the file can be
 * mailed, archived or opened offline and shows the same. Laid out for A4 landscape printing.
 */
import { twelveMonthsFrom, type ExpiryEntry, type Ledger, type MonthCount, type LedgerRow } from '../../../core/out/ledger/index';
import { formatDate, parseIso, toIso, localize, type Locale } from '../../../core/out/index';
import {
  COLUMNS,
  agencyName,
  baseDateText,
  columnLabel,
  countsText,
  stateRows,
  daysText,
  expiryCell,
  fiveYearsText,
  gouLabel,
  label,
  percent,
  validityLabel,
  windowText,
} from './ledger-common';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The head of a self-contained page (the register, the yearly report): no script, no request
 * (the Content-Security-Policy allows inline styles only), so it can be mailed or archived.
 */
export function pageHead(options: { lang: string; generator: string; title: string; css: string }): string {
  return `<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="${options.generator}">
<title>${escapeHtml(options.title)}</title>
<style>${options.css}</style>
</head>`;
}

/** Escaped text with line breaks kept as <br>. */
function multiline(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}

const CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5c5c5c; --line: #c8c8c8; --head: #eef1f5; --soon: #c0392b; --bar: #3d6fa8; --past: #9a9a9a; }
* { box-sizing: border-box; }
html { font-size: 14px; }
body { margin: 24px; color: var(--ink); background: #fff; line-height: 1.5;
  font-family: "IPAexGothic", "IPAPGothic", "IPAGothic", "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid var(--ink); }
p.meta { margin: 0; color: var(--muted); }
p.note { margin: .4rem 0 0; color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
/* The register shrinks to the window (1000–1400 px: a VS Code editor beside the side bar); a
   narrower window scrolls the table, never the page. */
.table-scroll { overflow-x: auto; max-width: 100%; }
#register { font-size: .8rem; }
#register th { white-space: normal; }
#register td, #register th { padding: .2rem .35rem; min-width: 3em; }
th, td { border: 1px solid var(--line); padding: .25rem .45rem; vertical-align: top; text-align: left; }
th { background: var(--head); font-weight: bold; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.ref { white-space: nowrap; }
td.date .norm { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.date { min-width: 6.5em; }
td.date .written { display: block; color: var(--muted); font-size: .75rem; }
td.serial { min-width: 6em; }
td.summary { min-width: 12em; }
td.path { min-width: 8em; max-width: 14em; }
td.path { font-family: "IPAGothic", ui-monospace, monospace; font-size: .75rem; overflow-wrap: anywhere; }
td.path a { color: inherit; }
tr.has-errors td:first-child { box-shadow: inset 4px 0 0 var(--soon); }
.flag { display: inline-block; margin-top: .15rem; padding: 0 .35rem; border-radius: .6rem; font-size: .75rem; white-space: nowrap; }
.flag.error { background: var(--soon); color: #fff; }
.flag.warning { background: #f4d03f; color: #1a1a1a; }
tr.total td, tr.total th { font-weight: bold; background: #f7f7f7; }
table.compact { width: auto; min-width: 24rem; }
td.soon { color: var(--soon); font-weight: bold; }
.empty { color: var(--muted); }
figure { margin: 0; }
svg.chart { width: 100%; max-width: 1000px; height: auto; display: block; }
svg.chart text { font-size: 11px; fill: var(--ink); }
svg.chart .axis { stroke: var(--ink); stroke-width: 1; }
svg.chart .grid { stroke: var(--line); stroke-width: .5; }
svg.chart .bar { fill: var(--bar); }
svg.chart .bar.soon { fill: var(--soon); }
svg.chart .bar.past { fill: var(--past); }
svg.chart .today { stroke: var(--soon); stroke-dasharray: 4 3; }
.legend span { display: inline-block; margin-right: 1.2rem; font-size: .85rem; }
.legend i { display: inline-block; width: .9rem; height: .9rem; vertical-align: -.1rem; margin-right: .3rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  html { font-size: 9pt; }
  body { margin: 0; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  section.summary { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function th(text: string, cls = ''): string {
  return `<th${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</th>`;
}

function td(html: string, cls = ''): string {
  return `<td${cls ? ` class="${cls}"` : ''}>${html}</td>`;
}

/** What `shitei check` found in one sheet: the register flags sheets with errors or warnings. */
export interface SheetCheck {
  errors: number;
  warnings: number;
}

/**
 * A date cell: one normalized form for the whole column (ISO), and below it the text the sheet
 * writes when that differs (令和8年4月1日, 2026/4/1 …), so mixed styles neither hide what the
 * sheet says nor make the column hard to scan. Unreadable dates show as written.
 */
function dateCell(written: string, iso: string, suffix = ''): string {
  if (!iso) return escapeHtml(written + suffix);
  const date = parseIso(iso);
  const same = written === iso || (date !== undefined && written === formatDate(date, { calendar: 'iso', digits: 'half' }));
  return `<span class="norm">${escapeHtml(iso + suffix)}</span>${same || !written ? '' : `<span class="written">${escapeHtml(written)}</span>`}`;
}

function flagHtml(check: SheetCheck | undefined, locale: Locale): string {
  if (!check || (check.errors === 0 && check.warnings === 0)) return '';
  const [cls, n, ja, en] = check.errors > 0 ? ['error', check.errors, 'エラー', 'error'] : ['warning', check.warnings, '警告', 'warning'];
  const text = localize({ ja: `${ja} ${n}`, en: `${n} ${en}${n === 1 ? '' : 's'}` }, locale);
  const title = locale === 'ja'
    ? `shitei check: エラー ${check.errors} 件、警告 ${check.warnings} 件`
    : `shitei check: ${check.errors} error(s), ${check.warnings} warning(s)`;
  return `<br><span class="flag ${cls}" title="${escapeHtml(title)}">${escapeHtml(text)}</span>`;
}

/** The file, linked relative to the folder the register was made in (an editor opens it on click). */
function pathCell(path: string): string {
  const href = path.split('/').map(encodeURIComponent).join('/');
  return `<a class="sheet" href="${escapeHtml(href)}" data-path="${escapeHtml(path)}">${escapeHtml(path)}</a>`;
}

function registerTable(ledger: Ledger, locale: Locale, checks?: ReadonlyMap<string, SheetCheck>): string {
  const head = COLUMNS.map((c) => th(columnLabel(c, locale))).join('');
  const body = ledger.rows
    .map((r: LedgerRow) => {
      const check = checks?.get(r.path);
      const cells = COLUMNS.map((c) => {
        if (c.key === 'expiry') return td(dateCell(r.expiry, r.expiryIso, expiryCell(r) !== r.expiry ? '※' : ''), 'date');
        if (c.key === 'path') return td(pathCell(r.path), 'path');
        if (c.key === 'beppyo') return td(r.beppyo.map(escapeHtml).join('<br>'), 'ref');
        if (c.key === 'serial') return td(escapeHtml(r.serial) + flagHtml(check, locale), 'serial');
        if (c.key === 'summary') return td(multiline(r.summary), 'summary');
        if (c.iso) return td(dateCell(c.cell(r), c.iso(r)), 'date');
        return td(multiline(c.cell(r)));
      });
      const cls = check && check.errors > 0 ? ' class="has-errors"' : '';
      return `<tr${cls} data-path="${escapeHtml(r.path)}">${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table-scroll"><table id="register"><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

function agencyTable(ledger: Ledger, locale: Locale): string {
  const t = ledger.summary.byAgencyAndGou;
  const gous = ['1', '2', '3', '4'] as const;
  const head = [th(label('agency', locale)), ...gous.map((g) => th(gouLabel(Number(g), locale), 'num')), th(label('unclassified', locale), 'num'), th(label('total', locale), 'num')].join('');
  const line = (name: string, r: { byGou: Record<string, number>; unclassified: number; total: number }, cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}>${td(escapeHtml(name))}${gous.map((g) => td(String(r.byGou[g]), 'num')).join('')}${td(String(r.unclassified), 'num')}${td(String(r.total), 'num')}</tr>`;
  const body = t.rows.map((r) => line(agencyName(r.agency, locale), r)).join('\n');
  return `<table id="by-agency" class="compact"><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n<tfoot>${line(label('grandTotal', locale), t.totals, 'total')}</tfoot></table>`;
}

function validityTable(ledger: Ledger, locale: Locale): string {
  const v = ledger.summary.byValidity;
  const rows: [string, number, string?][] = [
    ...(['1', '2', '3', '4', '5'] as const).map((y): [string, number, string] => [validityLabel(Number(y), locale), v.years[y], y === '5' ? 'five' : '']),
    [label('other', locale), v.other],
    [label('unknown', locale), v.unknown],
  ];
  const body = rows.map(([name, n, cls]) => `<tr${cls ? ` class="${cls}"` : ''}>${td(escapeHtml(name))}${td(String(n), 'num')}${td(percent(n, v.total), 'num')}</tr>`).join('\n');
  return (
    `<table id="by-validity" class="compact"><thead><tr>${th(label('validity', locale))}${th(label('count', locale), 'num')}${th('%', 'num')}</tr></thead>\n` +
    `<tbody>\n${body}\n</tbody>\n<tfoot><tr class="total">${td(escapeHtml(label('grandTotal', locale)))}${td(String(v.total), 'num')}${td(percent(v.total, v.total), 'num')}</tr></tfoot></table>`
  );
}

/** v1.1: designations by state (有効 / 解除 / 満了). */
function stateTable(ledger: Ledger, locale: Locale): string {
  const body = stateRows(ledger, locale).map(([name, n]) => `<tr>${td(escapeHtml(name))}${td(String(n), 'num')}</tr>`).join('\n');
  const total = ledger.summary.byState.total;
  return `<table id="by-state" class="compact"><thead><tr>${th(label('state', locale))}${th(label('count', locale), 'num')}</tr></thead>\n<tbody>\n${body}\n</tbody>\n<tfoot><tr class="total">${td(escapeHtml(label('grandTotal', locale)))}${td(String(total), 'num')}</tr></tfoot></table>`;
}

function expiryTable(id: string, entries: ExpiryEntry[], locale: Locale): string {
  if (entries.length === 0) return `<p id="${id}" class="empty">${escapeHtml(label('none', locale))}</p>`;
  const past = entries[0].daysLeft < 0;
  const head = [th(label('expiryInForce', locale)), th(label(past ? 'daysPast' : 'daysLeft', locale), 'num'), th(columnLabel(COLUMNS[0], locale)), th(label('agency', locale)), th(label('file', locale))].join('');
  const body = entries
    .map((e) => `<tr>${td(escapeHtml(e.expiry), 'date')}${td(escapeHtml(daysText(e, locale)), past ? 'num' : e.daysLeft <= 90 ? 'num soon' : 'num')}${td(escapeHtml(e.serial))}${td(escapeHtml(agencyName(e.agency, locale)))}${td(pathCell(e.path), 'path')}</tr>`)
    .join('\n');
  return `<table id="${id}"><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

function skippedTable(ledger: Ledger, locale: Locale): string {
  if (ledger.skipped.length === 0) return `<p id="skipped" class="empty">${escapeHtml(label('none', locale))}</p>`;
  const body = ledger.skipped.map((s) => `<tr>${td(escapeHtml(s.path), 'path')}${td(escapeHtml(s.reason))}</tr>`).join('\n');
  return `<table id="skipped"><thead><tr>${th(label('file', locale))}${th(label('reason', locale))}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

/** Months before today's month the chart shows one by one, and months from it on. */
export const CHART_MONTHS_BEFORE = 12;
export const CHART_MONTHS_FROM = 120;

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const monthOf = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

interface Slot {
  kind: 'month' | 'earlier' | 'later';
  /** YYYY-MM: the month, or the last month before the window (earlier) / the first after it (later). */
  month: string;
  count: number;
}

/**
 * The slots the chart draws: each month from the first 満了日 to the last, but no further back
 * than CHART_MONTHS_BEFORE months before today's month nor further on than CHART_MONTHS_FROM
 * months from it; designations outside that window are one "earlier" and one "later" bar, so a
 * 60-year extension does not squeeze the next years into a sliver.
 */
export function chartSlots(months: readonly MonthCount[], todayIso: string): Slot[] {
  if (months.length === 0) return [];
  const now = monthIndex(todayIso);
  const lo = Math.max(monthIndex(months[0].month), now - CHART_MONTHS_BEFORE);
  const hi = Math.min(monthIndex(months[months.length - 1].month), now + CHART_MONTHS_FROM - 1);
  let earlier = 0;
  let later = 0;
  const counts = new Map<number, number>();
  for (const m of months) {
    const i = monthIndex(m.month);
    if (i < lo) earlier += m.count;
    else if (i > hi) later += m.count;
    else counts.set(i, m.count);
  }
  const slots: Slot[] = [];
  if (earlier > 0) slots.push({ kind: 'earlier', month: monthOf(lo - 1), count: earlier });
  for (let i = lo; i <= hi; i++) slots.push({ kind: 'month', month: monthOf(i), count: counts.get(i) ?? 0 });
  if (later > 0) slots.push({ kind: 'later', month: monthOf(hi + 1), count: later });
  return slots;
}

function slotText(s: Slot, locale: Locale): string {
  const [yy, mm] = s.month.split('-').map(Number);
  const ja = `${yy}年${mm}月`;
  if (s.kind === 'earlier') return localize({ ja: `${ja}以前`, en: `until ${s.month}` }, locale);
  if (s.kind === 'later') return localize({ ja: `${ja}以降`, en: `from ${s.month}` }, locale);
  return localize({ ja, en: s.month }, locale);
}

/**
 * Bars per month of the 満了日 in force: grey before this month, red within the next 12 months,
 * blue after; a dashed line marks today's month. Each bar's <title> says its month and count.
 */
export function expiryChart(months: readonly MonthCount[], todayIso: string, lastIso: string, locale: Locale): string {
  const slots = chartSlots(months, todayIso);
  if (slots.length === 0) return `<p class="empty" id="chart-empty">${escapeHtml(label('chartEmpty', locale))}</p>`;
  const W = 960;
  const H = 280;
  const left = 44;
  const right = 12;
  const top = 16;
  const bottom = 52;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const max = Math.max(1, ...slots.map((m) => m.count));
  const step = max <= 5 ? 1 : Math.ceil(max / 5);
  const yMax = Math.ceil(max / step) * step;
  const slot = plotW / slots.length;
  const barW = Math.max(2, Math.min(40, slot * 0.7));
  const y = (n: number) => top + plotH - (n / yMax) * plotH;
  const thisMonth = todayIso.slice(0, 7);
  const lastMonth = lastIso.slice(0, 7);
  const suffix = localize({ ja: '年', en: '' }, locale);
  const parts: string[] = [];
  for (let n = 0; n <= yMax; n += step) {
    parts.push(`<line class="grid" x1="${left}" x2="${W - right}" y1="${y(n).toFixed(1)}" y2="${y(n).toFixed(1)}"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(n) + 4).toFixed(1)}" text-anchor="end">${n}</text>`);
  }
  const everyMonth = slots.length <= 24;
  // Long ranges: a year label every yearStep-th January (labels at least ~44 px apart), and
  // on the first month when the first of those is far enough away.
  const yearStep = Math.max(1, Math.ceil(44 / (slot * 12)));
  const yearLabels = new Set<number>();
  if (!everyMonth) {
    slots.forEach((m, i) => {
      const [yy, mm] = m.month.split('-').map(Number);
      if (m.kind === 'month' && mm === 1 && yy % yearStep === 0) yearLabels.add(i);
    });
    const first = slots.findIndex((m) => m.kind === 'month');
    if (yearLabels.size === 0 || (Math.min(...yearLabels) - first) * slot >= 44) yearLabels.add(first);
  }
  const countLabels = slot >= 14;
  slots.forEach((m, i) => {
    const [yy, mm] = m.month.split('-').map(Number);
    const x = left + i * slot + (slot - barW) / 2;
    const cx = (left + i * slot + slot / 2).toFixed(1);
    const cls = m.kind === 'earlier' || m.month < thisMonth ? 'bar past' : m.kind === 'month' && m.month <= lastMonth ? 'bar soon' : 'bar';
    const tip = `${slotText(m, locale)}: ${m.count}${localize({ ja: '件', en: '' }, locale)}`;
    if (m.count > 0) {
      parts.push(`<rect class="${cls}" x="${x.toFixed(1)}" y="${y(m.count).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(0) - y(m.count)).toFixed(1)}"><title>${escapeHtml(tip)}</title></rect>`);
      if (countLabels) parts.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${(y(m.count) - 3).toFixed(1)}" text-anchor="middle">${m.count}</text>`);
    }
    if (m.kind !== 'month') {
      const text = localize(m.kind === 'earlier' ? { ja: '以前', en: 'before' } : { ja: '以降', en: 'later' }, locale);
      parts.push(`<text x="${cx}" y="${H - bottom + 15}" text-anchor="middle">${text}</text>`);
    } else if (everyMonth) {
      parts.push(`<text x="${cx}" y="${H - bottom + 15}" text-anchor="middle">${localize({ ja: `${mm}月`, en: String(mm) }, locale)}</text>`);
      if (mm === 1 || i === 0 || slots[i - 1].kind !== 'month') parts.push(`<text x="${cx}" y="${H - bottom + 31}" text-anchor="middle">${yy}${suffix}</text>`);
    } else if (yearLabels.has(i)) {
      parts.push(`<line class="grid" x1="${cx}" x2="${cx}" y1="${y(0)}" y2="${y(0) + 5}"/>`);
      parts.push(`<text x="${cx}" y="${H - bottom + 18}" text-anchor="middle">${yy}${suffix}</text>`);
    }
    if (m.kind === 'month' && m.month === thisMonth) {
      const tx = left + i * slot;
      parts.push(`<line class="today" x1="${tx.toFixed(1)}" x2="${tx.toFixed(1)}" y1="${top}" y2="${y(0)}"/>`);
    }
  });
  parts.push(`<line class="axis" x1="${left}" x2="${W - right}" y1="${y(0)}" y2="${y(0)}"/>`);
  parts.push(`<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${y(0)}"/>`);
  const total = slots.reduce((n, m) => n + m.count, 0);
  const desc = localize({
    ja: `${months[0].month} から ${months[months.length - 1].month} まで、満了日の読める指定 ${total} 件`,
    en: `${months[0].month} to ${months[months.length - 1].month}, ${total} designations with a readable expiry`,
  }, locale);
  return (
    `<svg class="chart" id="expiry-chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc">` +
    `<title id="chart-title">${escapeHtml(label('chart', locale))}</title><desc id="chart-desc">${escapeHtml(desc)}</desc>\n${parts.join('\n')}\n</svg>`
  );
}

function legend(locale: Locale): string {
  const item = (color: string, text: string) => `<span><i style="background:${color}"></i>${escapeHtml(text)}</span>`;
  return `<p class="legend">${item('var(--past)', localize({ ja: '満了済み', en: 'past' }, locale))}${item('var(--soon)', localize({ ja: '12か月以内に満了', en: 'within 12 months' }, locale))}${item('var(--bar)', localize({ ja: 'それ以降', en: 'later' }, locale))}</p>`;
}

/**
 * `checks`, keyed by the rows' paths, flags the sheets that `shitei check` finds errors or
 * warnings in (the CLI passes it; without it no row is flagged).
 */
export function formatLedgerHtml(ledger: Ledger, locale: Locale, checks?: ReadonlyMap<string, SheetCheck>): string {
  const today = parseIso(ledger.today);
  const last = today ? toIso(twelveMonthsFrom(today)) : ledger.today;
  const title = label('title', locale);
  const computed = ledger.rows.some((r) => r.expirySource === 'computed') ? `<p class="note">${escapeHtml(label('computedNote', locale))}</p>` : '';
  return `${pageHead({ lang: 'ja' /* the content is Japanese whatever the labels' language */, generator: 'shitei ledger', title, css: CSS })}
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(label('baseDate', locale))}: ${escapeHtml(baseDateText(ledger, locale))}</p>
<p class="meta">${escapeHtml(countsText(ledger, locale))}</p>
</header>
<main>
<section id="section-register">
<h2>${escapeHtml(label('register', locale))}</h2>
${registerTable(ledger, locale, checks)}
${computed}
</section>
<section id="section-by-agency" class="summary">
<h2>${escapeHtml(label('byAgency', locale))}</h2>
${agencyTable(ledger, locale)}
<p class="note">${escapeHtml(label('byAgencyNote', locale))}</p>
</section>
<section id="section-by-validity" class="summary">
<h2>${escapeHtml(label('byValidity', locale))}</h2>
${validityTable(ledger, locale)}
<p class="note" id="five-years">${escapeHtml(fiveYearsText(ledger, locale))}</p>
</section>
<section id="section-by-state" class="summary">
<h2>${escapeHtml(label('byState', locale))}</h2>
${stateTable(ledger, locale)}
</section>
<section id="section-chart" class="summary">
<h2>${escapeHtml(label('chart', locale))}</h2>
<figure>
${expiryChart(ledger.summary.byExpiryMonth, ledger.today, last, locale)}
${legend(locale)}
</figure>
</section>
<section id="section-expiring-soon" class="summary">
<h2>${escapeHtml(label('expiringSoon', locale))} <small>(${escapeHtml(windowText(ledger, last, locale))})</small></h2>
${expiryTable('expiring-soon', ledger.summary.expiringSoon, locale)}
</section>
<section id="section-expired" class="summary">
<h2>${escapeHtml(label('expired', locale))}</h2>
${expiryTable('expired', ledger.summary.expired, locale)}
</section>
<section id="section-skipped" class="summary">
<h2>${escapeHtml(label('skipped', locale))}</h2>
${skippedTable(ledger, locale)}
</section>
</main>
<footer>${escapeHtml(label('generatedBy', locale))} · ${escapeHtml(ledger.today)}</footer>
</body>
</html>
`;
}
