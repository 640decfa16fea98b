'use strict';
/**
 * A minimal LSP client for the benchmarks: spawns `shitei lsp --stdio`, speaks JSON-RPC with
 * vscode-jsonrpc, answers the server's requests the way an editor does (progress tokens,
 * configuration), and records when each notification arrived (performance.now(), this process).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/shitei.js');

class BenchLspClient {
  /**
   * @param {{ cwd: string, env?: NodeJS.ProcessEnv, initializationOptions?: object, serverScript?: string }} options
   * `serverScript`: run `node SCRIPT --stdio` (e.g. the bundled dist/server.js) instead of
   * `node bin/shitei.js lsp --stdio`. Starts the clock (`t0`) just before spawning.
   */
  constructor(options) {
    this.t0 = performance.now();
    const args = options.serverScript ? [options.serverScript, '--stdio'] : [BIN, 'lsp', '--stdio'];
    this.proc = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.spawnedAt = performance.now();
    this.stderr = '';
    this.proc.stderr.on('data', (d) => (this.stderr += d));
    const reader = new StreamMessageReader(this.proc.stdout);
    // No partial-message timer: vscode-jsonrpc re-arms it forever for a message cut off by the
    // server's exit, and dispose() does not clear it (test/src/support/lspClient.ts, serverReader).
    reader.partialMessageTimeout = 0;
    this.conn = createMessageConnection(reader, new StreamMessageWriter(this.proc.stdin));
    /** uri → [{ at, version, codes }] in arrival order. */
    this.published = new Map();
    /** uri → the diagnostics last published for it (whole). */
    this.lastDiagnostics = new Map();
    /** Called with (params, at) for every publishDiagnostics, before the waiters are woken. */
    this.publishListeners = new Set();
    this.statuses = [];
    this.waiters = new Set();
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const at = performance.now();
      const list = this.published.get(p.uri) ?? [];
      list.push({ at, version: p.version, codes: p.diagnostics.map((d) => d.code) });
      this.published.set(p.uri, list);
      this.lastDiagnostics.set(p.uri, p.diagnostics);
      for (const listener of this.publishListeners) listener(p, at);
      this.wake();
    });
    this.conn.onNotification('shitei/status', (p) => {
      this.statuses.push({ at: performance.now(), state: p.state });
      this.wake();
    });
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onNotification('$/progress', () => undefined);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.listen();
    this.exited = new Promise((resolve) => this.proc.on('exit', resolve));
    this.exitedEarly = this.exited.then((code) => {
      if (!this.closing) throw new Error(`the server exited (${code}) before the benchmark was done: ${this.stderr.slice(0, 500)}`);
    });
    this.exitedEarly.catch(() => this.wake());
    this.initializationOptions = options.initializationOptions;
    this.rootUri = pathToFileURL(options.cwd).href;
  }

  wake() {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves when predicate() is true, re-checked after every notification. */
  until(predicate, timeoutMs = 30000, what = 'the server') {
    if (predicate()) return Promise.resolve();
    const waiting = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
    return Promise.race([waiting, this.exitedEarly.then(() => waiting)]);
  }

  async initialize() {
    await Promise.race([this.exitedEarly, this.initializeRequest()]);
    await this.conn.sendNotification('initialized', {});
  }

  initializeRequest() {
    return this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: this.rootUri,
      workspaceFolders: [{ uri: this.rootUri, name: 'bench' }],
      locale: 'ja',
      initializationOptions: this.initializationOptions,
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        window: { workDoneProgress: true },
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { didSave: false } },
      },
    });
  }

  open(uri, text, version = 1) {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'shitei', version, text } });
  }

  change(uri, version, range, text) {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  isReady() {
    return this.statuses.some((s) => s.state === 'ready' || s.state === 'failed');
  }

  readyAt() {
    return this.statuses.find((s) => s.state === 'ready' || s.state === 'failed')?.at;
  }

  /** The first publication for `uri` after the dictionary became ready (the complete set). */
  completeFor(uri) {
    const ready = this.readyAt();
    if (ready === undefined) return undefined;
    return (this.published.get(uri) ?? []).find((p) => p.at >= ready);
  }

  /** Resident set size and its peak, in MB, from /proc (Linux). */
  memory() {
    return procMemory(this.proc.pid);
  }

  cpuMs() {
    return procCpuMs(this.proc.pid);
  }

  async close() {
    this.closing = true;
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.proc.kill(), 2000);
    await this.exited;
    clearTimeout(timer);
    this.conn.dispose();
  }
}

function procMemory(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number((status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm')) ?? [])[1]);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** user + system CPU time of a live process, in ms (Linux; clock ticks assumed 100/s). */
function procCpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

module.exports = { BenchLspClient, procMemory, procCpuMs, ROOT, BIN };
