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

/** What the judgement counts in one piece of text (a line), offsets in the piece. */
export interface EncodingCounts {
  nonAscii: number;
  latin: number;
  /** The run of Latin mojibake that starts at the piece's first one. */
  latinRun?: Span;
  sjis: number;
  sjisFirst: number;
  replacement: number;
  /** The first run of U+FFFD. */
  replacementRun?: Span;
}

/** One pass over a piece's code units (no array of matches: a regex over every non-ASCII character cost more). */
export function countEncoding(text: string): EncodingCounts {
  return countEncodingIn(text, 0, text.length);
}

/** countEncoding of `text.slice(start, end)`, offsets relative to `start` (no slice made). */
export function countEncodingIn(text: string, start: number, end: number): EncodingCounts {
  const counts: EncodingCounts = { nonAscii: 0, latin: 0, sjis: 0, sjisFirst: -1, replacement: 0 };
  for (let j = start; j < end; j++) {
    const c = text.charCodeAt(j);
    const i = j - start;
    if (c < 0x80) continue;
    if (c === 0xfffd) {
      counts.replacement++;
      if (!counts.replacementRun) counts.replacementRun = { start: i, end: i + 1 };
      else if (counts.replacementRun.end === i && counts.replacement === i + 1 - counts.replacementRun.start) counts.replacementRun.end = i + 1;
      continue;
    }
    counts.nonAscii++;
    if (isLatinMojibake(c)) {
      counts.latin++;
      if (!counts.latinRun) counts.latinRun = { start: i, end: i + 1 };
      else if (counts.latinRun.end === i && counts.latin === i + 1 - counts.latinRun.start) counts.latinRun.end = i + 1;
    } else if (UTF8_AS_SJIS.has(c)) {
      counts.sjis++;
      if (counts.sjisFirst < 0) counts.sjisFirst = i;
    }
  }
  return counts;
}

/**
 * The judgement over a text's pieces, added in order with where each starts: a U+FFFD anywhere
 * decides it (its first run is shown); otherwise enough Latin-1 letters among the non-ASCII
 * characters, or enough 縺 繧 繝. Pieces let a caller keep each line's counts with the line, so
 * a keystroke counts one line again, not the whole text.
 */
export class EncodingTally {
  private nonAscii = 0;
  private latin = 0;
  private sjis = 0;
  private replacement = 0;
  private latinRun: Span | undefined;
  private replacementRun: Span | undefined;
  private sjisFirst = -1;

  add(at: number, counts: EncodingCounts): void {
    this.nonAscii += counts.nonAscii;
    this.latin += counts.latin;
    this.sjis += counts.sjis;
    this.replacement += counts.replacement;
    if (!this.latinRun && counts.latinRun) this.latinRun = { start: at + counts.latinRun.start, end: at + counts.latinRun.end };
    if (!this.replacementRun && counts.replacementRun) this.replacementRun = { start: at + counts.replacementRun.start, end: at + counts.replacementRun.end };
    if (this.sjisFirst < 0 && counts.sjisFirst >= 0) this.sjisFirst = at + counts.sjisFirst;
  }

  /** Non-ASCII characters that count for nothing else (the blanks around a line). */
  addNonAscii(count: number): void {
    this.nonAscii += count;
  }

  result(): EncodingSuspicion | undefined {
    if (this.replacementRun) return { kind: 'replacement', span: this.replacementRun, count: this.replacement };
    if (this.nonAscii === 0) return undefined;
    if (this.latin >= 8 && this.latin >= this.nonAscii * 0.3) return { kind: 'latin1', span: this.latinRun!, count: this.latin };
    if (this.sjis >= 5 && this.sjis >= this.nonAscii * 0.05) return { kind: 'utf8-as-sjis', span: { start: this.sjisFirst, end: this.sjisFirst + 1 }, count: this.sjis };
    return undefined;
  }
}

/** The judgement of a whole text. */
export function suspectEncoding(text: string): EncodingSuspicion | undefined {
  const tally = new EncodingTally();
  tally.add(0, countEncoding(text));
  return tally.result();
}
