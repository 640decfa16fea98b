/**
 * The layering ARCHITECTURE.md promises: the core imports no LSP or VS Code module, and only its
 * node/ (config file, installation) and nlp/ (the dictionary) folders reach the file system.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const CORE = path.resolve(__dirname, '../../../core/src');
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function coreFiles(): { file: string; specifiers: string[] }[] {
  return fs.readdirSync(CORE, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort().map((file) => ({
    file: file.split(path.sep).join('/'),
    specifiers: [...fs.readFileSync(path.join(CORE, file), 'utf8').matchAll(IMPORT)].map((m) => m[1]),
  }));
}

test('the core imports no LSP or VS Code module', () => {
  const files = coreFiles();
  assert.ok(files.length > 50, 'expected to read the core');
  const offending = files.flatMap(({ file, specifiers }) => specifiers.filter((s) => /^vscode(-|$)/.test(s)).map((s) => `${file}: ${s}`));
  assert.deepEqual(offending, []);
});

test('only core/src/node/ and core/src/nlp/ reach the file system', () => {
  const FILE_SYSTEM = /^(node:)?(fs|fs\/promises|os|child_process)$/;
  const offending = coreFiles()
    .filter(({ file }) => !file.startsWith('node/') && !file.startsWith('nlp/'))
    .flatMap(({ file, specifiers }) => specifiers.filter((s) => FILE_SYSTEM.test(s)).map((s) => `${file}: ${s}`));
  assert.deepEqual(offending, []);
});
