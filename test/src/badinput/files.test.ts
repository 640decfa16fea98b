/**
 * Hostile workspaces through the real CLI (and the language server where it reads from disk):
 * links to devices and FIFOs, a config above the workspace, configs that quote secrets or carry
 * enormous keys, a huge `agencies` list, unreadable folders, names that are not UTF-8, and
 * names or values holding terminal escapes and line breaks. Each run ends quickly with a clear
 * answer, leaks no file content and loses no readable sheet.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, REPO } from '../support/cli';
import { LspSession } from '../support/lspClient';
import { sheet } from '../support/sheet';
import { WORKSPACE_RULE_CODES } from '../../../core/out/rules/codes';

/** Each file's own diagnostics (the workspace rules compare the test's sheets with each other). */
const own = (ds: { code: string }[] | undefined) => ds?.map((d) => d.code).filter((c) => !(WORKSPACE_RULE_CODES as readonly string[]).includes(c));

const made: string[] = [];
after(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-fs-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A sheet with one measure-invalid error (措置 公表) on line 8. */
const BAD_MEASURE = sheet({ fields: { 措置: '公表' } });
const TODAY = JSON.stringify({ today: '2026-11-23' });

interface JsonReport {
  files: { path: string; error?: string; diagnostics?: { code: string; message: string }[] }[];
}

/** The CLI with a deadline: a run that blocks (a FIFO) or grows without end fails the test instead of hanging it. */
function run(args: string[], cwd: string, options: { uid?: number; gid?: number } = {}): { status: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 << 20, ...options });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

test('.shiteirc.json linked to /dev/zero, /dev/urandom or made a FIFO: refused at once (exit 2, named), no read', () => {
  for (const kind of ['/dev/zero', '/dev/urandom', 'fifo'] as const) {
    const dir = tempDir({ 'a.shitei': sheet() });
    const config = path.join(dir, '.shiteirc.json');
    if (kind === 'fifo') execFileSync('mkfifo', [config]);
    else fs.symlinkSync(kind, config);
    const r = run(['check', '--locale', 'en', 'a.shitei'], dir);
    assert.equal(r.signal, null, `${kind}: the run ended by itself`);
    assert.equal(r.status, 2, `${kind}: ${r.stderr}`);
    assert.match(r.stderr, /\.shiteirc\.json: cannot read the configuration: not a regular file \((a device|a named pipe \(FIFO\))\)/, kind);
  }
});

test('a .shitei linked to /dev/zero, through a folder or a glob: that entry is an error, every other sheet is checked', () => {
  const dir = tempDir({ 'drafts/a.shitei': BAD_MEASURE, 'drafts/b.shitei': sheet(), '.shiteirc.json': TODAY });
  fs.symlinkSync('/dev/zero', path.join(dir, 'drafts/zero.shitei'));
  execFileSync('mkfifo', [path.join(dir, 'drafts/pipe.shitei')]);
  fs.symlinkSync(path.join(dir, 'drafts/nowhere'), path.join(dir, 'drafts/dangling.shitei'));
  for (const target of ['drafts', 'drafts/*.shitei']) {
    const r = run(['check', '--format', 'json', '--locale', 'en', target], dir);
    assert.equal(r.signal, null, `${target}: the run ended by itself`);
    assert.equal(r.status, 2, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    assert.deepEqual(own(byPath.get('drafts/a.shitei')?.diagnostics), ['measure-invalid'], target);
    assert.deepEqual(own(byPath.get('drafts/b.shitei')?.diagnostics), [], target);
    assert.match(byPath.get('drafts/zero.shitei')?.error ?? '', /not a regular file \(a device\)/, target);
    if (target === 'drafts') assert.match(byPath.get('drafts/pipe.shitei')?.error ?? '', /not a regular file \(a named pipe/, target);
    if (target === 'drafts') assert.match(byPath.get('drafts/dangling.shitei')?.error ?? '', /cannot read the file \(ENOENT\)/, 'a link to nothing is named, not dropped');
    assert.match(r.stderr, /drafts\/zero\.shitei: not a regular file/);
  }
});

test('the config search stops at the repository root (.git, package.json) or the working folder', () => {
  // A shared parent (think /tmp) whose .shiteirc.json turns the rule off for everyone below it.
  const parent = tempDir({ '.shiteirc.json': JSON.stringify({ rules: { 'measure-invalid': 'off' } }) });
  const codes = (cwd: string, file: string) => (JSON.parse(run(['check', '--format', 'json', file], cwd).stdout) as JsonReport).files[0].diagnostics?.map((d) => d.code);
  for (const marker of ['.git', 'package.json']) {
    const repo = path.join(parent, `repo-${marker}`);
    fs.mkdirSync(path.join(repo, 'drafts'), { recursive: true });
    if (marker === '.git') fs.mkdirSync(path.join(repo, '.git'));
    else fs.writeFileSync(path.join(repo, 'package.json'), '{}');
    fs.writeFileSync(path.join(repo, 'drafts/a.shitei'), BAD_MEASURE);
    assert.deepEqual(codes(repo, 'drafts/a.shitei'), ['measure-invalid'], `${marker}: the parent's config is not read`);
    assert.deepEqual(codes(REPO, path.join(repo, 'drafts/a.shitei')), ['measure-invalid'], `${marker}: nor from another working folder`);
    // Inside the repository, the config at its root applies.
    fs.writeFileSync(path.join(repo, '.shiteirc.json'), JSON.stringify({ rules: { 'measure-invalid': 'warning' } }));
    assert.deepEqual((JSON.parse(run(['check', '--format', 'json', 'drafts/a.shitei'], repo).stdout) as { files: { diagnostics: { severity: string }[] }[] }).files[0].diagnostics.map((d) => d.severity), ['warning']);
  }
  // No repository: the working folder is the workspace; a file outside it sees only its own folder.
  const work = path.join(parent, 'work');
  fs.mkdirSync(path.join(work, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(work, 'sub/a.shitei'), BAD_MEASURE);
  assert.deepEqual(codes(work, 'sub/a.shitei'), ['measure-invalid']);
  assert.deepEqual(codes(REPO, path.join(work, 'sub/a.shitei')), ['measure-invalid']);
  assert.deepEqual(codes(parent, 'work/sub/a.shitei'), [], 'run from the folder with the config, it applies');
  // The ledger finds its config the same way.
  fs.writeFileSync(path.join(parent, '.shiteirc.json'), JSON.stringify({ today: '2030-01-01' }));
  fs.writeFileSync(path.join(work, '.shiteirc.json'), JSON.stringify({ today: '2027-04-01' }));
  assert.equal(JSON.parse(run(['ledger', '--format', 'json', 'sub'], work).stdout).today, '2027-04-01');
  fs.rmSync(path.join(work, '.shiteirc.json'));
  assert.notEqual(JSON.parse(run(['ledger', '--format', 'json', 'sub'], work).stdout).today, '2030-01-01');
});

test('a config that is not JSON (a link to a secret) or has huge or escaped keys: no content on stderr', () => {
  const SECRET = 'root:$6$saltsalt$SECRETHASHVALUE:20234:0:99999:7:::';
  const dir = tempDir({ 'a.shitei': sheet(), 'shadow': `${SECRET}\n` });
  fs.symlinkSync(path.join(dir, 'shadow'), path.join(dir, '.shiteirc.json'));
  const r = run(['check', '--locale', 'en', 'a.shitei'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /\.shiteirc\.json: the configuration is not valid JSON/);
  for (const piece of ['root', 'SECRET', 'salt', '20234']) assert.ok(!r.stderr.includes(piece), `stderr quotes "${piece}": ${r.stderr}`);
  // A JSON error further in: its place, not its text.
  fs.rmSync(path.join(dir, '.shiteirc.json'));
  fs.writeFileSync(path.join(dir, '.shiteirc.json'), '{\n  "today": "2026-11-23",\n  "SECRETVALUE" x\n}');
  const place = run(['check', '--locale', 'en', 'a.shitei'], dir);
  assert.equal(place.status, 2);
  assert.ok(!place.stderr.includes('SECRETVALUE'), place.stderr);

  // A 500 KB key, a key with ESC and a newline, a value that is a secret, and 1,000 more unknown keys.
  const config: Record<string, unknown> = { rules: { '\u001b]0;owned\u0007\nx': 'off' }, ['k'.repeat(500_000)]: 'SECRETVALUE', today: 'SECRETVALUE' };
  for (let i = 0; i < 1000; i++) config[`extra${i}`] = 1;
  fs.writeFileSync(path.join(dir, '.shiteirc.json'), JSON.stringify(config));
  const big = run(['check', '--locale', 'en', 'a.shitei'], dir);
  assert.equal(big.status, 2);
  assert.ok(big.stderr.length < 4000, `stderr is ${big.stderr.length} characters`);
  assert.ok(!big.stderr.includes('SECRETVALUE'), 'no value is echoed');
  assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(big.stderr), 'no control character reaches stderr');
  assert.equal(big.stderr.trimEnd().split('\n').length, 1, 'one line');
  assert.match(big.stderr, /unknown rule code "\\x1B\]0;owned\\x07\\nx"/);
  assert.match(big.stderr, /unknown configuration key "k{40}…"/);
  assert.match(big.stderr, /and \d+ more problems/);
});

test('a config over the size limit is refused; an agencies list of 130,000 names loads (no stack overflow)', () => {
  const dir = tempDir({ 'a.shitei': sheet({ fields: { 行政機関: '架空庁' } }) });
  fs.writeFileSync(path.join(dir, '.shiteirc.json'), JSON.stringify({ today: '2026-11-23', agencies: [...Array<string>(129_999).fill('x'), '架空庁'] }));
  const r = run(['check', '--format', 'json', 'a.shitei'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual((JSON.parse(r.stdout) as JsonReport).files[0].diagnostics, [], 'the agency in the list is known');
  fs.writeFileSync(path.join(dir, '.shiteirc.json'), JSON.stringify({ agencies: Array<string>(300_000).fill('架空庁') }));
  const big = run(['check', '--locale', 'en', 'a.shitei'], dir);
  assert.equal(big.status, 2);
  assert.match(big.stderr, /too large to read \(the limit is 1,048,576 bytes\)/);
});

test('a sheet over the byte limit its config allows is not read: one document-too-large diagnostic, the others checked', () => {
  // maxDocumentChars 1,000 → at most 3,003 bytes are read; 4,000 bytes of ASCII are over it for certain.
  const dir = tempDir({ 'big.shitei': 'a'.repeat(4000), 'small.shitei': 'x'.repeat(900), '.shiteirc.json': JSON.stringify({ today: '2026-11-23', maxDocumentChars: 1000 }) });
  const r = run(['check', '--format', 'json', '--locale', 'en', '.'], dir);
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as JsonReport;
  const big = report.files.find((f) => f.path === 'big.shitei')!;
  assert.deepEqual(big.diagnostics?.map((d) => d.code), ['document-too-large']);
  assert.match(big.diagnostics![0].message, /more than 3,003 bytes; the limit is 1,000 characters/);
  assert.ok(!own(report.files.find((f) => f.path === 'small.shitei')?.diagnostics)?.includes('document-too-large'));
  const ledger = run(['ledger', '--format', 'json', '--locale', 'en', '.'], dir);
  assert.match(ledger.stderr, /big\.shitei: the document is too large to check \(more than 3,003 bytes/);
});

test('one unreadable subfolder: named on stderr and in the JSON (exit 2), every readable sheet still checked', (t) => {
  const dir = tempDir({ 'a.shitei': BAD_MEASURE, 'locked/x.shitei': sheet(), 'z/b.shitei': sheet(), '.shiteirc.json': TODAY });
  fs.chmodSync(path.join(dir, 'locked'), 0o000);
  // Root reads any folder: run the CLI as nobody then, for whom the folder is closed, if nobody
  // can run this checkout at all (a checkout under /root cannot be); the next test covers root.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) fs.chmodSync(dir, 0o755);
  const user = asRoot ? { uid: 65534, gid: 65534 } : {};
  if (asRoot && run(['--version'], dir, user).status !== 0) {
    fs.chmodSync(path.join(dir, 'locked'), 0o755);
    t.skip('running as root, and user nobody cannot run this checkout');
    return;
  }
  try {
    for (const format of ['json', 'text']) {
      const r = run(['check', '--format', format, '--locale', 'en', '.'], dir, user);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /shitei: locked: cannot read the folder \(EACCES\)/);
      if (format === 'json') {
        const report = JSON.parse(r.stdout) as JsonReport;
        assert.deepEqual(report.files.map((f) => f.path).sort(), ['a.shitei', 'locked', 'z/b.shitei']);
        assert.deepEqual(own(report.files.find((f) => f.path === 'a.shitei')?.diagnostics), ['measure-invalid']);
      } else {
        assert.match(r.stdout, /a\.shitei:8:4 {2}error/);
      }
    }
    const ledger = run(['ledger', '--format', 'json', '.'], dir, user);
    assert.equal(ledger.status, 0, ledger.stderr);
    assert.equal(JSON.parse(ledger.stdout).rows.length, 2);
  } finally {
    fs.chmodSync(path.join(dir, 'locked'), 0o755);
  }
});

test('a subfolder no one can list (its path is longer than PATH_MAX: ENAMETOOLONG, even for root): the rest is checked', () => {
  const dir = tempDir({ 'a.shitei': BAD_MEASURE, '.shiteirc.json': TODAY });
  // Built by relative steps (cd), as only they can; 17 levels of 250 characters pass 4,096 bytes.
  const level = 'd'.repeat(250);
  execFileSync('bash', ['-c', `cd "$1" && for i in $(seq 17); do mkdir "$2" && cd "$2"; done && cat > deep.shitei`, 'mk', dir, level], { input: sheet() });
  try {
    const r = run(['check', '--format', 'json', '--locale', 'en', '.'], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /: cannot read the folder \(ENAMETOOLONG\)/);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(own(report.files.find((f) => f.path === 'a.shitei')?.diagnostics), ['measure-invalid']);
    assert.ok(report.files.some((f) => /cannot read the folder \(ENAMETOOLONG\)/.test(f.error ?? '')));
  } finally {
    // Node's rmSync cannot reach so deep by path; GNU rm walks it relative to each folder.
    execFileSync('rm', ['-rf', path.join(dir, level)]);
  }
});

test('a file name that is not UTF-8 (Shift_JIS) is found in its folder and checked', () => {
  const dir = tempDir({ 'ok.shitei': sheet(), '.shiteirc.json': TODAY });
  // 指定書.shitei in Shift_JIS: 0x8E 0x77 0x92 0xE8 0x8F 0x91.
  const name = Buffer.concat([Buffer.from([0x8e, 0x77, 0x92, 0xe8, 0x8f, 0x91]), Buffer.from('.shitei')]);
  fs.writeFileSync(Buffer.concat([Buffer.from(dir + path.sep), name]), BAD_MEASURE);
  const r = run(['check', '--format', 'json', '.'], dir);
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.equal(report.files.length, 2);
  const odd = report.files.find((f) => f.path !== 'ok.shitei')!;
  // 0x8E and 0x92 are not UTF-8; E8 8F 91 happens to be (菑), and stays so.
  assert.equal(odd.path, '\\x8Ew\\x92菑.shitei', 'its odd bytes shown as \\xHH');
  assert.deepEqual(own(odd.diagnostics), ['measure-invalid']);
  const ledger = run(['ledger', '--format', 'json', '.'], dir);
  assert.equal(ledger.status, 0, ledger.stderr);
  assert.equal(JSON.parse(ledger.stdout).rows.length, 2);
});

test('a file or folder name that is not UTF-8 (Shift_JIS) is found through a glob too, checked and shown with \\xHH', () => {
  const dir = tempDir({ 'ok.shitei': sheet(), '.shiteirc.json': TODAY });
  const name = Buffer.concat([Buffer.from([0x8e, 0x77, 0x92, 0xe8, 0x8f, 0x91]), Buffer.from('.shitei')]);
  fs.writeFileSync(Buffer.concat([Buffer.from(dir + path.sep), name]), BAD_MEASURE);
  // 文書 in Shift_JIS (0x95 0xB6 0x8F 0x91) as a folder, with a sheet in it.
  const folder = Buffer.concat([Buffer.from(path.join(dir, 'drafts') + path.sep), Buffer.from([0x95, 0xb6, 0x8f, 0x91])]);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(Buffer.concat([folder, Buffer.from(path.sep + 'a.shitei')]), BAD_MEASURE);
  const odd = '\\x8Ew\\x92菑.shitei';
  const inFolder = 'drafts/\\x95\\xB6\\x8F\\x91/a.shitei';
  const cases: [string[], string[]][] = [
    [['*.shitei'], ['ok.shitei', odd]],
    [['**/*.shitei'], ['ok.shitei', odd, inFolder]],
    [['drafts/*/*.shitei'], [inFolder]],
    [['?w*菑.shitei', 'drafts/**'], [odd, inFolder]],
    // The same file through a folder and a glob is checked once.
    [['.', '**/*.shitei'], ['ok.shitei', odd, inFolder]],
  ];
  for (const [args, expected] of cases) {
    const r = run(['check', '--format', 'json', ...args], dir);
    assert.equal(r.status, 1, `${args}: ${r.stderr}`);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => f.path).sort(), [...expected].sort(), args.join(' '));
    for (const shown of expected.filter((p) => p !== 'ok.shitei')) {
      assert.deepEqual(own(report.files.find((f) => f.path === shown)?.diagnostics), ['measure-invalid'], `${args}: ${shown}`);
    }
  }
  // The human formats show the same name, and so does the register.
  const text = run(['check', '--format', 'unix', '**/*.shitei'], dir);
  assert.ok(text.stdout.includes(`${odd}:8:`) && text.stdout.includes(`${inFolder}:8:`), text.stdout);
  const ledger = run(['ledger', '--format', 'json', '**/*.shitei'], dir);
  assert.equal(ledger.status, 0, ledger.stderr);
  assert.equal(JSON.parse(ledger.stdout).rows.length, 3);
});

test('names and values with ESC sequences and line breaks: written visibly in every human format', () => {
  const evilName = 'a\u001b[2J\u001b]0;title\u0007\nfake.shitei:1:1: error: injected [x].shitei';
  const evilValue = '公\u001b[31m表\r\n';
  const dir = tempDir({ '.shiteirc.json': TODAY });
  fs.writeFileSync(path.join(dir, evilName), sheet({ fields: { 措置: evilValue.trimEnd() } }));
  fs.writeFileSync(path.join(dir, 'b\u202Eelif.shitei'), '\u0000binary');
  const matcher = /^(.+?):(\d+):(\d+): (error|warning|info|hint): (.*) \[([a-z0-9-]+)\]$/;
  for (const format of ['text', 'unix', 'github']) {
    const r = run(['check', '--format', format, '.'], dir);
    assert.equal(r.status, 2, r.stderr);
    for (const [stream, out] of [['stdout', r.stdout], ['stderr', r.stderr]]) {
      assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/.test(out), `${format} ${stream}: no raw control character: ${JSON.stringify(out)}`);
    }
    // GitHub's own escaping writes the line break as %0A (shown as a break inside one annotation).
    const shownName = format === 'github' ? 'a\\x1B[2J\\x1B]0;title\\x07%0Afake.shitei%3A1%3A1' : 'a\\x1B[2J\\x1B]0;title\\x07\\nfake.shitei:1:1';
    assert.ok(r.stdout.includes(shownName), `${format}: the name, escaped: ${r.stdout}`);
    if (format === 'unix') {
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 2, 'one line per problem');
      for (const line of lines) assert.match(line, matcher);
      assert.ok(lines.some((l) => l.includes('公\\x1B[31m表')), 'the value, escaped');
    }
  }
  for (const format of ['md', 'csv']) {
    const r = run(['ledger', '--format', format, '.'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202e]/.test(r.stdout + r.stderr), `ledger ${format}: no raw ESC or bidi control`);
  }
  // The yearly report names paths on stderr the same way (a path that matches nothing, an --out).
  const report = run(['report', '--year', '2026', 'a\x1B[2J.shitei', '--out', 'b\x1B]0;t\x07.shitei'], dir);
  assert.equal(report.status, 2);
  assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202e]/.test(report.stderr), `report: no raw ESC (${JSON.stringify(report.stderr)})`);
  assert.match(report.stderr, /\\x1B/);
});

test('the installation is found by its own layout only: a package.json above a copied bundle is never read', () => {
  const outer = tempDir({ 'package.json': JSON.stringify({ name: 'shitei', version: '6.6.6', bin: { shitei: 'x' } }), 'docs/rules/README.md': 'foreign' });
  const install = path.join(outer, 'a/b');
  fs.mkdirSync(path.join(install, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(REPO, 'dist/cli.js'), path.join(install, 'dist/cli.js'));
  for (const d of ['dict', 'dict-prepared']) fs.symlinkSync(path.join(REPO, 'dist', d), path.join(install, 'dist', d));
  const version = () => execFileSync(process.execPath, [path.join(install, 'dist/cli.js'), '--version'], { encoding: 'utf8' }).trim();
  // No package.json of its own: no version (the old probe of dist/../../.. took 6.6.6 from above).
  assert.equal(version(), '0.0.0');
  const ours = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
  fs.copyFileSync(path.join(REPO, 'package.json'), path.join(install, 'package.json'));
  assert.equal(version(), ours.version);
  // A foreign package.json in its place (not shitei's): not taken either.
  fs.writeFileSync(path.join(install, 'package.json'), JSON.stringify({ name: 'other', version: '6.6.6' }));
  assert.equal(version(), '0.0.0');
  // The SARIF help links never point at the foreign docs/ above.
  fs.writeFileSync(path.join(install, 'a.shitei'), BAD_MEASURE);
  const sarif = spawnSync(process.execPath, [path.join(install, 'dist/cli.js'), 'check', '--format', 'sarif', 'a.shitei'], { cwd: install, encoding: 'utf8' }).stdout;
  assert.match(sarif, /measure-invalid/);
  assert.ok(!sarif.includes(pathToFileURL(path.join(outer, 'docs')).href), 'no link to the folder above');
});

test('LSP: a workspace whose .shiteirc.json is a link to /dev/zero: the server answers with defaults and says why', async () => {
  const dir = tempDir({ '.git/HEAD': 'ref: refs/heads/main\n' });
  fs.symlinkSync('/dev/zero', path.join(dir, '.shiteirc.json'));
  const session = await LspSession.start({ rootPath: dir });
  try {
    const diagnostics = await session.open(pathToFileURL(path.join(dir, 'a.shitei')).href, BAD_MEASURE);
    assert.ok(diagnostics.some((d) => d.code === 'measure-invalid'), JSON.stringify(diagnostics));
    const hover = await session.request('textDocument/hover', { textDocument: { uri: pathToFileURL(path.join(dir, 'a.shitei')).href }, position: { line: 1, character: 1 } });
    assert.ok(hover !== undefined);
  } finally {
    await session.stop();
  }
});
