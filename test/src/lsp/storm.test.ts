/**
 * Issue 9, a change storm on disk through a real protocol client: hundreds of workspace files
 * rewritten to one placeholder 整理番号 and announced in one didChangeWatchedFiles (each twice, as
 * file watchers do). Orderings are observed, not durations:
 *
 * - push: hovers sent while the changed files are published are each answered after at most a
 *   pipe's worth of publications and a few more (the server does not queue hundreds of them ahead
 *   of an answer), the first before the last changed file is published; one sent with the
 *   notification is answered before any changed file is;
 * - pull: hovers are answered while the storm is processed, before the refresh that ends it; the
 *   workspace report sends again the files the storm changed, and `unchanged` when nothing did;
 * - afterwards every file's diagnostics (published, or pulled) are those of `shitei check` over
 *   the same folder.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspSession } from '../support/lspClient';
import { REPO, runCli } from '../support/cli';
import { sheet } from '../support/sheet';

const folders: string[] = [];
after(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

/** How many files the storm rewrites: enough that publishing them takes many turns of the server's loop. */
const STORM = 800;
const PLACEHOLDER = '防衛-XXXX-XXXX';
/** What a pipe holds before its writer waits (Linux: 16 pages). */
const PIPE_BYTES = 65536;

const href = (file: string) => pathToFileURL(file).href;

/** STORM distinct sheets in two folders, and an opened one that already has the placeholder number. */
function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-storm-'));
  folders.push(dir);
  const files: string[] = [];
  for (let i = 0; i < STORM; i++) {
    const sub = path.join(dir, i % 2 ? 'b' : 'a');
    fs.mkdirSync(sub, { recursive: true });
    const file = path.join(sub, `s${String(i).padStart(4, '0')}.shitei`);
    fs.writeFileSync(file, sheet({
      fields: { 整理番号: `防衛-2026-${String(1000 + i)}` },
      sections: { 概要: `令和8年度第${i}回統合演習計画`, 対象情報の記述: `令和8年度に実施する自衛隊の第${i}回統合演習の計画(参加部隊の編成及び実施区域を含む。)` },
    }));
    files.push(file);
  }
  const opened = path.join(dir, 'opened.shitei');
  const openedText = sheet({ fields: { 整理番号: PLACEHOLDER }, sections: { 概要: '令和8年度開いた計画', 対象情報の記述: '令和8年度に実施する開いた計画' } });
  fs.writeFileSync(opened, openedText);
  return { dir, files, opened, openedText };
}

function storm(files: string[]) {
  for (const f of files) fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^整理番号：.*$/m, `整理番号：${PLACEHOLDER}`));
  // Each file twice: watchers report a write as several events; the server reads it once.
  const changes = files.map((f) => ({ uri: href(f), type: 2 }));
  return { changes: [...changes, ...changes] };
}

/** `shitei check --format json` over the folder: each file's diagnostics as comparable lines. */
function cliDiagnostics(dir: string): Map<string, string[]> {
  const r = runCli(['check', '--format', 'json', dir]);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const report = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] }[] };
  return new Map(report.files.map((f) => [href(path.resolve(REPO, f.path)), f.diagnostics.map((d) => `${d.line - 1}:${d.column - 1}-${d.endLine - 1}:${d.endColumn - 1} ${d.code} ${d.severity} ${d.message}`).sort()]));
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];
const lspLines = (items: Diagnostic[]) => items.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${SEVERITY[d.severity ?? 1]} ${d.message}`).sort();

function assertSameAsCli(cli: Map<string, string[]>, server: (uri: string) => Diagnostic[] | undefined): void {
  assert.equal(cli.size, STORM + 1);
  let shared = 0;
  for (const [uri, expected] of cli) {
    const got = server(uri);
    assert.ok(got, `no diagnostics for ${path.basename(uri)}`);
    assert.deepEqual(lspLines(got), expected, path.basename(uri));
    if (got.some((d) => d.code === 'serial-duplicate')) shared++;
  }
  // The storm put every changed file (and the opened one) in one group.
  assert.equal(shared, STORM + 1);
}

const hoverAt = (s: LspSession, uri: string) => s.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });

/**
 * The server's output as it arrives, frame by frame, before the client library queues it: how many
 * publishDiagnostics came so far, and at which of those counts each hover answer came. (Counted
 * where the bytes arrive, so the client's own backlog of messages to handle does not count.)
 */
function outputOrder(s: LspSession) {
  const order = { publications: 0, hoverAnswers: [] as number[], hoverRequests: [] as number[], smallestPublication: Infinity };
  // And where each hover request was when its bytes went to the server.
  const stdin = s.proc.stdin!;
  const write = stdin.write.bind(stdin) as (...args: unknown[]) => boolean;
  stdin.write = ((chunk: unknown, ...rest: unknown[]) => {
    if ((Buffer.isBuffer(chunk) || typeof chunk === 'string') && String(chunk).includes('"method":"textDocument/hover"')) order.hoverRequests.push(order.publications);
    return write(chunk, ...rest);
  }) as typeof stdin.write;
  let pending = Buffer.alloc(0);
  s.proc.stdout!.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      const headerEnd = pending.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(pending.subarray(0, headerEnd).toString('latin1'))?.[1]);
      if (pending.length < headerEnd + 4 + length) return;
      const body = pending.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      pending = pending.subarray(headerEnd + 4 + length);
      if (body.includes('"method":"textDocument/publishDiagnostics"')) {
        order.publications++;
        order.smallestPublication = Math.min(order.smallestPublication, headerEnd + 4 + length);
      }
      else if (body.includes('"result":{"contents"')) order.hoverAnswers.push(order.publications);
    }
  });
  return order;
}

test(`push: during a storm of ${STORM} changed files, a hover is answered between two publications, before the storm is done; then every file's diagnostics are the CLI's`, async () => {
  const w = workspace();
  const s = await LspSession.start({ rootPath: w.dir });
  const stormed = new Set(w.files.map(href));
  /** Publications of changed files since the notification, and the changed files published since. */
  let since = -1;
  let count = 0;
  const published = new Set<string>();
  const onPublish: (() => void)[] = [];
  s.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    s.diagnostics.set(p.uri, p);
    if (since >= 0 && stormed.has(p.uri)) {
      count++;
      published.add(p.uri);
      for (const f of onPublish.splice(0)) f();
    }
  });
  try {
    const openedUri = href(w.opened);
    await s.open(openedUri, w.openedText);
    // The folder scanned: every file published.
    await s.until(() => w.files.every((f) => s.diagnostics.has(href(f))), 120_000);
    // From the first publication of a changed file on, hovers one after another until all are
    // published: each answer comes after a few more publications at most, in the server's output.
    const order = outputOrder(s);
    const ahead: number[] = [];
    /** How many changed files had been published when each of those hovers was answered. */
    const publishedAtAnswer: number[] = [];
    const whilePublishing = new Promise<void>((resolve, reject) => {
      onPublish.push(() => {
        const loop = async () => {
          while (published.size < STORM) {
            const answers = order.hoverAnswers.length;
            await hoverAt(s, openedUri);
            ahead.push(order.hoverAnswers[answers] - order.hoverRequests[answers]);
            publishedAtAnswer.push(published.size);
          }
        };
        loop().then(resolve, reject);
      });
    });
    since = 0;
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', storm(w.files));
    // Sent with the notification: answered while the changed files are still being read and analysed.
    await hoverAt(s, openedUri);
    assert.equal(published.size, 0, 'the hover sent with the notification was answered before any changed file was published');
    await whilePublishing;
    assert.ok(publishedAtAnswer[0] < STORM, `the first hover was answered before the last changed file was published (${publishedAtAnswer.join(', ')} of ${STORM})`);
    // Between a request and its answer come what was still in the pipe when the request left (at
    // most a pipe's worth), what the server wrote before it read the request (at most another
    // before it must wait for the client), and the few it lets wait in its writer ahead of the
    // answer (4, and an open document's). Without that limit it is hundreds.
    const mostAhead = 2 * Math.ceil(PIPE_BYTES / order.smallestPublication) + 16;
    assert.ok(mostAhead < STORM / 4, `publications are large enough to tell (${mostAhead})`);
    assert.ok(Math.max(...ahead) <= mostAhead, `publications between each hover and its answer: ${ahead.join(', ')} (at most ${mostAhead})`);
    // Settled: every changed file shows the shared number; then nothing more changes.
    await s.until(() => w.files.every((f) => s.diagnostics.get(href(f))!.diagnostics.some((d) => d.code === 'serial-duplicate')), 120_000);
    let last = count;
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      if (count === last) break;
      last = count;
    }
    const cli = cliDiagnostics(w.dir);
    assertSameAsCli(cli, (uri) => s.diagnostics.get(uri)?.diagnostics);
  } finally {
    await s.stop();
  }
});

test(`pull: during a storm of ${STORM} changed files, hovers are answered before the refresh that ends it; then the pulled diagnostics are the CLI's`, async () => {
  const w = workspace();
  let refreshes = 0;
  const s = await LspSession.start({
    rootPath: w.dir,
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true, diagnostics: { refreshSupport: true } },
      textDocument: { diagnostic: { dynamicRegistration: false }, hover: { contentFormat: ['markdown', 'plaintext'] } },
    },
  });
  s.connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    return null;
  });
  /** As VS Code does: the result ids of the last reports go back; an `unchanged` report keeps its items. */
  const known = new Map<string, { resultId: string; items: Diagnostic[] }>();
  let kinds = { full: 0, unchanged: 0 };
  const pullAll = async () => {
    const previousResultIds = [...known].map(([uri, r]) => ({ uri, value: r.resultId }));
    const ws = await s.request<{ items: { uri: string; kind: string; resultId: string; items?: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds });
    kinds = { full: 0, unchanged: 0 };
    for (const item of ws.items) {
      assert.ok(item.resultId, 'each report has a result id');
      if (item.kind === 'full') known.set(item.uri, { resultId: item.resultId, items: item.items! });
      else {
        assert.ok(known.has(item.uri), 'unchanged only where the client sent a result id');
        known.get(item.uri)!.resultId = item.resultId;
      }
      kinds[item.kind as 'full' | 'unchanged']++;
    }
    const out = new Map([...known].map(([uri, r]) => [uri, r.items]));
    const report = await s.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: href(w.opened) } });
    out.set(href(w.opened), report.items);
    return out;
  };
  try {
    const openedUri = href(w.opened);
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: openedUri, languageId: 'shitei', version: 1, text: w.openedText } });
    // The folder scanned: every file in the workspace report.
    for (let seen = -1; ;) {
      await s.until(() => refreshes !== seen, 120_000);
      seen = refreshes;
      if ((await pullAll()).size === STORM + 1) break;
    }
    const before = refreshes;
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', storm(w.files));
    let answered = 0;
    while (refreshes === before) {
      await hoverAt(s, openedUri);
      if (refreshes === before) answered++;
    }
    assert.ok(answered >= 2, `${answered} hovers answered before the refresh that ended the storm`);
    // The refresh says the storm is done: the reports pulled now are final, every changed file's sent again.
    const pulled = await pullAll();
    assert.deepEqual(kinds, { full: STORM, unchanged: 0 });
    assertSameAsCli(cliDiagnostics(w.dir), (uri) => pulled.get(uri));
    // Asked again with nothing changed: every report is `unchanged`.
    await pullAll();
    assert.deepEqual(kinds, { full: 0, unchanged: STORM });
  } finally {
    await s.stop();
  }
});
