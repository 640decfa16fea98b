/**
 * The yearly report (format.md v1.1 "The register and the yearly report"; 運用基準 V 5(1)ア):
 * per 行政機関 and per 細目 of 運用基準 II 1(1), the designations in force at the end of a
 * calendar year, and those designated, extended and released during it.
 *
 * Pure: the caller reads the sheets; the CLI (`shitei report`) and any editor view count alike.
 */
import type { SheetModel } from '../analysis/sheet';
import type { SimpleDate } from '../types';
import { compareDates } from '../domain/dates';
import { KANA_ORDER, findItem, hasLetteredSaimoku } from '../domain/beppyo/catalog';
import { checkReference, parseReferenceList } from '../domain/beppyo/reference';

export interface ReportCounts {
  /** In force at the end of the year (12月31日). */
  inForce: number;
  designated: number;
  extended: number;
  released: number;
}

export interface ReportRow extends ReportCounts {
  /** 行政機関 as written; '' when the sheet names none. */
  agency: string;
  /** `1号イa`, `1号ハ`, `2号ロb`: 号, item kana, 細目 letter; half-width, no 別表/第. */
  item: string;
  /** The reference names no 細目 where the item has lettered ones: counted under the item. */
  unspecified?: true;
}

export interface YearlyReport {
  year: number;
  rows: ReportRow[];
  /** Each sheet once, whatever its references. */
  totals: ReportCounts;
  /** Sheets counted in `totals` with no readable reference to an existing item (so in no row). */
  unclassified: number;
}

export interface ReportSheet {
  sheet: SheetModel;
  path?: string;
}

interface ItemKey {
  item: string;
  gou: number;
  kana: number;
  letter: string;
  unspecified: boolean;
}

/** The 細目 (or item) rows one sheet counts under, each once, in the 別表's order. */
export function reportItems(sheet: SheetModel): ItemKey[] {
  const value = sheet.field('別表')?.value ?? '';
  const keys = new Map<string, ItemKey>();
  for (const ref of parseReferenceList(value).refs) {
    const status = checkReference(ref).status;
    if (status === 'invalid' || ref.gou === null || ref.kana === null) continue;
    const item = findItem(ref.gou, ref.kana);
    if (!item) continue;
    const lettered = hasLetteredSaimoku(item);
    const letter = lettered && ref.saimoku ? ref.saimoku : '';
    const name = `${ref.gou}号${ref.kana}${letter}`;
    if (!keys.has(name)) keys.set(name, { item: name, gou: ref.gou, kana: KANA_ORDER.indexOf(ref.kana), letter, unspecified: lettered && !letter });
  }
  return [...keys.values()];
}

const inYear = (d: SimpleDate | undefined, year: number) => !!d && d.year === year;

/** The four counts of one sheet for `year` (each 0 or 1). */
export function sheetCounts(sheet: SheetModel, year: number): ReportCounts {
  const end: SimpleDate = { year, month: 12, day: 31 };
  const designated = sheet.designationDate;
  const release = sheet.release;
  const releasedOn = release?.parsed?.date;
  // An unreadable 解除 still says the designation was released; only its day is unknown.
  const releasedByEnd = !!release && (!releasedOn || compareDates(releasedOn, end) <= 0);
  const last = sheet.lastExpiry(end);
  const inForce = !!designated && compareDates(designated, end) <= 0 && !releasedByEnd && (!last || compareDates(last, end) >= 0);
  // Extensions that count are those decided on time (a late one did not extend anything).
  const extended = sheet.effectiveChain.slice(1).some((step) => inYear(step.decided ?? step.start, year));
  return {
    inForce: inForce ? 1 : 0,
    designated: inYear(designated, year) ? 1 : 0,
    extended: extended ? 1 : 0,
    released: inYear(releasedOn, year) ? 1 : 0,
  };
}

function zero(): ReportCounts {
  return { inForce: 0, designated: 0, extended: 0, released: 0 };
}

function add(to: ReportCounts, c: ReportCounts): void {
  to.inForce += c.inForce;
  to.designated += c.designated;
  to.extended += c.extended;
  to.released += c.released;
}

/** Agencies in code-point order, a sheet naming none last. */
function compareAgency(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}

export function buildYearlyReport(sheets: readonly ReportSheet[], year: number): YearlyReport {
  const rows = new Map<string, ReportRow & { key: ItemKey }>();
  const totals = zero();
  let unclassified = 0;
  for (const { sheet } of sheets) {
    const counts = sheetCounts(sheet, year);
    add(totals, counts);
    const agency = sheet.field('行政機関')?.value.trim() ?? '';
    const items = reportItems(sheet);
    if (items.length === 0) unclassified++;
    for (const key of items) {
      const id = `${agency}\u0000${key.item}`;
      let row = rows.get(id);
      if (!row) {
        row = { agency, item: key.item, ...zero(), key };
        if (key.unspecified) row.unspecified = true;
        rows.set(id, row);
      }
      add(row, counts);
    }
  }
  const out = [...rows.values()]
    .filter((r) => r.inForce + r.designated + r.extended + r.released > 0)
    .sort((a, b) => compareAgency(a.agency, b.agency) || a.key.gou - b.key.gou || a.key.kana - b.key.kana || (a.key.letter < b.key.letter ? -1 : a.key.letter > b.key.letter ? 1 : 0))
    .map(({ key: _key, ...row }) => row);
  return { year, rows: out, totals, unclassified };
}
