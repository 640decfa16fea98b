'use strict';
/**
 * The scale section of `npm run bench` (issue 9): a push and a pull client over a folder of N
 * generated sheets (1,000 and 5,000; 20,000 with SHITEI_BENCH_SCALE_LARGE=1), against
 * `shitei check` over the same folder in the same run:
 *
 *   - spawn → the opened sheet's first cross-file result (a `serial-duplicate` shared with a
 *     sheet elsewhere in the folder), and spawn → the whole folder indexed (the workspace
 *     progress ends);
 *   - hover p50/p95 on the opened sheet while the folder is being indexed (one hover every
 *     20 ms, each waiting for its answer);
 *   - server RSS once indexed;
 *   - push, 1,000 sheets: a change storm — 1,000 files rewritten on disk (all to one placeholder
 *     整理番号) and announced in one didChangeWatchedFiles — time until every one shows the
 *     duplicate, and hover p95 meanwhile.
 */
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { BenchLspClient } = require('./lsp-client');
const { writeSheets } = require('./generate');

const sleep = (t) => new Promise((r) => setTimeout(r, t));

function percentile(xs, p) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** N generated sheets in nested folders, plus a pair sharing one 整理番号 (one opened, one on disk). */
function scaleFolder(tmp, n) {
  const dir = path.join(tmp, `scale-${n}`);
  const perFolder = 500;
  let files = [];
  for (let f = 0; f * perFolder < n; f++) {
    const sub = path.join(dir, `folder-${String(f).padStart(3, '0')}`);
    files = files.concat(writeSheets(sub, Math.min(perFolder, n - f * perFolder), 11 + f).files);
  }
  const text = fs.readFileSync(files[0], 'utf8').replace(/^整理番号[：:].*$/m, '整理番号：SCALE-DUP-0001');
  const opened = path.join(dir, 'opened.shitei');
  fs.writeFileSync(opened, text);
  const other = files[Math.floor(files.length / 2)];
  fs.writeFileSync(other, fs.readFileSync(other, 'utf8').replace(/^整理番号[：:].*$/m, '整理番号：SCALE-DUP-0001'));
  return { dir, files, opened, other, text };
}

class ScaleClient extends BenchLspClient {
  constructor(options) {
    super(options);
    this.pull = !!options.pull;
    this.progressEnds = [];
    this.progressTitles = new Map();
    this.refreshes = 0;
    this.conn.onNotification('$/progress', (p) => {
      if (p.value?.kind === 'begin') this.progressTitles.set(p.token, p.value.title);
      if (p.value?.kind === 'end') this.progressEnds.push({ at: performance.now(), title: this.progressTitles.get(p.token) });
      this.wake();
    });
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.wake();
      return null;
    });
  }

  initializeRequest() {
    return this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: this.rootUri,
      workspaceFolders: [{ uri: this.rootUri, name: 'bench' }],
      locale: 'ja',
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        window: { workDoneProgress: true },
        workspace: { configuration: true, ...(this.pull ? { diagnostics: { refreshSupport: true } } : {}) },
        textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown'] }, ...(this.pull ? { diagnostic: {} } : {}) },
      },
    });
  }

  indexedAt() {
    return this.progressEnds.find((e) => /ワークスペース|workspace/.test(e.title ?? ''))?.at;
  }
}

/**
 * Hovers one after another on `uri` until `stop()`; their latencies. Each is followed by a
 * request the server does not know (answered MethodNotFound without any work): its round trip
 * is the floor a loaded machine puts under every answer, recorded in `client.pings`.
 */
async function hoverWhile(client, uri, stop) {
  const latencies = [];
  client.pings ??= [];
  while (!stop()) {
    const t = performance.now();
    await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    latencies.push(performance.now() - t);
    const p = performance.now();
    await client.conn.sendRequest('shitei/benchPing').catch(() => undefined);
    client.pings.push(performance.now() - p);
    await sleep(20);
  }
  return latencies;
}

async function runClient(folder, { pull, env, serverScript }) {
  const client = new ScaleClient({ cwd: folder.dir, env, serverScript, pull });
  await client.initialize();
  const uri = pathToFileURL(folder.opened).href;
  await client.open(uri, folder.text);
  let crossAt;
  const hasCross = (codes) => codes.includes('serial-duplicate');
  if (!pull) {
    const watch = () => {
      const p = (client.published.get(uri) ?? []).find((x) => hasCross(x.codes));
      if (p && crossAt === undefined) crossAt = p.at;
      return crossAt !== undefined;
    };
    const hovers = hoverWhile(client, uri, () => watch() && client.indexedAt() !== undefined);
    await client.until(() => watch() && client.indexedAt() !== undefined, 30 * 60 * 1000, 'the folder indexed');
    const latencies = await hovers;
    return finish(client, { crossAt, latencies });
  }
  // Pull: ask after the open and after every refresh, as VS Code does.
  let asking = false;
  let lastRefresh = -1;
  const ask = async () => {
    if (asking) return;
    asking = true;
    try {
      const report = await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      if (crossAt === undefined && hasCross(report.items.map((d) => d.code))) crossAt = performance.now();
    } finally {
      asking = false;
    }
  };
  const done = () => crossAt !== undefined && client.indexedAt() !== undefined;
  const hovers = hoverWhile(client, uri, done);
  while (!done()) {
    if (client.refreshes !== lastRefresh) {
      lastRefresh = client.refreshes;
      await ask();
    }
    await Promise.race([client.until(() => client.refreshes !== lastRefresh || client.indexedAt() !== undefined, 30 * 60 * 1000, 'a refresh'), sleep(250)]);
    if (client.indexedAt() !== undefined && crossAt === undefined) await ask();
  }
  const latencies = await hovers;
  return finish(client, { crossAt, latencies });
}

async function finish(client, { crossAt, latencies }) {
  await sleep(200);
  const memory = client.memory();
  const out = {
    cross: crossAt - client.t0,
    indexed: client.indexedAt() - client.t0,
    hoverP50: percentile(latencies, 50),
    hoverP95: percentile(latencies, 95),
    hovers: latencies.length,
    pingP95: percentile(client.pings ?? [], 95),
    rss: memory.rss,
    peak: memory.peak,
  };
  out.client = client;
  return out;
}

/** The change storm: `count` files rewritten to one placeholder 整理番号, announced at once. */
async function changeStorm(result, folder, count) {
  const client = result.client;
  const uri = pathToFileURL(folder.opened).href;
  // Not the opened sheet's partner: the pull run that follows measures that pair.
  const changed = folder.files.filter((f) => f !== folder.other).slice(0, count);
  for (const f of changed) fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^整理番号[：:].*$/m, '整理番号：防衛-XXXX-XXXX'));
  const uris = changed.map((f) => pathToFileURL(f).href);
  const t = performance.now();
  await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: uris.map((u) => ({ uri: u, type: 2 })) });
  const settled = () => uris.every((u) => {
    const list = client.published.get(u) ?? [];
    const last = list[list.length - 1];
    return last && last.at >= t && last.codes.includes('serial-duplicate');
  });
  const hovers = hoverWhile(client, uri, settled);
  await client.until(settled, 30 * 60 * 1000, 'the change storm');
  const latencies = await hovers;
  return { settled: performance.now() - t, hoverP95: percentile(latencies, 95), hovers: latencies.length };
}

/**
 * @param {string} tmp a temporary folder
 * @param {{ sizes: number[], env?: object, serverScript?: string, runCli: (dir: string) => Promise<number>, log: (m: string) => void }} o
 */
async function benchScale(tmp, o) {
  const out = { sizes: {} };
  for (const n of o.sizes) {
    o.log(`scale: generating ${n} sheets`);
    const folder = scaleFolder(tmp, n);
    o.log(`scale: shitei check over ${n} sheets`);
    const cli = await o.runCli(folder.dir);
    o.log(`scale: push client over ${n} sheets`);
    const push = await runClient(folder, { pull: false, env: o.env, serverScript: o.serverScript });
    let storm;
    if (n === o.sizes[0]) {
      o.log(`scale: change storm of ${Math.min(1000, folder.files.length)} files`);
      storm = await changeStorm(push, folder, Math.min(1000, folder.files.length));
    }
    await push.client.close();
    delete push.client;
    o.log(`scale: pull client over ${n} sheets`);
    const pull = await runClient(folder, { pull: true, env: o.env, serverScript: o.serverScript });
    await pull.client.close();
    delete pull.client;
    out.sizes[n] = { cli, push, pull, storm };
    fs.rmSync(folder.dir, { recursive: true, force: true });
  }
  return out;
}

module.exports = { benchScale, ScaleClient, scaleFolder, runClientForDebug: runClient };
