/**
 * The register as an Excel workbook: the 管理簿 sheet (a title, the base date, then one row per
 * designation under a header row that stays in view, filters, and repeats on every printed
 * page) and a 集計 sheet with the summaries of the other formats. Columns come from COLUMNS,
 * so a column added there comes out here too. Dates stay as the sheets write them (text), so
 * nothing is reinterpreted; the ISO form follows each date column for sorting, as in CSV.
 * `shitei import REGISTER.xlsx` reads this workbook back.
 */
import { type ExpiryEntry, type Ledger, twelveMonthsFrom } from '../../../core/out/ledger/index';
import { localize, parseIso, toIso, type Locale } from '../../../core/out/index';
import { writeXlsx, type XlsxRow, type XlsxSheet } from '../../../core/out/documents/index';
import {
  COLUMNS, FLAT_CELLS, agencyName, baseDateText, columnLabel, countsText, daysText, fiveYearsText, flatHeader, flatValue, gouLabel, label, validityLabel, windowText,
} from './ledger-common';

/** Widths in characters for the known columns; others get DEFAULT_WIDTH. */
const WIDTHS: Record<string, number> = {
  serial: 18, designated: 16, validity: 10, expiry: 16, extensions: 16, finalExpiry: 16, summary: 40, beppyo: 18,
  measure: 7, manager: 28, agency: 14, path: 30,
};
const DEFAULT_WIDTH = 14;
const ISO_WIDTH = 11;

function registerSheet(ledger: Ledger, locale: Locale): XlsxSheet {
  const header = FLAT_CELLS.map((c) => flatHeader(c, locale));
  const widths = FLAT_CELLS.map((c) => (c.extra === 'iso' ? ISO_WIDTH : c.extra === 'source' ? 8 : WIDTHS[c.column.key] ?? DEFAULT_WIDTH));
  const rows: XlsxRow[] = [
    { cells: [label('title', locale)], style: 'title' },
    { cells: [`${label('baseDate', locale)}: ${baseDateText(ledger, locale)}　${countsText(ledger, locale)}`], style: 'note' },
    { cells: header, style: 'header' },
  ];
  for (const row of ledger.rows) {
    rows.push({ cells: FLAT_CELLS.map((c) => flatValue(c, row, locale)), style: 'body' });
  }
  if (ledger.rows.some((r) => r.expirySource === 'computed')) rows.push({ cells: [label('computedNote', locale)], style: 'note' });
  return { name: localize({ ja: '管理簿', en: 'Register' }, locale), rows, columnWidths: widths, headerRow: 2 };
}

function expiryRows(entries: ExpiryEntry[], locale: Locale): XlsxRow[] {
  if (entries.length === 0) return [{ cells: [label('none', locale)], style: 'plain' }];
  return [
    { cells: [label('expiryInForce', locale), entries[0].daysLeft >= 0 ? label('daysLeft', locale) : label('daysPast', locale), columnLabel(COLUMNS[0], locale), label('agency', locale), label('file', locale)], style: 'header' },
    ...entries.map((e): XlsxRow => ({ cells: [e.expiry, daysText(e, locale), e.serial, agencyName(e.agency, locale), e.path] })),
  ];
}

function summarySheet(ledger: Ledger, locale: Locale): XlsxSheet {
  const { summary } = ledger;
  const rows: XlsxRow[] = [
    { cells: [`${label('title', locale)} — ${localize({ ja: '集計', en: 'summaries' }, locale)}`], style: 'title' },
    { cells: [`${label('baseDate', locale)}: ${baseDateText(ledger, locale)}`], style: 'note' },
    { cells: [], style: 'plain' },
    { cells: [label('byAgency', locale)], style: 'title' },
  ];
  const gous = ['1', '2', '3', '4'] as const;
  const t = summary.byAgencyAndGou;
  rows.push({ cells: [label('agency', locale), ...gous.map((g) => gouLabel(Number(g), locale)), label('unclassified', locale), label('total', locale)], style: 'header' });
  for (const r of t.rows) rows.push({ cells: [agencyName(r.agency, locale), ...gous.map((g) => r.byGou[g]), r.unclassified, r.total] });
  rows.push({ cells: [label('grandTotal', locale), ...gous.map((g) => t.totals.byGou[g]), t.totals.unclassified, t.totals.total] });
  rows.push({ cells: [label('byAgencyNote', locale)], style: 'note' }, { cells: [], style: 'plain' });

  const v = summary.byValidity;
  rows.push({ cells: [label('byValidity', locale)], style: 'title' });
  rows.push({ cells: [label('validity', locale), label('count', locale)], style: 'header' });
  for (const y of ['1', '2', '3', '4', '5'] as const) rows.push({ cells: [validityLabel(Number(y), locale), v.years[y]] });
  rows.push({ cells: [label('other', locale), v.other] }, { cells: [label('unknown', locale), v.unknown] }, { cells: [label('grandTotal', locale), v.total] });
  rows.push({ cells: [fiveYearsText(ledger, locale)], style: 'note' }, { cells: [], style: 'plain' });

  const today = parseIso(ledger.today);
  const last = today ? toIso(twelveMonthsFrom(today)) : '';
  rows.push({ cells: [`${label('expiringSoon', locale)} (${windowText(ledger, last, locale)})`], style: 'title' }, ...expiryRows(summary.expiringSoon, locale), { cells: [], style: 'plain' });
  rows.push({ cells: [label('expired', locale)], style: 'title' }, ...expiryRows(summary.expired, locale), { cells: [], style: 'plain' });

  rows.push({ cells: [label('skipped', locale)], style: 'title' });
  if (ledger.skipped.length === 0) rows.push({ cells: [label('none', locale)], style: 'plain' });
  else {
    rows.push({ cells: [label('file', locale), label('reason', locale)], style: 'header' });
    for (const s of ledger.skipped) rows.push({ cells: [s.path, s.reason] });
  }
  return { name: localize({ ja: '集計', en: 'Summaries' }, locale), rows, columnWidths: [24, 14, 14, 18, 18, 12, 30], landscape: false };
}

export function formatLedgerXlsx(ledger: Ledger, locale: Locale): Uint8Array {
  return writeXlsx([registerSheet(ledger, locale), summarySheet(ledger, locale)]);
}
