/** One register row per sheet: what the sheet says, as written, with ISO twins; nothing guessed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDesignationSheet } from '../../../core/out/ledger/index';
import { model, rowOf } from './support';

test('a clean sheet gives every 管理簿 column, dates as written with their ISO form', () => {
  const r = rowOf({}, 'samples/x.shitei');
  assert.deepEqual(r, {
    path: 'samples/x.shitei',
    serial: '防衛-2026-0012',
    agency: '防衛省',
    designated: '令和8年4月1日',
    designatedIso: '2026-04-01',
    validity: '2年',
    validityYears: 2,
    validityReadable: true,
    expiry: '令和10年3月31日',
    expiryIso: '2028-03-31',
    expirySource: 'written',
    extensions: [],
    finalExpiry: '令和10年3月31日',
    finalExpiryIso: '2028-03-31',
    summary: '令和8年度自衛隊統合演習計画',
    beppyo: ['別表第1号イa(a)'],
    gou: [1],
    measure: '表示',
    manager: '統合幕僚監部運用部運用第1課長',
    review: '',
    reviewIso: '',
    release: '',
    releaseIso: '',
    state: '',
  });
});

test('dates keep the document style (full-width era, kanji, western, slash)', () => {
  const full = rowOf({ fields: { 指定年月日: '令和８年４月１日', 満了日: '令和１０年３月３１日' } });
  assert.equal(full.designated, '令和８年４月１日');
  assert.equal(full.designatedIso, '2026-04-01');
  assert.equal(full.expiry, '令和１０年３月３１日');
  assert.equal(full.expiryIso, '2028-03-31');
  const slash = rowOf({ fields: { 指定年月日: '2026/4/1', 満了日: '2028/3/31' } });
  assert.equal(slash.expiry, '2028/3/31');
  assert.equal(slash.finalExpiry, '2028/3/31');
});

test('a missing 満了日 is computed from 指定年月日 and 有効期間, in the document style', () => {
  const r = rowOf({ fields: { 指定年月日: '令和８年４月１日', 有効期間: '５年', 満了日: null } });
  assert.equal(r.expiry, '令和１３年３月３１日');
  assert.equal(r.expiryIso, '2031-03-31');
  assert.equal(r.expirySource, 'computed');
  assert.equal(r.finalExpiry, '令和１３年３月３１日');
  const iso = rowOf({ fields: { 指定年月日: '2028-02-29', 有効期間: '5年', 満了日: null } });
  assert.equal(iso.expiry, '2033-02-28');
});

test('an unreadable 満了日 falls back to the computed one; with nothing to compute from it stays as written, ISO empty', () => {
  const computed = rowOf({ fields: { 満了日: '令和10年2月30日' } });
  assert.equal(computed.expiry, '令和10年3月31日');
  assert.equal(computed.expirySource, 'computed');
  const asWritten = rowOf({ fields: { 満了日: '令和10年2月30日', 有効期間: null } });
  assert.equal(asWritten.expiry, '令和10年2月30日');
  assert.equal(asWritten.expiryIso, '');
  assert.equal(asWritten.finalExpiry, '');
  assert.equal(asWritten.validityReadable, false);
});

test('延長: each from the day after the previous expiry, the first after 満了日', () => {
  const r = rowOf({ fields: { 延長: '3年' }, extraHeader: ['延長：令和16年3月31日まで'] });
  assert.deepEqual(r.extensions, ['3年', '令和16年3月31日まで']);
  assert.equal(r.expiry, '令和10年3月31日');
  assert.equal(r.finalExpiry, '令和16年3月31日');
  assert.equal(r.finalExpiryIso, '2034-03-31');
  const one = rowOf({ fields: { 延長: '2年6か月' } });
  assert.equal(one.finalExpiryIso, '2030-09-30');
});

test('an unreadable 延長 leaves the 満了日 in force empty rather than guessed', () => {
  const r = rowOf({ fields: { 延長: 'しばらく' } });
  assert.equal(r.expiry, '令和10年3月31日');
  assert.equal(r.finalExpiry, '');
  assert.equal(r.finalExpiryIso, '');
});

test('別表: canonical forms, 号 listed once; invalid or unreadable references kept as written', () => {
  const r = rowOf({ fields: { 別表: '第２号 ロ a(f)、別表第三号ハ、別表第1号イa(a)及びb' } });
  assert.deepEqual(r.beppyo, ['別表第2号ロa(f)', '別表第3号ハ', '別表第1号イa(a)', '別表第1号イb']);
  assert.deepEqual(r.gou, [1, 2, 3]);
  const bad = rowOf({ fields: { 別表: '別表第5号イ、なんとか、第4号イa(b)' } });
  assert.deepEqual(bad.beppyo, ['別表第5号イ', 'なんとか', '別表第4号イa(b)']);
  assert.deepEqual(bad.gou, [4]);
  assert.deepEqual(rowOf({ fields: { 別表: null } }).gou, []);
});

test('措置: 第1号 / 第2号 read as 表示 / 通知; anything else as written', () => {
  assert.equal(rowOf({ fields: { 措置: '第1号' } }).measure, '表示');
  assert.equal(rowOf({ fields: { 措置: '２号' } }).measure, '通知');
  assert.equal(rowOf({ fields: { 措置: '公表' } }).measure, '公表');
});

test('validity in whole years, however it is written', () => {
  assert.equal(rowOf({ fields: { 有効期間: '12か月', 満了日: '令和9年3月31日' } }).validityYears, 1);
  assert.equal(rowOf({ fields: { 有効期間: '五年', 満了日: '令和13年3月31日' } }).validityYears, 5);
  assert.equal(rowOf({ fields: { 有効期間: '令和13年3月31日まで', 満了日: '令和13年3月31日' } }).validityYears, 5);
  assert.equal(rowOf({ fields: { 有効期間: '令和13年3月30日まで', 満了日: '令和13年3月30日' } }).validityYears, null);
  assert.equal(rowOf({ fields: { 有効期間: '3年6か月' } }).validityYears, null);
  assert.equal(rowOf({ fields: { 有効期間: '3年6か月' } }).validityReadable, true);
  assert.equal(rowOf({ fields: { 有効期間: '6年' } }).validityYears, 6);
});

test('a sheet with problems still gives its row: what can be read, empty where not', () => {
  const r = rowOf({ fields: { 整理番号: null, 行政機関: null, 指定年月日: '平成32年4月1日' }, sections: { 概要: null } });
  assert.equal(r.serial, '');
  assert.equal(r.agency, '');
  assert.equal(r.designated, '平成32年4月1日');
  assert.equal(r.designatedIso, '');
  assert.equal(r.expiry, '令和10年3月31日');
  assert.equal(r.expirySource, 'written');
  assert.equal(r.summary, '');
});

test('a 概要 of several lines keeps its lines, without comments or blanks', () => {
  const r = rowOf({ sections: { 概要: '一行目\n# 注記\n\n二行目' } });
  assert.equal(r.summary, '一行目\n二行目');
});

test('aliases and CRLF read the same', () => {
  const text = '指定の整理番号：X-1\r\n指定行政機関：外務省\r\n指定日：令和8年4月1日\r\n指定の有効期間：2年\r\n有効期間の満了する年月日：令和10年3月31日\r\n講ずる措置：通知\r\n\r\n【特定秘密の概要】\r\n概要です\r\n';
  const r = rowOf(text);
  assert.equal(r.serial, 'X-1');
  assert.equal(r.agency, '外務省');
  assert.equal(r.expiryIso, '2028-03-31');
  assert.equal(r.measure, '通知');
  assert.equal(r.summary, '概要です');
});

test('a designation sheet has a known field or section; other text does not', () => {
  assert.equal(isDesignationSheet(model('整理番号：A\n')), true);
  assert.equal(isDesignationSheet(model('【概要】\nx\n')), true);
  assert.equal(isDesignationSheet(model('')), false);
  assert.equal(isDesignationSheet(model('# README\nこれは指定書ではありません。\n')), false);
});
