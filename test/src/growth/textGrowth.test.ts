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

/** Bulk characters at the smaller size (about: whole repetitions of the unit; the larger is exactly twice it). */
const SIZE = Number(process.env.SHITEI_GROWTH_SIZE ?? 6000);
/** Items at the smaller count for the "many" shapes. */
const COUNT = Math.max(50, Math.round(SIZE / 12));

let tokenizer: Tokenizer | undefined;
async function fresh(): Promise<() => TokenCache> {
  tokenizer ??= await loadTokenizer();
  const t = tokenizer;
  return () => new TokenCache(t);
}

/**
 * Work on a sheet and on the same sheet with twice its bulk. The caller doubles the bulk itself
 * (`bulk + bulk`, `2 * count`): `run(unit, 2 * n)` is not always twice `run(unit, n)`, since a run
 * keeps whole repetitions of its unit.
 */
function growth(smallText: string, largeText: string, tokens: () => TokenCache): { small: number; large: number; ratio: number } {
  const small = analysisWork(smallText, tokens);
  const large = analysisWork(largeText, tokens);
  return { small, large, ratio: large / small };
}

for (const [place, put] of Object.entries(PLACES)) {
  test(`bulk in ${place}: work grows at most n log n for every character class`, async () => {
    const tokens = await fresh();
    const failures: string[] = [];
    for (const [name, unit] of Object.entries(CHARACTER_CLASSES)) {
      const bulk = run(unit, SIZE);
      const g = growth(put(bulk), put(bulk + bulk), tokens);
      if (g.ratio > allowedGrowth(bulk.length)) failures.push(`${name}: ${g.small} → ${g.large} (×${g.ratio.toFixed(2)})`);
    }
    assert.deepEqual(failures, [], `superlinear work with the bulk in ${place}`);
  });
}

for (const [shape, make] of Object.entries(MANY)) {
  test(`many ${shape}: work grows at most n log n with their number`, async () => {
    const tokens = await fresh();
    const g = growth(make(COUNT), make(2 * COUNT), tokens);
    assert.ok(g.ratio <= allowedGrowth(COUNT), `${shape}: ${g.small} → ${g.large} (×${g.ratio.toFixed(2)})`);
  });
}

test('the counter sees the work: a bulk twice as large is counted (not a count that stays flat)', async () => {
  const tokens = await fresh();
  const bulk = run('本件情報は、計画である。', SIZE);
  const g = growth(PLACES.対象情報の記述(bulk), PLACES.対象情報の記述(bulk + bulk), tokens);
  assert.ok(g.ratio > 1.5, `×${g.ratio.toFixed(2)}`);
});

/**
 * The shape the worst-case fuzz reported (seed 1594650882): 【概要】 filled with one sentence
 * repeated, in an 865-character unit (the sentence ×32 and 二), at 2, 4 and 8 repetitions. Each
 * doubling may grow as n log n of the bulk. The fuzz's ×2.30 was its measurement: it compared
 * run(unit, 2,495) with run(unit, 4,990), 1,730 and 4,325 characters, ×2.5 of bulk; every part
 * of the count grows with the bulk (×1.87 from 1,730 to 3,460 characters).
 */
test('a long sentence repeated in 概要: work grows at most n log n at each doubling', async () => {
  const tokens = await fresh();
  const unit = `${'本件情報は、警戒監視活動の計画であり公になっていない。'.repeat(32)}二`;
  const work = [2, 4, 8].map((k) => ({ size: unit.length * k, units: analysisWork(PLACES.概要(unit.repeat(k)), tokens) }));
  for (let i = 1; i < work.length; i++) {
    const ratio = work[i].units / work[i - 1].units;
    assert.ok(ratio <= allowedGrowth(work[i - 1].size), `${work[i - 1].size} → ${work[i].size} characters: ${work[i - 1].units} → ${work[i].units} (×${ratio.toFixed(2)})`);
  }
});

/**
 * Found by the worst-case fuzz once it doubled the bulk exactly: a description line of 「2026年」
 * growing across 4,096 characters, the longest line a ContentCache keeps. period-unscoped used to
 * scan the description itself while summary-period-unscoped and -mismatch read the sheet's scan:
 * below the limit the second scan was a cache hit, above it the line was scanned twice, and the
 * count jumped ×2.29 from 3,545 to 7,090 characters (allowed ×2.27). Every rule now reads the
 * sheet's one scan (sheet.periodLines, kept with the line's facts): one scan per analysis is the
 * design (docs/regular-expressions.md, rule 8).
 */
test('a description line of years across the line cache limit: its period scan is not repeated', async () => {
  const tokens = await fresh();
  const work = [709, 1418, 2836].map((k) => ({ size: 5 * k, units: analysisWork(PLACES.対象情報の記述('2026年'.repeat(k)), tokens) }));
  for (let i = 1; i < work.length; i++) {
    const ratio = work[i].units / work[i - 1].units;
    assert.ok(ratio <= allowedGrowth(work[i - 1].size), `${work[i - 1].size} → ${work[i].size} characters: ${work[i - 1].units} → ${work[i].units} (×${ratio.toFixed(2)})`);
  }
});
