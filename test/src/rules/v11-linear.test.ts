/**
 * The v1.1 rules that read text grow linearly with it: the work they do (characters sliced out
 * of strings, regex steps started) on a document twice as long is about twice as much.
 * Counted, not timed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SheetModel } from '../../../core/out/analysis/sheet';
import { parseSheet } from '../../../core/out/syntax/parser';
import { resolveConfig } from '../../../core/out/analysis/config';
import { ruleByCode } from '../../../core/out/rules/index';
import type { RuleContext } from '../../../core/out/rules/types';
import { sheet } from '../support/sheet';

const CODES = ['conjunction-level', 'conjunction-kana', 'measure-notice-unjustified', 'summary-period-unscoped', 'summary-period-mismatch', 'beppyo-overlap', 'review-overdue', 'lifecycle-date-invalid', 'extension-decided-late', 'date-invalid'];

function document(n: number): string {
  const sentence = '令和8年度の計画並びに部隊の編成または甲もしくは乙に係る事項について、表示の方法を検討した。';
  return sheet({
    fields: { 措置: '通知', 別表: Array.from({ length: n }, (_, i) => (i % 2 ? '別表第2号ハa' : '別表第1号ロa')).join('、') },
    extraHeader: [...Array.from({ length: n }, (_, i) => `点検：令和8年${(i % 7) + 4}月1日`), ...Array.from({ length: n }, () => '延長：1年(令和10年3月1日)')],
    sections: { 対象情報の記述: Array.from({ length: n }, () => sentence).join('\n'), 備考: Array.from({ length: n }, () => sentence).join(''), 概要: '自衛隊統合演習計画' },
  });
}

function work(text: string, code: string): number {
  const sheetModel = new SheetModel(parseSheet(text));
  const context: RuleContext = { sheet: sheetModel, config: resolveConfig({ today: '2026-11-23' }), tokens: () => [], tokenizeText: () => [], hasTokens: false, report: () => undefined };
  let count = 0;
  const slice = String.prototype.slice;
  const exec = RegExp.prototype.exec;
  String.prototype.slice = function (this: string, ...args: [number?, number?]) {
    const out = slice.apply(this, args);
    count += out.length + 1;
    return out;
  };
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    count += 1;
    return exec.call(this, s);
  };
  try {
    ruleByCode(code)!.check(context);
  } finally {
    String.prototype.slice = slice;
    RegExp.prototype.exec = exec;
  }
  return count;
}

for (const code of CODES) {
  test(`${code}: linear work in the size of the document`, () => {
    const small = work(document(200), code);
    const large = work(document(400), code);
    assert.ok(large <= small * 2.3 + 50, `${code}: ${small} → ${large}`);
  });
}
