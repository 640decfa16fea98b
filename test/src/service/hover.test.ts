/** Hover at core level (no server): what a drafter sees when pointing at a field. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSheet } from '../../../core/out/syntax/parser';
import { SheetModel } from '../../../core/out/analysis/sheet';
import { hoverAt } from '../../../core/out/service/hover';
import { sheet } from '../support/sheet';

const model = (text: string) => new SheetModel(parseSheet(text));
/** The offset `delta` characters into the value of the first line starting with `prefix`. */
const valueOffset = (text: string, prefix: string, delta = 0) => {
  const line = text.indexOf(`\n${prefix}`) + 1;
  return text.indexOf('：', line) + 1 + delta;
};

test('hover on a 別表 reference shows the law\'s text of the item and its 細目', () => {
  const text = sheet();
  const h = hoverAt(model(text), valueOffset(text, '別表', 3), 'ja')!;
  assert.match(h.contents, /防衛に関する事項/);
  assert.match(h.contents, /自衛隊の訓練又は演習/);
  assert.equal(text.slice(h.span.start, h.span.end), '別表第1号イa(a)');
});

test('hover on a date gives the other calendar and the weekday, in the locale', () => {
  const text = sheet();
  const offset = valueOffset(text, '指定年月日', 2);
  assert.equal(hoverAt(model(text), offset, 'ja')!.contents, '令和8年4月1日 (水曜日) ⇔ 2026-04-01');
  assert.equal(hoverAt(model(text), offset, 'en')!.contents, '令和8年4月1日 (Wed) ⇔ 2026-04-01');
  const iso = sheet({ fields: { 指定年月日: '2026-04-01' } });
  assert.equal(hoverAt(model(iso), valueOffset(iso, '指定年月日', 1), 'ja')!.contents, '2026-04-01 (水曜日) ⇔ 令和8年4月1日');
});

test('hover on 有効期間 gives the computed 満了日 and how it is counted; with 延長, the expiry after them', () => {
  const text = sheet({ extraHeader: ['延長：1年'] });
  const ja = hoverAt(model(text), valueOffset(text, '有効期間'), 'ja')!.contents;
  assert.match(ja, /\*\*満了日\*\*: 令和10年3月31日 \(金曜日\)/);
  assert.match(ja, /令和8年4月1日を初日として計算。法第4条第1項、民法第143条/);
  assert.match(ja, /延長後の満了日: 令和11年3月31日/);
  const en = hoverAt(model(text), valueOffset(text, '有効期間'), 'en')!.contents;
  assert.match(en, /\*\*Expires\*\*: 令和10年3月31日 \(Fri\)/);
  assert.match(en, /counted from 令和8年4月1日 as day one/);
  assert.match(en, /Expiry after extensions: 令和11年3月31日/);
  const extension = hoverAt(model(text), valueOffset(text, '延長'), 'ja')!.contents;
  assert.match(extension, /\*\*満了日\*\*: 令和11年3月31日/);
});

test('hover on a field name explains it and lists its aliases', () => {
  const text = sheet();
  const at = text.indexOf('\n整理番号') + 2;
  const ja = hoverAt(model(text), at, 'ja')!;
  assert.equal(text.slice(ja.span.start, ja.span.end), '整理番号');
  assert.match(ja.contents, /^\*\*整理番号\*\* — /);
  assert.match(ja.contents, /別名: .*指定の整理番号/);
  assert.match(hoverAt(model(text), at, 'en')!.contents, /aliases: .*指定の整理番号/);
});

test('no hover on section text, an unreadable date or an invalid reference', () => {
  const text = sheet({ fields: { 満了日: '令和10年2月30日', 別表: '別表第9号' } });
  const m = model(text);
  assert.equal(hoverAt(m, text.indexOf('統合演習'), 'ja'), undefined);
  assert.equal(hoverAt(m, valueOffset(text, '満了日', 2), 'ja'), undefined);
  assert.equal(hoverAt(m, valueOffset(text, '別表', 2), 'ja'), undefined);
});
