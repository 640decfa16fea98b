/** Document symbols and folding at core level (no server). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSheet } from '../../../core/out/syntax/parser';
import { SheetModel } from '../../../core/out/analysis/sheet';
import { documentSymbols, foldingRanges } from '../../../core/out/service/outline';
import { sheet } from '../support/sheet';

const model = (text: string) => new SheetModel(parseSheet(text));

test('symbols: the header with its fields (canonical names, values as detail), then each section', () => {
  const text = sheet({ fields: { 整理番号: null }, extraHeader: ['指定の整理番号：防衛-2026-0012'] });
  const symbols = documentSymbols(model(text));
  assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [['ヘッダ', 'header'], ['【対象情報の記述】', 'section'], ['【指定の理由】', 'section'], ['【概要】', 'section']]);
  const fields = symbols[0].children;
  assert.equal(fields.length, 8);
  assert.deepEqual([fields[0].name, fields[0].detail], ['行政機関', '防衛省']);
  assert.deepEqual([fields[7].name, fields[7].detail], ['整理番号', '防衛-2026-0012'], 'an alias is listed by its canonical name');
  const reason = symbols[2];
  assert.equal(text.slice(reason.selectionSpan.start, reason.selectionSpan.end), '【指定の理由】');
  assert.ok(text.slice(reason.span.start, reason.span.end).endsWith('特段の秘匿の必要性がある。'));
});

test('symbols: a sheet with no header fields has only its sections; an empty text has none', () => {
  assert.deepEqual(documentSymbols(model('【概要】\n本文\n')).map((s) => s.name), ['【概要】']);
  assert.deepEqual(documentSymbols(model('')), []);
});

test('folding: the header, each section with content, and runs of comments', () => {
  const text = '# 一\n# 二\n整理番号：A\n行政機関：防衛省\n\n【概要】\n一行目\n二行目\n';
  assert.deepEqual(foldingRanges(model(text)), [
    { startLine: 2, endLine: 3, kind: 'region' },
    { startLine: 5, endLine: 7, kind: 'region' },
    { startLine: 0, endLine: 1, kind: 'comment' },
  ]);
});
