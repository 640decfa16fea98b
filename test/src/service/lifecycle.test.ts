/** The language service on the v1.1 fields: hover (state, last review, when an extension takes effect), inlay hints, outline. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSheet } from '../../../core/out/syntax/parser';
import { SheetModel } from '../../../core/out/analysis/sheet';
import { hoverAt } from '../../../core/out/service/hover';
import { inlayHints } from '../../../core/out/service/inlayHints';
import { documentSymbols } from '../../../core/out/service/outline';
import { sheet } from '../support/sheet';

const model = (text: string) => new SheetModel(parseSheet(text));
const today = { year: 2026, month: 11, day: 23 };
const at = (text: string, needle: string) => text.indexOf(needle) + 1;

test('hover on a 延長: the day it takes effect and the day it was decided', () => {
  const text = sheet({ fields: { 延長: '2年(令和10年3月1日決定)' } });
  const h = hoverAt(model(text), at(text, '2年(令和10'), 'ja', today)!;
  assert.match(h.contents, /効力発生日\*\*: 令和10年4月1日/);
  assert.match(h.contents, /決定日: 令和10年3月1日/);
  assert.match(h.contents, /満了日\*\*: 令和12年3月31日/);
  const late = sheet({ fields: { 延長: '2年(令和10年4月2日)' } });
  assert.match(hoverAt(model(late), at(late, '2年(令和10'), 'en', today)!.contents, /has no effect/);
});

test('hover on 点検 and 指定年月日: the state and the days since the last review', () => {
  const text = sheet({ extraHeader: ['点検：令和8年9月1日', '点検：令和8年6月1日'] });
  const h = hoverAt(model(text), at(text, '令和8年6月1日'), 'ja', today)!;
  assert.match(h.contents, /この点検から175日/);
  assert.match(h.contents, /状態\*\*: 有効/);
  assert.match(h.contents, /最後の点検: 令和8年9月1日\(83日前\)/);
  const none = sheet();
  assert.match(hoverAt(model(none), at(none, '令和8年4月1日'), 'en', today)!.contents, /No review recorded/);
  const released = sheet({ fields: { 解除: '令和8年10月1日' } });
  assert.match(hoverAt(model(released), at(released, '令和8年10月1日'), 'ja', today)!.contents, /状態\*\*: 解除/);
  // Without today (a caller that has none), no state is claimed.
  assert.doesNotMatch(hoverAt(model(none), at(none, '令和8年4月1日'), 'ja')!.contents, /状態/);
});

test('inlay hints: a released designation counts no days; a late extension does not move the expiry', () => {
  const released = sheet({ fields: { 解除: '令和8年10月1日' } });
  const labels = inlayHints(model(released), 'ja', today).map((h) => h.label);
  assert.deepEqual(labels, [' → 満了日 令和10年3月31日', ' 解除済み']);
  const late = sheet({ fields: { 指定年月日: '令和5年4月1日', 満了日: '令和7年3月31日', 延長: '2年(令和7年5月1日)' } });
  assert.equal(inlayHints(model(late), 'ja', today).pop()!.label, ' 満了済み(602日前)');
});

test('outline: the header tells the life at a glance; the new sections under their names', () => {
  const text = sheet({ extraHeader: ['延長：2年', '点検：令和8年9月1日', '解除：令和8年10月1日'], sections: { 延長の理由: '理由', 解除の理由: '理由' } });
  const symbols = documentSymbols(model(text));
  assert.equal(symbols[0].detail, '延長1回・点検1回・解除');
  assert.ok(symbols[0].children.some((c) => c.name === '解除'));
  assert.deepEqual(symbols.slice(-2).map((s) => s.name), ['【延長の理由】', '【解除の理由】']);
});
