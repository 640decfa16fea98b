/** The register's summaries: 行政機関 × 別表 号, validity lengths, expiring within 12 months, by month. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareAgencies, twelveMonthsFrom } from '../../../core/out/ledger/index';
import { designation, ledgerOf } from './support';

const FIVE = { 有効期間: '5年', 満了日: '令和13年3月31日' };

test('by 行政機関 × 号: counts per 号, designations counted once in 計, totals row, agencies in the reports\' order', () => {
  const ledger = ledgerOf({
    'd1.shitei': designation('D-1', '防衛省', '別表第1号イa(a)'),
    'd2.shitei': designation('D-2', '防衛省', '別表第1号ロa、別表第1号ロc'),
    'n1.shitei': designation('N-1', '内閣官房', '別表第2号ハa、別表第3号ロa、別表第4号ロa'),
    'x1.shitei': designation('X-1', '架空庁', '別表第9号イ'),
    'z1.shitei': designation('Z-1', '', '別表第4号イa(b)', { 行政機関: null }),
  });
  const t = ledger.summary.byAgencyAndGou;
  assert.deepEqual(
    t.rows.map((r) => [r.agency, r.byGou, r.unclassified, r.total]),
    [
      ['内閣官房', { '1': 0, '2': 1, '3': 1, '4': 1 }, 0, 1],
      ['防衛省', { '1': 2, '2': 0, '3': 0, '4': 0 }, 0, 2],
      ['架空庁', { '1': 0, '2': 0, '3': 0, '4': 0 }, 1, 1],
      [null, { '1': 0, '2': 0, '3': 0, '4': 1 }, 0, 1],
    ],
  );
  assert.deepEqual(t.totals, { byGou: { '1': 2, '2': 1, '3': 1, '4': 2 }, unclassified: 1, total: 5 });
});

test('agency order follows the oversight reports (国家安全保障会議, 内閣官房, 警察庁 … 防衛省), then others, then none', () => {
  const names = ['防衛省', '架空庁', '警察庁', '国家安全保障会議', null, '外務省', 'ア庁'];
  assert.deepEqual([...names].sort(compareAgencies), ['国家安全保障会議', '警察庁', '外務省', '防衛省', 'ア庁', '架空庁', null]);
});

test('rows are in register order: agency, then 指定年月日, then 整理番号', () => {
  const ledger = ledgerOf({
    'c.shitei': designation('D-9', '防衛省', '別表第1号イa(a)'),
    'b.shitei': designation('D-1', '防衛省', '別表第1号イa(a)', { 指定年月日: '令和8年5月1日', 満了日: '令和10年4月30日' }),
    'a.shitei': designation('G-1', '外務省', '別表第2号ハa'),
    'd.shitei': designation('D-2', '防衛省', '別表第1号イa(a)'),
  });
  assert.deepEqual(ledger.rows.map((r) => r.serial), ['G-1', 'D-2', 'D-9', 'D-1']);
});

test('by validity: 1年…5年, other, unknown, and the 5-year count', () => {
  const ledger = ledgerOf({
    'a.shitei': { fields: { 有効期間: '1年', 満了日: '令和9年3月31日' } },
    'b.shitei': { fields: {} },
    'c.shitei': { fields: FIVE },
    'd.shitei': { fields: { 有効期間: '令和13年3月31日まで', 満了日: '令和13年3月31日' } },
    'e.shitei': { fields: { 有効期間: '3年6か月', 満了日: '令和11年9月30日' } },
    'f.shitei': { fields: { 有効期間: '6年', 満了日: '令和14年3月31日' } },
    'g.shitei': { fields: { 有効期間: 'そのうち' } },
    'h.shitei': { fields: { 有効期間: null } },
  });
  assert.deepEqual(ledger.summary.byValidity, { years: { '1': 1, '2': 1, '3': 0, '4': 0, '5': 2 }, other: 2, unknown: 2, total: 8, fiveYears: 2 });
});

test('expiring within 12 months of today: today and the last day in, the anniversary out; soonest first, days left', () => {
  const at = (iso: string, serial: string) => designation(serial, '防衛省', '別表第1号イa(a)', { 指定年月日: '2020-01-01', 有効期間: '令和20年1月1日まで', 満了日: iso });
  // The 満了日 in force here is the written one (no 延長), whatever the period says.
  const ledger = ledgerOf({
    'past.shitei': at('2026-11-22', 'P'),
    'today.shitei': at('2026-11-23', 'T'),
    'last.shitei': at('2027-11-22', 'L'),
    'out.shitei': at('2027-11-23', 'O'),
    'mid.shitei': at('2027-02-01', 'M'),
  });
  assert.deepEqual(
    ledger.summary.expiringSoon.map((e) => [e.serial, e.expiry, e.expiryIso, e.daysLeft]),
    [['T', '2026-11-23', '2026-11-23', 0], ['M', '2027-02-01', '2027-02-01', 70], ['L', '2027-11-22', '2027-11-22', 364]],
  );
  assert.deepEqual(ledger.summary.expired.map((e) => [e.serial, e.daysLeft]), [['P', -1]]);
});

test('the 12-month window is 民法 style: through the day before the same date next year', () => {
  assert.deepEqual(twelveMonthsFrom({ year: 2028, month: 2, day: 29 }), { year: 2029, month: 2, day: 28 });
  assert.deepEqual(twelveMonthsFrom({ year: 2026, month: 11, day: 23 }), { year: 2027, month: 11, day: 22 });
});

test('expiring soon counts the 満了日 after 延長, not the original one', () => {
  const ledger = ledgerOf({
    'ext.shitei': { fields: { 指定年月日: '令和4年12月1日', 有効期間: '4年', 満了日: '令和8年11月30日', 延長: '2年' } },
    'plain.shitei': { fields: { 整理番号: 'P-1', 指定年月日: '令和4年12月1日', 有効期間: '4年', 満了日: '令和8年11月30日' } },
  });
  assert.deepEqual(ledger.summary.expiringSoon.map((e) => [e.path, e.expiry, e.daysLeft]), [['plain.shitei', '令和8年11月30日', 7]]);
});

test('by month of expiry: every month from the first to the last, zero months included', () => {
  const ledger = ledgerOf({
    'a.shitei': { fields: { 満了日: '令和10年3月31日' } },
    'b.shitei': { fields: { 指定年月日: '令和8年6月1日', 満了日: '令和10年5月31日' } },
    'c.shitei': { fields: { 満了日: '令和10年3月31日' } },
    'd.shitei': { fields: { 満了日: null, 有効期間: null } },
  });
  assert.deepEqual(ledger.summary.byExpiryMonth, [
    { month: '2028-03', count: 2 },
    { month: '2028-04', count: 0 },
    { month: '2028-05', count: 1 },
  ]);
});

test('the ledger carries today and the skipped files as given', () => {
  const ledger = ledgerOf({ 'a.shitei': {} }, '2030-01-02', [{ path: 'x.bin', reason: 'binary' }]);
  assert.equal(ledger.today, '2030-01-02');
  assert.deepEqual(ledger.skipped, [{ path: 'x.bin', reason: 'binary' }]);
});
