/**
 * Maps UTF-16 offsets to line/column in the encodings adapters need. Line breaks are LF, CRLF
 * and lone CR (as in LSP), so mixed endings are counted the way an editor counts them.
 */
import { countWork } from './workCounter';

export type ColumnEncoding = 'utf-16' | 'utf-8' | 'utf-32';

export interface LinePosition {
  /** 0-based line. */
  line: number;
  /** 0-based column in the requested encoding. */
  character: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  /** How many line breaks of each kind the text has (counted in the same pass). */
  readonly breaks = { lf: 0, crlf: 0, cr: 0 };

  constructor(readonly text: string) {
    countWork(text.length);
    const starts = [0];
    const breaks = this.breaks;
    if (text.indexOf('\r') < 0) {
      // No CR at all (the usual case): the native search finds each LF far faster than a loop.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        breaks.lf++;
        starts.push(i + 1);
      }
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) {
          i++;
          breaks.crlf++;
        } else breaks.cr++;
        starts.push(i + 1);
      } else if (c === 10) {
        breaks.lf++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line containing `offset` (binary search). */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset of the end of `line`'s content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  position(offset: number, encoding: ColumnEncoding = 'utf-16'): LinePosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const start = this.lineStarts[line];
    return { line, character: columnLength(this.text, start, clamped, encoding) };
  }

  /** The UTF-16 offset of a line/column given in `encoding`, clamped to the line's content. */
  offset(position: LinePosition, encoding: ColumnEncoding = 'utf-16'): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    let units = 0;
    let i = start;
    while (i < end && units < position.character) {
      const cp = this.text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      units += encoding === 'utf-16' ? width : encoding === 'utf-32' ? 1 : utf8Length(cp);
      i += width;
    }
    return i;
  }
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Length of text[start, end) counted in `encoding` (lone surrogates count as one unit / 3 bytes). */
export function columnLength(text: string, start: number, end: number, encoding: ColumnEncoding): number {
  if (encoding === 'utf-16') return end - start;
  let n = 0;
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    n += encoding === 'utf-32' ? 1 : utf8Length(cp);
    i += width;
  }
  return n;
}

/**
 * The positions of many offsets of one text in one encoding, each counted on from the offset
 * asked before it. `LineIndex.position` counts a column from the start of its line every time,
 * so k positions on one long line cost k × its length (600,000 placeholders on one 1.8-million-
 * character line never finished). Asked in order — the starts of sorted diagnostics, their ends —
 * the positions cost the distance between them: linear in the text in all, plus a binary search
 * for a new line. UTF-16 columns are offsets and need no counting. Same answers as `position`.
 */
export class PositionCursor {
  private line = -1;
  private offset = 0;
  private column = 0;

  constructor(
    private readonly index: LineIndex,
    private readonly encoding: ColumnEncoding,
  ) {}

  position(offset: number): LinePosition {
    if (this.encoding === 'utf-16') return this.index.position(offset, 'utf-16');
    const { text, lineStarts } = this.index;
    const at = Math.max(0, Math.min(offset, text.length));
    const sameLine = this.line >= 0 && at >= lineStarts[this.line] && (this.line + 1 >= lineStarts.length || at < lineStarts[this.line + 1]);
    if (!sameLine) {
      this.line = this.index.lineOf(at);
      this.offset = lineStarts[this.line];
      this.column = 0;
    }
    const start = lineStarts[this.line];
    if (at >= this.offset) this.column += units(text, this.offset, at, start, this.encoding);
    else if (this.offset - at <= at - start) this.column -= units(text, at, this.offset, start, this.encoding);
    else this.column = units(text, start, at, start, this.encoding);
    this.offset = at;
    return { line: this.line, character: this.column };
  }
}

/**
 * The columns of [from, to) on a line starting at `lineStart`, as `columnLength` counts them: a
 * surrogate pair is one code point (4 UTF-8 bytes) counted at its high half, so the low half of
 * a pair adds nothing and a column ending inside a pair counts the pair whole; a lone surrogate
 * is one code point (3 bytes). Additive, so a count can go on from any offset.
 */
function units(text: string, from: number, to: number, lineStart: number, encoding: 'utf-8' | 'utf-32'): number {
  countWork(to - from + 1);
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > lineStart) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) continue; // the low half of a pair
    }
    if (encoding === 'utf-32') n++;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const after = text.charCodeAt(i + 1);
      n += after >= 0xdc00 && after <= 0xdfff ? 4 : 3;
    } else n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}
