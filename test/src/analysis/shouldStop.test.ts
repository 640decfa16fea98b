/**
 * `shouldStop` (issue 9, "long analyses check the token between rules"): asked before each
 * rule; when it says stop, no further rule runs and the result says it is cancelled. Counted in
 * rules run, not in time.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeSteps, analyzeText } from '../../../core/out/analysis/analyze';
import { resolveConfig } from '../../../core/out/analysis/config';
import { DOCUMENT_RULES } from '../../../core/out/rules/index';
import type { Rule } from '../../../core/out/rules/types';
import { BASE_SHEET } from '../fuzz/adversarial';
import { tokenCache } from '../support/analysis';

const config = resolveConfig({ today: '2026-11-23' });
// A sheet with something for several rules to find.
const SHEET = BASE_SHEET.replace('有効期間：2年', '有効期間：7年').replace('措置：表示', '措置：公開');

/** Every document rule, counting the ones that ran. */
function counted(): { rules: Rule[]; ran: string[] } {
  const ran: string[] = [];
  return { ran, rules: DOCUMENT_RULES.map((r) => ({ meta: r.meta, check: (ctx) => { ran.push(r.meta.code); r.check(ctx); } })) };
}

test('shouldStop is asked between rules: after it says stop, no other rule runs and the result is cancelled', async () => {
  const tokens = await tokenCache();
  const all = counted();
  const full = analyzeText(SHEET, { config, tokens, rules: all.rules });
  assert.ok(all.ran.length > 20, `${all.ran.length} rules ran`);
  assert.ok(full.diagnostics.length > 0);
  assert.equal(full.cancelled, undefined);
  assert.equal(full.complete, true);

  for (const after of [0, 1, 5, all.ran.length - 1]) {
    const c = counted();
    const result = analyzeText(SHEET, { config, tokens, rules: c.rules, shouldStop: () => c.ran.length >= after });
    assert.equal(c.ran.length, after, `stopped after ${after} rules`);
    assert.deepEqual(c.ran, all.ran.slice(0, after));
    assert.equal(result.cancelled, true);
    assert.equal(result.complete, false);
    assert.deepEqual(result.diagnostics, [], 'a cancelled analysis gives no (partial) diagnostics');
  }
  // Asked once more after the last rule would be pointless: a run that is never stopped is the plain analysis.
  const never = counted();
  let asked = 0;
  const result = analyzeText(SHEET, { config, tokens, rules: never.rules, shouldStop: () => { asked++; return false; } });
  assert.deepEqual(result.diagnostics, full.diagnostics);
  assert.equal(result.cancelled, undefined);
  assert.ok(asked >= never.ran.length && asked <= all.rules.length, `asked ${asked} times for ${never.ran.length} rules`);
});

test('analyzeSteps yields once per rule run, so a caller can do other work in between and stop it there', async () => {
  const tokens = await tokenCache();
  const c = counted();
  const steps = analyzeSteps(SHEET, { config, tokens, rules: c.rules });
  let yields = 0;
  let step = steps.next();
  while (!step.done) {
    yields++;
    assert.equal(c.ran.length, yields, 'one rule between two yields');
    step = steps.next();
  }
  assert.equal(yields, c.ran.length);
  assert.deepEqual(step.value.diagnostics, analyzeText(SHEET, { config, tokens }).diagnostics);

  // Stopped from outside between two steps: the flag the caller sets is read before the next rule.
  let stop = false;
  const d = counted();
  const stopping = analyzeSteps(SHEET, { config, tokens, rules: d.rules, shouldStop: () => stop });
  stopping.next();
  stopping.next();
  stop = true;
  const last = stopping.next();
  assert.equal(last.done, true);
  assert.equal(d.ran.length, 2);
  assert.equal(last.done && last.value.cancelled, true);
});
