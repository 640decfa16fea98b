/**
 * Numbers as drafters write them: half-width (`12`), full-width (`１２`) and kanji, either
 * 十-style (`十二`, `二千二十六`) or positional (`二〇二六`, as in vertical writing).
 * `元` (year one of an era) is deliberately not a number here: it is only meaningful after an
 * era name, so the date parser handles it.
 */
import { foldWidth } from '../text/normalize';

export type NumberDigits = 'half' | 'full' | 'kanji';

/**
 * A regex source fragment matching one number in any of the three styles, for composing
 * other regexes. Callers that fold widths first only need the half-width branch, but the
 * full-width digits are kept so the fragment also works on unfolded text.
 */
export const NUMBER_CLASS = '[0-9０-９〇零一二三四五六七八九十百千]+';

const KANJI_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const KANJI_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const DIGIT_KANJI = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Reads a whole string as a non-negative integer, or returns undefined. No blanks, signs,
 * separators or mixed styles (`2十` is not a number): a value that is half-read is worse
 * than one that is rejected, because rules compute dates from it.
 */
export function parseJapaneseNumber(s: string): number | undefined {
  if (s.length === 0) return undefined;
  const folded = foldWidth(s);
  if (/^[0-9]+$/.test(folded)) return Number.parseInt(folded, 10);
  if (/^[〇零一二三四五六七八九]+$/.test(s)) {
    // Positional: each kanji is one decimal digit (二〇二六 = 2026).
    let n = 0;
    for (const ch of s) n = n * 10 + KANJI_DIGITS[ch];
    return n;
  }
  if (/^[一二三四五六七八九十百千]+$/.test(s)) return parseUnitKanji(s);
  return undefined;
}

/** 十-style kanji: units must descend (千 > 百 > 十), each at most once; 一 before a unit is optional. */
function parseUnitKanji(s: string): number | undefined {
  let total = 0;
  let pending: number | undefined; // a digit not yet attached to a unit
  let lastUnit = Infinity;
  for (const ch of s) {
    const unit = KANJI_UNITS[ch];
    if (unit !== undefined) {
      if (unit >= lastUnit) return undefined; // 十百, 十十: malformed
      total += (pending ?? 1) * unit;
      pending = undefined;
      lastUnit = unit;
    } else {
      if (pending !== undefined) return undefined; // 二三十: two digits in a row
      pending = KANJI_DIGITS[ch];
    }
  }
  return total + (pending ?? 0);
}

/** Writes a non-negative integer in the given style; kanji is 十-style (12 → 十二, 2026 → 二千二十六). */
export function formatNumber(n: number, digits: NumberDigits): string {
  const half = String(n);
  switch (digits) {
    case 'half':
      return half;
    case 'full':
      return toFullWidthDigits(half);
    case 'kanji':
      return toUnitKanji(n);
  }
}

/** Positional kanji digits (2026 → 二〇二六), the usual way to write a western year in kanji. */
export function formatKanjiPositional(n: number): string {
  return Array.from(String(n), (c) => DIGIT_KANJI[Number(c)] ?? c).join('');
}

export function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

function toUnitKanji(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n === 0) return '〇';
  // Beyond 9999 the 十/百/千 system needs 万; no date or period needs that, so fall back.
  if (n > 9999) return formatKanjiPositional(n);
  let out = '';
  const parts: Array<[number, string]> = [[1000, '千'], [100, '百'], [10, '十']];
  let rest = n;
  for (const [value, unit] of parts) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d === 0) continue;
    out += (d === 1 ? '' : DIGIT_KANJI[d]) + unit;
  }
  if (rest > 0) out += DIGIT_KANJI[rest];
  return out;
}

/** Which style a written number uses (by its first digit character); undefined if it has none. */
export function detectDigits(s: string): NumberDigits | undefined {
  const m = /[0-9０-９〇零一二三四五六七八九十百千]/.exec(s);
  if (!m) return undefined;
  const c = m[0];
  if (c >= '0' && c <= '9') return 'half';
  if (c >= '０' && c <= '９') return 'full';
  return 'kanji';
}
