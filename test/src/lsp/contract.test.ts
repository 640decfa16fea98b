/**
 * The LSP contract, each point through a real protocol client (or raw frames where the point
 * is the framing itself): what a client that is not VS Code — eglot, Neovim, a raw client —
 * is entitled to.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, Hover, SymbolInformation } from 'vscode-languageserver-protocol';
import { BIN, REPO } from '../support/cli';
import { LspSession } from '../support/lspClient';
import { sheet } from '../support/sheet';

/** A client that writes frames by hand and reads the server's messages, for framing and lifecycle points. */
class RawClient {
  readonly messages: { id?: number | string; method?: string; result?: unknown; error?: { code: number; message: string }; params?: unknown }[] = [];
  stderr = '';
  private buffer = Buffer.alloc(0);
  readonly proc = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });

  constructor() {
    this.proc.stderr.on('data', (d) => (this.stderr += String(d)));
    this.proc.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())![1]);
        if (this.buffer.length < end + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
        this.buffer = this.buffer.subarray(end + 4 + length);
        this.messages.push(message);
        // Answer the server's own requests, as a client must.
        if (message.method && message.id !== undefined) this.write({ jsonrpc: '2.0', id: message.id, result: null });
      }
    });
  }

  static frame(message: object, lengthDelta = 0): Buffer {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length + lengthDelta}\r\n\r\n`), body]);
  }

  write(message: object): void {
    this.proc.stdin.write(RawClient.frame(message));
  }

  writeRaw(bytes: Buffer): void {
    this.proc.stdin.write(bytes);
  }

  async response(id: number | string, timeoutMs = 10000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find((m) => m.id === id && !m.method);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no response to ${id}; stderr: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async initialize(): Promise<void> {
    this.write({ id: 'init', method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
    await this.response('init');
    this.write({ method: 'initialized', params: {} });
  }

  stop(): void {
    this.proc.kill();
  }
}

/** Temporary workspace folders, removed when the file's tests are done. */
const folders: string[] = [];
after(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});
function tempFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

const hoverParams = (uri: string) => ({ textDocument: { uri }, position: { line: 3, character: 7 } });

test('requests before initialize answer -32002; after shutdown -32600; exit ends the process', async () => {
  const c = new RawClient();
  try {
    c.write({ id: 1, method: 'textDocument/hover', params: hoverParams('file:///tmp/x.shitei') });
    assert.equal((await c.response(1)).error?.code, -32002);
    await c.initialize();
    c.write({ id: 2, method: 'shutdown' });
    assert.equal((await c.response(2)).error, undefined);
    c.write({ id: 3, method: 'textDocument/hover', params: hoverParams('file:///tmp/x.shitei') });
    assert.equal((await c.response(3)).error?.code, -32600);
    const exited = new Promise((r) => c.proc.on('exit', r));
    c.write({ method: 'exit' });
    await exited;
  } finally {
    c.stop();
  }
});

test('$/cancelRequest that arrives before the work starts: the request answers -32800', async () => {
  const c = new RawClient();
  try {
    await c.initialize();
    const uri = 'file:///tmp/cancel.shitei';
    c.write({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'shitei', version: 1, text: sheet() } } });
    // The request and its cancel in one write: the cancel is read before the request is dispatched.
    c.writeRaw(Buffer.concat([
      RawClient.frame({ id: 'h1', method: 'textDocument/hover', params: hoverParams(uri) }),
      RawClient.frame({ method: '$/cancelRequest', params: { id: 'h1' } }),
    ]));
    assert.equal((await c.response('h1')).error?.code, -32800);
    // An uncancelled one is served.
    c.write({ id: 'h2', method: 'textDocument/hover', params: hoverParams(uri) });
    assert.ok((await c.response('h2')).result);
  } finally {
    c.stop();
  }
});

for (const [name, delta] of [['too large', 40], ['too small', -7]] as const) {
  test(`a Content-Length ${name}: said on stderr, and the server answers the next message`, async () => {
    const c = new RawClient();
    try {
      await c.initialize();
      const bad = RawClient.frame({ id: 'bad', method: 'textDocument/hover', params: hoverParams('file:///tmp/y.shitei') }, delta);
      c.writeRaw(Buffer.concat([bad, RawClient.frame({ id: 'good', method: 'shutdown' })]));
      assert.equal((await c.response('good')).error, undefined);
      assert.match(c.stderr, /protocol error: a Content-Length of \d+ that does not match its message/);
      assert.doesNotMatch(c.stderr, /hover/, 'the message content is not echoed');
    } finally {
      c.stop();
    }
  });
}

test('a Content-Length too large on the last message: judged on what arrived, and answered', async () => {
  const c = new RawClient();
  try {
    await c.initialize();
    c.writeRaw(RawClient.frame({ id: 'late', method: 'shutdown' }, 100));
    assert.equal((await c.response('late')).error, undefined);
    assert.match(c.stderr, /protocol error/);
  } finally {
    c.stop();
  }
});

test('code actions answer only the diagnostics asked for, fixes first, and no action twice', async () => {
  const s = await LspSession.start({ rootPath: tempFolder('shitei-ca-') });
  try {
    const uri = 'file:///tmp/ca.shitei';
    const ds = await s.open(uri, sheet({ fields: { 有効期間: null, 満了日: null, 別表: '別表第9号、別表第8号' } }));
    const target = ds.find((d) => d.code === 'validity-missing' || d.code === 'field-missing')!;
    const whole = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
    const actions = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [target] } });
    assert.ok(actions.length > 0);
    for (const a of actions) assert.deepEqual(a.diagnostics!.map((d) => d.code), [target.code], a.title);
    const invalid = ds.filter((d) => d.code === 'beppyo-invalid');
    assert.equal(invalid.length, 2);
    const both = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: invalid[0].range, context: { diagnostics: invalid } });
    const titles = both.map((a) => a.title);
    assert.equal(new Set(titles).size, titles.length, `duplicated: ${titles.join(' | ')}`);
    const doc = both.find((a) => a.command?.command === 'shitei.showRuleDocumentation')!;
    assert.deepEqual(doc.command!.arguments, ['beppyo-invalid']);
  } finally {
    await s.stop();
  }
});

test('a plaintext-only client gets plaintext hovers and completion docs, and flat symbols without hierarchy', async () => {
  const s = await LspSession.start({
    capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] }, completion: { completionItem: { documentationFormat: ['plaintext'] } }, publishDiagnostics: {} } },
  });
  try {
    const uri = 'file:///tmp/plain.shitei';
    const text = sheet();
    await s.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('別表'));
    const hover = await s.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 6 } });
    const contents = hover.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'plaintext');
    assert.match(contents.value, /防衛に関する事項/);
    assert.doesNotMatch(contents.value, /\*\*|`/);
    const items = await s.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 6 } });
    const documented = items.filter((i) => i.documentation);
    assert.ok(documented.length > 0);
    for (const i of documented) assert.equal((i.documentation as { kind: string }).kind, 'plaintext');
    const symbols = await s.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.every((x) => x.location && !('children' in x)));
    assert.ok(symbols.some((x) => x.name === '指定年月日' && x.containerName === 'ヘッダ'));
  } finally {
    await s.stop();
  }
});

test('didChangeConfiguration: registered only when the client can; its settings apply, to unopened workspace files too', async () => {
  const dir = tempFolder('shitei-settings-');
  const disk = path.join(dir, 'disk.shitei');
  fs.writeFileSync(disk, sheet({ fields: { 整理番号: 'D-1', 措置: '公表' } }));
  const registrations: string[] = [];
  const start = async (dynamic: boolean) => {
    const s = await LspSession.start({
      rootPath: dir,
      capabilities: { workspace: { didChangeConfiguration: { dynamicRegistration: dynamic } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    return s;
  };
  const plain = await start(false);
  plain.connection.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
    registrations.push(...p.registrations.map((r) => r.method));
  });
  try {
    const diskUri = pathToFileURL(disk).href;
    await plain.until(() => (plain.diagnostics.get(diskUri)?.diagnostics ?? []).some((d) => d.code === 'measure-invalid'));
    const uri = pathToFileURL(path.join(dir, 'open.shitei')).href;
    assert.ok((await plain.open(uri, sheet({ fields: { 整理番号: 'O-1', 措置: '公表' } }))).some((d) => d.code === 'measure-invalid'));
    await plain.connection.sendNotification('workspace/didChangeConfiguration', { settings: { shitei: { rules: { 'measure-invalid': 'off' } } } });
    await plain.until(() => !(plain.diagnostics.get(uri)?.diagnostics ?? [{ code: 'measure-invalid' }]).some((d) => d.code === 'measure-invalid'));
    await plain.until(() => !(plain.diagnostics.get(diskUri)?.diagnostics ?? [{ code: 'measure-invalid' }]).some((d) => d.code === 'measure-invalid'));
    assert.ok(!registrations.includes('workspace/didChangeConfiguration'), 'registered although the client cannot');
  } finally {
    await plain.stop();
  }
  const dynamic = await LspSession.start({ rootPath: dir, bareClient: true, noWait: true, capabilities: { workspace: { didChangeConfiguration: { dynamicRegistration: true } } } });
  const seen: string[] = [];
  dynamic.connection.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
    seen.push(...p.registrations.map((r) => r.method));
  });
  try {
    await dynamic.until(() => seen.includes('workspace/didChangeConfiguration'));
  } finally {
    await dynamic.stop();
  }
});

test('push: closing an unsaved workspace sheet puts its diagnostics back to the file on disk', async () => {
  const dir = tempFolder('shitei-close-');
  fs.writeFileSync(path.join(dir, '.shiteirc.json'), JSON.stringify({ today: '2026-11-23' }));
  const file = path.join(dir, 'a.shitei');
  fs.writeFileSync(file, sheet());
  const s = await LspSession.start({ rootPath: dir });
  try {
    const uri = pathToFileURL(file).href;
    const edited = await s.open(uri, sheet({ fields: { 措置: '公表' } }));
    assert.ok(edited.some((d) => d.code === 'measure-invalid'));
    await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await s.until(() => {
      const p = s.diagnostics.get(uri);
      return !!p && p.version === undefined && !p.diagnostics.some((d) => d.code === 'measure-invalid');
    });
  } finally {
    await s.stop();
  }
});

test('inlay hints only inside the requested range', async () => {
  const s = await LspSession.start();
  try {
    const uri = 'file:///tmp/inlay-range.shitei';
    await s.open(uri, sheet());
    const hints = (start: number, end: number) => s.request<{ position: { line: number } }[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: start, character: 0 }, end: { line: end, character: 0 } } });
    assert.equal((await hints(0, 40)).length, 2);
    assert.deepEqual(await hints(0, 2), []);
    assert.deepEqual((await hints(5, 6)).map((h) => h.position.line), [5]);
  } finally {
    await s.stop();
  }
});

test('executeCommand: an unknown command is an error; no workspace/applyEdit to a client without it', async () => {
  const s = await LspSession.start({ bareClient: true, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
  let applyEdits = 0;
  s.connection.onRequest('workspace/applyEdit', () => {
    applyEdits++;
    return { applied: true };
  });
  try {
    await assert.rejects(s.request('workspace/executeCommand', { command: 'shitei.noSuchCommand', arguments: [] }), /unknown command/);
    const uri = 'file:///tmp/noapply.shitei';
    await s.open(uri, sheet({ fields: { 満了日: '令和10年4月1日' } }));
    await assert.rejects(s.request('workspace/executeCommand', { command: 'shitei.applyFixAll', arguments: [uri] }), /applyEdit/);
    assert.equal(applyEdits, 0);
  } finally {
    await s.stop();
  }
});

test('shitei.showRuleDocumentation opens the rule page through window/showDocument', async () => {
  const s = await LspSession.start({ capabilities: { window: { showDocument: { support: true } }, textDocument: { publishDiagnostics: {} } } });
  const shown: string[] = [];
  s.connection.onRequest('window/showDocument', (p: { uri: string }) => {
    shown.push(p.uri);
    return { success: true };
  });
  try {
    const answer = await s.request<{ shown: boolean; uri: string }>('workspace/executeCommand', { command: 'shitei.showRuleDocumentation', arguments: ['measure-invalid'] });
    assert.equal(answer.shown, true);
    assert.equal(shown.length, 1);
    assert.match(shown[0], /\/docs\/rules\/measure-invalid\.md$/);
    await assert.rejects(s.request('workspace/executeCommand', { command: 'shitei.showRuleDocumentation', arguments: ['../../etc/passwd'] }));
  } finally {
    await s.stop();
  }
});

test('only documents of the shitei language are checked', async () => {
  const s = await LspSession.start();
  try {
    const md = 'file:///tmp/notes.md';
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: md, languageId: 'markdown', version: 1, text: '# notes\n措置：公表\n' } });
    await s.open('file:///tmp/after-md.shitei', sheet());
    assert.equal(s.diagnostics.get(md), undefined);
    assert.equal(await s.request('textDocument/hover', hoverParams(md)), null);
  } finally {
    await s.stop();
  }
});

test('token rules run even when the client never answers window/workDoneProgress/create', async () => {
  const s = await LspSession.start({ bareClient: true, noWait: true, capabilities: { window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } } });
  s.connection.onRequest('window/workDoneProgress/create', () => new Promise(() => undefined));
  try {
    await s.until(() => s.status === 'ready', 20000);
    const text = fs.readFileSync(path.join(REPO, 'samples/rules/scope-vague.shitei'), 'utf8');
    const uri = 'file:///tmp/noprogress.shitei';
    await s.open(uri, text);
    await s.until(() => (s.diagnostics.get(uri)?.diagnostics ?? []).some((d: Diagnostic) => d.code === 'scope-vague'));
  } finally {
    await s.stop();
  }
});

test('commands the client runs itself are not announced (vscode-languageclient would register them twice)', async () => {
  const announced = async (initialize: Record<string, unknown>) => {
    const s = await LspSession.start({ noWait: true, initialize });
    try {
      return s.initializeResult!.capabilities.executeCommandProvider!.commands;
    } finally {
      await s.stop();
    }
  };
  assert.ok((await announced({})).includes('shitei.showRuleDocumentation'));
  assert.ok(!(await announced({ clientInfo: { name: 'Visual Studio Code', version: '1.95.0' } })).includes('shitei.showRuleDocumentation'));
  assert.deepEqual(await announced({ initializationOptions: { clientCommands: ['shitei.showRuleDocumentation'] } }), ['shitei.applyFixAll']);
});
