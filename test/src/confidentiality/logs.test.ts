/**
 * Confidentiality: logs never contain document text, at any trace or log level, and nothing
 * is written to temporary folders.
 *
 * A whole LSP session (open, edit, quick fix applied, fix-all through workspace/applyEdit,
 * hover, completion, outline, failing and malformed requests) runs on a sheet full of a unique
 * marker, once per trace level; everything on the log channels (stderr, window/logMessage,
 * window/showMessage, $/logTrace, telemetry/event and any other notification or request except
 * the diagnostics and edits that must carry text) is collected and must not contain the marker.
 * The same for the CLI's stderr on unreadable, undecodable and oversized files.
 *
 * Temp files: the CLI and the server run with TMPDIR/TMP/TEMP pointed at a fresh, empty folder,
 * which must still be empty afterwards; os.tmpdir() itself, shared with every other process on
 * the machine, must gain nothing that looks like ours or holds the document's text.
 * (test/editors/strace.test.js checks, with strace, that no file at all is written.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { BIN } from '../support/cli';
import { serverReader } from '../support/lspClient';
import { sheet } from '../support/sheet';

const MARKER = '機密マーカー1234XYZ';

/** A sheet with the marker everywhere a rule, a hover or an error message might quote text from. */
const SECRET = sheet({
  fields: { 整理番号: `${MARKER}-0012`, 行政機関: `${MARKER}省`, 有効期間: '6年', 特定秘密管理者: `${MARKER}課長`, 別表: `第9号${MARKER}` },
  sections: {
    対象情報の記述: `令和8年度の${MARKER}に関する計画(${MARKER}を含む。)等`,
    概要: `${MARKER}○○`,
    [MARKER]: `${MARKER}の補足`,
  },
  extraHeader: [`${MARKER}：${MARKER}`, `# shitei-disable-next-line ${MARKER}`, `指定年月日：令和8年2月30日${MARKER}`],
}).replace('\n\n【対象情報の記述】', `\n# ${MARKER} のコメント\n\n【対象情報の記述】`);

/** Notifications and server→client requests whose job is to carry document text. */
const CARRIES_TEXT = new Set(['textDocument/publishDiagnostics', 'workspace/applyEdit']);

let tmpRoot: string;
let scratchTmp: string;
let workspace: string;
let tmpBefore: Set<string>;

before(() => {
  tmpRoot = os.tmpdir();
  workspace = fs.mkdtempSync(path.join(tmpRoot, 'shitei-confidential-ws-'));
  scratchTmp = fs.mkdtempSync(path.join(tmpRoot, 'shitei-confidential-tmp-'));
  tmpBefore = new Set(fs.readdirSync(tmpRoot));
});

after(() => {
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.rmSync(scratchTmp, { recursive: true, force: true });
});

const childEnv = (): NodeJS.ProcessEnv => ({ ...process.env, TMPDIR: scratchTmp, TMP: scratchTmp, TEMP: scratchTmp });

function assertNoMarker(where: string, text: string): void {
  assert.ok(!text.includes(MARKER) && !text.includes(MARKER.slice(0, 6)), `${where} contains document text:\n${text.slice(0, 2000)}`);
}

// ---------------------------------------------------------------------------------------------
// LSP

interface Captured {
  stderr: string;
  /** Every notification and request the server sent, by method. */
  sent: { method: string; params: unknown }[];
}

async function session(trace: 'off' | 'messages' | 'verbose'): Promise<Captured> {
  const docPath = path.join(workspace, `secret-${trace}.shitei`);
  fs.writeFileSync(docPath, SECRET);
  const uri = pathToFileURL(docPath).href;
  const proc: ChildProcess = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: workspace, env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  const captured: Captured = { stderr: '', sent: [] };
  proc.stderr!.on('data', (d) => (captured.stderr += String(d)));
  const connection: MessageConnection = createMessageConnection(serverReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  let wake: () => void = () => undefined;
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  let ready = false;
  connection.onNotification((method: string, params: unknown) => {
    captured.sent.push({ method, params });
    if (method === 'textDocument/publishDiagnostics') diagnostics.set((params as PublishDiagnosticsParams).uri, params as PublishDiagnosticsParams);
    if (method === 'shitei/status' && ['ready', 'failed'].includes((params as { state: string }).state)) ready = true;
    wake();
  });
  connection.onRequest((method: string, params: unknown) => {
    captured.sent.push({ method, params });
    if (method === 'workspace/configuration') return ((params as { items: unknown[] }).items ?? []).map(() => ({ trace: { server: trace }, logLevel: trace === 'off' ? 'off' : 'debug', rules: {} }));
    if (method === 'workspace/applyEdit') return { applied: true };
    return null;
  });
  connection.listen();
  const until = async (p: () => boolean, ms = 20_000) => {
    const deadline = Date.now() + ms;
    while (!p()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the server');
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 50);
      });
    }
  };
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
      trace,
      locale: 'ja',
      initializationOptions: { trace, logLevel: trace === 'off' ? 'off' : 'debug', verbose: trace === 'verbose' },
      capabilities: {
        window: { workDoneProgress: true, showMessage: {} },
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
      },
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('$/setTrace', { value: trace });
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: { shitei: { trace: { server: trace }, logLevel: 'debug' } } });
    await until(() => ready);

    let version = 1;
    let text = SECRET;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'shitei', version, text } });
    await until(() => diagnostics.get(uri)?.version === version);
    // Edit: type more secret text.
    version++;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: `# ${MARKER}追記\n` }] });
    text = text.replace('\n', `\n# ${MARKER}追記\n`);
    await until(() => diagnostics.get(uri)?.version === version);
    const ds = diagnostics.get(uri)!.diagnostics as Diagnostic[];
    assert.ok(ds.length > 3, 'the secret sheet has diagnostics');
    const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
    // Code actions, and apply the first quick fix as the editor would.
    const actions = (await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: ds } })) as CodeAction[];
    assert.ok(actions.length > 0);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit?.changes?.[uri]?.length);
    if (fix) {
      version++;
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: fix.edit!.changes![uri].map((e) => ({ range: e.range, text: e.newText })) });
      await until(() => diagnostics.get(uri)?.version === version);
    }
    // Fix-all through the command (the server asks for workspace/applyEdit).
    await connection.sendRequest('workspace/executeCommand', { command: 'shitei.applyFixAll', arguments: [uri] });
    // Hover, completion, outline, folding, inlay hints, everywhere.
    for (let line = 0; line < 14; line++) {
      for (const character of [0, 2, 6, 12]) {
        await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
        await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
      }
    }
    await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    await connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
    await connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: whole });
    // Failures: a failing request, broken notifications, a malformed message carrying the marker.
    await connection.sendRequest('textDocument/hover', { textDocument: { uri } }).catch(() => undefined);
    await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, context: { diagnostics: [{ message: MARKER }] } }).catch(() => undefined);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: `${uri}-nowhere`, version: 9 }, contentChanges: [{ text: MARKER }] });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { text: MARKER } });
    proc.stdin!.write(malformed({ jsonrpc: '2.0', id: 4242, method: 7, params: { text: MARKER } }));
    proc.stdin!.write(malformed({ jsonrpc: '2.0', id: null, error: { code: -1, message: MARKER } }));
    const notJson = `{"text": "${MARKER}"`; // a complete frame whose body is not JSON
    proc.stdin!.write(`Content-Length: ${Buffer.byteLength(notJson)}\r\n\r\n${notJson}`);
    await new Promise((r) => setTimeout(r, 300));
    // The server still answers after all that.
    await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
    await connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      const timer = setTimeout(resolve, 5000);
      proc.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    assert.notEqual(proc.exitCode, null, 'the server exits after shutdown/exit');
  } finally {
    if (proc.exitCode === null) proc.kill('SIGKILL');
    connection.dispose();
  }
  return captured;
}

function malformed(message: unknown): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

for (const trace of ['off', 'messages', 'verbose'] as const) {
  test(`LSP session at trace "${trace}": no log channel carries document text`, async (t) => {
    const captured = await session(trace);
    assertNoMarker('stderr', captured.stderr);
    const logs = captured.sent.filter((m) => !CARRIES_TEXT.has(m.method));
    for (const m of logs) assertNoMarker(m.method, JSON.stringify(m.params));
    const methods = [...new Set(captured.sent.map((m) => m.method))].sort();
    t.diagnostic(`server sent: ${methods.join(', ')}; ${logs.filter((m) => /log|Message|telemetry/.test(m.method)).length} log message(s), none with document text`);
    // The session really went through the text-carrying paths.
    assert.ok(captured.sent.some((m) => m.method === 'textDocument/publishDiagnostics' && JSON.stringify(m.params).includes(MARKER)), 'diagnostics were published (and may quote the document)');
    assert.ok(captured.sent.some((m) => m.method === 'workspace/applyEdit'), 'fix-all went through workspace/applyEdit');
    assert.ok(captured.sent.some((m) => m.method === 'window/logMessage'), 'the failures were logged (without text)');
  });
}

// ---------------------------------------------------------------------------------------------
// CLI

test('CLI: stderr names unreadable, undecodable and oversized files without quoting them', (t) => {
  const dir = fs.mkdtempSync(path.join(workspace, 'cli-'));
  const secretBytes = Buffer.from(SECRET, 'utf8');
  fs.writeFileSync(path.join(dir, 'readable.shitei'), SECRET);
  fs.writeFileSync(path.join(dir, 'binary.shitei'), Buffer.concat([secretBytes, Buffer.from([0, 0, 0]), secretBytes]));
  fs.writeFileSync(path.join(dir, 'invalid.shitei'), Buffer.concat([secretBytes.subarray(0, 300), Buffer.from([0xff, 0xfe, 0xfd, 0x80]), secretBytes]));
  fs.writeFileSync(path.join(dir, 'bom-invalid.shitei'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), secretBytes, Buffer.from([0xc3])]));
  fs.writeFileSync(path.join(dir, 'utf16-odd.shitei'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SECRET, 'utf16le'), Buffer.from([0x41])]));
  fs.writeFileSync(path.join(dir, 'huge.shitei'), (SECRET + '\n').repeat(Math.ceil(2_100_000 / SECRET.length)));
  const locked = path.join(dir, 'locked.shitei');
  fs.writeFileSync(locked, SECRET);
  fs.chmodSync(locked, 0o000);
  const runAsRoot = process.getuid?.() === 0;
  fs.writeFileSync(path.join(dir, '.shiteirc.json'), '{ "rules": { "no-such-rule": "error" }, ');
  for (const [args, what] of [
    [['check', dir], 'text'],
    [['check', '--format', 'json', dir], 'json'],
    [['check', '--locale', 'en', dir], 'en'],
    [['check', '--config', path.join(dir, 'missing.json'), dir], 'missing config'],
    [['check', path.join(dir, 'no-such-file.shitei'), path.join(dir, 'readable.shitei')], 'missing file'],
  ] as [string[], string][]) {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: workspace, env: childEnv(), encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(r.status, 2, `${what}: exit ${r.status}\n${r.stderr}`);
    assert.ok(r.stderr.length > 0, `${what}: says why on stderr`);
    assertNoMarker(`CLI stderr (${what})`, r.stderr);
    if (what === 'json') {
      // The JSON's error entries say why, without quoting the file either.
      for (const f of (JSON.parse(r.stdout || '{"files":[]}') as { files: { error?: string }[] }).files) if (f.error) assertNoMarker('JSON error entry', f.error);
    }
  }
  // Without the broken config: every unreadable file is named on stderr, none quoted.
  fs.rmSync(path.join(dir, '.shiteirc.json'));
  const r = spawnSync(process.execPath, [BIN, 'check', dir], { cwd: workspace, env: childEnv(), encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 2);
  for (const name of ['binary.shitei', 'invalid.shitei', 'bom-invalid.shitei', 'utf16-odd.shitei', ...(runAsRoot ? [] : ['locked.shitei'])]) assert.match(r.stderr, new RegExp(name.replace('.', '\\.')), `${name} is named`);
  assertNoMarker('CLI stderr', r.stderr);
  t.diagnostic(runAsRoot ? 'running as root: the chmod 000 file is readable, so it is checked like the others' : 'the chmod 000 file was reported unreadable');
  fs.chmodSync(locked, 0o644);
});

// ---------------------------------------------------------------------------------------------
// Temp files: runs after the sessions above (node:test runs a file's tests in order).

test('no temporary files: the TMPDIR given to the CLI and the server is still empty, and os.tmpdir() gained nothing of ours', () => {
  // One more plain CLI run and LSP start/stop, so this test stands alone as well.
  const r = spawnSync(process.execPath, [BIN, 'check', path.join(workspace)], { cwd: workspace, env: childEnv(), encoding: 'utf8' });
  assert.ok([0, 1, 2].includes(r.status ?? -1));
  assert.deepEqual(fs.readdirSync(scratchTmp), [], 'something was written to TMPDIR');
  // os.tmpdir() is shared with every other process on the machine (test files running in
  // parallel make `shitei-<name>-XXXXXX` folders, other tools their own files), so a new entry
  // there fails only if it looks like ours or holds the document's text.
  const scratchOfParallelTests = /^shitei-[a-z0-9-]+-[A-Za-z0-9]{6}$/;
  const added = fs.readdirSync(tmpRoot).filter((n) => !tmpBefore.has(n) && !scratchOfParallelTests.test(n));
  const ours = added.filter((n) => /shitei|kuromoji|dict|\.dat/i.test(n) || holdsMarker(path.join(tmpRoot, n)));
  assert.deepEqual(ours, [], `new entries in ${tmpRoot} (of ${added.length} new in all)`);
});

/** Whether a file, or any file under a folder (bounded), contains the marker. */
function holdsMarker(entry: string, budget = { files: 200 }): boolean {
  try {
    const stat = fs.lstatSync(entry);
    if (stat.isDirectory()) return fs.readdirSync(entry).some((n) => budget.files-- > 0 && holdsMarker(path.join(entry, n), budget));
    if (!stat.isFile() || stat.size > 64 << 20) return false;
    return fs.readFileSync(entry).includes(Buffer.from(MARKER, 'utf8'));
  } catch {
    return false; // gone or unreadable meanwhile: not ours
  }
}
