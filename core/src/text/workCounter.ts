/**
 * An opt-in count of the work the core does on a text: characters scanned by loops and
 * helpers, regexes tried at a position, cells of an edit-distance table, cache lookups. Tests
 * read it to catch superlinear growth by comparing the count at two input sizes — a count is
 * exact and repeatable where a time is not (docs/regular-expressions.md, "Counting work").
 *
 * Off by default: `countWork` is then one property read and a branch, so the hot paths that
 * call it cost the same as before.
 */
export const workCounter = { enabled: false, units: 0 };

/** Adds `units` (characters scanned, calls made) to the count when counting is on. */
export function countWork(units: number): void {
  if (workCounter.enabled) workCounter.units += units;
}

/** Runs `fn` with counting on and returns what it counted (nesting adds to the outer count). */
export function measureWork<T>(fn: () => T): { result: T; units: number } {
  const wasEnabled = workCounter.enabled;
  const before = workCounter.units;
  workCounter.enabled = true;
  try {
    const result = fn();
    return { result, units: workCounter.units - before };
  } finally {
    workCounter.enabled = wasEnabled;
    if (!wasEnabled) workCounter.units = before;
  }
}
