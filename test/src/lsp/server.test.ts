/**
 * The language server over stdio with a real protocol client: the same diagnostics as the CLI,
 * quick fixes that repair, hover/completion/symbols, position encodings, and resilience.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { REPO, runCli } from '../support/cli';
import { applyLspEdits, LspSession } from '../support/lspClient';
import { sheet } from '../support/sheet';

let session: LspSession;
before(async () => {
  session = await LspSession.start();
});
after(async () => {
  await session.stop();
});

function sampleFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sampleFiles(path.join(dir, e.name)) : e.name.endsWith('.shitei') ? [path.join(dir, e.name)] : []);
}

/** A 0-based UTF-16 column to the CLI's 1-based code-point column on that line. */
function codePointColumn(text: string, line: number, character: number): number {
  const lineText = text.split(/\r\n|\n|\r/)[line] ?? '';
  return [...lineText.slice(0, character)].length + 1;
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

function asCli(text: string, ds: Diagnostic[]) {
  return ds
    .map((d) => ({
      code: String(d.code),
      severity: SEVERITY[d.severity!],
      line: d.range.start.line + 1,
      column: codePointColumn(text, d.range.start.line, d.range.start.character),
      endLine: d.range.end.line + 1,
      endColumn: codePointColumn(text, d.range.end.line, d.range.end.character),
      message: d.message,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

test('every sample: the server gives the same diagnostics as `shitei check --format json`', async () => {
  const cli = JSON.parse(runCli(['check', '--format', 'json', 'samples/']).stdout) as { files: { path: string; diagnostics: ReturnType<typeof asCli> }[] };
  const files = sampleFiles(path.join(REPO, 'samples'));
  assert.ok(files.length > 10);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const uri = pathToFileURL(file).href;
    const lsp = asCli(text, await session.open(uri, text));
    const expected = cli.files.find((f) => f.path === path.relative(REPO, file).split(path.sep).join('/'))!.diagnostics
      .map(({ code, severity, line, column, endLine, endColumn, message }) => ({ code, severity, line, column, endLine, endColumn, message }))
      .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
    assert.deepEqual(lsp, expected, path.relative(REPO, file));
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
});

test('every quick fix offered on the rule samples removes its diagnostic, adds no error and keeps line endings', async () => {
  // A workspace root with no sheets: each fixed copy is judged alone (a copy beside its original
  // on disk would share its 整理番号); config still comes from samples/.shiteirc.json by path.
  const session = await LspSession.start({ rootPath: fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-empty-')) });
  after(() => session.stop());
  const files = sampleFiles(path.join(REPO, 'samples/rules'));
  let applied = 0;
  for (const file of files) {
    const original = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    for (const eol of ['\n', '\r\n']) {
      const text = original.replace(/\r?\n/g, eol);
      const uri = pathToFileURL(file).href + (eol === '\n' ? '' : '?crlf');
      const diagnostics = await session.open(uri, text);
      const offered: { d: Diagnostic; action: CodeAction }[] = [];
      for (const d of diagnostics) {
        const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
        for (const action of actions.filter((a) => a.edit && a.diagnostics?.some((x) => x.code === d.code))) offered.push({ d, action });
      }
      // Each fixed copy is checked alone: beside the original, the two would share a 整理番号.
      await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      for (const { d, action } of offered) {
        const fixed = applyLspEdits(text, action.edit!.changes![uri]);
        const fixedUri = `${uri}#fix${applied}`;
        const after = await session.open(fixedUri, fixed);
        const count = (ds: Diagnostic[]) => ds.filter((x) => x.code === d.code).length;
        assert.ok(count(after) < count(diagnostics), `"${action.title}" left ${d.code} in ${path.basename(file)}`);
        const errors = (ds: Diagnostic[]) => new Set(ds.filter((x) => x.severity === 1).map((x) => String(x.code)));
        const added = [...errors(after)].filter((c) => !errors(diagnostics).has(c));
        assert.deepEqual(added, [], `"${action.title}" added errors in ${path.basename(file)}`);
        if (eol === '\r\n') assert.ok(!/(?<!\r)\n/.test(fixed), `"${action.title}" broke CRLF`);
        else assert.ok(!fixed.includes('\r'), `"${action.title}" added CR`);
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fixedUri } });
        applied++;
      }
    }
  }
  assert.ok(applied > 40, `only ${applied} fixes were tried`);
});

test('source.fixAll.shitei applies every safe fix at once', async () => {
  const text = sheet({ fields: { 満了日: '令和10年4月1日', 指定年月日: '平成32年4月1日' } });
  const uri = 'file:///tmp/fixall.shitei';
  await session.open(uri, text);
  const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.shitei'] } });
  assert.equal(actions.length, 1);
  const fixed = applyLspEdits(text, actions[0].edit!.changes![uri]);
  assert.match(fixed, /指定年月日：令和2年4月1日/);
  const after = await session.open(`${uri}#2`, fixed);
  assert.deepEqual(after.filter((d) => d.code === 'date-invalid'), []);
});

test('hover: 別表 legal text, the other calendar with the weekday, the computed 満了日', async () => {
  const text = sheet();
  const uri = 'file:///tmp/hover.shitei';
  await session.open(uri, text);
  const lines = text.split('\n');
  const at = (prefix: string, offset = 0) => {
    const line = lines.findIndex((l) => l.startsWith(prefix));
    return { line, character: lines[line].indexOf('：') + 1 + offset };
  };
  const beppyo = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at('別表', 3) });
  const b = (beppyo.contents as { value: string }).value;
  assert.match(b, /防衛に関する事項/);
  assert.match(b, /自衛隊の運用又はこれに関する見積り若しくは計画若しくは研究/);
  assert.match(b, /自衛隊の訓練又は演習/);
  const date = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at('指定年月日', 2) });
  assert.match((date.contents as { value: string }).value, /令和8年4月1日 \(水曜日\) ⇔ 2026-04-01/);
  const validity = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at('有効期間', 0) });
  assert.match((validity.contents as { value: string }).value, /令和10年3月31日/);
});

test('completion: headings after 【, field names, 措置 values, 別表 references', async () => {
  const uri = 'file:///tmp/complete.shitei';
  const text = '整理番号：A-1\n措置：\n\n【';
  await session.open(uri, text);
  const labels = async (line: number, character: number) =>
    (await session.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } })).map((c) => c.label);
  assert.deepEqual((await labels(3, 1)).slice(0, 3), ['対象情報の記述', '指定の理由', '概要']);
  assert.deepEqual(await labels(1, 3), ['表示', '通知']);
  await session.change(uri, [{ text: '整理番号：A-1\n\n別表：第1号' }]);
  const fields = await labels(1, 0);
  assert.ok(fields.includes('行政機関') && fields.includes('有効期間') && !fields.includes('整理番号'));
  const refs = await labels(2, 6);
  assert.ok(refs.includes('別表第1号イa(a)') && refs.includes('別表第4号ニ'));
});

test('document symbols list the header fields and the sections', async () => {
  const uri = 'file:///tmp/symbols.shitei';
  await session.open(uri, sheet());
  const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => s.name), ['ヘッダ', '【対象情報の記述】', '【指定の理由】', '【概要】']);
  assert.equal(symbols[0].children!.length, 8);
  assert.equal(symbols[0].children![2].name, '指定年月日');
});

test('inlay hint after 有効期間 shows the computed 満了日', async () => {
  const uri = 'file:///tmp/inlay.shitei';
  await session.open(uri, sheet());
  const hints = await session.request<{ label: string; position: { line: number } }[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
  assert.equal(hints.length, 2);
  assert.equal(hints[0].position.line, 4);
  assert.match(String(hints[0].label), /満了日 令和10年3月31日/);
  // This document is outside samples/, so `today` is the machine's date: the count itself is
  // checked in test/src/service/inlayHints.test.ts with a fixed today.
  assert.equal(hints[1].position.line, 5);
  assert.match(String(hints[1].label), /残り\d+日|満了済み/);
});

test('an astral character before a diagnostic: UTF-16 columns by default', async () => {
  const uri = 'file:///tmp/astral.shitei';
  const ds = await session.open(uri, sheet({ fields: { 措置: '𠮷公表' } }));
  const d = ds.find((x) => x.code === 'measure-invalid')!;
  assert.deepEqual(d.range, { start: { line: 7, character: 3 }, end: { line: 7, character: 7 } });
});

for (const [encoding, endChar] of [['utf-8', 3 * 3 + 4 + 3 * 2], ['utf-32', 3 + 1 + 2]] as const) {
  test(`position encoding ${encoding} is negotiated and columns and edits use it`, async () => {
    const s = await LspSession.start({ positionEncodings: [encoding, 'utf-16'] });
    try {
      assert.equal(s.initializeResult!.capabilities.positionEncoding, encoding);
      const uri = `file:///tmp/enc-${encoding}.shitei`;
      const text = sheet({ fields: { 措置: '𠮷公表' } });
      const d = (await s.open(uri, text)).find((x) => x.code === 'measure-invalid')!;
      assert.equal(d.range.end.character, endChar);
      // An incremental edit in the negotiated encoding: replace the value with 表示.
      const after = await s.change(uri, [{ range: { start: { line: 7, character: d.range.start.character }, end: d.range.end }, text: '表示' }]);
      assert.deepEqual(after.filter((x) => x.code === 'measure-invalid'), []);
    } finally {
      await s.stop();
    }
  });
}

test('English messages when the client locale is not Japanese', async () => {
  const s = await LspSession.start({ locale: 'en-US' });
  try {
    const ds = await s.open('file:///tmp/en.shitei', sheet({ fields: { 措置: '公表' } }));
    assert.match(String(ds.find((d) => d.code === 'measure-invalid')!.message), /must be 表示/);
  } finally {
    await s.stop();
  }
});

test('pull diagnostics where the client supports them', async () => {
  const s = await LspSession.start({ pull: true });
  try {
    assert.ok(s.initializeResult!.capabilities.diagnosticProvider);
    const uri = 'file:///tmp/pull.shitei';
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'shitei', version: 1, text: sheet({ fields: { 措置: '公表' } }) } });
    const report = await s.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => d.code), ['measure-invalid']);
    assert.ok(report.items[0].codeDescription?.href.endsWith('/docs/rules/measure-invalid.md'));
  } finally {
    await s.stop();
  }
});

test('bad input: a huge document gets one clear diagnostic; a failing request answers an error and the server keeps serving', async () => {
  const uri = 'file:///tmp/huge.shitei';
  const huge = await session.open(uri, 'あ'.repeat(2_100_000));
  assert.deepEqual(huge.map((d) => d.code), ['document-too-large']);
  const binary = await session.open('file:///tmp/nul.shitei', '\u0000\u0001\u0002\uFFFD\uD800');
  assert.ok(binary.some((d) => d.code === 'field-missing'));
  await assert.rejects(session.request('textDocument/hover', {}), /hover failed/);
  const ok = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///tmp/hover.shitei' }, position: { line: 3, character: 7 } });
  assert.ok(ok);
});

test('a broken .shiteirc.json: one warning naming the problem, and checking goes on with defaults', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-badconfig-'));
  fs.writeFileSync(path.join(dir, '.shiteirc.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
  const s = await LspSession.start({ rootPath: dir });
  const warnings: string[] = [];
  s.connection.onNotification('window/showMessage', (p: { message: string }) => {
    warnings.push(p.message);
  });
  try {
    const uri = pathToFileURL(path.join(dir, 'a.shitei')).href;
    const ds = await s.open(uri, sheet({ fields: { 措置: '公表' } }));
    assert.deepEqual(ds.map((d) => d.code), ['measure-invalid']);
    await s.until(() => warnings.length > 0);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /no-such-rule/);
  } finally {
    await s.stop();
  }
});

test('workspace rules cover unopened files and follow changes on disk (didChangeWatchedFiles)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-ws-'));
  fs.writeFileSync(path.join(dir, '.shiteirc.json'), JSON.stringify({ today: '2026-11-23' }));
  const a = path.join(dir, 'a.shitei');
  const b = path.join(dir, 'sub', 'b.shitei');
  fs.mkdirSync(path.dirname(b));
  fs.writeFileSync(a, sheet());
  fs.writeFileSync(b, sheet().replace('令和8年4月1日', '令和8年4月2日'));
  const s = await LspSession.start({ rootPath: dir });
  try {
    const aUri = pathToFileURL(a).href;
    const bUri = pathToFileURL(b).href;
    // b is never opened: its diagnostics come from disk, naming a relative to b.
    await s.until(() => (s.diagnostics.get(bUri)?.diagnostics ?? []).some((d) => d.code === 'serial-duplicate'));
    const onB = s.diagnostics.get(bUri)!.diagnostics.find((d) => d.code === 'serial-duplicate')!;
    assert.match(String(onB.message), /\.\.\/a\.shitei/);
    const opened = await s.open(aUri, fs.readFileSync(a, 'utf8'));
    assert.ok(opened.some((d) => d.code === 'serial-duplicate' && /sub\/b\.shitei/.test(String(d.message))));
    // b gets its own number on disk; the client reports the change.
    fs.writeFileSync(b, sheet({ fields: { 整理番号: '防衛-2026-0999' } }).replace('令和8年4月1日', '令和8年4月2日'));
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: bUri, type: 2 }] });
    await s.until(() => !(s.diagnostics.get(aUri)?.diagnostics ?? []).some((d) => d.code === 'serial-duplicate'));
    // Deleted on disk: its diagnostics are cleared.
    fs.rmSync(b);
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: bUri, type: 3 }] });
    await s.until(() => (s.diagnostics.get(bUri)?.diagnostics ?? ['x']).length === 0);
  } finally {
    await s.stop();
  }
});
