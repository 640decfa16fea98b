import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { sheet } from '../support/sheet';

function tempDir(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const CONFIG = JSON.stringify({ today: '2026-11-23' });

test('a clean sheet: exit 0, empty diagnostics, summary counts', () => {
  const dir = tempDir({ 'a.shitei': sheet(), '.shiteirc.json': CONFIG });
  const r = runCli(['check', '--format', 'json', 'a.shitei'], dir);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.deepEqual(json, { files: [{ path: 'a.shitei', diagnostics: [] }], summary: { files: 1, errors: 0, warnings: 0, infos: 0, hints: 0 } });
});

test('errors: exit 1; JSON has 1-based line, code-point columns and the end', () => {
  // 𠮷 is two UTF-16 units but one code point: the column after it must count it once.
  const dir = tempDir({ 'b.shitei': sheet({ fields: { 行政機関: '防衛省', 特定秘密管理者: '𠮷田課長', 措置: '公表' } }), '.shiteirc.json': CONFIG });
  const r = runCli(['check', '--format', 'json', '.'], dir);
  assert.equal(r.status, 1);
  const json = JSON.parse(r.stdout);
  const d = json.files[0].diagnostics.find((x: { code: string }) => x.code === 'measure-invalid');
  assert.deepEqual({ line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, severity: d.severity }, { line: 8, column: 4, endLine: 8, endColumn: 6, severity: 'error' });
  assert.match(d.message, /表示/);
  assert.equal(json.summary.errors, 1);
});

test('columns count code points after an astral character', () => {
  const dir = tempDir({ 'c.shitei': sheet({ fields: { 措置: '𠮷' } }), '.shiteirc.json': CONFIG });
  const json = JSON.parse(runCli(['check', '--format', 'json', 'c.shitei'], dir).stdout);
  const d = json.files[0].diagnostics.find((x: { code: string }) => x.code === 'measure-invalid');
  assert.equal(d.column, 4);
  assert.equal(d.endColumn, 5);
});

test('text format: path:line:col  severity  message  code, and a summary', () => {
  const dir = tempDir({ 'd.shitei': sheet({ fields: { 措置: '公表' } }), '.shiteirc.json': CONFIG });
  const r = runCli(['check', 'd.shitei'], dir);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^d\.shitei:8:4  エラー  措置「公表」.*  measure-invalid$/m);
  assert.match(r.stdout, /1ファイル: 1件\(エラー1/);
  const en = runCli(['check', '--locale', 'en', 'd.shitei'], dir);
  assert.match(en.stdout, /^d\.shitei:8:4  error  .*must be 表示.*  measure-invalid$/m);
});

test('a path that does not exist: exit 2 with a one-line reason', () => {
  const r = runCli(['check', 'no/such/folder']);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /no\/such\/folder: no such file or folder/);
});

test('bad arguments: exit 2 with usage', () => {
  assert.equal(runCli(['check', '--format', 'xml', 'x']).status, 2);
  assert.equal(runCli(['check']).status, 2);
  assert.equal(runCli(['frobnicate']).status, 2);
});

test('a binary file is one clear error, and the other files are still checked', () => {
  const dir = tempDir({ 'bin.shitei': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x14]), 'ok.shitei': sheet(), '.shiteirc.json': CONFIG });
  const r = runCli(['check', '--format', 'json', '.'], dir);
  assert.equal(r.status, 2);
  const json = JSON.parse(r.stdout);
  const bin = json.files.find((f: { path: string }) => f.path === 'bin.shitei');
  assert.match(bin.error, /バイナリ/);
  assert.equal(bin.diagnostics, undefined);
  assert.deepEqual(json.files.find((f: { path: string }) => f.path === 'ok.shitei').diagnostics, []);
  assert.match(r.stderr, /bin\.shitei/);
});

test('a Shift_JIS sheet is decoded, not garbled', () => {
  // Read as UTF-8 this would be mojibake (a stray line); decoded, it is the field 措置：表示.
  const text = '措置：表示\n';
  const bytes = Buffer.from([0x91, 0x5b, 0x92, 0x75, 0x81, 0x46, 0x95, 0x5c, 0x8e, 0xa6, 0x0a]); // 措置：表示\n
  assert.equal(new TextDecoder('shift_jis').decode(bytes), text);
  const dir = tempDir({ 's.shitei': bytes, '.shiteirc.json': CONFIG });
  const json = JSON.parse(runCli(['check', '--format', 'json', 's.shitei'], dir).stdout);
  const codes = json.files[0].diagnostics.map((d: { code: string }) => d.code);
  assert.ok(codes.includes('field-missing'));
  assert.ok(!codes.includes('measure-invalid'), 'the 措置 line was read as 表示');
  assert.ok(!codes.includes('syntax-stray-text'));
});

test('globs select files', () => {
  const dir = tempDir({ 'x/a.shitei': sheet(), 'x/b.txt': 'not a sheet', 'y/c.shitei': sheet(), '.shiteirc.json': CONFIG });
  const json = JSON.parse(runCli(['check', '--format', 'json', 'x/*.shitei'], dir).stdout);
  assert.deepEqual(json.files.map((f: { path: string }) => f.path), ['x/a.shitei']);
});

test('config: per-rule severity and --config', () => {
  const dir = tempDir({ 'e.shitei': sheet({ fields: { 措置: '公表' } }), '.shiteirc.json': JSON.stringify({ rules: { 'measure-invalid': 'warning' } }), 'other.json': JSON.stringify({ rules: { 'measure-invalid': 'off' } }) });
  const r = runCli(['check', '--format', 'json', 'e.shitei'], dir);
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(r.stdout).files[0].diagnostics[0].severity, 'warning');
  const off = runCli(['check', '--format', 'json', '--config', 'other.json', 'e.shitei'], dir);
  assert.deepEqual(JSON.parse(off.stdout).files[0].diagnostics, []);
});

test('a broken config file: exit 2 naming the problem', () => {
  const dir = tempDir({ 'f.shitei': sheet(), '.shiteirc.json': JSON.stringify({ rules: { 'no-such-rule': 'off' }, today: '2026-02-30' }) });
  const r = runCli(['check', 'f.shitei'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no-such-rule/);
  assert.match(r.stderr, /today/);
});

test('empty and whitespace-only files give diagnostics, not crashes', () => {
  const dir = tempDir({ 'empty.shitei': '', 'blank.shitei': '  \n\u3000\n', '.shiteirc.json': CONFIG });
  const r = runCli(['check', '--format', 'json', '.'], dir);
  assert.equal(r.status, 1);
  for (const f of JSON.parse(r.stdout).files) assert.ok(f.diagnostics.some((d: { code: string }) => d.code === 'field-missing'));
});
