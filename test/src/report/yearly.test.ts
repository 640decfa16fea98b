/** The yearly report (format.md v1.1): counts per 行政機関 × 細目, as the spec defines them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SheetModel } from '../../../core/out/analysis/sheet';
import { parseSheet } from '../../../core/out/syntax/parser';
import { buildYearlyReport, sheetCounts } from '../../../core/out/report/index';
import { sheet, type SheetParts } from '../support/sheet';

const model = (parts: SheetParts) => new SheetModel(parseSheet(sheet(parts)));
const report = (sheets: SheetParts[], year: number) => buildYearlyReport(sheets.map((p) => ({ sheet: model(p) })), year);
const counts = (parts: SheetParts, year: number) => sheetCounts(model(parts), year);

// The default sheet: 防衛省, 別表第1号イa(a), designated 令和8年4月1日 for 2年 (to 令和10年3月31日).

test('designated during the year, and in force at its end', () => {
  assert.deepEqual(counts({}, 2026), { inForce: 1, designated: 1, extended: 0, released: 0 });
  assert.deepEqual(counts({}, 2025), { inForce: 0, designated: 0, extended: 0, released: 0 });
  assert.deepEqual(counts({}, 2027), { inForce: 1, designated: 0, extended: 0, released: 0 });
  // Expires on 令和10年3月31日: not in force at the end of 2028.
  assert.deepEqual(counts({}, 2028), { inForce: 0, designated: 0, extended: 0, released: 0 });
});

test('the edges of the year: designated on 12月31日, expiring on 12月31日, released on 12月31日', () => {
  assert.equal(counts({ fields: { 指定年月日: '令和8年12月31日', 満了日: '令和10年12月30日' } }, 2026).inForce, 1);
  assert.equal(counts({ fields: { 指定年月日: '令和7年1月1日', 満了日: '令和8年12月31日' } }, 2026).inForce, 1);
  assert.equal(counts({ fields: { 指定年月日: '令和7年1月1日', 満了日: '令和8年12月31日' } }, 2027).inForce, 0);
  const released = counts({ fields: { 解除: '令和8年12月31日' } }, 2026);
  assert.deepEqual(released, { inForce: 0, designated: 1, extended: 0, released: 1 });
  assert.equal(counts({ fields: { 解除: '令和9年1月1日' } }, 2026).inForce, 1);
});

test('extended during the year: by decision date, else the day it takes effect; late ones do not count', () => {
  const decided = { fields: { 延長: '2年(令和9年12月20日)' } };
  assert.equal(counts(decided, 2027).extended, 1);
  assert.equal(counts(decided, 2028).extended, 0, 'takes effect in 2028, decided in 2027');
  const undated = { fields: { 延長: '2年' } };
  assert.equal(counts(undated, 2027).extended, 0);
  assert.equal(counts(undated, 2028).extended, 1, 'no decision date: the day it takes effect, 令和10年4月1日');
  assert.equal(counts(undated, 2029).inForce, 1);
  // Decided after 令和10年3月31日: not an extension; the designation lapsed.
  const late = { fields: { 延長: '2年(令和10年4月5日)' } };
  assert.equal(counts(late, 2028).extended, 0);
  assert.equal(counts(late, 2028).inForce, 0);
  // Two extensions in one year count the designation once.
  assert.equal(counts({ fields: { 指定年月日: '令和8年1月1日', 有効期間: '3か月', 満了日: '令和8年3月31日' }, extraHeader: ['延長：3か月(令和8年3月1日)', '延長：1年(令和8年6月1日)'] }, 2026).extended, 1);
});

test('rows: item names, 細目 unspecified, items without lettered 細目, zero rows left out, sorted', () => {
  const r = report([
    { fields: { 整理番号: 'A', 別表: '別表第1号ロc、別表第1号イa(a)、別表第1号イa(b)' } },
    { fields: { 整理番号: 'B', 別表: '別表第１号イ' } },
    { fields: { 整理番号: 'C', 別表: '第1号ハ、第二号ロb', 行政機関: '外務省' } },
    { fields: { 整理番号: 'D', 別表: '別表第1号イb', 指定年月日: '令和2年4月1日', 満了日: '令和4年3月31日' } },
  ], 2026);
  assert.deepEqual(r.rows.map((x) => [x.agency, x.item, x.inForce, x.designated, x.unspecified ?? false]), [
    ['外務省', '1号ハ', 1, 1, false],
    ['外務省', '2号ロb', 1, 1, false],
    ['防衛省', '1号イ', 1, 1, true],
    ['防衛省', '1号イa', 1, 1, false],
    ['防衛省', '1号ロc', 1, 1, false],
  ]);
  // A counts once under 1号イa (two sub-items of one 細目) and once in the totals; D (lapsed in 2022) nowhere.
  assert.deepEqual(r.totals, { inForce: 3, designated: 3, extended: 0, released: 0 });
  assert.equal(r.year, 2026);
  assert.ok(!('unspecified' in r.rows[0]), 'unspecified only where true');
});

test('agencies sort by name, a sheet naming none last; items in the 別表\'s order', () => {
  const r = report([
    { fields: { 行政機関: null, 整理番号: 'X' } },
    { fields: { 行政機関: '防衛省', 整理番号: 'Y', 別表: '別表第4号ニ、別表第1号チb、別表第1号チa、別表第2号イa(a)' } },
    { fields: { 行政機関: '外務省', 整理番号: 'Z' } },
  ], 2026);
  assert.deepEqual(r.rows.map((x) => `${x.agency}:${x.item}`), ['外務省:1号イa', '防衛省:1号チa', '防衛省:1号チb', '防衛省:2号イa', '防衛省:4号ニ', ':1号イa']);
});

test('the whole-life workspace of the samples, year by year', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const dir = path.resolve(__dirname, '../../../samples/lifecycle/workspace');
  const sheets = fs.readdirSync(dir).filter((f) => f.endsWith('.shitei')).map((f) => ({ sheet: new SheetModel(parseSheet(fs.readFileSync(path.join(dir, f), 'utf8'))) }));
  const life = (year: number) => buildYearlyReport(sheets, year).rows.find((r) => r.agency === '防衛省' && r.item === '1号イa');
  assert.deepEqual(life(2015), { agency: '防衛省', item: '1号イa', inForce: 1, designated: 1, extended: 0, released: 0 });
  assert.deepEqual(life(2020), { agency: '防衛省', item: '1号イa', inForce: 1, designated: 0, extended: 1, released: 0 });
  assert.deepEqual(life(2023), { agency: '防衛省', item: '1号イa', inForce: 1, designated: 0, extended: 1, released: 0 });
  assert.deepEqual(life(2024), { agency: '防衛省', item: '1号イa', inForce: 1, designated: 0, extended: 0, released: 0 });
  // 2026: the old one released, the new one designated.
  assert.deepEqual(life(2026), { agency: '防衛省', item: '1号イa', inForce: 1, designated: 1, extended: 0, released: 1 });
  assert.deepEqual(buildYearlyReport(sheets, 2026).totals, { inForce: 2, designated: 1, extended: 1, released: 1 });
});
