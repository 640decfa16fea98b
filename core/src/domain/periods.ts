/**
 * Validity periods (有効期間, 延長): reading them and computing when they end.
 *
 * 法第4条第1項 counts a period "指定の日から起算して", so the designation day is day one; 民法第143条
 * then ends a period of years/months on the day before the corresponding day (応当日) of the
 * final month, or on that month's last day where it has no corresponding day.
 */
import type { Localized, SimpleDate } from '../types';
import { foldWidth } from '../text/normalize';
import { countWork } from '../text/workCounter';
import { ContentCache } from '../text/contentCache';
import { NUMBER_CLASS, formatNumber, parseJapaneseNumber } from './numbers';
import {
  type DateStyle,
  type DigitStyle,
  type ParsedDate,
  addDays,
  compareDates,
  daysInMonth,
  parseDate,
  parseDateUncached,
} from './dates';

export type Period =
  | { kind: 'duration'; years: number; months: number }
  | { kind: 'until'; date: SimpleDate; dateStyle: DateStyle };

export interface ParsedPeriod {
  period?: Period;
  error?: Localized;
  /** The period is zero (0年, 0か月): a distinct error the rule reports as such. */
  zero?: boolean;
  /** For an end-date period: the date as parsed, so a rule can offer its fix (平成 overflow). */
  parsedDate?: ParsedDate;
}

const N = NUMBER_CLASS;
const B = '[ \\t]*';
/** The counters written between a number and 月 to mean "months": か月, ヶ月, ケ月, カ月, 箇月, ヵ月, 個月. */
export const MONTH_COUNTER = '[かヶケカ箇ヵ個ｶｹ]';
// One blank run between parts, never two adjacent `[ \t]*` (which split a run of blanks in
// every way: quadratic). The value is trimmed first, so no blanks lead.
const DURATION_RE = new RegExp(`^(?:(${N})${B}年${B})?(?:(${N})${B}${MONTH_COUNTER}${B}月${B})?(?:間)?$`);
/** `6月` alone: a number of months or the month of June? Rejected with its own message. */
const AMBIGUOUS_MONTH_RE = new RegExp(`^(?:${N}${B}年${B})?${N}${B}月${B}(?:間)?$`);

/**
 * The date of `…まで` / `…迄` / `…までの間`, blanks before the word dropped; undefined when the
 * value does not end that way. Read from the end by hand: the regex it replaces
 * (`^(.*?)[ \t]*(?:まで|迄)(?:の間)?$`) retried the blanks at every position — quadratic.
 */
function untilDateText(f: string): string | undefined {
  countWork(1);
  let end = f.length;
  if (f.endsWith('までの間') || f.endsWith('迄の間')) end -= 2;
  if (end >= 2 && f.startsWith('まで', end - 2)) end -= 2;
  else if (end >= 1 && f[end - 1] === '迄') end -= 1;
  else return undefined;
  while (end > 0 && (f[end - 1] === ' ' || f[end - 1] === '\t')) end--;
  return f.slice(0, end);
}

const UNREADABLE: Localized = {
  ja: '有効期間を読み取れません(例: 5年、3年6か月、18か月、令和13年3月31日まで)',
  en: 'Cannot read the period (e.g. 5年, 3年6か月, 18か月, 令和13年3月31日まで)',
};

/**
 * Reads a 有効期間 / 延長 value. Blank → undefined; `{ period }` when readable; `{ error }`
 * when not (and `zero: true` as well for a zero period).
 */
export function parsePeriod(text: string): ParsedPeriod | undefined {
  // Cached by the value: a keystroke elsewhere does not re-read a sheet's many 延長 values.
  return PERIOD_CACHE.get(text, readPeriod);
}

const PERIOD_CACHE = new ContentCache<ParsedPeriod | undefined>(20_000, 256);

/**
 * parsePeriod without its cache, for a caller that keeps the result itself (the sheet keeps a
 * 延長 line's reading with the line's facts; a sheet of 30,000 distinct 延長 lines spent more on
 * filling this cache than on reading them).
 */
export function parsePeriodUncached(text: string): ParsedPeriod | undefined {
  return readPeriod(text, parseDateUncached);
}

function readPeriod(text: string, readDate: (text: string) => ParsedDate | undefined = parseDate): ParsedPeriod | undefined {
  const f = foldWidth(text).trim();
  if (f.length === 0) return undefined;

  const d = DURATION_RE.exec(f);
  if (d && (d[1] !== undefined || d[2] !== undefined)) {
    const years = d[1] === undefined ? 0 : parseJapaneseNumber(d[1]);
    const months = d[2] === undefined ? 0 : parseJapaneseNumber(d[2]);
    if (years === undefined || months === undefined) return { error: UNREADABLE };
    if (years === 0 && months === 0) {
      return {
        zero: true,
        error: { ja: '有効期間が0です(1日以上の期間を定めてください)', en: 'The period is zero (set a period of at least one day)' },
      };
    }
    return { period: { kind: 'duration', years, months } };
  }

  if (AMBIGUOUS_MONTH_RE.test(f)) {
    return {
      error: {
        ja: '「月」だけでは月数か何月かが曖昧です(「6か月」のように書いてください)',
        en: 'A bare 月 is ambiguous between a number of months and a month name (write e.g. 6か月)',
      },
    };
  }

  const until = untilDateText(f);
  if (until !== undefined) {
    const parsed = readDate(until);
    if (!parsed) return { error: UNREADABLE };
    if (!parsed.date) return { error: parsed.error ?? UNREADABLE, parsedDate: parsed };
    return { period: { kind: 'until', date: parsed.date, dateStyle: parsed.style }, parsedDate: parsed };
  }

  // A bare date: the intent is clear but the format asks for まで so the end is unambiguous.
  const bare = readDate(f);
  if (bare) {
    return {
      error: {
        ja: '終期を日付で定める場合は「まで」を付けてください(例: 令和13年3月31日まで)',
        en: 'An end date needs まで (e.g. 令和13年3月31日まで)',
      },
      parsedDate: bare,
    };
  }
  return { error: UNREADABLE };
}

/** The last day of a period that begins on `start` (day one). */
export function computeExpiry(start: SimpleDate, period: Period): SimpleDate {
  if (period.kind === 'until') return period.date;
  return expiryAfterMonths(start, period.years * 12 + period.months);
}

function expiryAfterMonths(start: SimpleDate, totalMonths: number): SimpleDate {
  const index = start.year * 12 + (start.month - 1) + totalMonths;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  // No corresponding day (31st in a 30-day month, 29 Feb in a common year): the month's last day.
  if (start.day > last) return { year, month, day: last };
  return addDays({ year, month, day: start.day }, -1);
}

/** An extension is in force from the day after the previous expiry. */
export function extensionStart(previousExpiry: SimpleDate): SimpleDate {
  return addDays(previousExpiry, 1);
}

/**
 * The length in whole months, rounded up for an end date: the smallest n such that a period
 * of n months from `start` reaches the end date. So it exceeds 12·Y exactly when
 * `exceedsYears(start, period, Y)`. An end date before `start` gives 0.
 */
export function periodLengthMonths(period: Period, start: SimpleDate): number {
  if (period.kind === 'duration') return period.years * 12 + period.months;
  const end = period.date;
  // A period of (month difference − 1) months ends in the month before `end` at the latest.
  let n = Math.max(0, (end.year - start.year) * 12 + (end.month - start.month) - 1);
  while (compareDates(expiryAfterMonths(start, n), end) < 0) n++;
  return n;
}

/** True when the period ends after a period of `years` years from the same start would. */
export function exceedsYears(start: SimpleDate, period: Period, years: number): boolean {
  return compareDates(computeExpiry(start, period), expiryAfterMonths(start, years * 12)) > 0;
}

/** `5年`, `3年6か月`, `６か月`, `五年`. */
export function formatPeriod(years: number, months: number, digits: DigitStyle): string {
  let out = '';
  if (years > 0 || months === 0) out += `${formatNumber(years, digits)}年`;
  if (months > 0) out += `${formatNumber(months, digits)}か月`;
  return out;
}
