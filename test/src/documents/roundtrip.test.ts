/**
 * Export then import gives back the sheet: for every sample, the same fields (canonical names,
 * values as written, every 延長), the same sections and lines, and the same diagnostics from
 * the one analysis path the CLI and the editor use. Comments are not part of a 指定書 and are
 * not exported, so the comparison is with the sample without its comment lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSheet } from '../../../core/out/syntax/parser';
import { decodeDocument } from '../../../core/out/text/decode';
import { sheetToDocument } from '../../../core/out/documents/sheetDocument';
import { sheetToDocx } from '../../../core/out/documents/docxWrite';
import { analyze } from '../support/analysis';
import { REPO } from '../support/cli';
import { importDocx, sampleFiles, withoutComments } from './support';

/** Diagnostics a round trip changes on purpose: export writes a heading that lacked its 】 closed. */
const CHANGED_ON_PURPOSE = new Set(['heading-unclosed']);

function diagnosticKeys(result: Awaited<ReturnType<typeof analyze>>): string[] {
  return result.diagnostics.filter((d) => !CHANGED_ON_PURPOSE.has(d.code)).map((d) => `${d.code}|${d.severity}|${d.message.ja}`).sort();
}

const files = sampleFiles();

test('there are samples to round-trip', () => {
  assert.ok(files.length >= 50, `only ${files.length} samples`);
});

for (const file of files) {
  const name = path.relative(REPO, file);
  test(`export → import keeps ${name}`, async () => {
    const decoded = decodeDocument(fs.readFileSync(file));
    assert.ok(decoded.ok);
    const original = sheetToDocument(parseSheet(decoded.text));
    const imported = importDocx(await sheetToDocx(original));
    assert.deepEqual(imported.unmatched, [], 'nothing of an exported sheet is unmatched');
    assert.deepEqual(imported.document.fields, original.fields);
    assert.deepEqual(imported.document.sections, original.sections);
    // The imported text parses to the same document again (the writer loses nothing either).
    assert.deepEqual(sheetToDocument(parseSheet(imported.text)), original);
    const before = await analyze(withoutComments(decoded.text));
    const after = await analyze(imported.text);
    assert.deepEqual(diagnosticKeys(after), diagnosticKeys(before));
  });
}
