/**
 * Issue 9: every rule and helper linear (or n log n) in the text it reads. Each adversarial
 * shape (test/src/fuzz/adversarial.ts: the bulk of a sheet in one header field, section,
 * comment, heading or stray line, in one character class; or many directives, headings,
 * fields …) is analysed at two sizes with the work counter on (core/src/text/workCounter.ts:
 * characters scanned, regexes tried, table cells, cache lookups), and the count may grow at
 * most as n log n from one size to the double. Counted work, not time: the result is exact and
 * the same on a loaded machine. A quadratic path would show a growth of 4.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadTokenizer, type Tokenizer } from '../../../core/out/nlp/tokenizer';
import { TokenCache } from '../../../core/out/nlp/tokenCache';
import { CHARACTER_CLASSES, MANY, PLACES, allowedGrowth, analysisWork, run } from '../fuzz/adversarial';

/** Bulk characters at the smaller size (the larger is twice this). */
const SIZE = Number(process.env.SHITEI_GROWTH_SIZE ?? 6000);
/** Items at the smaller count for the "many" shapes. */
const COUNT = Math.max(50, Math.round(SIZE / 12));

let tokenizer: Tokenizer | undefined;
async function fresh(): Promise<() => TokenCache> {
  tokenizer ??= await loadTokenizer();
  const t = tokenizer;
  return () => new TokenCache(t);
}

function growth(make: (n: number) => string, n: number, tokens: () => TokenCache): { small: number; large: number; ratio: number } {
  const small = analysisWork(make(n), tokens);
  const large = analysisWork(make(2 * n), tokens);
  return { small, large, ratio: large / small };
}

for (const [place, put] of Object.entries(PLACES)) {
  test(`bulk in ${place}: work grows at most n log n for every character class`, async () => {
    const tokens = await fresh();
    const failures: string[] = [];
    for (const [name, unit] of Object.entries(CHARACTER_CLASSES)) {
      const g = growth((n) => put(run(unit, n)), SIZE, tokens);
      if (g.ratio > allowedGrowth(SIZE)) failures.push(`${name}: ${g.small} → ${g.large} (×${g.ratio.toFixed(2)})`);
    }
    assert.deepEqual(failures, [], `superlinear work with the bulk in ${place}`);
  });
}

for (const [shape, make] of Object.entries(MANY)) {
  test(`many ${shape}: work grows at most n log n with their number`, async () => {
    const tokens = await fresh();
    const g = growth(make, COUNT, tokens);
    assert.ok(g.ratio <= allowedGrowth(COUNT), `${shape}: ${g.small} → ${g.large} (×${g.ratio.toFixed(2)})`);
  });
}

test('the counter sees the work: a bulk twice as large is counted (not a count that stays flat)', async () => {
  const tokens = await fresh();
  const g = growth((n) => PLACES.対象情報の記述(run('本件情報は、計画である。', n)), SIZE, tokens);
  assert.ok(g.ratio > 1.5, `×${g.ratio.toFixed(2)}`);
});
