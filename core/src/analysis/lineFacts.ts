/**
 * What the rules read of one content line (its period expressions, placeholders, conjunctions,
 * vague words …), computed once per distinct line text and shared by every rule and every
 * analysis. A keystroke changes one line: the analysis after it looks every line up once (one
 * hash of the line's text) and computes facts for the changed line only; each rule then reads
 * the facts it needs from an object it already holds, instead of looking the line up again in a
 * cache of its own (on a 2 MB sheet each such lookup pass cost ≈ 5 ms, and there were five).
 *
 * Facts are pure functions of the line's text with offsets relative to it (never document
 * offsets), so one object serves every document and every position the line moves to.
 */
import { ContentCache, onClearContentCaches } from '../text/contentCache';

/** A kind of per-line fact; `name` is for debugging only. Create one per kind, at module level. */
export class LineFact<V> {
  private static count = 0;
  readonly id = LineFact.count++;
  declare readonly value: V; // the type of the fact; no such member exists at run time
  constructor(readonly name: string) {}
}

export class LineFacts {
  private readonly values: unknown[] = [];
  constructor(readonly text: string) {}

  /**
   * The fact for this line: computed by `compute` the first time any rule asks, then kept.
   * `compute` gets the line's text and these facts (to build on another fact of the line); give
   * a function made once at module level, not a new closure per call (one per line per analysis).
   */
  get<V>(fact: LineFact<V>, compute: (text: string, facts: LineFacts) => V): V {
    const known = this.values[fact.id];
    if (known !== undefined) return (known === UNDEFINED ? undefined : known) as V;
    const value = compute(this.text, this);
    this.values[fact.id] = value === undefined ? UNDEFINED : value;
    return value;
  }
}

/** Stored for a fact whose value is undefined, so it is not computed again. */
const UNDEFINED = Symbol('undefined');

const FACTS = new ContentCache<LineFacts>();

/** The facts object of a line's text (the same object for the same text while it is cached). */
export function factsOf(text: string): LineFacts {
  // The cache hands over a copy of the line, never the document's slice (contentCache.ts): the
  // facts, kept with the recent lines below, do not keep the document alive.
  return FACTS.get(text, (key) => new LineFacts(key));
}

/** The facts of the lines of the last few texts analysed, in line order. */
const RECENT: (readonly LineFacts[])[] = [];
const RECENT_KEPT = 4;
onClearContentCaches(() => {
  RECENT.length = 0;
});

/**
 * The facts of a text's lines, in order (`lineText(i)` is the i-th line's text). An edit leaves
 * most lines where they were: the lines are first matched, from the top and from the bottom,
 * against the lines of a recently analysed text — comparing strings, which costs a fraction of
 * hashing them — and only the lines in between (the edited ones) are looked up by their text.
 * The result is the same as looking every line up; only the cost differs.
 */
export function factsOfLines(count: number, sliceLine: (i: number) => string): LineFacts[] {
  const out = new Array<LineFacts>(count);
  const texts = new Array<string>(count);
  const lineText = (i: number) => (texts[i] ??= sliceLine(i)); // each line sliced once
  let top = 0;
  let bottom = 0;
  if (count > 0) {
    const first = lineText(0);
    const last = lineText(count - 1);
    const previous = RECENT.find((p) => p.length > 0 && (p[0].text === first || p[p.length - 1].text === last));
    if (previous) {
      while (top < count && top < previous.length && previous[top].text === lineText(top)) {
        out[top] = previous[top];
        top++;
      }
      while (bottom < count - top && bottom < previous.length - top && previous[previous.length - 1 - bottom].text === lineText(count - 1 - bottom)) {
        out[count - 1 - bottom] = previous[previous.length - 1 - bottom];
        bottom++;
      }
    }
  }
  for (let i = top; i < count - bottom; i++) out[i] = factsOf(lineText(i));
  if (count > 0) {
    RECENT.unshift(out);
    if (RECENT.length > RECENT_KEPT) RECENT.pop();
  }
  return out;
}
