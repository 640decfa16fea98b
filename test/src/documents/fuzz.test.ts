/**
 * Damaged documents never crash import: random byte changes, cuts and insertions in a real
 * .docx and .xlsx (seeded, so a failure repeats) give either a result or a DocumentError with a
 * message in both languages — never another exception. SHITEI_FUZZ_RUNS sets the number of runs
 * (300 by default; 20,000 passed when this was written).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentError } from '../../../core/out/documents/zip';
import { readDocx } from '../../../core/out/documents/docxRead';
import { interpretBlocks } from '../../../core/out/documents/docxImport';
import { readXlsx } from '../../../core/out/documents/xlsxRead';
import { importRegister } from '../../../core/out/documents/registerImport';
import { writeXlsx } from '../../../core/out/documents/xlsxWrite';
import { sheetToDocx } from '../../../core/out/documents/docxWrite';
import { sheetToDocument } from '../../../core/out/documents/sheetDocument';
import { parseSheet } from '../../../core/out/syntax/parser';

const RUNS = Number(process.env.SHITEI_FUZZ_RUNS ?? 300);

/** A small seeded PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  let out = new Uint8Array(bytes);
  const edits = 1 + Math.floor(random() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * out.length);
    const kind = random();
    if (kind < 0.6) out[at] = Math.floor(random() * 256);
    else if (kind < 0.8) out = out.subarray(0, Math.max(1, at));
    else {
      const grown = new Uint8Array(out.length + 16);
      grown.set(out.subarray(0, at));
      for (let k = 0; k < 16; k++) grown[at + k] = Math.floor(random() * 256);
      grown.set(out.subarray(at), at + 16);
      out = grown;
    }
  }
  return out;
}

function survives(name: string, bytes: Uint8Array, read: (b: Uint8Array) => unknown): void {
  const random = rng(12345);
  let refused = 0;
  for (let run = 0; run < RUNS; run++) {
    const input = mutate(bytes, random);
    try {
      read(input);
    } catch (error) {
      if (!(error instanceof DocumentError)) assert.fail(`${name}, run ${run}: ${(error as Error).stack}`);
      assert.ok(error.reason.ja && error.reason.en, 'a message in both languages');
      refused++;
    }
  }
  assert.ok(refused > 0, 'some mutations are refused (the test reaches the error paths)');
}

test('damaged Word documents: a result or a DocumentError, never a crash', async () => {
  const text = '整理番号：X-1\n行政機関：防衛省\n延長：5年\n\n【対象情報の記述】\n令和8年中の計画\n\n【概要】\n計画\n';
  const docx = await sheetToDocx(sheetToDocument(parseSheet(text)));
  survives('docx', docx, (b) => {
    const c = readDocx(b);
    return interpretBlocks(c.blocks, c.exportedByShitei);
  });
});

test('damaged Excel workbooks: a result or a DocumentError, never a crash', () => {
  const xlsx = writeXlsx([{ name: '管理簿', rows: [['整理番号', '指定年月日', '概要'], ['X-1', '令和8年4月1日', '計画'], ['X-2', 46113, '計画2']], headerRow: 0 }]);
  survives('xlsx', xlsx, (b) => importRegister(readXlsx(b)));
});
