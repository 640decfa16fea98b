/** v1.1 in the register: 点検 (the latest), 解除, 状態 in every format, and the counts by state. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ledgerOf, parseCsvStrict } from './support';
import { formatLedgerCsv } from '../../../cli/out/formatters/ledger-csv';
import { formatLedgerMarkdown } from '../../../cli/out/formatters/ledger-md';
import { formatLedgerHtml } from '../../../cli/out/formatters/ledger-html';
import { formatLedgerJson } from '../../../cli/out/formatters/ledger-json';

// today 2026-11-23. a: in force, reviewed twice; b: released; c: lapsed; d: an extension decided too late.
const ledger = () => ledgerOf({
  'a.shitei': { fields: { 整理番号: 'A-1' }, extraHeader: ['点検：令和8年9月1日', '点検：令和8年6月1日'] },
  'b.shitei': { fields: { 整理番号: 'B-1', 解除: '令和8年10月1日' } },
  'c.shitei': { fields: { 整理番号: 'C-1', 指定年月日: '令和5年4月1日', 満了日: '令和7年3月31日' } },
  'd.shitei': { fields: { 整理番号: 'D-1', 指定年月日: '令和5年4月1日', 満了日: '令和7年3月31日', 延長: '3年(令和7年4月10日)' } },
});

test('rows: the latest 点検, 解除 and the state', () => {
  const rows = Object.fromEntries(ledger().rows.map((r) => [r.serial, r]));
  assert.equal(rows['A-1'].review, '令和8年9月1日');
  assert.equal(rows['A-1'].reviewIso, '2026-09-01');
  assert.equal(rows['A-1'].state, '有効');
  assert.equal(rows['B-1'].release, '令和8年10月1日');
  assert.equal(rows['B-1'].releaseIso, '2026-10-01');
  assert.equal(rows['B-1'].state, '解除');
  assert.equal(rows['C-1'].state, '満了');
  // The late extension does not count: lapsed, and the expiry in force is the original one.
  assert.equal(rows['D-1'].state, '満了');
  assert.equal(rows['D-1'].finalExpiryIso, '2025-03-31');
});

test('summary: counts by state', () => {
  assert.deepEqual(ledger().summary.byState, { inForce: 1, released: 1, lapsed: 2, total: 4 });
});

test('every format has the three columns and the counts by state', () => {
  const l = ledger();
  const [header, ...records] = parseCsvStrict(formatLedgerCsv(l, 'ja').slice(1));
  for (const name of ['点検', '解除', '状態']) assert.ok(header.includes(name), name);
  const b = records.find((r) => r[header.indexOf('整理番号')] === 'B-1')!;
  assert.equal(b[header.indexOf('状態')], '解除');
  assert.equal(b[header.indexOf('解除')], '令和8年10月1日');
  const md = formatLedgerMarkdown(l, 'ja');
  assert.match(md, /\| 点検 \|/);
  assert.match(md, /## 状態別の指定件数/);
  assert.match(md, /\| 満了 \| 2 \|/);
  const html = formatLedgerHtml(l, 'ja');
  assert.match(html, /<th[^>]*>状態<\/th>/);
  assert.match(html, /id="by-state"/);
  const json = JSON.parse(formatLedgerJson(l));
  assert.deepEqual(json.summary.byState, { inForce: 1, released: 1, lapsed: 2, total: 4 });
  assert.ok(json.rows.every((r: { state: string }) => ['有効', '解除', '満了'].includes(r.state)));
  const en = formatLedgerMarkdown(l, 'en');
  assert.match(en, /Designations by state/);
});
