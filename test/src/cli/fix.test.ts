/**
 * `shitei check --fix` and `--stdin [--stdin-filename PATH]`, through bin/shitei.js as a user runs
 * them: files fixed in place in their own encoding, BOM and line endings; idempotent; what was
 * fixed is reported, then what remains; a fix that cannot be written faithfully is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIN, runCli } from '../support/cli';
import { sheet } from '../support/sheet';
import { encodeLike } from '../../../cli/out/fix';
import { decodeDocument } from '../../../core/out/text/decode';

const CONFIG = JSON.stringify({ today: '2026-11-23' });
/** A sheet whose only problem is a wrong 満了日 (safe fix: 令和10年3月31日). */
const WRONG_EXPIRY = { fields: { 満了日: '令和10年4月1日' } };

function tempDir(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-fix-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** The binary with bytes on stdin and bytes back. */
function runWithInput(args: string[], cwd: string, input: Uint8Array): { status: number; stdout: Buffer; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, env: { ...process.env, SHITEI_LOCALE: '' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** Shift_JIS bytes of an ASCII/JIS X 0208 text, through the table the decoder implies (test-side, independent of cli/fix). */
function toShiftJis(text: string): Buffer {
  const reverse = new Map<string, number[]>();
  const dec = new TextDecoder('shift_jis', { fatal: true });
  for (let lead = 0x81; lead <= 0xef; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      try {
        const s = dec.decode(Uint8Array.of(lead, trail));
        if (!reverse.has(s)) reverse.set(s, [lead, trail]);
      } catch { /* unassigned */ }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const b = reverse.get(ch);
      assert.ok(b, `test text has ${ch}, not in Shift_JIS`);
      out.push(...b);
    }
  }
  return Buffer.from(out);
}

test('--fix: fixes in place, says what it fixed, then reports what remains; a second run changes nothing', () => {
  const dir = tempDir({ 'a.shitei': sheet(WRONG_EXPIRY), 'b.shitei': sheet({ fields: { 整理番号: '防衛-2026-0013', 措置: '公表' } }), '.shiteirc.json': CONFIG });
  const r = runCli(['check', '--fix', '--locale', 'en', '.'], dir);
  assert.equal(r.status, 1, r.stderr); // measure-invalid in b has no safe fix: it remains, an error
  assert.match(r.stdout, /^a\.shitei: fixed 1 problem \(expiry-mismatch\)$/m);
  assert.doesNotMatch(r.stdout, /^b\.shitei: fixed/m);
  assert.doesNotMatch(r.stdout, /expiry-mismatch$/m, 'the fixed problem is not reported again');
  assert.match(r.stdout, /^b\.shitei:8:4  error  .*measure-invalid$/m);
  const fixed = fs.readFileSync(path.join(dir, 'a.shitei'), 'utf8');
  assert.equal(fixed, sheet({ fields: { 満了日: '令和10年3月31日' } }));
  const bBefore = fs.statSync(path.join(dir, 'b.shitei')).mtimeMs;

  const again = runCli(['check', '--fix', '--locale', 'en', '.'], dir);
  assert.equal(again.status, 1);
  assert.doesNotMatch(again.stdout, /fixed/);
  assert.equal(fs.readFileSync(path.join(dir, 'a.shitei'), 'utf8'), fixed);
  assert.equal(fs.statSync(path.join(dir, 'b.shitei')).mtimeMs, bBefore, 'a file with nothing to fix is not written');

  const ja = runCli(['check', '--fix', 'c.shitei'], tempDir({ 'c.shitei': sheet(WRONG_EXPIRY), '.shiteirc.json': CONFIG }));
  assert.equal(ja.status, 0);
  assert.match(ja.stdout, /^c\.shitei: 1件を修正しました\(expiry-mismatch\)$/m);
});

test('--fix with a machine format: the fix report goes to stderr, stdout stays parseable', () => {
  const dir = tempDir({ 'a.shitei': sheet(WRONG_EXPIRY), '.shiteirc.json': CONFIG });
  const r = runCli(['check', '--fix', '--format', 'json', '--locale', 'en', 'a.shitei'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).files, [{ path: 'a.shitei', diagnostics: [] }]);
  assert.match(r.stderr, /a\.shitei: fixed 1 problem/);
});

test('--fix keeps the encoding, the BOM and CRLF line endings (UTF-8 BOM, UTF-16LE, UTF-16BE)', () => {
  // Distinct 整理番号, so that the sheets do not report each other (serial-duplicate).
  // Three designations, each of its own exercise (the same description twice is description-duplicate).
  const sections = (serial: string) => ({ 対象情報の記述: `令和8年度に実施する自衛隊の統合演習${serial}の計画`, 概要: `令和8年度自衛隊統合演習${serial}計画` });
  const text = (serial: string) => sheet({ fields: { 整理番号: serial, 満了日: '令和10年4月1日' }, sections: sections(serial), eol: '\r\n' });
  const expected = (serial: string) => sheet({ fields: { 整理番号: serial, 満了日: '令和10年3月31日' }, sections: sections(serial), eol: '\r\n' });
  const utf8bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]);
  const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
  const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);
  const cases: [string, Buffer, Buffer][] = [
    ['bom8.shitei', utf8bom(text('防衛-2026-0001')), utf8bom(expected('防衛-2026-0001'))],
    ['le.shitei', utf16le(text('防衛-2026-0002')), utf16le(expected('防衛-2026-0002'))],
    ['be.shitei', utf16be(text('防衛-2026-0003')), utf16be(expected('防衛-2026-0003'))],
  ];
  const dir = tempDir({ '.shiteirc.json': CONFIG, ...Object.fromEntries(cases.map(([n, b]) => [n, b])) });
  const r = runCli(['check', '--fix', '--locale', 'en', '.'], dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  for (const [name, , want] of cases) {
    assert.match(r.stdout, new RegExp(`^${name.replace('.', '\\.')}: fixed 1 problem`, 'm'));
    assert.deepEqual(fs.readFileSync(path.join(dir, name)), want, name);
  }
});

test('--fix on Shift_JIS: only the fixed characters change; bytes with two encodings elsewhere are kept', () => {
  // 0xFA 0x40 (IBM extension) and 0xEE 0xEF (NEC-selected) both decode to ⅰ: re-encoding the whole
  // file would turn one into the other. The fix must leave them as they were.
  const [before, between, after] = sheet({ ...WRONG_EXPIRY, eol: '\r\n', sections: { 備考: 'IBM:@1 NEC:@2' } }).split(/@[12]/);
  const original = Buffer.concat([toShiftJis(before), Buffer.from([0xfa, 0x40]), toShiftJis(between), Buffer.from([0xee, 0xef]), toShiftJis(after)]);
  const decoded = decodeDocument(original);
  assert.ok(decoded.ok && decoded.encoding === 'shift_jis');
  const dir = tempDir({ 's.shitei': original, '.shiteirc.json': CONFIG });
  const r = runCli(['check', '--fix', '--locale', 'en', 's.shitei'], dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^s\.shitei: fixed 1 problem \(expiry-mismatch\)$/m);
  const fixedBytes = fs.readFileSync(path.join(dir, 's.shitei'));
  const wrong = toShiftJis('満了日：令和10年4月1日');
  const at = original.indexOf(wrong);
  assert.ok(at > 0);
  const want = Buffer.concat([original.subarray(0, at), toShiftJis('満了日：令和10年3月31日'), original.subarray(at + wrong.length)]);
  assert.deepEqual(fixedBytes, want);
  assert.ok(fixedBytes.includes(Buffer.from([0xfa, 0x40])) && fixedBytes.includes(Buffer.from([0xee, 0xef])));
  assert.equal(runCli(['check', '--fix', 's.shitei'], dir).stdout.includes('修正しました'), false, 'idempotent');
});

test('a fix that Shift_JIS cannot encode is refused with a clear message, never written', () => {
  const original = toShiftJis(sheet(WRONG_EXPIRY));
  const decoded = decodeDocument(original);
  assert.ok(decoded.ok);
  const refused = encodeLike(original, decoded.text, decoded.text.replace('令和10年4月1日', '𠮷令和10年3月31日'));
  assert.equal(refused.ok, false);
  assert.match(refused.ok ? '' : refused.error.en, /U\+20BB7.*Shift_JIS cannot encode: not written/);
  const changed = encodeLike(original, decoded.text + 'x', decoded.text);
  assert.equal(changed.ok, false, 'text that does not match the bytes is refused');
  const fine = encodeLike(original, decoded.text, decoded.text.replace('令和10年4月1日', '令和10年3月31日'));
  assert.ok(fine.ok);
  const back = decodeDocument(fine.bytes);
  assert.ok(back.ok && back.encoding === 'shift_jis' && back.text.includes('満了日：令和10年3月31日'));
});

test('--stdin: checks standard input as PATH (its config, its name); --stdin --fix prints the fixed text only', () => {
  const dir = tempDir({ '.shiteirc.json': CONFIG, 'quiet/.shiteirc.json': JSON.stringify({ today: '2026-11-23', rules: { 'measure-invalid': 'off' } }) });
  const bad = Buffer.from(sheet({ fields: { 措置: '公表' } }));
  const r = runWithInput(['check', '--stdin', '--stdin-filename', 'drafts/x.shitei', '--locale', 'en'], dir, bad);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout.toString('utf8'), new RegExp(`^${path.join('drafts', 'x.shitei').replace(/[\\.]/g, '\\$&')}:8:4  error  .*measure-invalid$`, 'm'));
  const quiet = runWithInput(['check', '--stdin', '--stdin-filename', 'quiet/x.shitei', '--format', 'json'], dir, bad);
  assert.equal(quiet.status, 0, 'the config is found from PATH');
  assert.equal(JSON.parse(quiet.stdout.toString('utf8')).files[0].path, path.join('quiet', 'x.shitei'));

  const fixed = runWithInput(['check', '--stdin', '--fix', '--stdin-filename', 'x.shitei'], dir, Buffer.from(sheet(WRONG_EXPIRY)));
  assert.equal(fixed.status, 0, fixed.stderr);
  assert.equal(fixed.stdout.toString('utf8'), sheet({ fields: { 満了日: '令和10年3月31日' } }));
  assert.equal(fixed.stderr, '');
  const clean = Buffer.from(sheet({ eol: '\r\n', bom: true }));
  assert.deepEqual(runWithInput(['check', '--stdin', '--fix'], dir, clean).stdout, clean, 'nothing to fix: the input unchanged');
  const sjis = toShiftJis(sheet(WRONG_EXPIRY));
  assert.deepEqual(runWithInput(['check', '--stdin', '--fix'], dir, sjis).stdout, toShiftJis(sheet({ fields: { 満了日: '令和10年3月31日' } })), 'Shift_JIS in, Shift_JIS out');
  const binary = runWithInput(['check', '--stdin', '--fix', '--locale', 'en'], dir, Buffer.from([0, 1, 2, 3]));
  assert.equal(binary.status, 2);
  assert.equal(binary.stdout.length, 0);
  assert.match(binary.stderr, /binary/);
});

test('--stdin usage errors: a PATH beside --stdin, --stdin-filename alone', () => {
  const a = runCli(['check', '--stdin', 'x.shitei']);
  assert.equal(a.status, 2);
  assert.match(a.stderr, /--stdin takes no PATH/);
  const b = runCli(['check', '--stdin-filename', 'x.shitei', 'y.shitei']);
  assert.equal(b.status, 2);
  assert.match(b.stderr, /--stdin-filename needs --stdin/);
  const c = runCli(['check', '--fix']);
  assert.equal(c.status, 2);
  assert.match(c.stderr, /no PATH given/);
});
