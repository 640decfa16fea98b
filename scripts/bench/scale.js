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
 *   - at the first size, push and pull: a change storm — 1,000 files rewritten on disk and
 *     announced in one didChangeWatchedFiles, three times (all to one placeholder 整理番号, back,
 *     and again) — time until every one shows the new state (median of the three), hover p50/p95
 *     meanwhile (one hover every 20 ms, not waiting for answers: tens of samples per storm), and
 *     every file's diagnostics after each storm against `shitei check` over the same folder.
 */
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { BenchLspClient } = require('./lsp-client');
const { writeSheets } = require('./generate');
const { percentile } = require('./stats');

const sleep = (t) => new Promise((r) => setTimeout(r, t));

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
    this.progressBegins = [];
    this.progressTitles = new Map();
    this.refreshes = 0;
    this.conn.onNotification('$/progress', (p) => {
      if (p.value?.kind === 'begin') {
        this.progressTitles.set(p.token, p.value.title);
        this.progressBegins.push({ at: performance.now(), title: p.value.title });
      }
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

/**
 * Open loop: a hover on `uri` every `every` ms whatever the answers (so a slow answer does not
 * thin out the samples), and a request the server does not know half-way between two hovers (its
 * round trip is the floor the machine puts under any answer at that moment).
 */
function hoversEvery(client, uri, every = 20) {
  const hovers = [];
  const pings = [];
  const pending = new Set();
  let stopped = false;
  const send = (method, params, into) => {
    const t = performance.now();
    const done = () => into.push(performance.now() - t);
    const p = client.conn.sendRequest(method, params).then(done, done);
    pending.add(p);
    p.finally(() => pending.delete(p));
  };
  const timer = setInterval(() => {
    if (stopped) return;
    send('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } }, hovers);
    setTimeout(() => stopped || send('shitei/benchPing', undefined, pings), every / 2);
  }, every);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (pending.size) await Promise.all([...pending]);
      return { hovers, pings };
    },
  };
}

const PLACEHOLDER_SERIAL = '整理番号：防衛-XXXX-XXXX';
const withPlaceholder = (text) => text.replace(/^整理番号[：:].*$/m, PLACEHOLDER_SERIAL);

/** The files a storm rewrites (the first `count` on disk; the opened sheet is not among them). */
function stormFiles(folder, count) {
  const files = folder.files.slice(0, count);
  return { files, originals: files.map((f) => fs.readFileSync(f, 'utf8')) };
}

/** Writes the storm's files in one state: 'placeholder' (all share one 整理番号) or 'original'. */
function writeStormState(storm, state) {
  storm.files.forEach((f, i) => fs.writeFileSync(f, state === 'placeholder' ? withPlaceholder(storm.originals[i]) : storm.originals[i]));
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** One diagnostic as a comparable line: position (0-based, UTF-16), code, severity, message. */
const lspLine = (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${SEVERITY[d.severity]} ${typeof d.message === 'string' ? d.message : d.message.value}`;
const cliLine = (d) => `${d.line - 1}:${d.column - 1}-${d.endLine - 1}:${d.endColumn - 1} ${d.code} ${d.severity} ${d.message}`;

/**
 * The server's diagnostics against `shitei check --format json` over the same folder, file by
 * file: the files that differ (their path relative to the folder and the codes on each side;
 * never a message). `serverOf(uri)` gives the server's diagnostics of a file, or undefined.
 */
function compareWithCli(folder, report, serverOf) {
  const differ = [];
  for (const file of report.files) {
    const uri = pathToFileURL(file.path).href;
    const server = serverOf(uri);
    const a = file.diagnostics.map(cliLine).sort();
    const b = (server ?? []).map(lspLine).sort();
    if (!server || a.length !== b.length || a.some((x, i) => x !== b[i])) {
      differ.push({ file: path.relative(folder.dir, file.path), cli: file.diagnostics.map((d) => d.code), server: server ? server.map((d) => d.code) : 'none' });
    }
  }
  return { files: report.files.length, differ: differ.length, first: differ.slice(0, 3) };
}

/** Resolves once no publishDiagnostics arrived for `quietMs` (and the workspace progress begun after `since`, if any, ended). */
async function pushQuiet(client, since, quietMs = 400) {
  let last = performance.now();
  const listener = () => (last = performance.now());
  client.publishListeners.add(listener);
  try {
    for (;;) {
      await sleep(50);
      const ended = client.progressEnds.some((e) => e.at >= since && /ワークスペース|workspace/.test(e.title ?? ''));
      const begun = client.progressBegins.some((b) => b.at >= since && /ワークスペース|workspace/.test(b.title ?? ''));
      if (performance.now() - last >= quietMs && (!begun || ended)) return;
    }
  } finally {
    client.publishListeners.delete(listener);
  }
}

/**
 * Pull: the diagnostics of every workspace file (workspace/diagnostic) and of the opened sheet.
 * As VS Code does, the result ids of the last reports are sent back, and a report the server
 * answers `unchanged` keeps the items it had.
 */
async function pullAll(client, openedUri) {
  client.workspaceReports ??= new Map();
  const known = client.workspaceReports;
  const previousResultIds = [...known].filter(([, r]) => r.resultId).map(([uri, r]) => ({ uri, value: r.resultId }));
  const ws = await client.conn.sendRequest('workspace/diagnostic', { previousResultIds });
  for (const item of ws.items) {
    if (item.kind === 'full') known.set(item.uri, { resultId: item.resultId, items: item.items });
    else if (known.has(item.uri)) known.get(item.uri).resultId = item.resultId;
  }
  const out = new Map([...known].map(([uri, r]) => [uri, r.items]));
  const report = await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: openedUri } });
  out.set(openedUri, report.items);
  return out;
}

/**
 * One storm: the files written in `state` on disk, announced in one didChangeWatchedFiles;
 * hovers every 20 ms until it settled — push: every changed file's last publication came after
 * the notification and shows `serial-duplicate` exactly when they share the placeholder; pull:
 * the workspace diagnostics pulled after a refresh say so. Then (after the server went quiet)
 * every file's diagnostics against the CLI's over the same folder.
 */
async function oneStorm(client, folder, storm, state, { pull, cliReport }) {
  const opened = pathToFileURL(folder.opened).href;
  const uris = storm.files.map((f) => pathToFileURL(f).href);
  const stormed = new Set(uris);
  // Settled when each file shows serial-duplicate exactly where the CLI does (all of them are compared after).
  const cliDuplicate = new Set(cliReport.files.filter((f) => f.diagnostics.some((d) => d.code === 'serial-duplicate')).map((f) => pathToFileURL(f.path).href));
  const expected = (uri, codes) => codes.includes('serial-duplicate') === cliDuplicate.has(uri);
  writeStormState(storm, state);
  const t = performance.now();
  const refreshesBefore = client.refreshes;
  const unsettled = new Set(uris);
  let settledAt;
  const listener = (p, at) => {
    if (!stormed.has(p.uri)) return;
    if (at >= t && expected(p.uri, p.diagnostics.map((d) => d.code))) unsettled.delete(p.uri);
    else unsettled.add(p.uri);
    if (unsettled.size === 0 && settledAt === undefined) settledAt = at;
  };
  if (!pull) client.publishListeners.add(listener);
  const hovers = hoversEvery(client, opened, 20);
  await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: uris.map((uri) => ({ uri, type: 2 })) });
  let pulled;
  if (!pull) {
    await client.until(() => settledAt !== undefined, 5 * 60 * 1000, 'the change storm');
    client.publishListeners.delete(listener);
  } else {
    let seen = refreshesBefore;
    for (;;) {
      await client.until(() => client.refreshes > seen, 5 * 60 * 1000, 'a refresh after the change storm');
      seen = client.refreshes;
      pulled = await pullAll(client, opened);
      if (uris.every((u) => pulled.has(u) && expected(u, pulled.get(u).map((d) => d.code)))) {
        settledAt = performance.now();
        break;
      }
    }
  }
  const { hovers: latencies, pings } = await hovers.stop();
  if (!pull) await pushQuiet(client, t);
  else pulled = await pullAll(client, opened);
  const check = compareWithCli(folder, cliReport, (uri) => (pull ? pulled.get(uri) : client.lastDiagnostics.get(uri)));
  return { state, settled: settledAt - t, latencies, pings, check };
}

/**
 * The change storm, three times over the same files: all rewritten to one placeholder 整理番号,
 * back to their own, and to the placeholder again. Settled: the median of the three; hovers:
 * p50/p95 over all of them; the diagnostics after each against the CLI's.
 */
async function changeStorm(client, folder, storm, { pull, cliReports }) {
  const rounds = [];
  for (const state of ['placeholder', 'original', 'placeholder']) rounds.push(await oneStorm(client, folder, storm, state, { pull, cliReport: cliReports[state] }));
  const latencies = rounds.flatMap((r) => r.latencies);
  const pings = rounds.flatMap((r) => r.pings);
  const settled = rounds.map((r) => r.settled);
  return {
    files: storm.files.length,
    rounds: rounds.length,
    settledRuns: settled,
    settled: percentile(settled, 50),
    hoverP50: percentile(latencies, 50),
    hoverP95: percentile(latencies, 95),
    hoverMax: Math.max(...latencies),
    hovers: latencies.length,
    pingP95: percentile(pings, 95),
    checks: rounds.map((r) => r.check),
    matchesCli: rounds.every((r) => r.check.differ === 0),
  };
}

/**
 * @param {string} tmp a temporary folder
 * @param {{ sizes: number[], env?: object, serverScript?: string, runCli: (dir: string) => Promise<{ wall: number, report: object }>, log: (m: string) => void }} o
 */
async function benchScale(tmp, o) {
  const out = { sizes: {} };
  for (const n of o.sizes) {
    o.log(`scale: generating ${n} sheets`);
    const folder = scaleFolder(tmp, n);
    o.log(`scale: shitei check over ${n} sheets`);
    const { wall: cli, report: cliOriginal } = await o.runCli(folder.dir);
    let storm;
    let cliReports;
    if (n === o.sizes[0]) {
      // What the CLI says of the folder in each state of the storm (the timed run above is the original state).
      storm = stormFiles(folder, Math.min(1000, folder.files.length));
      writeStormState(storm, 'placeholder');
      cliReports = { original: cliOriginal, placeholder: (await o.runCli(folder.dir)).report };
      writeStormState(storm, 'original');
    }
    /** One client over the folder (push or pull mode), with the change storm when there is one. */
    const measure = async (pull) => {
      const mode = pull ? 'pull' : 'push';
      o.log(`scale: ${mode} client over ${n} sheets`);
      const run = await runClient(folder, { pull, env: o.env, serverScript: o.serverScript });
      if (storm) {
        o.log(`scale: ${mode}: change storm of ${storm.files.length} files (3 rounds)`);
        run.storm = await changeStorm(run.client, folder, storm, { pull, cliReports });
        writeStormState(storm, 'original');
      }
      await run.client.close();
      delete run.client;
      return run;
    };
    const push = await measure(false);
    const pull = await measure(true);
    out.sizes[n] = { cli, push, pull };
    fs.rmSync(folder.dir, { recursive: true, force: true });
  }
  return out;
}

module.exports = { benchScale, ScaleClient, scaleFolder, runClientForDebug: runClient };
