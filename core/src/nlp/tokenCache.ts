/**
 * Tokens cached by paragraph text. Tokenizing a whole document takes ~200 ms and blocks the
 * event loop, but an edit changes one line: caching by exact line text means only the changed
 * line is tokenized again (~0.2 ms), whatever moved around it.
 */
import type { Span } from '../types';
import type { Token, Tokenizer } from './tokenizer';
import { countWork } from '../text/workCounter';
import { detached } from '../text/contentCache';

export interface TokenCacheStats {
  hits: number;
  misses: number;
  size: number;
}

export class TokenCache {
  /** Map iteration order is insertion order: the first key is the least recently used. */
  private readonly entries = new Map<string, readonly Token[]>();
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly maxEntries = 5000,
  ) {}

  /** Tokens of `text` (offsets relative to `text`), from the cache when seen before. */
  tokenize(text: string): Token[] {
    // Multi-line text is cached line by line, like a document: one edited line of a long
    // section must not make the whole section a new cache entry. Long lines go in pieces.
    return /[\r\n]/.test(text) || text.length > MAX_TOKENIZED_LINE ? this.tokenizeSpan(text, { start: 0, end: text.length }) : this.lookup(text).slice();
  }

  /**
   * Tokens of `docText.slice(span.start, span.end)`, tokenized line by line (each line cached
   * by its text), with offsets in document coordinates: `docText.slice(t.start, t.end) ===
   * t.surface`. Line breaks (LF, CRLF, CR) produce no tokens; no token crosses a line.
   */
  tokenizeSpan(docText: string, span: Span): Token[] {
    const end = Math.min(Math.max(span.end, 0), docText.length);
    let lineStart = Math.min(Math.max(span.start, 0), end);
    countWork(end - lineStart);
    const out: Token[] = [];
    while (lineStart <= end) {
      let lineEnd = lineStart;
      while (lineEnd < end) {
        const c = docText.charCodeAt(lineEnd);
        if (c === 0x0a || c === 0x0d) break;
        lineEnd++;
      }
      for (const piece of linePieces(docText, lineStart, lineEnd)) {
        const tokens = this.lookup(docText.slice(piece.start, piece.end));
        for (const t of tokens) out.push({ ...t, start: t.start + piece.start, end: t.end + piece.start });
      }
      if (lineEnd >= end) break;
      // Skip the break: CRLF counts as one.
      lineStart = lineEnd + (docText.charCodeAt(lineEnd) === 0x0d && docText.charCodeAt(lineEnd + 1) === 0x0a ? 2 : 1);
    }
    return out;
  }

  stats(): TokenCacheStats {
    return { hits: this.hits, misses: this.misses, size: this.entries.size };
  }

  clear(): void {
    this.entries.clear();
  }

  private lookup(text: string): readonly Token[] {
    countWork(1);
    const cached = this.entries.get(text);
    if (cached !== undefined) {
      this.hits++;
      // Refresh recency.
      this.entries.delete(text);
      this.entries.set(text, cached);
      return cached;
    }
    this.misses++;
    countWork(text.length);
    text = detached(text); // not a view that keeps the whole document alive (contentCache.ts)
    // Frozen because the same objects are handed to every caller that sees this text.
    const tokens = Object.freeze(this.tokenizer.tokenize(text).map((t) => Object.freeze(t)));
    this.entries.set(text, tokens);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return tokens;
  }
}

/**
 * kuromoji's cost grows with the square of a run of text without punctuation (a 100,000-character
 * line took minutes, or ran out of memory): a line longer than this is tokenized in pieces, cut
 * after punctuation or a blank where there is one. Shorter lines are one piece, as before.
 */
export const MAX_TOKENIZED_LINE = 256;
const CUT_AFTER = /[。、．，！？!?,.;；：:)）」』】\]\s\u3000]/;

/** The pieces of the line [start, end) to tokenize: the whole line unless it is long. */
export function linePieces(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let pieceStart = start;
  while (end - pieceStart > MAX_TOKENIZED_LINE) {
    let cut = pieceStart + MAX_TOKENIZED_LINE;
    for (let j = cut; j > pieceStart + MAX_TOKENIZED_LINE / 2; j--) {
      if (CUT_AFTER.test(text[j - 1])) {
        cut = j;
        break;
      }
    }
    const before = text.charCodeAt(cut - 1);
    if (before >= 0xd800 && before <= 0xdbff) cut--; // never between the halves of a pair
    out.push({ start: pieceStart, end: cut });
    pieceStart = cut;
  }
  if (end > pieceStart) out.push({ start: pieceStart, end });
  return out;
}
