/**
 * A real LSP client over stdio (vscode-jsonrpc + the protocol types) driving `shitei lsp
 * --stdio` in a child process, the way an editor does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { BIN, REPO } from './cli';

/**
 * A reader of what the server writes, without vscode-jsonrpc's partial-message timer: for a
 * message cut off by the server's exit, the reader re-arms a 10 s timer forever, and its
 * dispose() does not clear it — one server stopped mid-message kept a test process alive after
 * its last test.
 */
export function serverReader(stream: NodeJS.ReadableStream): StreamMessageReader {
  const reader = new StreamMessageReader(stream);
  reader.partialMessageTimeout = 0;
  return reader;
}

export class LspSession {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  initializeResult?: InitializeResult;
  status?: string;

  private constructor(readonly proc: ChildProcess, readonly connection: MessageConnection) {}

  static async start(options: {
    positionEncodings?: string[]; locale?: string; pull?: boolean; cwd?: string; rootPath?: string; env?: NodeJS.ProcessEnv; args?: string[];
    /** What node runs instead of `bin/shitei.js lsp --stdio` (another copy of the server). */
    nodeArgs?: string[];
    /** Replaces the client capabilities the session declares (a VS Code-like client by default). */
    capabilities?: Record<string, unknown>;
    /** Extra initialize parameters (initializationOptions, …). */
    initialize?: Record<string, unknown>;
    /** Do not wait for the dictionary. */
    noWait?: boolean;
    /** Leave requests from the server to the test (no default answers). */
    bareClient?: boolean;
  } = {}): Promise<LspSession> {
    const proc = spawn(process.execPath, options.nodeArgs ?? [BIN, 'lsp', '--stdio', ...(options.args ?? [])], { cwd: options.cwd ?? REPO, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const connection = createMessageConnection(serverReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const session = new LspSession(proc, connection);
    proc.stderr!.on('data', (d) => session.stderr.push(String(d)));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      session.diagnostics.set(p.uri, p);
      session.wake();
    });
    connection.onNotification('shitei/status', (p: { state: string }) => {
      session.status = p.state;
      session.wake();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      session.logs.push(p.message);
    });
    if (!options.bareClient) {
      connection.onRequest('window/workDoneProgress/create', () => null);
      connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
      connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
      connection.onRequest('workspace/diagnostic/refresh', () => null);
      connection.onNotification('$/progress', () => undefined);
    }
    connection.listen();
    session.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(options.rootPath ?? path.join(REPO, 'samples')).href,
      locale: options.locale ?? 'ja',
      capabilities: options.capabilities ?? {
        general: options.positionEncodings ? { positionEncodings: options.positionEncodings } : undefined,
        window: { workDoneProgress: true },
        workspace: { configuration: true, applyEdit: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
      ...(options.initialize ?? {}),
    });
    await connection.sendNotification('initialized', {});
    if (!options.noWait) await session.until(() => session.status === 'ready' || session.status === 'failed', 20000);
    return session;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Waits until `predicate` holds, checking after every notification. */
  async until(predicate: () => boolean, timeoutMs = 10000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for the server');
      await new Promise<void>((resolve) => {
        // Woken by every notification, and polled too, for conditions set by other handlers.
        const t = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'shitei', version: 1, text } });
    return this.diagnosticsFor(uri, 1);
  }

  async change(uri: string, changes: ({ text: string } | { range: unknown; text: string })[]): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return this.diagnosticsFor(uri, version);
  }

  async diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    await this.until(() => this.diagnostics.get(uri)?.version === version);
    return this.diagnostics.get(uri)!.diagnostics;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.proc.kill('SIGKILL');
        resolve();
      }, 3000);
      this.proc.on('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

/** Applies LSP text edits (UTF-16 positions) to a text. */
export function applyLspEdits(text: string, edits: TextEdit[]): string {
  const offsetAt = (line: number, character: number) => {
    let l = 0;
    let i = 0;
    while (l < line && i < text.length) {
      const c = text.charCodeAt(i);
      i++;
      if (c === 13 && text.charCodeAt(i) === 10) i++;
      if (c === 10 || c === 13) l++;
    }
    return i + character;
  };
  const resolved = edits.map((e, i) => ({ i, start: offsetAt(e.range.start.line, e.range.start.character), end: offsetAt(e.range.end.line, e.range.end.character), text: e.newText }));
  // Last first; inserts at one position keep their array order in the result, as LSP says.
  resolved.sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const e of resolved) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
