import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSheet } from '../../../core/out/syntax/parser';
import { SheetModel } from '../../../core/out/analysis/sheet';
import { inlayHints } from '../../../core/out/service/inlayHints';
import { sheet } from '../support/sheet';

const model = (text: string) => new SheetModel(parseSheet(text));
const today = { year: 2026, month: 11, day: 23 };

test('inlay hints: computed 満了日 after 有効期間, and days left after 満了日', () => {
  const text = sheet();
  const hints = inlayHints(model(text), 'ja', today);
  assert.deepEqual(hints.map((h) => h.label), [' → 満了日 令和10年3月31日', ' 残り494日']);
  assert.equal(text.slice(0, hints[1].offset).split('\n').pop(), '満了日：令和10年3月31日');
  assert.deepEqual(inlayHints(model(text), 'en', today).map((h) => h.label), [' → expires 令和10年3月31日', ' 494 days left']);
});

test('inlay hints: each 延長 gets its expiry, and days left follow the last one', () => {
  const text = sheet({ extraHeader: ['延長：1年'] });
  const labels = inlayHints(model(text), 'ja', today).map((h) => h.label);
  assert.deepEqual(labels, [' → 満了日 令和10年3月31日', ' → 満了日 令和11年3月31日', ' 残り859日']);
});

test('inlay hints: an expired designation says how long ago', () => {
  const text = sheet({ fields: { 指定年月日: '令和元年5月1日', 有効期間: '1年', 満了日: '令和2年4月30日' } });
  assert.equal(inlayHints(model(text), 'ja', today).pop()!.label, ' 満了済み(2398日前)');
});
