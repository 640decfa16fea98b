/** Small helpers shared by rules. */
import type { Span } from '../types';

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/**
 * The candidate nearest to `name`, if it is near enough to be a plausible typo or variant:
 * within half the name's length in edits, or one containing the other.
 */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  // Nothing written suggests nothing (every candidate "contains" the empty string).
  if (name.trim() === '') return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    const contains = c.includes(name) || name.includes(c);
    const score = contains ? Math.min(d, 0.5 + Math.abs(c.length - name.length) / 10) : d;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max([...name].length, [...best].length) / 2));
  return bestScore <= limit ? best : undefined;
}

export function spanOf(start: number, text: string): Span {
  return { start, end: start + text.length };
}
