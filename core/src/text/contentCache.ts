/**
 * Results cached by the exact text they were computed from (a line, a section), so that an
 * edit costs what it changed: after a keystroke every untouched line's text is the same string
 * again and its result comes from here; only the edited line is computed anew. Results must be
 * pure functions of the key and carry offsets relative to it (never document offsets), so one
 * entry serves every document and every position the text moves to.
 *
 * Entries not used for a while go once `maxEntries` is reached (two generations); a key longer than
 * `maxKeyLength` is computed without being kept (a single huge line is not worth pinning).
 */
import { countWork } from './workCounter';

/** Every cache made, so a benchmark can measure a cold analysis (`clearContentCaches`). */
const ALL: ContentCache<unknown>[] = [];

/** What else remembers text between analyses (lineFacts.ts's recent lines), emptied with the caches. */
const OTHERS: (() => void)[] = [];

/** Empties every content cache: the next analysis is as after a restart (benchmarks, tests). */
export function clearContentCaches(): void {
  for (const c of ALL) c.clear();
  for (const clear of OTHERS) clear();
}

/** Registers what `clearContentCaches` must empty besides the caches themselves. */
export function onClearContentCaches(clear: () => void): void {
  OTHERS.push(clear);
}

export class ContentCache<V> {
  /**
   * Two generations instead of an exact LRU order: a hit in `recent` is one lookup (no
   * delete-and-insert per hit, which dominated a re-analysis); a hit in `older` moves the entry
   * up; when `recent` is full it becomes `older` and what was older is dropped. So every entry
   * used since the last turnover survives it, and memory stays within two generations of
   * maxEntries entries and maxChars key characters each.
   */
  private recent = new Map<string, V>();
  private older = new Map<string, V>();
  /** Characters of the keys in `recent`: memory is bounded by characters, not only by entries. */
  private recentChars = 0;

  constructor(
    private readonly maxEntries = 100_000,
    private readonly maxKeyLength = 4096,
    /** 4,000,000 characters: a 2,000,000-character sheet and its edits fit in one generation. */
    private readonly maxChars = 4_000_000,
  ) {
    ALL.push(this as ContentCache<unknown>);
  }

  get(key: string, compute: (key: string) => V): V {
    countWork(1);
    // A key too long to keep is still handed over as a copy: what compute returns (and whoever
    // keeps it) must never hold a slice of the whole document.
    if (key.length > this.maxKeyLength) return compute(detached(key));
    const hit = this.recent.get(key);
    if (hit !== undefined) return hit;
    const old = this.older.get(key);
    let value: V;
    if (old !== undefined) value = old;
    else {
      // A key is a slice of a document; kept as it is, it would keep the whole document alive
      // (every keystroke of a 2 MB sheet pinned another 4 MB). Kept and computed as a copy.
      key = detached(key);
      value = compute(key);
    }
    if (this.recent.size >= this.maxEntries || this.recentChars + key.length > this.maxChars) {
      this.older = this.recent;
      this.recent = new Map();
      this.recentChars = 0;
    }
    this.recent.set(key, value);
    this.recentChars += key.length;
    return value;
  }

  clear(): void {
    this.recent.clear();
    this.older.clear();
    this.recentChars = 0;
  }
}

/**
 * A copy of `text` that shares no memory with the string it was sliced from. V8 represents a
 * slice of 13 or more characters as a view into its parent, so a cached slice of a line keeps
 * the whole document it came from alive; the concatenation is flattened into a new string of
 * the slice's own length first, and the view taken of that holds only it.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/**
 * Calls `each(start, end)` for every line of `text` (LF, CRLF, lone CR, as LineIndex counts),
 * in order, with offsets into `text`.
 */
export function forEachLine(text: string, each: (start: number, end: number) => void): void {
  countWork(text.length);
  let start = 0;
  if (text.indexOf('\r') < 0) {
    // No CR: the native search for each LF (a loop over every character cost more than the rest).
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      each(start, i);
      start = i + 1;
    }
    each(start, text.length);
    return;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      each(start, i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  each(start, text.length);
}

/** Like forEachLine, stopping at the first line for which `test` is true; true if there was one. */
export function someLine(text: string, test: (start: number, end: number) => boolean): boolean {
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      countWork(i - start + 1);
      if (test(start, i)) return true;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  countWork(text.length - start);
  return test(start, text.length);
}
