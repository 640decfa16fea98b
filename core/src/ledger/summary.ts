/**
 * The register's summaries: designations by 行政機関 × 別表 号 (the shape of the table in the
 * oversight reports), by length of validity (how many run the full 5 years), those whose
 * 満了日 in force falls in the next 12 months from `today`, and the count by month of expiry
 * the chart draws. Pure: `today` is given.
 */
import type { SimpleDate } from '../types';
import { compareDates, daysBetween, parseIso } from '../domain/dates';
import { computeExpiry } from '../domain/periods';
import { DESIGNATING_AGENCIES, EXCLUDED_AGENCIES } from '../domain/agencies';
import type { LedgerRow } from './row';

export type GouCounts = Record<'1' | '2' | '3' | '4', number>;

export interface AgencyGouLine {
  /** The agency as written; null for sheets that name none. */
  agency: string | null;
  /** Designations with at least one reference under each 号 (one designation can count under several). */
  byGou: GouCounts;
  /** Designations without any reference to an existing 号. */
  unclassified: number;
  /** Designations of the agency (each once). */
  total: number;
}

export interface AgencyGouTable {
  rows: AgencyGouLine[];
  totals: Omit<AgencyGouLine, 'agency'>;
}

export interface ValidityCounts {
  /** Designations whose 有効期間 is exactly 1…5 years. */
  years: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** Readable but not a whole number of years from 1 to 5 (3年6か月, 18か月, over 5 years). */
  other: number;
  /** No readable 有効期間. */
  unknown: number;
  total: number;
  /** The count the oversight reports watch: designations for the full 5 years. */
  fiveYears: number;
}

export interface ExpiryEntry {
  path: string;
  serial: string;
  agency: string;
  /** The 満了日 in force (after extensions), in the document's style, and as ISO. */
  expiry: string;
  expiryIso: string;
  /** Days from `today` to the 満了日 (0 on the day itself; negative once past). */
  daysLeft: number;
}

export interface MonthCount {
  /** YYYY-MM. */
  month: string;
  count: number;
}

/** v1.1: designations by state on the register's day (format.md v1.1). */
export interface StateCounts {
  /** 有効 */
  inForce: number;
  /** 解除 */
  released: number;
  /** 満了 */
  lapsed: number;
  total: number;
}

export interface LedgerSummary {
  byAgencyAndGou: AgencyGouTable;
  byState: StateCounts;
  byValidity: ValidityCounts;
  /** 満了日 in force from today up to the day before today's date next year, soonest first (released designations left out). */
  expiringSoon: ExpiryEntry[];
  /** 満了日 in force already past (lapsed designations; released ones left out), most recent first. */
  expired: ExpiryEntry[];
  /** Designations by month of the 満了日 in force, every month from the first to the last. */
  byExpiryMonth: MonthCount[];
}

const AGENCY_ORDER = [...DESIGNATING_AGENCIES, ...EXCLUDED_AGENCIES];

/** Known agencies in the government's order (the reports' order), then others by name, then none. */
export function compareAgencies(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null || a === '') return 1;
  if (b === null || b === '') return -1;
  const ia = AGENCY_ORDER.indexOf(a);
  const ib = AGENCY_ORDER.indexOf(b);
  if (ia >= 0 || ib >= 0) return ia < 0 ? 1 : ib < 0 ? -1 : ia - ib;
  return a < b ? -1 : 1;
}

/** The register's order: by agency, then 指定年月日, then 整理番号, then file. */
export function compareRows(a: LedgerRow, b: LedgerRow): number {
  return (
    compareAgencies(a.agency, b.agency) ||
    compareEmptyLast(a.designatedIso, b.designatedIso) ||
    compareEmptyLast(a.serial, b.serial) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  );
}

function compareEmptyLast(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}

function zeroGou(): GouCounts {
  return { '1': 0, '2': 0, '3': 0, '4': 0 };
}

export function byAgencyAndGou(rows: readonly LedgerRow[]): AgencyGouTable {
  const lines = new Map<string, AgencyGouLine>();
  const totals = { byGou: zeroGou(), unclassified: 0, total: 0 };
  for (const row of rows) {
    const key = row.agency;
    let line = lines.get(key);
    if (!line) {
      line = { agency: key === '' ? null : key, byGou: zeroGou(), unclassified: 0, total: 0 };
      lines.set(key, line);
    }
    for (const g of row.gou) {
      const k = String(g) as keyof GouCounts;
      if (!(k in line.byGou)) continue;
      line.byGou[k]++;
      totals.byGou[k]++;
    }
    if (row.gou.length === 0) {
      line.unclassified++;
      totals.unclassified++;
    }
    line.total++;
    totals.total++;
  }
  return { rows: [...lines.values()].sort((a, b) => compareAgencies(a.agency, b.agency)), totals };
}

export function byValidity(rows: readonly LedgerRow[]): ValidityCounts {
  const years = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let other = 0;
  let unknown = 0;
  for (const row of rows) {
    const y = row.validityYears;
    if (!row.validityReadable) unknown++;
    else if (y !== null && y >= 1 && y <= 5) years[String(y) as keyof typeof years]++;
    else other++;
  }
  return { years, other, unknown, total: rows.length, fiveYears: years['5'] };
}

function entry(row: LedgerRow, date: SimpleDate, today: SimpleDate): ExpiryEntry {
  return { path: row.path, serial: row.serial, agency: row.agency, expiry: row.finalExpiry, expiryIso: row.finalExpiryIso, daysLeft: daysBetween(today, date) };
}

/** The last day of the 12 months that begin today (today + 1 year − 1 day). */
export function twelveMonthsFrom(today: SimpleDate): SimpleDate {
  return computeExpiry(today, { kind: 'duration', years: 1, months: 0 });
}

export function expiringSoon(rows: readonly LedgerRow[], today: SimpleDate): ExpiryEntry[] {
  const last = twelveMonthsFrom(today);
  const out: ExpiryEntry[] = [];
  for (const row of rows) {
    // A released designation has ended (法第4条第7項): its 満了日 no longer comes (rules.md v1.1).
    if (row.state === '解除') continue;
    const d = parseIso(row.finalExpiryIso);
    if (d && compareDates(d, today) >= 0 && compareDates(d, last) <= 0) out.push(entry(row, d, today));
  }
  return out.sort((a, b) => a.expiryIso.localeCompare(b.expiryIso) || a.serial.localeCompare(b.serial) || a.path.localeCompare(b.path));
}

export function expired(rows: readonly LedgerRow[], today: SimpleDate): ExpiryEntry[] {
  const out: ExpiryEntry[] = [];
  for (const row of rows) {
    // Released, not lapsed: it ended by its 解除, not at its 満了日.
    if (row.state === '解除') continue;
    const d = parseIso(row.finalExpiryIso);
    if (d && compareDates(d, today) < 0) out.push(entry(row, d, today));
  }
  return out.sort((a, b) => b.expiryIso.localeCompare(a.expiryIso) || a.serial.localeCompare(b.serial) || a.path.localeCompare(b.path));
}

export function byExpiryMonth(rows: readonly LedgerRow[]): MonthCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (!row.finalExpiryIso) continue;
    const m = row.finalExpiryIso.slice(0, 7);
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const months = [...counts.keys()].sort();
  const [fy, fm] = months[0].split('-').map(Number);
  const [ly, lm] = months[months.length - 1].split('-').map(Number);
  const out: MonthCount[] = [];
  for (let i = fy * 12 + fm - 1; i <= ly * 12 + lm - 1; i++) {
    const month = `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
    out.push({ month, count: counts.get(month) ?? 0 });
  }
  return out;
}

export function byState(rows: readonly LedgerRow[]): StateCounts {
  const counts: StateCounts = { inForce: 0, released: 0, lapsed: 0, total: rows.length };
  for (const row of rows) {
    if (row.state === '解除') counts.released++;
    else if (row.state === '満了') counts.lapsed++;
    else counts.inForce++;
  }
  return counts;
}

export function summarizeLedger(rows: readonly LedgerRow[], today: SimpleDate): LedgerSummary {
  return {
    byAgencyAndGou: byAgencyAndGou(rows),
    byState: byState(rows),
    byValidity: byValidity(rows),
    expiringSoon: expiringSoon(rows, today),
    expired: expired(rows, today),
    byExpiryMonth: byExpiryMonth(rows),
  };
}
