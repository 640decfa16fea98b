/**
 * Calendar days: reading and writing them in the forms a 指定書 uses (era or western,
 * half-/full-width or kanji digits), era boundaries, and the day arithmetic the validity
 * rules need. All arithmetic is on integer day numbers, not `Date`, so there is no time zone
 * or two-digit-year surprise.
 */
import { localize, type Locale, type Localized, type SimpleDate } from '../types';
import { ContentCache } from '../text/contentCache';
import { foldWidth } from '../text/normalize';
import {
  NUMBER_CLASS,
  detectDigits,
  formatKanjiPositional,
  formatNumber,
  parseJapaneseNumber,
} from './numbers';

export type Calendar = 'era' | 'western' | 'iso' | 'slash';
export type DigitStyle = 'half' | 'full' | 'kanji';
export interface DateStyle {
  calendar: Calendar;
  digits: DigitStyle;
}

export interface ParsedDate {
  /** The day, when the text is a valid date. */
  date?: SimpleDate;
  style: DateStyle;
  era?: string;
  eraYear?: number;
  /** Why the text is not a valid date (set exactly when `date` is not). */
  error?: Localized;
  /** For a 平成 date past the era's end that is a real day: that day, to be rewritten in 令和. */
  fix?: { date: SimpleDate; reason: 'heisei-overflow' };
}

export interface EraInfo {
  name: string;
  /** First day of the era. */
  start: SimpleDate;
  /** Last day, absent for the current era. */
  end?: SimpleDate;
}

/**
 * Eras, newest first. 明治 is given from its proclamation (1868-10-23, Gregorian); dates before
 * 1873 were really lunisolar, which nothing in a 指定書 needs.
 */
export const ERAS: readonly EraInfo[] = [
  { name: '令和', start: { year: 2019, month: 5, day: 1 } },
  { name: '平成', start: { year: 1989, month: 1, day: 8 }, end: { year: 2019, month: 4, day: 30 } },
  { name: '昭和', start: { year: 1926, month: 12, day: 25 }, end: { year: 1989, month: 1, day: 7 } },
  { name: '大正', start: { year: 1912, month: 7, day: 30 }, end: { year: 1926, month: 12, day: 24 } },
  { name: '明治', start: { year: 1868, month: 10, day: 23 }, end: { year: 1912, month: 7, day: 29 } },
];

/** Regex source for an era name. */
export const ERA_NAMES = ERAS.map((e) => e.name).join('|');

export function findEra(name: string): EraInfo | undefined {
  return ERAS.find((e) => e.name === name);
}

// ---------------------------------------------------------------------------------------------
// Day arithmetic

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(d: SimpleDate): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

export function compareDates(a: SimpleDate, b: SimpleDate): -1 | 0 | 1 {
  const x = a.year - b.year || a.month - b.month || a.day - b.day;
  return x < 0 ? -1 : x > 0 ? 1 : 0;
}

/** Days since 1970-01-01 (proleptic Gregorian; Hinnant's days_from_civil). */
export function toDayNumber(d: SimpleDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): SimpleDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function addDays(d: SimpleDate, n: number): SimpleDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** b − a in days. */
export function daysBetween(a: SimpleDate, b: SimpleDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: SimpleDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

const WEEKDAYS: readonly Localized[] = [
  { ja: '日', en: 'Sun' }, { ja: '月', en: 'Mon' }, { ja: '火', en: 'Tue' }, { ja: '水', en: 'Wed' },
  { ja: '木', en: 'Thu' }, { ja: '金', en: 'Fri' }, { ja: '土', en: 'Sat' },
];

export function weekdayName(d: SimpleDate, locale: Locale): string {
  return localize(WEEKDAYS[weekday(d)], locale);
}

/** The era in force on that day, or undefined before 明治. */
export function toEra(d: SimpleDate): { era: string; year: number } | undefined {
  for (const e of ERAS) {
    if (compareDates(d, e.start) >= 0) return { era: e.name, year: d.year - e.start.year + 1 };
  }
  return undefined;
}

/** The Japanese fiscal year (April–March) a day falls in, named by its starting western year. */
export function fiscalYear(d: SimpleDate): number {
  return d.month >= 4 ? d.year : d.year - 1;
}

export function toIso(d: SimpleDate): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** Strict `YYYY-MM-DD` of a day that exists (used by configuration such as `today`). */
export function parseIso(s: string): SimpleDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(d) ? d : undefined;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// ---------------------------------------------------------------------------------------------
// Formatting

function num(n: number, digits: DigitStyle): string {
  return formatNumber(n, digits);
}

/** A western year: kanji years are written digit by digit (二〇二六), as is customary. */
function westernYear(y: number, digits: DigitStyle): string {
  return digits === 'kanji' ? formatKanjiPositional(y) : formatNumber(y, digits);
}

function eraYearText(year: number, digits: DigitStyle): string {
  return year === 1 ? '元' : num(year, digits);
}

/**
 * Writes a day in a style. Era style uses the era in force that day (元年 for year one);
 * a day before 明治 falls back to western. ISO is always zero-padded half-width.
 */
export function formatDate(d: SimpleDate, style: DateStyle): string {
  const g = style.digits;
  switch (style.calendar) {
    case 'iso':
      return toIso(d);
    case 'slash': {
      // Nobody writes 二〇二六/四/一: a kanji-digit document gets half-width digits here.
      const s = g === 'kanji' ? 'half' : g;
      return `${num(d.year, s)}/${num(d.month, s)}/${num(d.day, s)}`;
    }
    case 'era': {
      const e = toEra(d);
      if (e) return `${e.era}${eraYearText(e.year, g)}年${num(d.month, g)}月${num(d.day, g)}日`;
      return `${westernYear(d.year, g)}年${num(d.month, g)}月${num(d.day, g)}日`;
    }
    case 'western':
      return `${westernYear(d.year, g)}年${num(d.month, g)}月${num(d.day, g)}日`;
  }
}

/**
 * Writes a year followed by `suffix` (`年度`, `年中`, `年`). In era style the year is named by
 * the era in force at the end of that calendar year: FY2019 began under 平成 but is called
 * 令和元年度, and 1989 is 平成元年. Non-era calendars write the western year.
 */
export function formatYear(westernYearNumber: number, style: DateStyle, suffix: string): string {
  if (style.calendar === 'era') {
    const e = toEra({ year: westernYearNumber, month: 12, day: 31 });
    if (e) return `${e.era}${eraYearText(e.year, style.digits)}${suffix}`;
  }
  return `${westernYear(westernYearNumber, style.digits)}${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// Parsing

const N = NUMBER_CLASS;
// After foldWidth, a full-width blank is a half-width one; tabs are blanks too.
const B = '[ \\t]*';
/** An optional weekday after a written date: (水), (水曜), (水曜日). Checked against the date. */
const WD = `(?:${B}\\(${B}([日月火水木金土])(?:曜日?)?${B}\\))?`;
const ERA_RE = new RegExp(`^(${ERA_NAMES})${B}(元|${N})${B}年${B}(${N})${B}月${B}(${N})${B}日${WD}$`);
const WESTERN_RE = new RegExp(`^(${N})${B}年${B}(${N})${B}月${B}(${N})${B}日${WD}$`);
const ISO_RE = /^([0-9]{4})[ \t]*-[ \t]*([0-9]{1,2})[ \t]*-[ \t]*([0-9]{1,2})$/;
const SLASH_RE = /^([0-9]{4})[ \t]*([/.])[ \t]*([0-9]{1,2})[ \t]*\2[ \t]*([0-9]{1,2})$/;

/** How every pattern of readDate starts (ERA_RE and LOOSE_ERA_RE; WESTERN_RE, ISO_RE, SLASH_RE, LOOSE_NUMERIC_RE; LOOSE_WESTERN_RE). */
const DATE_START = new RegExp(`^(?:${ERA_NAMES}|[0-9０-９〇零一二三四五六七八九十百千○●×△_])`);

/** Looks like an attempt at a date even if it cannot be read (a half-written or garbled one). */
const LOOSE_ERA_RE = new RegExp(`^(${ERA_NAMES})`);
const LOOSE_WESTERN_RE = new RegExp(`^(?:${N}|[○〇●×△_]+)${B}年.*(?:月|日)`);
const LOOSE_NUMERIC_RE = /^[0-9]{2,4}[ \t]*[-/.][ \t]*[0-9]/;

/**
 * Reads a field value (already trimmed) as a date. Returns undefined when it does not look
 * like a date at all, `{ style, error }` when it looks like one that does not exist or cannot
 * be read, and `{ style, date }` otherwise.
 */
export function parseDate(text: string): ParsedDate | undefined {
  // Cached by text: the same date is read by several rules (and a sheet of many 延長/点検 lines
  // is read again on every keystroke). The result is shared, so it is frozen.
  return DATE_CACHE.get(text, (t) => Object.freeze(readDate(t)) ?? null) ?? undefined;
}

const DATE_CACHE = new ContentCache<ParsedDate | null>(20_000, 256);

/** parseDate without its cache, for a caller that keeps the result itself (see parsePeriodUncached). */
export function parseDateUncached(text: string): ParsedDate | undefined {
  return Object.freeze(readDate(text));
}

function readDate(text: string): ParsedDate | undefined {
  const f = foldWidth(text.trim());
  if (f.length === 0) return undefined;
  // Every form read below starts with an era name, a numeral or a placeholder mark: any other
  // text is no date, known at its first character (most texts asked are not dates: a 延長's
  // parentheses, a period written another way).
  if (!DATE_START.test(f)) return undefined;
  const digits: DigitStyle = detectDigits(text) ?? 'half';

  let m = ERA_RE.exec(f);
  if (m) {
    const style: DateStyle = { calendar: 'era', digits };
    const eraYear = m[2] === '元' ? 1 : parseJapaneseNumber(m[2]);
    const month = parseJapaneseNumber(m[3]);
    const day = parseJapaneseNumber(m[4]);
    if (eraYear === undefined || month === undefined || day === undefined) return unreadable(style);
    return checkWeekday(checkEraDate(m[1], eraYear, month, day, style), m[5]);
  }
  m = WESTERN_RE.exec(f);
  if (m) return checkWeekday(checkWesternDate(m[1], m[2], m[3], { calendar: 'western', digits }), m[4]);
  m = ISO_RE.exec(f);
  if (m) return checkWesternDate(m[1], m[2], m[3], { calendar: 'iso', digits });
  m = SLASH_RE.exec(f);
  if (m) return checkWesternDate(m[1], m[3], m[4], { calendar: 'slash', digits });

  if (LOOSE_ERA_RE.test(f)) return unreadable({ calendar: 'era', digits });
  if (LOOSE_WESTERN_RE.test(f)) return unreadable({ calendar: 'western', digits });
  if (LOOSE_NUMERIC_RE.test(f)) return unreadable({ calendar: f.includes('-') ? 'iso' : 'slash', digits });
  return undefined;
}

/** A written weekday that contradicts the date makes the date doubtful: which one was meant? */
function checkWeekday(p: ParsedDate, written: string | undefined): ParsedDate {
  if (!p.date || written === undefined) return p;
  const actual = weekdayName(p.date, 'ja');
  if (actual === written) return p;
  const { date, ...rest } = p;
  return {
    ...rest,
    error: {
      ja: `${formatDate(date, p.style)}は${actual}曜日です(${written}曜日ではありません)`,
      en: `${toIso(date)} is a ${weekdayName(date, 'en')}, not a ${WEEKDAYS.find((w) => w.ja === written)?.en}`,
    },
  };
}

function unreadable(style: DateStyle): ParsedDate {
  return {
    style,
    error: {
      ja: '日付を読み取れません(例: 令和8年4月1日、2026年4月1日、2026-04-01)',
      en: 'Cannot read the date (e.g. 令和8年4月1日, 2026年4月1日, 2026-04-01)',
    },
  };
}

function checkWesternDate(y: string, mo: string, d: string, style: DateStyle): ParsedDate {
  const year = parseJapaneseNumber(y);
  const month = parseJapaneseNumber(mo);
  const day = parseJapaneseNumber(d);
  if (year === undefined || month === undefined || day === undefined) return unreadable(style);
  // A two-digit year (26年4月1日) is ambiguous: it could be an era year with the era left out.
  if (year < 1000) {
    return {
      style,
      error: {
        ja: `${year}年を読み取れません(西暦は4桁で書くか、元号を付けてください)`,
        en: `Cannot read the year ${year} (write a 4-digit western year or add the era name)`,
      },
    };
  }
  const bad = dayError(year, month, day, `${year}年`, `${year}`);
  if (bad) return { style, error: bad };
  return { style, date: { year, month, day } };
}

/** The error for a month or day that does not exist in a western year, if any. */
function dayError(year: number, month: number, day: number, yearJa: string, yearEn: string): Localized | undefined {
  if (month < 1 || month > 12) {
    return { ja: `${month}月は存在しません`, en: `There is no month ${month}` };
  }
  const dim = daysInMonth(year, month);
  if (day < 1 || day > dim) {
    return {
      ja: `${yearJa}${month}月${day}日は存在しません(${yearJa}${month}月は${dim}日まで)`,
      en: `${yearJa}${month}月${day}日 does not exist (month ${month} of ${yearEn} has ${dim} days)`,
    };
  }
  return undefined;
}

function eraLabel(era: string, year: number): string {
  return `${era}${year === 1 ? '元' : year}年`;
}

function checkEraDate(eraName: string, eraYear: number, month: number, day: number, style: DateStyle): ParsedDate {
  const era = findEra(eraName);
  const base = { style, era: eraName, eraYear };
  if (!era) return unreadable(style);
  if (eraYear < 1) {
    return {
      ...base,
      error: {
        ja: `${eraName}${eraYear}年は存在しません(元号の最初の年は元年です)`,
        en: `${eraName} has no year ${eraYear} (the first year of an era is 元年)`,
      },
    };
  }
  const year = era.start.year + eraYear - 1;
  const label = eraLabel(eraName, eraYear);
  const bad = dayError(year, month, day, label, `${eraName} ${eraYear} (${year})`);
  if (bad) return { ...base, error: bad };
  const date = { year, month, day };

  if (era.end && compareDates(date, era.end) > 0) {
    const endEraYear = era.end.year - era.start.year + 1;
    const endJa = `${eraName}は${endEraYear}年${era.end.month}月${era.end.day}日まで`;
    const endEn = `${eraName} ended on ${toIso(era.end)}`;
    const actual = formatDate(date, { calendar: 'era', digits: 'half' });
    const fix = eraName === '平成' ? { fix: { date, reason: 'heisei-overflow' as const } } : {};
    if (eraYear > endEraYear) {
      return {
        ...base,
        ...fix,
        error: {
          ja: `${label}は存在しません(${endJa}。${year}年${month}月${day}日は${actual})`,
          en: `${eraName} has no year ${eraYear} (${endEn}; ${toIso(date)} is ${actual})`,
        },
      };
    }
    return {
      ...base,
      ...fix,
      error: {
        ja: `${label}${month}月${day}日は存在しません(${endJa}。この日は${actual})`,
        en: `${label}${month}月${day}日 does not exist (${endEn}; ${toIso(date)} is ${actual})`,
      },
    };
  }
  if (compareDates(date, era.start) < 0) {
    const actual = formatDate(date, { calendar: 'era', digits: 'half' });
    return {
      ...base,
      error: {
        ja: `${label}${month}月${day}日は存在しません(${eraName}は${era.start.year}年${era.start.month}月${era.start.day}日から。この日は${actual})`,
        en: `${label}${month}月${day}日 does not exist (${eraName} began on ${toIso(era.start)}; ${toIso(date)} is ${actual})`,
      },
    };
  }
  return { ...base, date };
}
