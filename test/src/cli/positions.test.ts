/**
 * The CLI's line and code-point column of an offset (cli/src/report.ts, CodePointPositions)
 * counts on from the last offset it was asked instead of from the line's start: it must give
 * exactly what LineIndex.position(offset, 'utf-32') gives, in any order of asking, on texts with
 * surrogate pairs, lone surrogates, offsets inside a pair, and every kind of line break.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../core/out/index';
import { CodePointPositions } from '../../../cli/out/report';

const PIECES = ['a', 'あ', '𠮷', '😀', '\n', '\r\n', '\r', '\ud842', '\udfb7', '【', ' '];

const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

test('the same line and column as LineIndex.position, offsets in order', () => {
  fc.assert(
    fc.property(texts, (text) => {
      const index = new LineIndex(text);
      const positions = new CodePointPositions(index);
      for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(positions.position(offset), index.position(offset, 'utf-32'), `offset ${offset}`);
    }),
    { seed: 14, numRuns: 300 },
  );
});

test('the same line and column as LineIndex.position, offsets in any order and out of range', () => {
  fc.assert(
    fc.property(texts, fc.array(fc.integer({ min: -3, max: 80 }), { maxLength: 40 }), (text, offsets) => {
      const index = new LineIndex(text);
      const positions = new CodePointPositions(index);
      for (const offset of offsets) assert.deepEqual(positions.position(offset), index.position(offset, 'utf-32'), `offset ${offset}`);
    }),
    { seed: 14, numRuns: 500 },
  );
});
