/**
 * The register as GitHub-flavoured Markdown: the rows, then the summaries and the skipped
 * files, each a table. Cell text is escaped so that a `|`, a line break or markup in a sheet
 * cannot break the table (line breaks become <br>).
 */
import { twelveMonthsFrom, type ExpiryEntry, type Ledger } from '../../../core/out/ledger/index';
import { parseIso, toIso, localize, type Locale, escapeControlChars } from '../../../core/out/index';
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
  validityLabel,
  windowText,
} from './ledger-common';

/** One table cell: no raw `|`, no line break, no HTML, no emphasis or links. */
export function mdCell(text: string): string {
  return escapeControlChars(text, ['\r', '\n']) // ESC and other controls written visibly
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/\r\n|\r|\n/g, '<br>')
    .trim();
}

export function mdTable(header: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rule = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [line(header.map(mdCell)), line(rule), ...rows.map((r) => line(r.map(mdCell)))].join('\n');
}

function expiryTable(entries: ExpiryEntry[], locale: Locale): string {
  if (entries.length === 0) return label('none', locale);
  return mdTable(
    [label('expiryInForce', locale), entries[0].daysLeft >= 0 ? label('daysLeft', locale) : label('daysPast', locale), columnLabel(COLUMNS[0], locale), label('agency', locale), label('file', locale)],
    entries.map((e) => [e.expiry, daysText(e, locale), e.serial, agencyName(e.agency, locale), e.path]),
    ['l', 'r'],
  );
}

export function formatLedgerMarkdown(ledger: Ledger, locale: Locale): string {
  const out: string[] = [];
  const { summary } = ledger;
  out.push(`# ${label('title', locale)}`, '');
  out.push(`${label('baseDate', locale)}: ${baseDateText(ledger, locale)}  `, countsText(ledger, locale), '');

  out.push(`## ${label('register', locale)}`, '');
  out.push(mdTable(COLUMNS.map((c) => columnLabel(c, locale)), ledger.rows.map((r) => COLUMNS.map((c) => (c.key === 'expiry' ? expiryCell(r) : c.cell(r))))));
  if (ledger.rows.some((r) => r.expirySource === 'computed')) out.push('', label('computedNote', locale));
  out.push('');

  out.push(`## ${label('byAgency', locale)}`, '');
  const t = summary.byAgencyAndGou;
  const gous = ['1', '2', '3', '4'] as const;
  out.push(
    mdTable(
      [label('agency', locale), ...gous.map((g) => gouLabel(Number(g), locale)), label('unclassified', locale), label('total', locale)],
      [
        ...t.rows.map((r) => [agencyName(r.agency, locale), ...gous.map((g) => String(r.byGou[g])), String(r.unclassified), String(r.total)]),
        [label('grandTotal', locale), ...gous.map((g) => String(t.totals.byGou[g])), String(t.totals.unclassified), String(t.totals.total)],
      ],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    label('byAgencyNote', locale),
    '',
  );

  out.push(`## ${label('byValidity', locale)}`, '');
  const v = summary.byValidity;
  out.push(
    mdTable(
      [label('validity', locale), label('count', locale)],
      [
        ...(['1', '2', '3', '4', '5'] as const).map((y) => [validityLabel(Number(y), locale), String(v.years[y])]),
        [label('other', locale), String(v.other)],
        [label('unknown', locale), String(v.unknown)],
        [label('grandTotal', locale), String(v.total)],
      ],
      ['l', 'r'],
    ),
    '',
    fiveYearsText(ledger, locale),
    '',
  );

  out.push(`## ${label('byState', locale)}`, '');
  out.push(mdTable([label('state', locale), label('count', locale)], [...stateRows(ledger, locale).map(([name, n]) => [name, String(n)]), [label('grandTotal', locale), String(summary.byState.total)]], ['l', 'r']), '');

  const today = parseIso(ledger.today);
  const last = today ? toIso(twelveMonthsFrom(today)) : '';
  out.push(`## ${label('expiringSoon', locale)} (${windowText(ledger, last, locale)})`, '');
  out.push(expiryTable(summary.expiringSoon, locale), '');

  out.push(`## ${label('expired', locale)}`, '');
  out.push(expiryTable(summary.expired, locale), '');

  out.push(`## ${label('chart', locale)}`, '');
  const months = summary.byExpiryMonth.filter((m) => m.count > 0);
  out.push(months.length === 0 ? label('chartEmpty', locale) : mdTable([localize({ ja: '満了月', en: 'Month' }, locale), label('count', locale)], months.map((m) => [m.month, String(m.count)]), ['l', 'r']), '');

  out.push(`## ${label('skipped', locale)}`, '');
  out.push(
    ledger.skipped.length === 0
      ? label('none', locale)
      : mdTable([label('file', locale), label('reason', locale)], ledger.skipped.map((s) => [s.path, s.reason])),
    '',
  );
  return out.join('\n');
}
