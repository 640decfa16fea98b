/** `shitei ledger` as reviewers and CI run it: files and folders in, one register out. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { sheet } from '../support/sheet';
import { parseCsvStrict } from './support';

function tempDir(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-ledger-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function listing(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

const CONFIG = JSON.stringify({ today: '2026-11-23' });

/** A folder with two readable sheets (one full of problems), one nested, and every kind of bad file. */
function messyFolder(): string {
  const dir = tempDir({
    '.shiteirc.json': CONFIG,
    'good.shitei': sheet({ fields: { 整理番号: 'L-GOOD' } }),
    'problems.shitei': sheet({ fields: { 整理番号: 'L-PROB', 措置: '公表', 満了日: '令和10年2月30日', 行政機関: null }, sections: { 概要: null } }),
    'sub/nested.shitei': sheet({ fields: { 整理番号: 'L-NEST', 行政機関: '外務省', 別表: '別表第2号ハa' } }),
    'binary.shitei': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
    'bad-encoding.shitei': new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0xfe, 0x0a]),
    'empty.shitei': '',
    'notes.txt': 'メモ',
    '.hidden.shitei': sheet({ fields: { 整理番号: 'L-HIDDEN' } }),
  });
  fs.symlinkSync(path.join(dir, 'gone.shitei'), path.join(dir, 'dangling.shitei'));
  return dir;
}

const SKIPPED = ['bad-encoding.shitei', 'binary.shitei', 'dangling.shitei', 'empty.shitei', 'notes.txt'];

test('a messy folder: every readable sheet listed, each bad file skipped once (stderr and JSON), exit 0', () => {
  const dir = messyFolder();
  const r = runCli(['ledger', '--format', 'json', '.'], dir);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.deepEqual(json.rows.map((x: { serial: string }) => x.serial).sort(), ['L-GOOD', 'L-NEST', 'L-PROB']);
  assert.deepEqual(json.skipped.map((s: { path: string }) => s.path), SKIPPED);
  for (const s of json.skipped) assert.ok(s.reason.length > 0);
  for (const name of SKIPPED) {
    const lines = r.stderr.split('\n').filter((l) => l.includes(name));
    assert.equal(lines.length, 1, `${name} reported once on stderr:\n${r.stderr}`);
  }
  assert.ok(!r.stderr.includes('hidden') && !r.stdout.includes('L-HIDDEN'), 'hidden files are left out, as check does');
  const prob = json.rows.find((x: { serial: string }) => x.serial === 'L-PROB');
  assert.equal(prob.agency, '');
  assert.equal(prob.measure, '公表');
  assert.equal(prob.summary, '');
  assert.equal(prob.expiry, '令和10年3月31日', 'an impossible 満了日 gives way to the computed one');
  assert.equal(json.rows.find((x: { serial: string }) => x.serial === 'L-NEST').path, 'sub/nested.shitei');
  assert.match(r.stderr, /binary\.shitei: バイナリ/);
  assert.match(r.stderr, /notes\.txt: \.shitei ファイルではありません/);
});

test('skipped files are named in every format: md and html sections, stderr for csv', () => {
  const dir = messyFolder();
  const md = runCli(['ledger', '.'], dir);
  assert.equal(md.status, 0);
  const section = md.stdout.slice(md.stdout.indexOf('## 読み込まなかったファイル'));
  for (const name of SKIPPED) assert.ok(section.includes(name.replace(/_/g, '\\_')), name);
  const html = runCli(['ledger', '--format', 'html', '.'], dir);
  const table = /<table id="skipped">[\s\S]*?<\/table>/.exec(html.stdout)![0];
  for (const name of SKIPPED) assert.ok(table.includes(name), name);
  const csv = runCli(['ledger', '--format', 'csv', '.'], dir);
  assert.equal(csv.status, 0);
  assert.equal(parseCsvStrict(csv.stdout.slice(1)).length, 1 + 3);
  for (const name of SKIPPED) assert.ok(csv.stderr.includes(name), name);
});

test('--out writes that one file and nothing else; a later run does not list it', () => {
  const dir = messyFolder();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-ledger-out-'));
  const before = listing(dir);
  const r = runCli(['ledger', '--format', 'csv', '--out', path.join(out, 'ledger.csv'), '.'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.deepEqual(listing(dir), before, 'nothing written next to the sheets');
  assert.deepEqual(listing(out), ['ledger.csv']);
  const bytes = fs.readFileSync(path.join(out, 'ledger.csv'));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);

  const inside = runCli(['ledger', '--format', 'html', '--out', 'register.html', '.'], dir);
  assert.equal(inside.status, 0);
  assert.deepEqual(listing(dir), [...before, 'register.html'].sort());
  const again = runCli(['ledger', '--format', 'json', '--out', 'register.html', '.'], dir);
  assert.equal(again.status, 0);
  assert.ok(!again.stderr.includes('register.html:'), 'the output file is not read as input');
});

test('--out refuses a .shitei name and a folder that does not exist (exit 2, nothing written)', () => {
  const dir = tempDir({ 'a.shitei': sheet(), '.shiteirc.json': CONFIG });
  const before = listing(dir);
  assert.equal(runCli(['ledger', '--out', 'b.shitei', '.'], dir).status, 2);
  assert.equal(runCli(['ledger', '--out', 'no/such/dir/x.md', '.'], dir).status, 2);
  assert.deepEqual(listing(dir), before);
});

test('no readable sheet: exit 2, the skipped files named, no output', () => {
  const dir = tempDir({ 'x.shitei': new Uint8Array([0, 1, 2]), 'y.txt': 'y' });
  const r = runCli(['ledger', '--out', 'ledger.md', '.'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /x\.shitei/);
  assert.match(r.stderr, /y\.txt/);
  assert.ok(!fs.existsSync(path.join(dir, 'ledger.md')));
});

test('bad arguments and paths: exit 2 with a reason', () => {
  const dir = tempDir({ 'a.shitei': sheet() });
  for (const args of [['ledger'], ['ledger', '--format', 'pdf', '.'], ['ledger', '--bogus', '.'], ['ledger', '--out'], ['ledger', 'missing-folder'], ['ledger', 'nothing-*.shitei'], ['ledger', '--format', 'md', '--format', 'csv', '.']]) {
    const r = runCli(args, dir);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.ok(r.stderr.length > 0);
    assert.equal(r.stdout, '');
  }
  const cfg = runCli(['ledger', '--config', 'nope.json', '.'], dir);
  assert.equal(cfg.status, 2);
});

test('today comes from the config (the nearest .shiteirc.json, or --config)', () => {
  const dir = tempDir({
    '.shiteirc.json': JSON.stringify({ today: '2027-04-01' }),
    'other.json': JSON.stringify({ today: '2028-03-01' }),
    'a.shitei': sheet(),
  });
  const near = JSON.parse(runCli(['ledger', '--format', 'json', 'a.shitei'], dir).stdout);
  assert.equal(near.today, '2027-04-01');
  assert.deepEqual(near.summary.expiringSoon.map((e: { daysLeft: number }) => e.daysLeft), [365]);
  const explicit = JSON.parse(runCli(['ledger', '--format', 'json', '--config', 'other.json', 'a.shitei'], dir).stdout);
  assert.equal(explicit.today, '2028-03-01');
  assert.deepEqual(explicit.summary.expiringSoon.map((e: { daysLeft: number }) => e.daysLeft), [30]);
});

test('samples/ledger: four designations, one expiring within 12 months, one 5-year, one extended', () => {
  const r = runCli(['ledger', '--format', 'json', 'samples/ledger']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const json = JSON.parse(r.stdout);
  assert.equal(json.today, '2026-11-23');
  assert.deepEqual(json.rows.map((x: { serial: string }) => x.serial), ['LEDGER-内閣-2022-1201', 'LEDGER-警察-2026-1001', 'LEDGER-海保-2025-0702', 'LEDGER-防衛-2026-0501']);
  assert.deepEqual(json.summary.expiringSoon.map((e: { serial: string; expiry: string; daysLeft: number }) => [e.serial, e.expiry, e.daysLeft]), [['LEDGER-海保-2025-0702', '令和9年6月30日', 219]]);
  assert.equal(json.summary.byValidity.fiveYears, 1);
  const naikaku = json.rows[0];
  assert.equal(naikaku.expiry, '2026-11-30');
  assert.equal(naikaku.finalExpiry, '2028-11-30');
  const keisatsu = json.rows[1];
  assert.equal(keisatsu.designated, '令和８年１０月１日');
  assert.deepEqual(keisatsu.beppyo, ['別表第3号ロb', '別表第4号ロb']);
  assert.equal(keisatsu.summary, '令和８年中に外国の政府から提供された国際テロリズム関係者の\n本邦入国企図に係る情報');
  assert.deepEqual(json.summary.byAgencyAndGou.totals, { byGou: { '1': 1, '2': 1, '3': 1, '4': 2 }, unclassified: 0, total: 4 });
  assert.deepEqual(json.skipped, []);
  // The samples are clean sheets.
  const check = runCli(['check', '--format', 'json', 'samples/ledger']);
  assert.equal(check.status, 0);
  assert.equal(JSON.parse(check.stdout).summary.errors + JSON.parse(check.stdout).summary.warnings, 0);
});

test('globs, English, and the help line', () => {
  const r = runCli(['ledger', '--locale', 'en', '--format', 'md', 'samples/ledger/*.shitei']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^# Register of designations/);
  assert.match(r.stdout, /\| Serial number \|/);
  assert.match(r.stdout, /5-year designations: 1 of 4/);
  assert.match(runCli(['--help']).stdout, /shitei ledger/);
});
