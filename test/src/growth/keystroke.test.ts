/**
 * Issue 9: a keystroke costs what it changed. After one character typed into a long sheet, the
 * re-analysis tokenizes only the edited line again (the token cache's misses) and computes the
 * per-line results (period expressions, vague words, placeholders, content words) only for it;
 * the rest comes from the content-keyed caches. Counted, not timed; and the diagnostics are the
 * same as a cold analysis of the edited text.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../core/out/analysis/analyze';
import { resolveConfig } from '../../../core/out/analysis/config';
import { loadTokenizer } from '../../../core/out/nlp/tokenizer';
import { TokenCache } from '../../../core/out/nlp/tokenCache';
import { measureWork } from '../../../core/out/text/workCounter';
import { BASE_SHEET } from '../fuzz/adversarial';

const config = resolveConfig({ today: '2026-11-23' });

/** A sheet with `n` distinct lines in the description and in the reason (realistic phrases). */
function longSheet(n: number): string {
  const desc = Array.from({ length: n }, (_, i) => `${i + 1} 令和8年度に実施する警戒監視活動の計画のうち、航空機等による哨戒の区域(第${i}区)`);
  const reason = Array.from({ length: n }, (_, i) => `${i + 1} 本件情報は、部隊の運用に関するものであり、公になっていない(第${i}項)。`);
  return BASE_SHEET
    .replace('【対象情報の記述】\n', `【対象情報の記述】\n${desc.join('\n')}\n`)
    .replace('【指定の理由】\n', `【指定の理由】\n${reason.join('\n')}\n`);
}

const codes = (r: ReturnType<typeof analyzeText>) => r.diagnostics.map((d) => `${d.code}@${d.span.start}-${d.span.end}`);

test('one keystroke in a 2,000-line sheet tokenizes one line again and gives the cold result', async () => {
  const tokenizer = await loadTokenizer();
  const tokens = new TokenCache(tokenizer, 50_000);
  const text = longSheet(2000);
  const first = measureWork(() => analyzeText(text, { config, tokens })).units;
  const at = text.indexOf('(第1000区)');
  const edited = text.slice(0, at) + '等' + text.slice(at);
  const before = tokens.stats().misses;
  const warm = measureWork(() => analyzeText(edited, { config, tokens }));
  const misses = tokens.stats().misses - before;
  assert.ok(misses <= 2, `${misses} pieces tokenized again`);
  // The same diagnostics as a cold analysis (fresh caches) of the edited text.
  const cold = measureWork(() => analyzeText(edited, { config, tokens: new TokenCache(tokenizer, 50_000) }));
  assert.deepEqual(codes(warm.result), codes(cold.result));
  assert.ok(codes(warm.result).some((c) => c.startsWith('scope-vague@')), 'the typed 等 is found');
  // No more work than the first analysis, which tokenized every line.
  assert.ok(warm.units < first, `${warm.units} vs first ${first}`);
});

test('the warm re-analysis grows linearly with the sheet, without re-tokenizing', async () => {
  const tokenizer = await loadTokenizer();
  const tokens = new TokenCache(tokenizer, 50_000);
  const keystroke = (n: number) => {
    const text = longSheet(n);
    analyzeText(text, { config, tokens });
    const at = text.indexOf('(第1区)');
    const before = tokens.stats().misses;
    const units = measureWork(() => analyzeText(text.slice(0, at) + 'の' + text.slice(at), { config, tokens })).units;
    return { units, misses: tokens.stats().misses - before };
  };
  const small = keystroke(1000);
  const large = keystroke(2000);
  assert.ok(small.misses <= 2 && large.misses <= 2, `${small.misses}, ${large.misses}`);
  assert.ok(large.units / small.units <= 2.2, `${small.units} → ${large.units}`);
});
