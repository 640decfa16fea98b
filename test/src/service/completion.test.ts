/** Completion at core level (no server): what is offered where, and what it writes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSheet } from '../../../core/out/syntax/parser';
import { SheetModel } from '../../../core/out/analysis/sheet';
import { resolveConfig } from '../../../core/out/analysis/config';
import { completionsAt } from '../../../core/out/service/completion';
import { applyEdits } from '../support/analysis';

const config = resolveConfig({ today: '2026-11-23', agencies: ['○○本部'] });
const at = (text: string, offset: number, locale: 'ja' | 'en' = 'ja') => completionsAt(new SheetModel(parseSheet(text)), offset, config, locale);
const accept = (text: string, offset: number, label: string) => {
  const entry = at(text, offset).find((c) => c.label === label);
  assert.ok(entry, `no completion ${label}`);
  return applyEdits(text, [{ span: entry.span, newText: entry.insertText }]);
};

test('after 【: the headings in catalog order, required first, closing the bracket once', () => {
  const text = '整理番号：A-1\n\n【';
  const entries = at(text, text.length);
  assert.deepEqual(entries.slice(0, 3).map((c) => c.label), ['対象情報の記述', '指定の理由', '概要']);
  assert.equal(entries[0].detail, '必須の節');
  assert.equal(at(text, text.length, 'en')[0].detail, 'required section');
  assert.equal(accept(text, text.length, '概要'), '整理番号：A-1\n\n【概要】');
  const closed = '整理番号：A-1\n\n【】';
  assert.equal(accept(closed, closed.length - 1, '概要'), '整理番号：A-1\n\n【概要】');
});

test('at the start of a header line: the fields not yet written (延長 may repeat)', () => {
  const text = '整理番号：A-1\n延長：1年\n';
  const labels = at(text, text.length).map((c) => c.label);
  assert.ok(labels.includes('行政機関') && labels.includes('有効期間') && labels.includes('延長'));
  assert.ok(!labels.includes('整理番号'));
  assert.equal(accept(text, text.length, '措置'), '整理番号：A-1\n延長：1年\n措置：');
  const details = new Map(at(text, text.length, 'en').map((c) => [c.label, c.detail]));
  assert.equal(details.get('行政機関'), 'required');
});

test('values: 措置, 別表 references after a separator, agencies (never an excluded one), today\'s date', () => {
  const measure = '措置：';
  assert.deepEqual(at(measure, measure.length).map((c) => c.label), ['表示', '通知']);
  const refs = '別表：別表第1号イa(a)、第4';
  const labels = at(refs, refs.length).map((c) => c.label);
  assert.ok(labels.includes('別表第4号ニ'));
  assert.equal(accept(refs, refs.length, '別表第4号ニ'), '別表：別表第1号イa(a)、別表第4号ニ');
  const agency = '行政機関：';
  const agencies = at(agency, agency.length).map((c) => c.label);
  assert.ok(agencies.includes('防衛省') && agencies.includes('○○本部'));
  const date = '整理番号：A-1\n指定年月日：令和8年4月1日\n満了日：';
  const today = at(date, date.length);
  assert.deepEqual(today.map((c) => [c.label, c.detail]), [['令和8年11月23日', '今日']]);
  assert.equal(at(date, date.length, 'en')[0].detail, 'today');
});

test('nothing inside section text', () => {
  const text = '整理番号：A-1\n\n【概要】\n本文';
  assert.deepEqual(at(text, text.length), []);
});
