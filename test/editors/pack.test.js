'use strict';
// The npm package installed anywhere: `npm pack`, `npm install ./shitei-X.tgz` into an empty
// project, offline, then what a drafts repository does with it: `npx shitei check` (exit codes,
// output, --fix), `npx shitei ledger`, and the language server started from the installed binary
// (initialize, diagnostics from structure and from the dictionary).
//
//   npm run build && node --test test/editors/pack.test.js
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { packAndInstall, ROOT } = require('./pack/install');

const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples/rules/expiry-mismatch.shitei'), 'utf8');
let pkg;

before(() => {
  pkg = packAndInstall('pack');
  fs.mkdirSync(path.join(pkg.project, 'drafts'));
  fs.writeFileSync(path.join(pkg.project, 'drafts', 'wrong-expiry.shitei'), SAMPLE);
  fs.writeFileSync(path.join(pkg.project, '.shiteirc.json'), JSON.stringify({ today: '2026-11-23' }));
});

after(() => {
  if (pkg) fs.rmSync(pkg.work, { recursive: true, force: true });
});

function npx(args, input) {
  const r = spawnSync('npx', ['shitei', ...args], { cwd: pkg.project, env: pkg.env, encoding: 'utf8', input, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the tarball holds the bundles, one prepared dictionary and the docs; no dependencies are installed', () => {
  const files = new Set(pkg.files);
  for (const f of ['bin/shitei.js', 'dist/cli.js', 'dist/server.js', 'dist/dict-prepared/manifest.json', 'dist/dict-prepared/base.dat', 'docs/rules/expiry-mismatch.md', 'README.md', 'package.json']) {
    assert.ok(files.has(f), `${f} in the tarball`);
  }
  assert.ok(!pkg.files.some((f) => f.startsWith('dist/dict/') || f.endsWith('.dat.gz')), 'no second (stock) dictionary');
  // client/README.md and its pictures are the extension's page (the same `files` list makes the .vsix).
  assert.ok(!pkg.files.some((f) => /^(core|cli|server|test)\//.test(f) || (/^client\//.test(f) && !/^client\/(README\.md|media\/)/.test(f)) || f.endsWith('.ts')), 'no sources or compiled tree');
  const installed = fs.readdirSync(path.join(pkg.project, 'node_modules')).filter((n) => !n.startsWith('.'));
  assert.deepEqual(installed, ['shitei'], 'nothing but shitei in node_modules');
  const manifest = JSON.parse(fs.readFileSync(path.join(pkg.project, 'node_modules/shitei/package.json'), 'utf8'));
  assert.equal(manifest.dependencies, undefined, 'no runtime dependencies: the bundles hold them');
});

test('npx shitei check from the drafts project: exit 1 with the diagnostic, exit 0 after --fix, --stdin', () => {
  const r = npx(['check', 'drafts/']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^drafts\/wrong-expiry\.shitei:7:5  エラー  満了日は令和10年3月31日です.*expiry-mismatch$/m);
  const json = npx(['check', '--format', 'json', '--locale', 'en', 'drafts/']);
  assert.equal(json.status, 1);
  assert.equal(JSON.parse(json.stdout).files[0].diagnostics[0].code, 'expiry-mismatch');
  assert.equal(npx(['check', 'drafts/no-such']).status, 2);
  const stdin = npx(['check', '--stdin', '--fix', '--stdin-filename', 'drafts/x.shitei'], SAMPLE);
  assert.equal(stdin.status, 0, stdin.stderr);
  assert.match(stdin.stdout, /^満了日：令和10年3月31日$/m);
  const fix = npx(['check', '--fix', '--locale', 'en', 'drafts/']);
  assert.equal(fix.status, 0, fix.stdout + fix.stderr);
  assert.match(fix.stdout, /^drafts\/wrong-expiry\.shitei: fixed 1 problem \(expiry-mismatch\)$/m);
  assert.equal(npx(['check', 'drafts/']).status, 0);
  fs.writeFileSync(path.join(pkg.project, 'drafts', 'wrong-expiry.shitei'), SAMPLE);
});

test('npx shitei ledger and --version from the drafts project', () => {
  const md = npx(['ledger', 'drafts/']);
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /警察-2026-9015/);
  const html = npx(['ledger', '--format', 'html', '--out', 'register.html', 'drafts/']);
  assert.equal(html.status, 0, html.stderr);
  assert.match(fs.readFileSync(path.join(pkg.project, 'register.html'), 'utf8'), /<html[\s>]/i);
  const version = npx(['--version']);
  assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
});

test('npx shitei lsp --stdio (the installed server, no registry): initialize, structural and dictionary-based diagnostics', async () => {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
  const child = spawn('npx', ['shitei', 'lsp', '--stdio'], { cwd: pkg.project, env: pkg.env, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.on('data', (c) => { stderr += c; });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = [];
  const statuses = [];
  const logs = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => published.push(p));
  conn.onNotification('shitei/status', (p) => statuses.push(p.state));
  conn.onNotification('window/logMessage', (p) => logs.push(p.message));
  conn.onNotification(() => undefined);
  conn.onRequest(() => null);
  conn.listen();
  try {
    const uri = pathToFileURL(path.join(pkg.project, 'drafts', 'vague.shitei')).href;
    const init = await conn.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(pkg.project).href, locale: 'en',
      workspaceFolders: [{ uri: pathToFileURL(pkg.project).href, name: 'drafts' }],
      capabilities: { textDocument: { publishDiagnostics: {} } },
    });
    assert.equal(init.serverInfo.name, 'shitei');
    await conn.sendNotification('initialized', {});
    // expiry-mismatch is structural; scope-vague (等) needs kuromoji's tokens, i.e. the shipped dictionary.
    const text = SAMPLE.replace(/(【対象情報の記述】\r?\n)(.*)/, (m, h, line) => `${h}${line.replace(/。?$/, '')}等`);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'shitei', version: 1, text } });
    const deadline = Date.now() + 30_000;
    const codes = () => new Set(published.filter((p) => p.uri === uri).flatMap((p) => p.diagnostics.map((d) => d.code)));
    while (!(codes().has('expiry-mismatch') && codes().has('scope-vague')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(codes().has('expiry-mismatch'), `expiry-mismatch published; stderr: ${stderr}`);
    assert.ok(codes().has('scope-vague'), `scope-vague (needs the dictionary) published; statuses ${statuses}; logs ${logs.join(' | ')}; stderr: ${stderr}`);
    assert.ok(!statuses.includes('error'), `no dictionary error (${statuses})`);
    assert.ok(!logs.some((l) => /stock|fallback|could not load/i.test(l)), `the prepared dictionary was used: ${logs.join(' | ')}`);
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    assert.equal(await exited, 0, 'the server (and npx) exit after shutdown + exit');
  } finally {
    conn.dispose();
    setTimeout(() => child.kill(), 2000).unref();
  }
});

test('the installed CLI under strace: no network socket, no file written (needs strace)', () => {
  const log = path.join(pkg.work, 'strace.log');
  const r = spawnSync('strace', ['-f', '-qq', '-e', 'trace=socket,connect,open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat', '-o', log, pkg.bin, 'check', 'drafts/'], { cwd: pkg.project, env: pkg.env, encoding: 'utf8', timeout: 60_000 });
  assert.ok(!r.error, `strace is required (apt-get install strace): ${r.error && r.error.message}`);
  assert.equal(r.status, 1, r.stderr);
  const lines = fs.readFileSync(log, 'utf8').split('\n');
  assert.ok(lines.some((l) => l.includes('dict-prepared/base.dat')), 'the trace saw the installed dictionary being read');
  assert.deepEqual(lines.filter((l) => /AF_INET6?\b/.test(l)), [], 'no network socket');
  const writes = lines.filter((l) => /^\d+\s+(\w+)\(/.test(l) && !/= -1 E/.test(l))
    .filter((l) => (/\b(open|openat)\(/.test(l) ? /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND/.test(l) : !/\b(socket|connect)\(/.test(l)))
    .filter((l) => !/"\/dev\/(null|tty|pts\/\d+)"/.test(l));
  assert.deepEqual(writes, [], 'no file opened for writing, created, renamed or removed');
});

test("the README's GitHub Actions steps pass in a drafts project set up as the README says", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const yaml = /```yaml\n([\s\S]*?)```/.exec(readme.split('### In CI (GitHub Actions)')[1])[1];
  const runs = [...yaml.matchAll(/^\s*- run: (.*)$/gm)].map((m) => m[1]);
  assert.ok(runs[0] === 'npm ci' && runs.some((r) => r.startsWith('npx shitei check')), `run steps: ${runs}`);
  // The README's install: the tarball committed under tools/, a devDependency, a lock file.
  const repo = path.join(pkg.work, 'actions-drafts');
  fs.mkdirSync(path.join(repo, 'tools'), { recursive: true });
  fs.mkdirSync(path.join(repo, 'drafts'));
  fs.copyFileSync(pkg.tarball, path.join(repo, 'tools', path.basename(pkg.tarball)));
  fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'actions-drafts', private: true }) + '\n');
  fs.writeFileSync(path.join(repo, '.shiteirc.json'), JSON.stringify({ today: '2026-11-23' }));
  fs.writeFileSync(path.join(repo, 'drafts', 'a.shitei'), SAMPLE.replace('満了日：令和10年4月1日', '満了日：令和10年3月31日'));
  const sh = (cmd) => spawnSync('sh', ['-c', cmd], { cwd: repo, env: pkg.env, encoding: 'utf8', timeout: 120_000 });
  const install = sh(`npm install --save-dev ./tools/${path.basename(pkg.tarball)}`);
  assert.equal(install.status, 0, install.stderr);
  assert.match(JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).devDependencies.shitei, /^file:tools\//);
  fs.rmSync(path.join(repo, 'node_modules'), { recursive: true });
  for (const cmd of runs) {
    const r = sh(cmd);
    assert.equal(r.status, 0, `${cmd}\n${r.stdout}\n${r.stderr}`);
  }
  assert.equal(JSON.parse(fs.readFileSync(path.join(repo, 'shitei.sarif'), 'utf8')).version, '2.1.0');
  // A wrong 満了日 fails the check step, with an annotation on its line.
  fs.writeFileSync(path.join(repo, 'drafts', 'a.shitei'), SAMPLE);
  const check = sh(runs.find((r) => r.includes('--format github')));
  assert.equal(check.status, 1);
  assert.match(check.stdout, /^::error file=drafts\/a\.shitei,line=7,/m);
});
