/** Small helpers shared by rules. */
import { countWork } from '../../text/workCounter';

/**
 * Levenshtein distance over code points. With `atMost`, stops as soon as the distance is
 * known to exceed it (and returns a value above it): the length difference alone is a lower
 * bound, and a row whose every cell is above the bound cannot come back down. Cost: the
 * product of the lengths at most, nothing when the lengths alone rule the pair out.
 */
export function editDistance(a: string, b: string, atMost = Infinity): number {
  const x = [...a];
  const y = [...b];
  countWork(x.length + y.length);
  if (Math.abs(x.length - y.length) > atMost) return Math.abs(x.length - y.length);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    countWork(y.length);
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > atMost) return rowMin;
    prev = cur;
  }
  return prev[y.length];
}

/**
 * The candidate nearest to `name`, if it is near enough to be a plausible typo or variant:
 * within half the name's length in edits, or one containing the other. Linear in the name's
 * length: a pair whose lengths differ by more than the best score so far is never compared
 * cell by cell, so a 1,000,000-character value costs a few scans, not a million-row table.
 */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  // Nothing written suggests nothing (every candidate "contains" the empty string).
  if (name.trim() === '') return undefined;
  const nameLength = [...name].length;
  countWork(name.length);
  // No score above the largest limit any candidate could have is ever returned, so no table
  // needs to be filled past it: a long name against short candidates costs a few scans.
  let longest = 0;
  for (const c of candidates) longest = Math.max(longest, c.length);
  const ceiling = Math.max(1, Math.floor(Math.max(nameLength, longest) / 2));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const cLength = [...c].length;
    const lengthGap = Math.abs(cLength - nameLength);
    countWork(1);
    const contains = c.includes(name) || name.includes(c);
    // Containing: the distance is at least the length gap, so min(d, 0.5 + gap/10) is
    // 0 for the same string and 0.5 + gap/10 otherwise; no table needed.
    let score: number;
    if (contains) score = lengthGap === 0 ? 0 : 0.5 + lengthGap / 10;
    else if (lengthGap >= bestScore || lengthGap > ceiling) continue;
    else score = editDistance(name, c, Math.min(bestScore, ceiling));
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(nameLength, [...best].length) / 2));
  return bestScore <= limit ? best : undefined;
}

