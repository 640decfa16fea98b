/**
 * Bad input, through the real CLI and the real language server: empty, blank, binary, huge,
 * one enormous line, Shift_JIS, UTF-16, BOMs, CRLF / CR / mixed endings, lone surrogates and
 * astral characters under each position encoding. Each gets a clear answer, in bounded time,
 * and nothing is lost: the CLI never writes a file, fixes keep the text around them (and a
 * BOM first), positions count what the client counts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextEdit as LspTextEdit } from 'vscode-languageserver-protocol';
import { LineIndex, type ColumnEncoding } from '../../../core/out/text/lineIndex';
import { WORKSPACE_RULE_CODES } from '../../../core/out/rules/codes';
import { parseSheet } from '../../../core/out/syntax/parser';
import { runCli } from '../support/cli';
import { LspSession } from '../support/lspClient';
import { sheet } from '../support/sheet';

// ---------------------------------------------------------------------------------------------
// Inputs

/** A sheet with diagnostics on known lines: agency-unknown on line 1 after astral characters, errors on 5 and 6. */
const PROBE = '行政機関：𠮷😀架空省\n' + sheet({ fields: { 行政機関: null, 有効期間: '6年' } });
const PROBE_LINES = PROBE.split('\n');

/** PROBE with its line breaks cycling through LF, CRLF and CR. */
const MIXED = PROBE_LINES.map((l, i) => l + (i === PROBE_LINES.length - 1 ? '' : ['\n', '\r\n', '\r'][i % 3])).join('');

/** The same sheet with one 100,000-character line (no punctuation, the tokenizer's worst case). */
const LONG_LINE = 'あいう漢字テストabcアイウ'.repeat(7143).slice(0, 100_000);
const LONG = sheet({ sections: { 対象情報の記述: `令和8年度の${LONG_LINE}` } });

const TEN_MB = 10 * 1024 * 1024;
function tenMegabytes(): Buffer {
  const unit = Buffer.from(sheet(), 'utf8');
  const out = Buffer.alloc(TEN_MB);
  for (let at = 0; at < TEN_MB; at += unit.length) unit.copy(out, at, 0, Math.min(unit.length, TEN_MB - at));
  // Cut at the last complete line so the file is valid UTF-8.
  return out.subarray(0, out.lastIndexOf(0x0a) + 1);
}

/** Shift_JIS (Windows-31J) bytes, from the platform's own decoder run backwards. */
function shiftJis(text: string): Buffer {
  const map = new Map<string, number[]>();
  const decoder = new TextDecoder('shift_jis');
  for (let b = 0; b < 0x80; b++) map.set(String.fromCharCode(b), [b]);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const bytes = map.get(ch);
    assert.ok(bytes, `no Shift_JIS for ${ch}`);
    out.push(...bytes);
  }
  return Buffer.from(out);
}

const SJIS_PROBE = PROBE.replace('𠮷😀', ''); // astral characters have no Shift_JIS form

// ---------------------------------------------------------------------------------------------
// CLI

interface JsonReport {
  files: { path: string; error?: string; diagnostics?: { code: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number; hints: number };
}

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-badinput-'));
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function snapshot(folder: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  return new Map(fs.readdirSync(folder).map((n) => {
    const f = path.join(folder, n);
    return [n, { bytes: fs.readFileSync(f), mtimeMs: fs.statSync(f).mtimeMs }];
  }));
}

/** Workspace rules (serial-duplicate, series-…) compare files with each other: these tests look at each file's own. */
const WORKSPACE = new Set<string>(WORKSPACE_RULE_CODES);
const own = <D extends { code?: string | number }>(ds: D[]) => ds.filter((d) => !WORKSPACE.has(String(d.code)));

const strip = (r: JsonReport['files'][number] | undefined) => own(r?.diagnostics ?? []).map(({ code, severity, line, column, endLine, endColumn }) => ({ code, severity, line, column, endLine, endColumn }));

test('CLI: every bad file gets a clear answer, the others are still checked, and no file is touched', (t) => {
  const files: Record<string, string | Buffer> = {
    'empty.shitei': '',
    'blank.shitei': ' \n\u3000\t\r\n\n  ',
    'binary.shitei': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00]),
    'good.shitei': sheet(),
    'probe.shitei': PROBE,
    'sjis-reference.shitei': SJIS_PROBE,
    'sjis.shitei': shiftJis(SJIS_PROBE),
    'utf16le.shitei': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROBE, 'utf16le')]),
    'utf16be.shitei': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(PROBE, 'utf16le').swap16()]),
    'utf8bom.shitei': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PROBE, 'utf8')]),
    'crlf.shitei': PROBE.replace(/\n/g, '\r\n'),
    'cr.shitei': PROBE.replace(/\n/g, '\r'),
    'mixed.shitei': MIXED,
    'invalid-utf8.shitei': Buffer.concat([Buffer.from(PROBE.slice(0, 40), 'utf8'), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from(PROBE.slice(40), 'utf8')]),
    'lone-surrogate-wtf8.shitei': Buffer.concat([Buffer.from('整理番号：', 'utf8'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(PROBE, 'utf8')]),
    'lone-surrogate-utf16.shitei': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('整理番号：', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from(PROBE, 'utf16le')]),
    'odd-utf16.shitei': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROBE, 'utf16le'), Buffer.from([0x41])]),
    'long-line.shitei': LONG,
  };
  for (const [name, content] of Object.entries(files)) write(name, content);
  write('ten-megabytes.shitei', tenMegabytes());
  const before = snapshot(dir);

  const started = performance.now();
  const r = runCli(['check', '--format', 'json', '--locale', 'en', '.'], dir);
  const ms = performance.now() - started;
  t.diagnostic(`CLI over ${before.size} bad files incl. 10 MB and a 100,000-character line: ${Math.round(ms)} ms`);
  assert.ok(ms < 20_000, `took ${Math.round(ms)} ms`);
  assert.equal(r.status, 2, 'unreadable files make the run exit 2');
  const report = JSON.parse(r.stdout) as JsonReport;
  const entry = (name: string) => report.files.find((f) => f.path === name);
  assert.equal(report.files.length, before.size, 'one entry per file');
  for (const f of report.files) assert.ok(f.error !== undefined || Array.isArray(f.diagnostics), `${f.path}: no answer`);

  // Empty and blank: the missing fields and sections, nothing else.
  for (const name of ['empty.shitei', 'blank.shitei']) {
    const codes = new Set(strip(entry(name)).map((d) => d.code));
    assert.ok(codes.has('field-missing') && codes.has('section-missing'), `${name}: ${[...codes].join(', ')}`);
    assert.equal(entry(name)!.error, undefined);
  }
  assert.deepEqual(strip(entry('good.shitei')), [], 'the good file is still checked, and clean');

  // Unreadable: one clear error naming the file, on stderr and in the JSON.
  const refused: [string, RegExp][] = [
    ['binary.shitei', /binary|NUL/],
    ['invalid-utf8.shitei', new RegExp(`not valid UTF-8 or Shift_JIS \\(line ${PROBE.slice(0, 40).split('\n').length}, byte offset ${Buffer.byteLength(PROBE.slice(0, 40))}\\)`)],
    ['lone-surrogate-wtf8.shitei', /not valid UTF-8/],
    ['lone-surrogate-utf16.shitei', /UTF-16LE/],
    ['odd-utf16.shitei', /UTF-16LE/],
  ];
  for (const [name, reason] of refused) {
    const e = entry(name);
    assert.ok(e?.error && reason.test(e.error), `${name}: ${e?.error}`);
    assert.equal(e.diagnostics, undefined);
    assert.match(r.stderr, new RegExp(`${name.replace('.', '\\.')}: .*${reason.source}`), `stderr names ${name}`);
  }

  // Decoded encodings, BOMs and line endings: the same diagnostics, lines and columns.
  const probe = strip(entry('probe.shitei'));
  assert.deepEqual(probe.find((d) => d.code === 'agency-unknown'), { code: 'agency-unknown', severity: 'info', line: 1, column: 6, endLine: 1, endColumn: 11 }, 'columns count code points');
  assert.ok(probe.some((d) => d.code === 'validity-too-long' && d.line === 5) && probe.some((d) => d.code === 'expiry-mismatch' && d.line === 6), JSON.stringify(probe));
  for (const name of ['utf16le.shitei', 'utf16be.shitei', 'utf8bom.shitei', 'crlf.shitei', 'cr.shitei', 'mixed.shitei']) {
    assert.deepEqual(strip(entry(name)), probe, `${name}: same lines and columns as the plain UTF-8 file`);
  }
  assert.deepEqual(strip(entry('sjis.shitei')), strip(entry('sjis-reference.shitei')), 'Shift_JIS is decoded, not mangled');
  assert.ok(strip(entry('sjis.shitei')).some((d) => d.code === 'expiry-mismatch'));

  // Huge: one document-too-large diagnostic. One enormous line: checked like any other.
  const big = strip(entry('ten-megabytes.shitei'));
  assert.deepEqual(big.map((d) => [d.code, d.severity, d.line, d.column]), [['document-too-large', 'error', 1, 1]]);
  assert.match(entry('ten-megabytes.shitei')!.diagnostics![0].message, /too large.*limit/);
  assert.equal(entry('long-line.shitei')!.error, undefined);
  assert.ok(Array.isArray(entry('long-line.shitei')!.diagnostics));

  // Nothing touched, nothing added.
  const afterRun = snapshot(dir);
  assert.deepEqual([...afterRun.keys()].sort(), [...before.keys()].sort(), 'the CLI created or removed a file');
  for (const [name, s] of before) {
    assert.ok(afterRun.get(name)!.bytes.equals(s.bytes), `${name} was rewritten`);
    assert.equal(afterRun.get(name)!.mtimeMs, s.mtimeMs, `${name} was touched`);
  }
});

test('CLI: text output names an unreadable file on stderr and still reports the others; the Japanese message is clear too', () => {
  const sub = fs.mkdtempSync(path.join(dir, 'text-'));
  fs.writeFileSync(path.join(sub, 'a-binary.shitei'), Buffer.from([0, 1, 2, 3]));
  fs.writeFileSync(path.join(sub, 'b-probe.shitei'), PROBE);
  const r = runCli(['check', sub], dir, { SHITEI_LOCALE: 'ja' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /a-binary\.shitei: バイナリファイル/);
  assert.match(r.stdout, /b-probe\.shitei:5:\d+ .*validity-too-long/);
});

// ---------------------------------------------------------------------------------------------
// Language server

/** Applies LSP edits whose positions are in `encoding` (inserts at one position keep their order). */
function applyLsp(text: string, edits: LspTextEdit[], encoding: ColumnEncoding = 'utf-16'): string {
  const index = new LineIndex(text);
  const resolved = edits.map((e, i) => ({ i, start: index.offset(e.range.start, encoding), end: index.offset(e.range.end, encoding), text: e.newText }));
  resolved.sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const e of resolved) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The column of UTF-16 offset `utf16` in `line`, counted in `encoding`. */
function column(line: string, utf16: number, encoding: ColumnEncoding): number {
  const prefix = line.slice(0, utf16);
  if (encoding === 'utf-16') return prefix.length;
  if (encoding === 'utf-32') return [...prefix].length;
  return Buffer.byteLength(prefix.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'), 'utf8');
}

function insideText(text: string, d: Diagnostic): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  const ok = (p: { line: number; character: number }) => p.line < lines.length && p.character <= lines[p.line].length;
  return ok(d.range.start) && ok(d.range.end);
}

let session: LspSession;
before(async () => {
  session = await LspSession.start();
});
after(async () => {
  await session?.stop();
});

async function timedOpen(s: LspSession, uri: string, text: string): Promise<{ diagnostics: Diagnostic[]; ms: number }> {
  const started = performance.now();
  const diagnostics = await s.open(uri, text);
  return { diagnostics, ms: performance.now() - started };
}

async function stillServing(s: LspSession): Promise<void> {
  const uri = `untitled:alive-${Math.random().toString(36).slice(2)}.shitei`;
  const ds = await s.open(uri, PROBE);
  assert.ok(ds.some((d) => d.code === 'validity-too-long'), 'the server still analyses documents');
  await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.equal(s.proc.exitCode, null, 'the server is running');
}

test('LSP: empty and whitespace-only documents get the missing-field diagnostics', async () => {
  for (const [name, text] of [['empty', ''], ['blank', ' \n\u3000\t\r\n\n  ']]) {
    const ds = await session.open(`untitled:${name}.shitei`, text);
    const codes = new Set(ds.map((d) => String(d.code)));
    assert.ok(codes.has('field-missing') && codes.has('section-missing'), `${name}: ${[...codes].join(', ')}`);
    for (const d of ds) assert.ok(insideText(text, d));
  }
});

test('LSP: binary content with NULs gives diagnostics, and the server keeps serving', async () => {
  const text = '\u0089PNG\r\n\u001a\n\0\0\0\rIHDR\0\0\u0001\0' + '\0'.repeat(50) + 'IEND\u00aeB`\u0082';
  const { diagnostics } = await timedOpen(session, 'untitled:binary.shitei', text);
  assert.ok(diagnostics.length > 0);
  for (const d of diagnostics) assert.ok(insideText(text, d), JSON.stringify(d.range));
  const hover = await session.request('textDocument/hover', { textDocument: { uri: 'untitled:binary.shitei' }, position: { line: 1, character: 3 } });
  assert.ok(hover === null || typeof hover === 'object');
  await stillServing(session);
});

test('LSP: a 10 MB document gets one document-too-large diagnostic, fast, and every request answers', async (t) => {
  const text = tenMegabytes().toString('utf8');
  const uri = 'untitled:ten-megabytes.shitei';
  const { diagnostics, ms } = await timedOpen(session, uri, text);
  t.diagnostic(`LSP open of ${text.length.toLocaleString('en-US')} characters (10 MB): ${Math.round(ms)} ms to diagnostics`);
  assert.ok(ms < 10_000, `took ${Math.round(ms)} ms`);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start]), [['document-too-large', 1, { line: 0, character: 0 }]]);
  const started = performance.now();
  const position = { line: 3, character: 2 };
  await session.request('textDocument/hover', { textDocument: { uri }, position });
  await session.request('textDocument/completion', { textDocument: { uri }, position });
  await session.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics } });
  await session.request('textDocument/documentSymbol', { textDocument: { uri } });
  await session.request('textDocument/foldingRange', { textDocument: { uri } });
  const edited = await session.change(uri, [{ range: { start: position, end: position }, text: 'x' }]);
  t.diagnostic(`requests and an edit on it: ${Math.round(performance.now() - started)} ms`);
  assert.ok(performance.now() - started < 10_000);
  assert.deepEqual(edited.map((d) => d.code), ['document-too-large']);
  await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await stillServing(session);
});

test('LSP: a 100,000-character line is analysed in a few seconds, and so is an edit to it', async (t) => {
  const uri = 'untitled:long-line.shitei';
  const { diagnostics, ms } = await timedOpen(session, uri, LONG);
  t.diagnostic(`LSP open with a 100,000-character line: ${Math.round(ms)} ms`);
  assert.ok(ms < 5_000, `took ${Math.round(ms)} ms`);
  for (const d of diagnostics) assert.ok(insideText(LONG, d));
  assert.ok(!diagnostics.some((d) => d.code === 'internal-error'));
  const lineNo = LONG.split('\n').findIndex((l) => l.length > 50_000);
  const started = performance.now();
  await session.change(uri, [{ range: { start: { line: lineNo, character: 50_000 }, end: { line: lineNo, character: 50_001 } }, text: '。' }]);
  t.diagnostic(`an edit in the middle of it: ${Math.round(performance.now() - started)} ms`);
  assert.ok(performance.now() - started < 5_000);
  await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('LSP: CRLF, CR and mixed line endings give the same lines as LF; fixes keep each line ending', async () => {
  const lf = await session.open('untitled:lf.shitei', PROBE);
  const lines = (ds: Diagnostic[]) => own(ds).map((d) => [d.code, d.range.start.line, d.range.end.line]);
  for (const [name, text] of [['crlf', PROBE.replace(/\n/g, '\r\n')], ['cr', PROBE.replace(/\n/g, '\r')], ['mixed', MIXED]]) {
    const uri = `untitled:${name}.shitei`;
    const ds = await session.open(uri, text);
    assert.deepEqual(lines(ds), lines(lf), `${name}: line numbers`);
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } }, context: { diagnostics: ds } });
    assert.ok(actions.length > 0);
    const breaks = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).reduce((m, b) => m.set(b, (m.get(b) ?? 0) + 1), new Map<string, number>());
    const eol = parseSheet(text).eol; // the document's own (dominant) line break
    for (const a of actions.filter((x) => x.edit)) {
      const fixed = applyLsp(text, a.edit!.changes![uri]);
      const before = breaks(text);
      for (const [b, n] of breaks(fixed)) assert.ok(b === eol || n <= (before.get(b) ?? 0), `"${a.title}" on ${name} added a ${JSON.stringify(b)}`);
    }
  }
});

test('LSP: a BOM the client keeps stays first through every fix, and text without one gets none; nothing else moves', async () => {
  const plainUri = 'untitled:plain.shitei';
  const bomUri = 'untitled:bom.shitei';
  const plain = await session.open(plainUri, PROBE);
  const withBom = await session.open(bomUri, '\uFEFF' + PROBE);
  const shifted = own(plain).map((d) => ({ code: d.code, start: { line: d.range.start.line, character: d.range.start.character + (d.range.start.line === 0 ? 1 : 0) } }));
  assert.deepEqual(own(withBom).map((d) => ({ code: d.code, start: d.range.start })), shifted, 'the BOM is one UTF-16 unit on line 0');
  const all = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };
  const results = async (uri: string, text: string, ds: Diagnostic[]) => {
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: all, context: { diagnostics: ds } });
    return new Map(actions.filter((a) => a.edit).map((a) => [a.title, applyLsp(text, a.edit!.changes![uri])]));
  };
  const a = await results(plainUri, PROBE, plain);
  const b = await results(bomUri, '\uFEFF' + PROBE, withBom);
  assert.deepEqual([...b.keys()], [...a.keys()]);
  for (const [title, fixed] of a) {
    assert.ok(!fixed.startsWith('\uFEFF'), `"${title}" added a BOM`);
    assert.equal(b.get(title), '\uFEFF' + fixed, `"${title}" on the BOM text: the BOM stays first and the rest is the same`);
  }
});

test('LSP: lone surrogates give diagnostics inside the document and break nothing', async () => {
  const text = PROBE.replace('整理番号：防衛-2026-0012', '整理番号：防衛\uD800-2026-0012').replace('統合演習の計画(', '統合演習\uDC00の計画(') + '\uDBFF';
  const ds = await session.open('untitled:lone.shitei', text);
  for (const d of ds) assert.ok(insideText(text, d));
  assert.ok(ds.some((d) => d.code === 'validity-too-long'));
  await stillServing(session);
});

for (const encoding of ['utf-16', 'utf-8', 'utf-32'] as const) {
  test(`LSP (${encoding}): astral characters and lone surrogates are counted as the client counts them, in diagnostics and edits`, async () => {
    const s = await LspSession.start({ positionEncodings: [encoding] });
    try {
      assert.equal((s.initializeResult!.capabilities as { positionEncoding?: string }).positionEncoding, encoding);
      const uri = `untitled:astral-${encoding}.shitei`;
      const ds = await s.open(uri, PROBE);
      const agency = ds.find((d) => d.code === 'agency-unknown')!;
      const line0 = PROBE_LINES[0];
      assert.deepEqual(agency.range, { start: { line: 0, character: column(line0, 5, encoding) }, end: { line: 0, character: column(line0, line0.length, encoding) } });
      // An edit across the astral characters, in this encoding: 𠮷😀架空省 → 防衛省 clears agency-unknown.
      const after = await s.change(uri, [{ range: { start: { line: 0, character: column(line0, 5, encoding) }, end: { line: 0, character: column(line0, line0.length, encoding) } }, text: '防衛省' }]);
      assert.ok(!after.some((d) => d.code === 'agency-unknown'), `after the edit: ${after.map((d) => d.code).join(', ')}`);
      // A quick fix on line 6 after an edit: its edit, applied in this encoding, does what it says.
      const text = PROBE.replace('𠮷😀架空省', '防衛省');
      const mismatch = after.find((d) => d.code === 'expiry-mismatch')!;
      const actions = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: mismatch.range, context: { diagnostics: [mismatch], only: ['quickfix'] } });
      const fix = actions.find((a) => /満了日/.test(a.title))!;
      assert.ok(fix, actions.map((a) => a.title).join(' | '));
      assert.ok(applyLsp(text, fix.edit!.changes![uri], encoding).includes('満了日：令和14年3月31日'));
      // A lone surrogate before a diagnostic on the same line.
      const loneText = PROBE.replace('𠮷😀', '\uD800');
      const lone = await s.open(`untitled:lone-${encoding}.shitei`, loneText);
      const l0 = loneText.split('\n')[0];
      assert.deepEqual(lone.find((d) => d.code === 'agency-unknown')!.range.end, { line: 0, character: column(l0, l0.length, encoding) });
      // Hover and completion at positions after astral characters answer (no error).
      await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: column(line0, line0.length, encoding) } });
      await s.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: column(line0, 6, encoding) } });
    } finally {
      await s.stop();
    }
  });
}
