import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../core/out/text/lineIndex';
import { foldWidth } from '../../../core/out/text/normalize';

test('line index counts LF, CRLF and lone CR as line breaks', () => {
  const idx = new LineIndex('a\nb\r\nc\rd');
  assert.deepEqual(idx.lineStarts, [0, 2, 5, 7]);
  assert.equal(idx.lineEnd(1), 3);
  assert.deepEqual(idx.position(6), { line: 2, character: 1 });
});

test('astral characters count 2 UTF-16 units, 4 UTF-8 bytes, 1 UTF-32 unit', () => {
  const idx = new LineIndex('𠮷野家：x');
  assert.equal(idx.position(5, 'utf-16').character, 5);
  assert.equal(idx.position(5, 'utf-8').character, 4 + 3 + 3 + 3);
  assert.equal(idx.position(5, 'utf-32').character, 4);
  assert.equal(idx.offset({ line: 0, character: 4 }, 'utf-32'), 5);
  assert.equal(idx.offset({ line: 0, character: 13 }, 'utf-8'), 5);
});

test('width folding keeps length and maps full-width digits and letters', () => {
  const s = '第１号イａ（ｂ）　令和８年';
  const f = foldWidth(s);
  assert.equal(f.length, s.length);
  assert.equal(f, '第1号イa(b) 令和8年');
});
