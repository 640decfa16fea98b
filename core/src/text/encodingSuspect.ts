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
const LATIN_MOJIBAKE = /[\u0080-\u00A4\u00A6\u00A8-\u00AF\u00B2-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]+/g;
const NON_ASCII = /[^\u0000-\u007F]/g;
/** 縺 繧 繝: Shift_JIS's reading of E3 81, E3 82, E3 83 (UTF-8's hiragana and katakana). */
const UTF8_AS_SJIS = /[縺繧繝]/g;

export function suspectEncoding(text: string): EncodingSuspicion | undefined {
  const replacement = /\uFFFD+/.exec(text);
  if (replacement) {
    const count = text.match(/\uFFFD/g)!.length;
    return { kind: 'replacement', span: { start: replacement.index, end: replacement.index + replacement[0].length }, count };
  }
  const nonAscii = text.match(NON_ASCII)?.length ?? 0;
  if (nonAscii === 0) return undefined;
  const latin = [...text.matchAll(LATIN_MOJIBAKE)];
  const latinCount = latin.reduce((n, m) => n + m[0].length, 0);
  if (latinCount >= 8 && latinCount >= nonAscii * 0.3) {
    return { kind: 'latin1', span: { start: latin[0].index!, end: latin[0].index! + latin[0][0].length }, count: latinCount };
  }
  const sjis = [...text.matchAll(UTF8_AS_SJIS)];
  if (sjis.length >= 5 && sjis.length >= nonAscii * 0.05) {
    return { kind: 'utf8-as-sjis', span: { start: sjis[0].index!, end: sjis[0].index! + 1 }, count: sjis.length };
  }
  return undefined;
}
