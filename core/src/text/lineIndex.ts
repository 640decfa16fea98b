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
