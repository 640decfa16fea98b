/**
 * PositionCursor (core/src/text/lineIndex.ts) counts a column on from the offset asked before
 * instead of from the line's start; the language server converts the diagnostics of a document
 * with it in every negotiated encoding. It must give exactly what LineIndex.position gives, in
 * UTF-8, UTF-16 and UTF-32, in any order of asking, with surrogate pairs, lone surrogates,
 * offsets inside a pair and every kind of line break.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex, PositionCursor, type ColumnEncoding } from '../../../core/out/index';
import { measureWork } from '../../../core/out/text/workCounter';

const PIECES = ['a', 'é', 'あ', '𠮷', '😀', '\n', '\r\n', '\r', '\ud842', '\udfb7', '【', ' '];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));
const ENCODINGS: ColumnEncoding[] = ['utf-8', 'utf-16', 'utf-32'];

for (const encoding of ENCODINGS) {
  test(`${encoding}: the same line and column as LineIndex.position, in any order and out of range`, () => {
    fc.assert(
      fc.property(texts, fc.array(fc.integer({ min: -3, max: 80 }), { maxLength: 40 }), (text, offsets) => {
        const index = new LineIndex(text);
        const cursor = new PositionCursor(index, encoding);
        for (const offset of [...offsets, ...Array.from({ length: text.length + 1 }, (_, i) => i)]) {
          assert.deepEqual(cursor.position(offset), index.position(offset, encoding), `offset ${offset}`);
        }
      }),
      { seed: 20261130, numRuns: 300 },
    );
  });
}

test('a thousand positions on one long line cost the line once, not a thousand times', () => {
  const work = (length: number) => {
    const text = '【対象情報の記述】\n' + '○○、'.repeat(length / 3);
    const index = new LineIndex(text);
    const cursor = new PositionCursor(index, 'utf-8');
    const step = Math.floor(text.length / 1000);
    return measureWork(() => {
      for (let offset = 0; offset < text.length; offset += step) cursor.position(offset);
    }).units;
  };
  const small = work(300_000);
  const large = work(600_000);
  assert.ok(large < 620_000 * 1.1 && large <= small * 2.2, `${small} → ${large}`);
});
