/**
 * One row of the 特定秘密指定管理簿 (施行令第4条, 運用基準 II 3(5)) read from one sheet: what the
 * sheet says, as written, with the dates also as ISO for sorting. What cannot be read is left
 * empty rather than guessed; a sheet with diagnostics still gives its row.
 *
 * Pure: no file system, no config, no "today" (see summary.ts for everything relative to a day).
 */
import type { DesignationState, SheetModel } from '../analysis/sheet';
import type { SimpleDate } from '../types';
import { compareDates, formatDate, toIso } from '../domain/dates';
import { MEASURES } from '../domain/format';
import { computeExpiry, extensionStart, type Period } from '../domain/periods';
import { checkReference, formatReference, parseReferenceList } from '../domain/beppyo/reference';
import { findGou } from '../domain/beppyo/catalog';

export interface LedgerRow {
  /** The file as the output names it (relative, forward slashes). */
  path: string;
  /** 整理番号; '' when not written. */
  serial: string;
  /** 行政機関 as written; '' when not written. */
  agency: string;
  /** 指定年月日 as written, and as ISO when it is a valid date ('' otherwise). */
  designated: string;
  designatedIso: string;
  /** 有効期間 as written. */
  validity: string;
  /**
   * Whole years the validity amounts to (1年, 12か月 and an end date one year on all give 1),
   * or null when it is not a whole number of years or cannot be read.
   */
  validityYears: number | null;
  /** Whether the validity could be read at all (for the "unknown" count). */
  validityReadable: boolean;
  /**
   * 満了日: as written when it is a valid date; else computed from 指定年月日 and 有効期間 and
   * written in the document's own date style; else as written (unreadable) or ''.
   */
  expiry: string;
  expiryIso: string;
  /** Where `expiry` comes from; null when there is none. */
  expirySource: 'written' | 'computed' | null;
  /** Each 延長 as written, in order. */
  extensions: string[];
  /**
   * The 満了日 in force after every 延長 (each from the day after the previous expiry, the first
   * after 満了日), in the document's style; the same as `expiry` without 延長; '' when an
   * extension or the base expiry cannot be read.
   */
  finalExpiry: string;
  finalExpiryIso: string;
  /** 【概要】, lines joined with \n. */
  summary: string;
  /** 別表 references: canonical (別表第1号イa(a)) where they name an existing item, else as written. */
  beppyo: string[];
  /** The 号 (1–4) the references fall under, ascending, without repeats. */
  gou: number[];
  /** 措置: 表示 or 通知 when recognised (also from 第1号 / 第2号), else as written. */
  measure: string;
  /** 特定秘密管理者. */
  manager: string;
  /** v1.1: the latest readable 点検, as written ('' when none), and as ISO. */
  review: string;
  reviewIso: string;
  /** v1.1: 解除 as written ('' when not released), and as ISO when it is a valid date. */
  release: string;
  releaseIso: string;
  /**
   * v1.1: the state on the register's day (format.md v1.1): 有効 (in force), 解除 (released),
   * 満了 (lapsed); '' when the row was read without a day.
   */
  state: LedgerState | '';
}

/** The 状態 column's values, as format.md v1.1 names them. */
export type LedgerState = '有効' | '解除' | '満了';

export const STATE_LABELS: Record<DesignationState, LedgerState> = { 'in-force': '有効', released: '解除', lapsed: '満了' };

function value(sheet: SheetModel, name: Parameters<SheetModel['field']>[0]): string {
  return sheet.field(name)?.value.trim() ?? '';
}

/** Whole years a validity amounts to, counted from the designation day when there is one. */
function wholeYears(period: Period, start: SimpleDate | undefined): number | null {
  if (period.kind === 'duration') {
    const months = period.years * 12 + period.months;
    return months > 0 && months % 12 === 0 ? months / 12 : null;
  }
  if (!start) return null;
  const end = computeExpiry(start, period);
  for (let years = 1; years <= 60; years++) {
    const after = computeExpiry(start, { kind: 'duration', years, months: 0 });
    const cmp = compareDates(after, end);
    if (cmp === 0) return years;
    if (cmp > 0) return null;
  }
  return null;
}

function normalizeMeasure(written: string): string {
  const folded = written.replace(/\s+/g, '');
  return MEASURES.find((m) => m.forms.includes(folded))?.value ?? written;
}

function readBeppyo(written: string): { beppyo: string[]; gou: number[] } {
  const { refs, unreadable } = parseReferenceList(written);
  const items: { at: number; text: string }[] = [];
  const gou = new Set<number>();
  for (const ref of refs) {
    const check = checkReference(ref);
    const known = check.status === 'ok' || check.status === 'saimoku-missing';
    items.push({ at: ref.span.start, text: known ? formatReference(ref) : (ref.text ?? '').trim() });
    if (ref.gou !== null && findGou(ref.gou)) gou.add(ref.gou);
  }
  // Unreadable pieces stay in the register as written, so nothing the sheet says is dropped.
  for (const span of unreadable) items.push({ at: span.start, text: written.slice(span.start, span.end).trim() });
  items.sort((a, b) => a.at - b.at);
  const beppyo = [...new Set(items.map((i) => i.text).filter(Boolean))];
  return { beppyo, gou: [...gou].sort((a, b) => a - b) };
}

function sectionText(sheet: SheetModel, name: '概要'): string {
  const section = sheet.section(name);
  if (!section) return '';
  return section.content.map((l) => sheet.text.slice(l.span.start, l.span.end)).join('\n');
}

/** The register row of one sheet. `path` is how the output names the file; `today` gives the 状態. */
export function ledgerRow(sheet: SheetModel, path: string, today?: SimpleDate): LedgerRow {
  const designated = sheet.date('指定年月日');
  const start = designated?.parsed?.date;
  const validityField = sheet.validity;
  const period = validityField?.period;
  const written = sheet.date('満了日');

  let expiryDate: SimpleDate | undefined;
  let expiry = '';
  let expirySource: LedgerRow['expirySource'] = null;
  if (written?.parsed?.date) {
    expiryDate = written.parsed.date;
    expiry = written.node.value.trim();
    expirySource = 'written';
  } else if (sheet.computedExpiry) {
    expiryDate = sheet.computedExpiry;
    expiry = formatDate(expiryDate, sheet.expiryStyle);
    expirySource = 'computed';
  } else if (written) {
    expiry = written.node.value.trim();
    expirySource = 'written';
  }

  const extensionNodes = sheet.fieldsByName.get('延長')?.filter((n) => n.value.trim().length > 0) ?? [];
  let finalDate = expiryDate;
  for (const node of extensionNodes) {
    const p = sheet.period(node).period;
    if (!finalDate || !p) {
      finalDate = undefined;
      break;
    }
    // A 延長 decided after the expiry it extends does not count (法第4条第2項; extension-decided-late).
    const decided = sheet.extension(node).decision?.parsed.date;
    if (decided && compareDates(decided, finalDate) > 0) break;
    finalDate = computeExpiry(extensionStart(finalDate), p);
  }
  const latestReview = sheet.latestReview;
  const reviewNode = latestReview ? sheet.reviews.find((r) => r.parsed?.date && compareDates(r.parsed.date, latestReview) === 0) : undefined;
  const release = sheet.release;
  const finalExpiry = extensionNodes.length === 0 ? (expiryDate ? expiry : '') : finalDate ? formatDate(finalDate, sheet.expiryStyle) : '';

  return {
    path,
    serial: value(sheet, '整理番号'),
    agency: value(sheet, '行政機関'),
    designated: designated?.node.value.trim() ?? '',
    designatedIso: start ? toIso(start) : '',
    validity: value(sheet, '有効期間'),
    validityYears: period ? wholeYears(period, start) : null,
    validityReadable: !!period,
    expiry,
    expiryIso: expiryDate ? toIso(expiryDate) : '',
    expirySource,
    extensions: extensionNodes.map((n) => n.value.trim()),
    finalExpiry,
    finalExpiryIso: finalDate ? toIso(finalDate) : '',
    summary: sectionText(sheet, '概要'),
    ...readBeppyo(value(sheet, '別表')),
    measure: normalizeMeasure(value(sheet, '措置')),
    manager: value(sheet, '特定秘密管理者'),
    review: reviewNode?.node.value.trim() ?? '',
    reviewIso: latestReview ? toIso(latestReview) : '',
    release: release?.node.value.trim() ?? '',
    releaseIso: release?.parsed?.date ? toIso(release.parsed.date) : '',
    state: today ? STATE_LABELS[sheet.state(today)] : '',
  };
}

/** True when the sheet says anything a register row could show (a known field or section). */
export function isDesignationSheet(sheet: SheetModel): boolean {
  return sheet.fieldsByName.size > 0 || sheet.sectionsByName.size > 0;
}
