/**
 * Confidentiality, measured from outside: a CLI check over samples/ and a whole LSP session
 * (open, edit, code action, fix-all, hover, completion) run under Debian's strace, following
 * every thread and child process. Any AF_INET/AF_INET6 socket() or connect() fails the test
 * (the stdio pipes and any AF_UNIX channel are allowed). The same traces also record every
 * file opened for writing, created, renamed or removed: apart from the terminal and
 * /dev/null, there must be none — no temp files, no caches, no logs.
 *
 * Plain CommonJS, run on its own (it needs `apt-get install -y strace`; missing strace FAILS):
 *     npx tsc -b && node --test test/editors/strace.test.js
 */
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const REPO = path.resolve(__dirname, '../..');
const BIN = path.join(REPO, 'bin/shitei.js');
const MARKER = '機密マーカー1234XYZ';
const SYSCALLS = 'socket,connect,open,openat,openat2,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,unlink,unlinkat,truncate';

let scratch;
before(() => {
  const which = spawnSync('strace', ['-V'], { encoding: 'utf8' });
  assert.ok(!which.error && which.status === 0, 'strace is required: apt-get install -y strace');
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-strace-'));
});
after(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/** Problems found in an strace log (`-f -o FILE`), and what was seen, for the report. */
function analyse(log) {
  const lines = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const network = [];
  const writes = [];
  const families = new Map();
  for (const line of lines) {
    const call = /^\d+\s+(?:<\.\.\. )?(\w+)\(/.exec(line)?.[1];
    if (!call) continue;
    if (call === 'socket' || call === 'connect') {
      const family = /\b(AF_[A-Z0-9]+|PF_[A-Z0-9]+)/.exec(line)?.[1] ?? 'unknown';
      families.set(family, (families.get(family) ?? 0) + 1);
      if (/AF_INET6?\b|PF_INET6?\b/.test(line)) network.push(line);
      continue;
    }
    if (/= -1 E/.test(line)) continue; // failed: nothing was written
    const target = /"([^"]*)"/.exec(line)?.[1] ?? '';
    const allowed = /^\/dev\/(null|tty|pts\/\d+|stdout|stderr)$/.test(target) || target === '/proc/self/oom_score_adj';
    if (/^(open|openat|openat2)$/.test(call)) {
      if (/O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND/.test(line) && !allowed) writes.push(line);
    } else if (!allowed) {
      writes.push(line); // creat, mkdir, rename, link, symlink, unlink, truncate
    }
  }
  return { lines: lines.length, network, writes, families };
}

function strace(log, args) {
  return ['-f', '-qq', '-e', `trace=${SYSCALLS}`, '-o', log, process.execPath, BIN, ...args];
}

test('the detector works: a process that connects to 127.0.0.1 and writes a file is caught', () => {
  const log = path.join(scratch, 'control.strace');
  const target = path.join(scratch, 'control-written.txt');
  const script = `require('net').connect(9, '127.0.0.1').on('error', () => {}); require('fs').writeFileSync(${JSON.stringify(target)}, 'x')`;
  const r = spawnSync('strace', ['-f', '-qq', '-e', `trace=${SYSCALLS}`, '-o', log, process.execPath, '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const found = analyse(log);
  assert.ok(found.network.some((l) => /socket\(AF_INET/.test(l)) && found.network.some((l) => /connect\(.*AF_INET/.test(l)), 'AF_INET socket and connect seen');
  assert.ok(found.writes.some((l) => l.includes(target)), 'the write is seen');
  fs.rmSync(target, { force: true });
});

test('CLI check over samples/ under strace: no network socket, no file written', (t) => {
  const log = path.join(scratch, 'cli.strace');
  const r = spawnSync('strace', strace(log, ['check', '--format', 'json', 'samples/']), { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, TMPDIR: scratch } });
  assert.ok([0, 1].includes(r.status), `exit ${r.status}: ${r.stderr}`);
  assert.ok(JSON.parse(r.stdout).files.length > 10, 'the samples were checked');
  const found = analyse(log);
  t.diagnostic(`${found.lines} traced calls; socket families: ${[...found.families].map(([f, n]) => `${f}×${n}`).join(', ') || 'none'}`);
  assert.deepEqual(found.network, [], 'AF_INET/AF_INET6 socket or connect');
  assert.deepEqual(found.writes, [], 'files written');
  assert.deepEqual(fs.readdirSync(scratch).filter((n) => !n.endsWith('.strace') && !n.startsWith('control')), [], 'nothing left in TMPDIR');
});

test('a whole LSP session under strace: no network socket, no file written', async (t) => {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require(require.resolve('vscode-jsonrpc/node', { paths: [REPO] }));
  const log = path.join(scratch, 'lsp.strace');
  const ws = fs.mkdtempSync(path.join(scratch, 'ws-'));
  const file = path.join(ws, 'secret.shitei');
  const text = fs.readFileSync(path.join(REPO, 'samples/rules/expiry-mismatch.shitei'), 'utf8').replace(/整理番号：[^\n]*/, `整理番号：${MARKER}`);
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const before = fs.statSync(file).mtimeMs;

  const proc = spawn('strace', strace(log, ['lsp', '--stdio']), { cwd: ws, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: scratch } });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const published = new Map();
  let ready = false;
  let wake = () => {};
  connection.onNotification((method, params) => {
    if (method === 'textDocument/publishDiagnostics') published.set(params.uri, params);
    if (method === 'shitei/status' && (params.state === 'ready' || params.state === 'failed')) ready = true;
    wake();
  });
  connection.onRequest((method, params) => (method === 'workspace/applyEdit' ? { applied: true } : method === 'workspace/configuration' ? params.items.map(() => null) : null));
  connection.listen();
  const until = async (predicate, ms = 60000) => {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the server\n${stderr}`);
      await new Promise((r) => {
        wake = r;
        setTimeout(r, 50);
      });
    }
  };
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ws).href,
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, applyEdit: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await connection.sendNotification('initialized', {});
    await until(() => ready);
    // Open, edit.
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'shitei', version: 1, text } });
    await until(() => published.get(uri)?.version === 1);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `# ${MARKER}\n` }] });
    await until(() => published.get(uri)?.version === 2);
    const diagnostics = published.get(uri).diagnostics;
    assert.ok(diagnostics.some((d) => d.code === 'expiry-mismatch'), diagnostics.map((d) => d.code).join(', '));
    // Code action, applied; fix-all through workspace/applyEdit; hover; completion.
    const mismatch = diagnostics.find((d) => d.code === 'expiry-mismatch');
    const actions = await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: mismatch.range, context: { diagnostics: [mismatch] } });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit);
    assert.ok(fix, 'a quick fix is offered');
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: fix.edit.changes[uri].map((e) => ({ range: e.range, text: e.newText })) });
    await until(() => published.get(uri)?.version === 3);
    assert.ok(!published.get(uri).diagnostics.some((d) => d.code === 'expiry-mismatch'), 'the fix repaired it');
    await connection.sendRequest('workspace/executeCommand', { command: 'shitei.applyFixAll', arguments: [uri] });
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 8 } });
    assert.ok(hover === null || hover.contents);
    await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } });
    await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    await connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise((resolve) => {
      if (proc.exitCode !== null) return resolve();
      const timer = setTimeout(resolve, 10000);
      proc.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  } finally {
    if (proc.exitCode === null) proc.kill('SIGKILL');
    connection.dispose();
  }
  assert.equal(proc.exitCode, 0, `the server exits cleanly after shutdown/exit\n${stderr}`);
  const found = analyse(log);
  t.diagnostic(`${found.lines} traced calls; socket families: ${[...found.families].map(([f, n]) => `${f}×${n}`).join(', ') || 'none'}`);
  assert.deepEqual(found.network, [], 'AF_INET/AF_INET6 socket or connect');
  assert.deepEqual(found.writes, [], 'files written');
  assert.equal(fs.statSync(file).mtimeMs, before, 'the server never writes the document');
  assert.deepEqual(fs.readdirSync(scratch).filter((n) => !n.endsWith('.strace') && !n.startsWith('ws-') && !n.startsWith('control')), [], 'nothing left in TMPDIR');
  assert.ok(!stderr.includes(MARKER), 'stderr quotes the document');
});

test('export, import and the xlsx register under strace: no network socket, only the named outputs written', (t) => {
  const work = path.join(scratch, 'documents');
  fs.mkdirSync(work);
  fs.copyFileSync(path.join(REPO, 'samples/clean/soubicho-encho.shitei'), path.join(work, 'in.shitei'));
  const runs = [
    { args: ['export', 'in.shitei', '--out', 'out.docx'], outputs: ['out.docx'] },
    { args: ['import', 'out.docx', '--out', 'back.shitei'], outputs: ['back.shitei'] },
    { args: ['ledger', path.join(REPO, 'samples/clean'), '--format', 'xlsx', '--out', 'reg.xlsx'], outputs: ['reg.xlsx'] },
    { args: ['import', 'reg.xlsx', '--out-dir', 'sheets'], outputs: ['sheets'] },
  ];
  for (const [i, run] of runs.entries()) {
    const log = path.join(scratch, `documents-${i}.strace`);
    const r = spawnSync('strace', strace(log, run.args), { cwd: work, encoding: 'utf8', env: { ...process.env, TMPDIR: scratch } });
    assert.equal(r.status, 0, `${run.args[0]}: ${r.stderr}`);
    const found = analyse(log);
    t.diagnostic(`${run.args.slice(0, 2).join(' ')}: ${found.lines} traced calls`);
    assert.deepEqual(found.network, [], `${run.args[0]}: AF_INET/AF_INET6 socket or connect`);
    const outside = found.writes.filter((l) => !run.outputs.some((o) => l.includes(`"${o}`) || l.includes(path.join(work, o))));
    assert.deepEqual(outside, [], `${run.args[0]}: files written other than ${run.outputs.join(', ')}`);
  }
});
