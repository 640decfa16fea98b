/**
 * Issue 9, "long analyses check the token between rules", through a real protocol client: the
 * analysis of a large sheet gives the event loop a turn between rules, so a cancel, a newer edit
 * and other requests are read while it runs. (Orderings are observed, not durations: a request
 * answered while a diagnostic request is still open shows the server was not held.)
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { LspSession } from '../support/lspClient';
import { sheet } from '../support/sheet';

const folders: string[] = [];
after(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});
function tempFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-cancel-'));
  folders.push(dir);
  return dir;
}

/** A sheet of about 1.5 MB: its description is 23,000 distinct sentences (no paragraph is cached twice); 措置 is wrong on purpose. */
function largeSheet(): string {
  const sentences = Array.from({ length: 23_000 }, (_, i) => `令和8年度第${i}回の統合演習の計画のうち、航空機及び艦艇による哨戒の区域及び時期に関する情報であって、公になっていないもの。`);
  const text = sheet({ fields: { 措置: '公開' }, sections: { 対象情報の記述: sentences.join('\n') } });
  assert.ok(text.length > 1_400_000 && text.length < 2_000_000, `${text.length} characters`);
  return text;
}

const SMALL = sheet({ fields: { 措置: '掲示' } });
/** What the large sheet is edited into: small, and sharing no 整理番号, 概要 or description with SMALL. */
const EDITED = sheet({ fields: { 整理番号: '防衛-2026-0999', 措置: '公表' }, sections: { 概要: '令和8年度自衛隊哨戒計画', 対象情報の記述: '令和8年度に実施する自衛隊の哨戒の計画' } });
const codes = (items: Diagnostic[]) => items.map((d) => d.code);

/** A request's outcome without throwing: the result, or the error's code and data. */
function settle<T>(p: Promise<T>) {
  const state: { done: boolean; result?: T; error?: { code: number; data?: unknown } } = { done: false };
  const promise = p.then(
    (result) => Object.assign(state, { done: true, result }),
    (error: unknown) => Object.assign(state, { done: true, error: error instanceof ResponseError ? { code: error.code, data: error.data } : { code: NaN } }),
  );
  return { state, promise };
}

async function pullSession(dir: string) {
  return LspSession.start({ pull: true, rootPath: dir });
}

/** A small sheet opened and checked (the server is warm), then the large one opened: their URIs. */
async function openSmallThenLarge(s: Awaited<ReturnType<typeof pullSession>>, dir: string): Promise<{ uri: string; small: string }> {
  const uri = pathToFileURL(path.join(dir, 'large.shitei')).href;
  const small = pathToFileURL(path.join(dir, 'small.shitei')).href;
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'shitei', version: 1, text: SMALL } });
  await s.request('textDocument/diagnostic', { textDocument: { uri: small } });
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'shitei', version: 1, text: largeSheet() } });
  return { uri, small };
}

test('pull: a cancel sent right after the diagnostic request of a 1.5 MB sheet answers -32800; the server then answers the next requests', async () => {
  const dir = tempFolder();
  const s = await pullSession(dir);
  try {
    const uri = pathToFileURL(path.join(dir, 'large.shitei')).href;
    const text = largeSheet();
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'shitei', version: 1, text } });
    const source = new CancellationTokenSource();
    const asked = settle(s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token));
    source.cancel();
    await asked.promise;
    assert.equal(asked.state.error?.code, -32800, JSON.stringify(asked.state));
    // The next requests are answered: a hover, and the report the cancelled request would have given.
    const hover = await s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
    assert.ok(hover);
    const report = await s.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.ok(codes(report.items).includes('measure-invalid'), codes(report.items).join(' '));
  } finally {
    await s.stop();
  }
});

test('pull: a cancel read while the analysis runs (another request was answered after it began) answers -32800 at the next rule', async () => {
  const dir = tempFolder();
  const s = await pullSession(dir);
  try {
    const { uri, small } = await openSmallThenLarge(s, dir);
    const source = new CancellationTokenSource();
    const asked = settle(s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token));
    await s.request('textDocument/diagnostic', { textDocument: { uri: small } });
    assert.equal(asked.state.done, false, 'answered while the large sheet was being analysed');
    source.cancel();
    await asked.promise;
    assert.equal(asked.state.error?.code, -32800, JSON.stringify(asked.state).slice(0, 300));
    // Not cancelled, the same request gives the report.
    const report = await s.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(codes(report.items).includes('measure-invalid'));
  } finally {
    await s.stop();
  }
});

test('pull: requests are answered while a large sheet is analysed, and an edit meanwhile answers ServerCancelled with retriggerRequest', async () => {
  const dir = tempFolder();
  const s = await pullSession(dir);
  try {
    const { uri, small } = await openSmallThenLarge(s, dir);
    const asked = settle(s.request('textDocument/diagnostic', { textDocument: { uri } }));
    // Sent after it, so read after its analysis began: answered between two of its rules.
    const other = await s.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: small } });
    assert.ok(codes(other.items).includes('measure-invalid'));
    assert.equal(asked.state.done, false, 'the other request was answered while the large sheet was being analysed');
    // A newer version supersedes the one being analysed: that request ends at its next rule.
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: EDITED }] });
    await asked.promise;
    assert.equal(asked.state.error?.code, -32802, JSON.stringify(asked.state));
    assert.deepEqual(asked.state.error?.data, { retriggerRequest: true });
    // Asked again, as the client does: the report of the newer version.
    const again = await s.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(codes(again.items), ['measure-invalid']);
    assert.match(JSON.stringify(again.items[0].message), /公表/);
  } finally {
    await s.stop();
  }
});

test('push: an analysis superseded by a newer edit never publishes after the newer version', async () => {
  const dir = tempFolder();
  const s = await LspSession.start({ rootPath: dir });
  const published: number[] = [];
  try {
    const uri = pathToFileURL(path.join(dir, 'large.shitei')).href;
    const small = pathToFileURL(path.join(dir, 'small.shitei')).href;
    await s.open(small, SMALL);
    s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      s.diagnostics.set(p.uri, p as never);
      if (p.uri === uri) published.push(p.version ?? -1);
    });
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'shitei', version: 1, text: largeSheet() } });
    // Give the server a moment to start the analysis (if it has not, version 1 is simply never analysed).
    await new Promise((r) => setTimeout(r, 100));
    const hover = await s.request<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: 1, character: 1 } });
    assert.ok(hover);
    assert.equal(published.length, 0, 'a request was answered before the large sheet was published');
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: EDITED }] });
    await s.until(() => published.includes(2), 20_000);
    // Whether version 1's analysis was still running when the edit was read depends on the
    // machine's speed (a quiet one may finish it first, and publish it then). What must always
    // hold: nothing stale comes after the newer version. That an analysis stops between rules
    // when superseded is shown without timing in test/src/analysis/shouldStop.test.ts.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(published[published.length - 1], 2, `the newer version is the last published (published: ${published.join(', ')})`);
    assert.ok(published.indexOf(1) === -1 || published.indexOf(1) < published.indexOf(2), `version 1 never after version 2 (published: ${published.join(', ')})`);
    assert.ok(codes(s.diagnostics.get(uri)!.diagnostics).includes('measure-invalid'));
  } finally {
    await s.stop();
  }
});
