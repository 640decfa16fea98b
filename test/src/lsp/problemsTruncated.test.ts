/**
 * problems-truncated (docs/rules/problems-truncated.md): in the editor a rule shows at most 1,000
 * problems per document and one diagnostic says which rules were cut short; `shitei check` lists
 * every problem of the same file. Push and pull clients alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { runCli } from '../support/cli';
import { LspSession } from '../support/lspClient';

const LINES = 5000;
const count = (ds: readonly { code?: unknown }[], code: string) => ds.filter((d) => d.code === code).length;

function brokenSheet(): { dir: string; file: string; text: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-truncated-'));
  const text = '【\n'.repeat(LINES);
  const file = path.join(dir, 'broken.shitei');
  fs.writeFileSync(file, text);
  return { dir, file, text };
}

test('push client: a rule shows its first 1,000 problems and problems-truncated names it; an edit still answers', async () => {
  const { dir, file, text } = brokenSheet();
  const s = await LspSession.start({ rootPath: dir, cwd: dir });
  try {
    const uri = pathToFileURL(file).href;
    const ds = await s.open(uri, text);
    assert.equal(count(ds, 'heading-unclosed'), 1000);
    const notice = ds.filter((d) => d.code === 'problems-truncated');
    assert.equal(notice.length, 1);
    assert.match(String(notice[0].message), /heading-unclosed/);
    assert.deepEqual(notice[0].range.start, { line: 0, character: 0 });
    // The first problems are the ones shown.
    const lines = ds.filter((d) => d.code === 'heading-unclosed').map((d) => d.range.start.line).sort((a, b) => a - b);
    assert.deepEqual([lines[0], lines[999]], [0, 999]);
    const after = await s.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '【備考】' }]);
    assert.equal(count(after, 'heading-unclosed'), 1000);
    assert.equal(after.filter((d) => d.code === 'heading-unclosed').some((d) => d.range.start.line === 0), false, 'the fixed line is no longer reported');
  } finally {
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('push client: a workspace sheet that is not open is checked with the same limit (the background index keeps no million diagnostics)', async () => {
  const { dir, file } = brokenSheet();
  const s = await LspSession.start({ rootPath: dir, cwd: dir });
  try {
    const uri = pathToFileURL(file).href;
    await s.until(() => (s.diagnostics.get(uri)?.diagnostics.length ?? 0) > 0, 20000);
    const ds = s.diagnostics.get(uri)!.diagnostics;
    assert.equal(count(ds, 'heading-unclosed'), 1000);
    assert.equal(count(ds, 'problems-truncated'), 1);
  } finally {
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('pull client: the same limit; shitei check lists every problem of the file', async () => {
  const { dir, file, text } = brokenSheet();
  const s = await LspSession.start({ rootPath: dir, cwd: dir, pull: true });
  try {
    const uri = pathToFileURL(file).href;
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'shitei', version: 1, text } });
    const report = await s.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(count(report.items, 'heading-unclosed'), 1000);
    assert.equal(count(report.items, 'problems-truncated'), 1);
  } finally {
    await s.stop();
  }
  const r = runCli(['check', '--format', 'json', 'broken.shitei'], dir);
  assert.equal(r.status, 1);
  const json = JSON.parse(r.stdout) as { files: { diagnostics: { code: string }[] }[] };
  const all = json.files.flatMap((f) => f.diagnostics);
  assert.equal(count(all, 'heading-unclosed'), LINES);
  assert.equal(count(all, 'problems-truncated'), 0);
  fs.rmSync(dir, { recursive: true, force: true });
});
