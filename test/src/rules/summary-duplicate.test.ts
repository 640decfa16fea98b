/** summary-duplicate (workspace): two sheets in force with the same 【概要】. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../core/out/workspace/analyzeWorkspace';
import { sheet } from '../support/sheet';
import { entry } from '../workspace/support';

const codes = (m: Map<string, { code: string }[]>, id: string) => m.get(id)!.map((d) => d.code).filter((c) => c === 'summary-duplicate');

test('invalid: the same 【概要】 up to width and blanks fires on both, naming the other', () => {
  const a = entry('a.shitei', sheet({ fields: { 整理番号: 'A-1' }, sections: { 対象情報の記述: '令和8年度の甲の計画', 概要: '令和8年度統合演習計画' } }));
  const b = entry('b.shitei', sheet({ fields: { 整理番号: 'A-2' }, sections: { 対象情報の記述: '令和8年度の乙の計画', 概要: '令和８年度 統合演習計画' } }));
  const result = analyzeWorkspace([a, b]);
  assert.deepEqual(codes(result, 'a.shitei'), ['summary-duplicate']);
  assert.deepEqual(codes(result, 'b.shitei'), ['summary-duplicate']);
  const d = result.get('a.shitei')!.find((x) => x.code === 'summary-duplicate')!;
  assert.match(d.message.ja, /b\.shitei/);
  assert.equal(d.severity, 'warning');
  assert.equal(a.sheet.text.slice(d.span.start, d.span.end), '【概要】');
});

test('valid: different summaries; a released or lapsed sheet; an empty 【概要】', () => {
  const a = entry('a.shitei', sheet({ fields: { 整理番号: 'A-1' }, sections: { 概要: '甲の計画' } }));
  const b = entry('b.shitei', sheet({ fields: { 整理番号: 'A-2' }, sections: { 概要: '乙の計画' } }));
  assert.deepEqual(codes(analyzeWorkspace([a, b]), 'a.shitei'), []);
  const released = entry('r.shitei', sheet({ fields: { 整理番号: 'A-3', 解除: '令和8年10月1日' }, sections: { 概要: '甲の計画' } }));
  assert.deepEqual(codes(analyzeWorkspace([a, released]), 'a.shitei'), []);
  const lapsed = entry('l.shitei', sheet({ fields: { 整理番号: 'A-4', 指定年月日: '令和5年4月1日', 有効期間: '2年', 満了日: '令和7年3月31日' }, sections: { 概要: '甲の計画' } }));
  assert.deepEqual(codes(analyzeWorkspace([a, lapsed]), 'a.shitei'), []);
  const e1 = entry('e1.shitei', sheet({ fields: { 整理番号: 'A-5' }, sections: { 概要: '' } }));
  const e2 = entry('e2.shitei', sheet({ fields: { 整理番号: 'A-6' }, sections: { 概要: '' } }));
  assert.deepEqual(codes(analyzeWorkspace([e1, e2]), 'e1.shitei'), []);
});

test('severity from the config; a disable directive in one file silences only that file', () => {
  const a = entry('a.shitei', sheet({ fields: { 整理番号: 'A-1' }, sections: { 概要: '同じ概要' } }), { today: '2026-11-23', rules: { 'summary-duplicate': 'error' } });
  const b = entry('b.shitei', '# shitei-disable-file summary-duplicate\n' + sheet({ fields: { 整理番号: 'A-2' }, sections: { 概要: '同じ概要' } }));
  const result = analyzeWorkspace([a, b]);
  assert.equal(result.get('a.shitei')!.find((d) => d.code === 'summary-duplicate')!.severity, 'error');
  assert.deepEqual(codes(result, 'b.shitei'), []);
});
