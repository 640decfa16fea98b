/**
 * Does a text look mis-decoded? An editor that opens a Shift_JIS sheet as UTF-8 shows U+FFFD
 * where the bytes were invalid; one that opens UTF-8 as Windows-1252 shows "ã€…" runs; UTF-8
 * read as Shift_JIS shows 縺/繧/繝 (the UTF-8 lead bytes of hiragana and katakana). Each rule of
 * the engine then reports the garbled fields, and the one thing the drafter needs to know is
 * that the file was read with the wrong encoding. A real sheet never holds U+FFFD, and only a
 * few Latin-1 signs (××, °) among its Japanese.
 */
import type { Span } from '../types';

export type EncodingSuspicion =
  | { kind: 'replacement'; span: Span; count: number }
  | { kind: 'latin1'; span: Span; count: number }
  | { kind: 'utf8-as-sjis'; span: Span; count: number };

/** Letters of Latin-1 and Windows-1252 that UTF-8 or Shift_JIS bytes become; not ×, ÷, °, ±, ¥. */
function isLatinMojibake(c: number): boolean {
  if (c < 0x80) return false;
  if (c <= 0xff) return c <= 0xa4 || c === 0xa6 || (c >= 0xa8 && c <= 0xaf) || (c >= 0xb2 && c <= 0xd6) || (c >= 0xd8 && c <= 0xf6) || c >= 0xf8;
  switch (c) {
    case 0x152: case 0x153: case 0x160: case 0x161: case 0x178: case 0x17d: case 0x17e: case 0x192: case 0x2c6: case 0x2dc:
    case 0x2026: case 0x2030: case 0x2039: case 0x203a: case 0x20ac: case 0x2122:
      return true;
  }
  return (c >= 0x2018 && c <= 0x201e) || (c >= 0x2020 && c <= 0x2022);
}

/** 縺 繧 繝: Shift_JIS's reading of E3 81, E3 82, E3 83 (UTF-8's hiragana and katakana). */
const UTF8_AS_SJIS = new Set([0x7e3a, 0x7e67, 0x7e5d]);

/**
 * One pass over the text's code units, counting as it goes: on every keystroke of a 2 MB sheet
 * this runs whole, so no array of matches (a regex `match` over every non-ASCII character cost
 * ≈ 250 ms there).
 */
export function suspectEncoding(text: string): EncodingSuspicion | undefined {
  // On every keystroke this runs whole: first only the characters that can count, found by one
  // native search each (a loop over every code unit of a 2 MB sheet took ≈ 19 ms). Below the
  // thresholds nothing is suspect whatever the rest of the text holds, so the full count runs
  // only for a text that has enough of them.
  if (text.indexOf('\ufffd') < 0) {
    let latin = 0;
    let sjis = 0;
    for (const m of text.matchAll(MAY_COUNT)) {
      if (UTF8_AS_SJIS.has(m[0].charCodeAt(0))) sjis++;
      else if (isLatinMojibake(m[0].charCodeAt(0))) latin++;
      if (latin >= 8 || sjis >= 5) break;
    }
    if (latin < 8 && sjis < 5) return undefined;
  }
  return countSuspects(text);
}

/** A superset of the characters suspectEncoding counts (Latin-1, its Windows-1252 additions, 縺 繧 繝). */
const MAY_COUNT = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2018-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u7e3a\u7e67\u7e5d]/g;

function countSuspects(text: string): EncodingSuspicion | undefined {
  let nonAscii = 0;
  let latinCount = 0;
  let latinFirst: Span | undefined;
  let sjisCount = 0;
  let sjisFirst = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd) {
      let end = i + 1;
      while (text.charCodeAt(end) === 0xfffd) end++;
      let count = end - i;
      for (let j = end; j < text.length; j++) if (text.charCodeAt(j) === 0xfffd) count++;
      return { kind: 'replacement', span: { start: i, end }, count };
    }
    nonAscii++;
    if (isLatinMojibake(c)) {
      latinCount++;
      if (!latinFirst) latinFirst = { start: i, end: i + 1 };
      else if (latinFirst.end === i && latinCount === latinFirst.end - latinFirst.start + 1) latinFirst.end = i + 1;
    } else if (UTF8_AS_SJIS.has(c)) {
      sjisCount++;
      if (sjisFirst < 0) sjisFirst = i;
    }
  }
  if (nonAscii === 0) return undefined;
  if (latinCount >= 8 && latinCount >= nonAscii * 0.3) return { kind: 'latin1', span: latinFirst!, count: latinCount };
  if (sjisCount >= 5 && sjisCount >= nonAscii * 0.05) return { kind: 'utf8-as-sjis', span: { start: sjisFirst, end: sjisFirst + 1 }, count: sjisCount };
  return undefined;
}
