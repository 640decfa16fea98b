/**
 * Output in pieces. A run with a million diagnostics gives hundreds of megabytes of output: as
 * one string it does not fit (`RangeError: Invalid string length`), and as a list of chunks it
 * is held whole until written. The formatters are generators instead: each yields a chunk of
 * about CHUNK UTF-16 units as soon as it has one, and the CLI writes it (waiting for the pipe
 * to drain) before the next is made — so memory holds the report and one chunk, not the output.
 */
import { escapeControlChars } from '../../../core/out/index';

/** A chunk is handed to the writer once it holds this many UTF-16 units. */
export const CHUNK = 1 << 16;

/**
 * Collects small strings and says when a chunk is full (`take` it then). The parts are joined
 * once: a string grown by `+=` is a tree of pieces that the write has to flatten before it can
 * encode it, which took longer than making the pieces.
 */
export class ChunkBuffer {
  private parts: string[] = [];
  private length = 0;

  add(s: string): boolean {
    this.parts.push(s);
    this.length += s.length;
    return this.length >= CHUNK;
  }

  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.length = 0;
    return text;
  }
}

/** The whole output as one string (for small runs and tests; the CLI writes the chunks). */
export function joinChunks(chunks: Iterable<string>): string {
  let text = '';
  for (const c of chunks) text += c;
  return text;
}

/**
 * `escape` (default: escapeControlChars) of a message, computed once for a run of the same
 * message: diagnostics of one rule often share their text.
 */
export function escapedOnce(escape: (s: string) => string = escapeControlChars): (s: string) => string {
  let last: string | undefined;
  let escaped = '';
  return (s) => {
    if (s !== last) {
      last = s;
      escaped = escape(s);
    }
    return escaped;
  };
}
