/** description-duplicate (workspace): two sheets in force with the same 【対象情報の記述】. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../core/out/workspace/analyzeWorkspace';
import { isInForce } from '../../../core/out/workspace/inForce';
import { sheet } from '../support/sheet';
import { entry } from '../workspace/support';

const codes = (m: Map<string, { code: string }[]>, id: string) => m.get(id)!.map((d) => d.code).filter((c) => c === 'description-duplicate');
const DESCRIPTION = '令和8年度に実施する自衛隊の統合演習の計画(参加部隊の編成及び実施区域を含む。)';

test('invalid: the same description up to width and blanks is an error on both headings', () => {
  const a = entry('a.shitei', sheet({ fields: { 整理番号: 'A-1' }, sections: { 概要: '甲' } }));
  const b = entry('b.shitei', sheet({ fields: { 整理番号: 'A-2' }, sections: { 概要: '乙', 対象情報の記述: DESCRIPTION.replace('(', ' （').replace('8', '８') } }));
  const result = analyzeWorkspace([a, b]);
  assert.deepEqual(codes(result, 'a.shitei'), ['description-duplicate']);
  assert.deepEqual(codes(result, 'b.shitei'), ['description-duplicate']);
  const d = result.get('b.shitei')!.find((x) => x.code === 'description-duplicate')!;
  assert.equal(d.severity, 'error');
  assert.match(d.message.en, /same as in a\.shitei/);
  assert.equal(b.sheet.text.slice(d.span.start, d.span.end), '【対象情報の記述】');
});

test('valid: another year is a series, not a duplicate; a lapsed or released sheet does not count', () => {
  const a = entry('a.shitei', sheet({ fields: { 整理番号: 'A-1' }, sections: { 概要: '甲' } }));
  const other = entry('b.shitei', sheet({ fields: { 整理番号: 'A-2' }, sections: { 概要: '乙', 対象情報の記述: DESCRIPTION.replace('令和8年度', '令和9年度') } }));
  assert.deepEqual(codes(analyzeWorkspace([a, other]), 'a.shitei'), []);
  const lapsed = entry('l.shitei', sheet({ fields: { 整理番号: 'A-3', 指定年月日: '令和5年4月1日', 有効期間: '2年', 満了日: '令和7年3月31日' }, sections: { 概要: '丙' } }));
  assert.equal(isInForce(lapsed.sheet, lapsed.config.today), false);
  assert.deepEqual(codes(analyzeWorkspace([a, lapsed]), 'a.shitei'), []);
  const released = entry('r.shitei', sheet({ fields: { 整理番号: 'A-4', 解除: '令和8年10月1日' }, sections: { 概要: '丁' } }));
  assert.equal(isInForce(released.sheet, released.config.today), false);
  assert.deepEqual(codes(analyzeWorkspace([a, released]), 'a.shitei'), []);
  // An extension keeps a sheet in force past its first 満了日.
  const extended = entry('x.shitei', sheet({ fields: { 整理番号: 'A-5', 指定年月日: '令和5年4月1日', 有効期間: '2年', 満了日: '令和7年3月31日', 延長: '5年' }, sections: { 概要: '戊' } }));
  assert.equal(isInForce(extended.sheet, extended.config.today), true);
  assert.deepEqual(codes(analyzeWorkspace([a, extended]), 'a.shitei'), ['description-duplicate']);
});

test('k sheets sharing one description: each message names three and counts the rest', () => {
  const entries = Array.from({ length: 50 }, (_, i) => entry(`s${i}.shitei`, sheet({ fields: { 整理番号: `A-${i}` }, sections: { 概要: `概要${i}` } })));
  const result = analyzeWorkspace(entries);
  const d = result.get('s10.shitei')!.find((x) => x.code === 'description-duplicate')!;
  assert.match(d.message.ja, /s0\.shitei、s1\.shitei、s11\.shitei ほか46件/);
  assert.match(d.message.en, /and 46 more/);
});
