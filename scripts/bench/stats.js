'use strict';
/** Statistics every benchmark section reports with (one definition, so their numbers compare). */

/** The nearest-rank p-th percentile of the finite values of `xs` (NaN when there are none). */
function percentile(xs, p) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * s.length); // nearest rank
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

/** The nearest-rank median (the lower middle value of an even count). */
const median = (xs) => percentile(xs, 50);

module.exports = { percentile, median };
