/**
 * The TextMate grammar (syntaxes/shitei.tmLanguage.json) on the v1.1 lines. The patterns are
 * tried with JavaScript regexes: the grammar only uses syntax that Oniguruma and JavaScript
 * read alike (classes, lazy quantifiers, a lookbehind), so this catches a pattern that no longer
 * matches what the format says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const grammar = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../syntaxes/shitei.tmLanguage.json'), 'utf8'));
const repo = grammar.repository as Record<string, { match?: string; patterns?: unknown[] }>;
const re = (name: string) => new RegExp(repo[name].match!);

test('every pattern of the grammar compiles', () => {
  for (const [name, rule] of Object.entries(repo)) if (rule.match) assert.doesNotThrow(() => new RegExp(rule.match!), name);
});

test('lifecycle fields come before the generic field rule, with their aliases', () => {
  const order = grammar.patterns.map((p: { include: string }) => p.include);
  assert.ok(order.indexOf('#lifecycle-field') >= 0 && order.indexOf('#lifecycle-field') < order.indexOf('#field'));
  for (const line of ['延長：5年', '有効期間の延長：5年', '点検：令和8年1月1日', '指定の理由の点検:2026-01-01', '解除：令和9年3月31日', '指定の解除：令和9年3月31日', '解除年月日 ： 令和9年3月31日']) {
    assert.ok(re('lifecycle-field').test(line), line);
  }
  assert.ok(!re('lifecycle-field').test('有効期間：5年'));
});

test('the decision date of a 延長: date, 決定 and both parenthesis widths', () => {
  const cases: [string, string, string | undefined][] = [
    ['5年(令和13年3月25日)', '令和13年3月25日', undefined],
    ['５年（令和13年3月25日決定）', '令和13年3月25日', '決定'],
    ['5年(令和13年3月25日(火)決定)', '令和13年3月25日(火)', '決定'],
  ];
  for (const [value, date, word] of cases) {
    const m = re('decision').exec(value);
    assert.ok(m, value);
    assert.equal(m[2], date);
    assert.equal(m[3], word);
    assert.ok(re('date').test(m[2]), `${m[2]} is highlighted as a date`);
  }
  assert.equal(re('decision').exec('5年'), null);
});
