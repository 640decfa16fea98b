import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NUMBER_CLASS, formatNumber, parseJapaneseNumber } from '../../../core/out/domain/numbers';

test('half-width, full-width and single kanji digits', () => {
  assert.equal(parseJapaneseNumber('5'), 5);
  assert.equal(parseJapaneseNumber('５'), 5);
  assert.equal(parseJapaneseNumber('五'), 5);
  assert.equal(parseJapaneseNumber('0'), 0);
  assert.equal(parseJapaneseNumber('〇'), 0);
  assert.equal(parseJapaneseNumber('零'), 0);
  assert.equal(parseJapaneseNumber('2026'), 2026);
  assert.equal(parseJapaneseNumber('２０２６'), 2026);
  assert.equal(parseJapaneseNumber('０８'), 8);
});

test('kanji with 十 百 千', () => {
  assert.equal(parseJapaneseNumber('十'), 10);
  assert.equal(parseJapaneseNumber('十二'), 12);
  assert.equal(parseJapaneseNumber('二十'), 20);
  assert.equal(parseJapaneseNumber('二十三'), 23);
  assert.equal(parseJapaneseNumber('三十一'), 31);
  assert.equal(parseJapaneseNumber('百'), 100);
  assert.equal(parseJapaneseNumber('百五'), 105);
  assert.equal(parseJapaneseNumber('千二百'), 1200);
  assert.equal(parseJapaneseNumber('一千'), 1000);
  assert.equal(parseJapaneseNumber('二千二十六'), 2026);
  assert.equal(parseJapaneseNumber('九千九百九十九'), 9999);
});

test('positional kanji digits', () => {
  assert.equal(parseJapaneseNumber('二〇二六'), 2026);
  assert.equal(parseJapaneseNumber('一九八九'), 1989);
  assert.equal(parseJapaneseNumber('二零二六'), 2026);
  assert.equal(parseJapaneseNumber('一二'), 12);
});

test('rejects blanks, mixed styles, malformed kanji and other text', () => {
  for (const s of ['', ' 5', '5 ', '1 2', '１　２', '2十', '十十', '十百', '二三十', '二千〇二十六', '元', '五年', 'a', '-1', '1.5', '1,000', '万']) {
    assert.equal(parseJapaneseNumber(s), undefined, s);
  }
});

test('formatNumber in each style', () => {
  assert.equal(formatNumber(5, 'half'), '5');
  assert.equal(formatNumber(2026, 'full'), '２０２６');
  assert.equal(formatNumber(12, 'kanji'), '十二');
  assert.equal(formatNumber(10, 'kanji'), '十');
  assert.equal(formatNumber(20, 'kanji'), '二十');
  assert.equal(formatNumber(31, 'kanji'), '三十一');
  assert.equal(formatNumber(105, 'kanji'), '百五');
  assert.equal(formatNumber(1200, 'kanji'), '千二百');
  assert.equal(formatNumber(2026, 'kanji'), '二千二十六');
  assert.equal(formatNumber(0, 'kanji'), '〇');
});

test('formatNumber and parseJapaneseNumber round-trip', () => {
  for (let n = 0; n <= 3000; n++) {
    for (const style of ['half', 'full', 'kanji'] as const) {
      assert.equal(parseJapaneseNumber(formatNumber(n, style)), n, `${n} ${style}`);
    }
  }
});

test('NUMBER_CLASS matches a whole number in each style', () => {
  const re = new RegExp(`^${NUMBER_CLASS}$`);
  for (const s of ['5', '５', '十二', '二〇二六', '千二百', '零']) assert.ok(re.test(s), s);
  for (const s of ['元', '年', 'a', '']) assert.ok(!re.test(s), s);
  const m = new RegExp(`令和(${NUMBER_CLASS})年`).exec('令和十二年度');
  assert.equal(m?.[1], '十二');
});
