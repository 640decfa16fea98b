/**
 * Property-based fuzzing of the parser, the rules, the fixes, the editor services, the CLI and
 * the language server, with generated sheets and mutated samples (see arbitraries.ts).
 *
 * Bounded by default (CI): SHITEI_FUZZ_RUNS runs per property (default 150), the whole file in
 * well under a minute. The long run, by hand:
 *
 *     npx tsc -b && SHITEI_FUZZ_RUNS=20000 SHITEI_FUZZ_LSP_RUNS=500 node --test test/out/fuzz/
 *
 * (≈ 8 min on a 2-core machine; 3,000 runs take ≈ 50 s). A failure prints fast-check's shrunk
 * counterexample — a readable document, or a sample name, its edits and the resulting text —
 * with what broke, and the seed and path; replay exactly with SHITEI_FUZZ_SEED=<seed>
 * SHITEI_FUZZ_PATH=<path>. SHITEI_FUZZ_DOC_MS changes the per-document time bound (default
 * 2000 ms). Violations that are instances of known, reported bugs in code this suite does not
 * own are counted, not failed (known.ts; the last test lists them); SHITEI_FUZZ_STRICT=1 fails
 * on those too.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { CodeAction, CompletionItem, Diagnostic as LspDiagnostic, Hover } from 'vscode-languageserver-protocol';
import { resolveConfig } from '../../../core/out/analysis/config';
import { analyzeText } from '../../../core/out/analysis/analyze';
import { WORKSPACE_RULE_CODES } from '../../../core/out/rules/codes';
import { decodeDocument } from '../../../core/out/text/decode';
import { LineIndex } from '../../../core/out/text/lineIndex';
import type { TokenCache } from '../../../core/out/nlp/tokenCache';
import { tokenCache, TEST_CONFIG } from '../support/analysis';
import { runCli } from '../support/cli';
import { LspSession } from '../support/lspClient';
import { anyChar, freeText, generatedSheet, lineChar, mutatedSample, sampleFiles } from './arbitraries';
import { checkDocument } from './properties';
import { KNOWN_ISSUES, knownHits } from './known';

const RUNS = Number(process.env.SHITEI_FUZZ_RUNS ?? 150);
const LSP_RUNS = Number(process.env.SHITEI_FUZZ_LSP_RUNS ?? Math.max(10, Math.round(RUNS / 6)));
/**
 * `npm test` (CI) runs one fixed seed, so a run's result depends on the code alone; the long runs
 * (npm run test:fuzz:long / test:fuzz:worst, SHITEI_FUZZ_RANDOM=1) draw new seeds to look further.
 */
const SEED = process.env.SHITEI_FUZZ_SEED !== undefined ? Number(process.env.SHITEI_FUZZ_SEED) : process.env.SHITEI_FUZZ_RANDOM ? undefined : 20261130;
const PATH = process.env.SHITEI_FUZZ_PATH;

function params<T>(numRuns: number): fc.Parameters<T> {
  return { numRuns, ...(SEED !== undefined ? { seed: SEED } : {}), ...(PATH ? { path: PATH } : {}), endOnFailure: false, includeErrorInReport: true };
}

const config = resolveConfig(TEST_CONFIG);
const WORKSPACE_CODES = new Set<string>(WORKSPACE_RULE_CODES);
let tokens: TokenCache;

before(async () => {
  tokens = await tokenCache();
});

test('every sample as it is, with CRLF and with a BOM: all properties hold', () => {
  for (const file of sampleFiles()) {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    for (const variant of [text, text.replace(/\r?\n/g, '\r\n'), '\uFEFF' + text]) checkDocument(variant, config, tokens);
  }
});

test(`generated sheets (${RUNS} runs): parse, analyse, fix, fix-all and services never fail`, () => {
  fc.assert(fc.property(generatedSheet, (text) => checkDocument(text, config, tokens)), params(RUNS));
});

test(`mutated samples (${RUNS} runs): parse, analyse, fix, fix-all and services never fail`, () => {
  fc.assert(fc.property(mutatedSample(), (m) => checkDocument(m.text, config, tokens)), params(RUNS));
});

test(`structural analysis (no dictionary yet, as the server at start-up) on generated sheets (${RUNS} runs)`, () => {
  fc.assert(fc.property(generatedSheet, (text) => checkDocument(text, config, undefined, { services: false })), params(RUNS));
});

test(`decoding (${RUNS} runs): never throws; UTF-8, UTF-8+BOM, UTF-16LE/BE+BOM and Shift_JIS give the text back`, () => {
  const sjis = shiftJisEncoder();
  fc.assert(
    fc.property(fc.array(anyChar, { maxLength: 80 }).map((cs) => cs.join('')), fc.uint8Array({ maxLength: 300 }), (text, bytes) => {
      // Arbitrary bytes: a clear answer, never an exception.
      const any = decodeDocument(bytes);
      assert.ok(any.ok ? typeof any.text === 'string' : any.error.ja.length > 0 && any.error.en.length > 0);
      const wellFormed = !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text) && !text.startsWith('\uFEFF');
      if (!wellFormed) return; // lone surrogates cannot be written as UTF-8/16 bytes
      const utf8 = decodeDocument(Buffer.from(text, 'utf8'));
      if (!text.includes('\0')) assert.deepEqual(utf8, { ok: true, text, bom: false, encoding: 'utf-8' });
      else assert.equal(utf8.ok, false);
      if (!text.includes('\0')) assert.deepEqual(decodeDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])), { ok: true, text, bom: true, encoding: 'utf-8' });
      assert.deepEqual(decodeDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), { ok: true, text, bom: true, encoding: 'utf-16le' });
      const be = Buffer.from(text, 'utf16le').swap16();
      assert.deepEqual(decodeDocument(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { ok: true, text, bom: true, encoding: 'utf-16be' });
      const sj = sjis(text);
      if (sj && !text.includes('\0')) {
        const decoded = decodeDocument(sj);
        assert.ok(decoded.ok, `Shift_JIS bytes of ${JSON.stringify(text)} were refused`);
        assert.equal(decoded.text, text, 'Shift_JIS text decoded differently');
      }
    }),
    params(RUNS),
  );
});

/** A Shift_JIS (Windows-31J) encoder built from the platform's decoder; undefined when a character has no encoding. */
function shiftJisEncoder(): (text: string) => Buffer | undefined {
  const map = new Map<string, number[]>();
  const decoder = new TextDecoder('shift_jis', { fatal: false });
  for (let b = 0; b < 0x80; b++) map.set(String.fromCharCode(b), [b]);
  for (let b = 0xa1; b <= 0xdf; b++) map.set(decoder.decode(Uint8Array.of(b)), [b]);
  for (const lead of [...range(0x81, 0x9f), ...range(0xe0, 0xfc)]) {
    for (const trail of [...range(0x40, 0x7e), ...range(0x80, 0xfc)]) {
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const bytes = map.get(ch);
      if (!bytes) return undefined;
      out.push(...bytes);
    }
    return Buffer.from(out);
  };
}

function range(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

// ---------------------------------------------------------------------------------------------
// The CLI: one run over a folder of generated files.

test('CLI over generated files: exit 0/1/2 only, one entry per file, positions inside each file, files untouched', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-fuzz-'));
  try {
    const docs = fc.sample(fc.oneof(generatedSheet, mutatedSample().map((m) => m.text)), { numRuns: Math.min(60, RUNS), ...(SEED !== undefined ? { seed: SEED } : {}) });
    const written = docs.map((text, i) => {
      const file = path.join(dir, `doc${String(i).padStart(3, '0')}.shitei`);
      // What an editor saves: lone surrogates become U+FFFD in UTF-8.
      fs.writeFileSync(file, text, 'utf8');
      return { file, bytes: fs.readFileSync(file), mtime: fs.statSync(file).mtimeMs };
    });
    const r = runCli(['check', '--format', 'json', dir]);
    assert.ok([0, 1, 2].includes(r.status), `exit ${r.status}\n${r.stderr}`);
    const report = JSON.parse(r.stdout) as { files: { path: string; error?: string; diagnostics?: { line: number; column: number; endLine: number; endColumn: number }[] }[] };
    assert.equal(report.files.length, written.length);
    for (const w of written) {
      const entry = report.files.find((f) => path.resolve(f.path) === w.file || f.path.endsWith(path.basename(w.file)))!;
      assert.ok(entry, `no entry for ${w.file}`);
      const decoded = decodeDocument(w.bytes);
      if (!decoded.ok) {
        assert.ok(entry.error, `${w.file} could not be decoded but has no error entry`);
        assert.ok(r.stderr.includes(path.basename(w.file)), 'an undecodable file is named on stderr');
        continue;
      }
      const lines = decoded.text.split(/\r\n|\r|\n/).map((l) => [...l].length);
      for (const d of entry.diagnostics ?? []) {
        for (const [line, column] of [[d.line, d.column], [d.endLine, d.endColumn]]) {
          assert.ok(line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1] + 1, `${path.basename(w.file)}: ${line}:${column} outside the file`);
        }
      }
      assert.deepEqual(fs.readFileSync(w.file), w.bytes, 'the CLI changed a file');
      assert.equal(fs.statSync(w.file).mtimeMs, w.mtime);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------
// The language server: incremental edits, requests at random positions.

let session: LspSession | undefined;
after(async () => {
  await session?.stop();
});

interface LspCase {
  text: string;
  edits: { at: number; del: number; insert: string }[];
  probes: number[];
}

const lspCase: fc.Arbitrary<LspCase> = fc.record({
  text: fc.oneof(generatedSheet, mutatedSample().map((m) => m.text)),
  edits: fc.array(fc.record({ at: fc.nat({ max: 5000 }), del: fc.nat({ max: 8 }), insert: fc.oneof(fc.array(lineChar, { maxLength: 4 }).map((c) => c.join('')), freeText(2), fc.constantFrom('\n', '\r\n', '：', '【', '】')) }), { maxLength: 4 }),
  probes: fc.array(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 4 }),
});

/** UTF-16 offset to an LSP position (lines broken by LF, CRLF, CR as the protocol says). */
function positionAt(index: LineIndex, offset: number) {
  return index.position(offset, 'utf-16');
}

test(`language server (${LSP_RUNS} runs): incremental edits keep the text; diagnostics match the core; requests never fail`, async () => {
  session = await LspSession.start();
  const s = session;
  const serverConfig = resolveConfig(); // an untitled document: no .shiteirc.json, today's date
  let n = 0;
  await fc.assert(
    fc.asyncProperty(lspCase, async (c) => {
      const uri = `untitled:fuzz-${n++}.shitei`;
      let text = c.text;
      await s.open(uri, text);
      for (const e of c.edits) {
        const at = e.at % (text.length + 1);
        let end = Math.min(text.length, at + e.del);
        // Never cut a CRLF or a surrogate pair in two: an editor does not send such ranges.
        const cut = (o: number) => o > 0 && o < text.length && ((text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10) || (/[\uD800-\uDBFF]/.test(text[o - 1]) && /[\uDC00-\uDFFF]/.test(text[o])));
        if (cut(at)) continue;
        while (cut(end)) end++;
        const index = new LineIndex(text);
        const range = { start: positionAt(index, at), end: positionAt(index, end) };
        text = text.slice(0, at) + e.insert + text.slice(end);
        await s.change(uri, [{ range, text: e.insert }]);
      }
      // Workspace rules (serial-duplicate, series-…) look at other files: compare the document's own.
      const got = s.diagnostics.get(uri)!.diagnostics.filter((d) => !WORKSPACE_CODES.has(String(d.code)));
      const index = new LineIndex(text);
      const expected = analyzeText(text, { config: serverConfig, tokens }).diagnostics.map((d) => ({ code: d.code, range: { start: index.position(d.span.start), end: index.position(d.span.end) } }));
      assert.deepEqual(got.map((d) => ({ code: String(d.code), range: d.range })), expected, 'the server\'s text drifted from the edits');
      const inside = (p: { line: number; character: number }) => p.line < index.lineCount && p.character <= index.lineEnd(p.line) - index.lineStarts[p.line];
      for (const d of got) assert.ok(inside(d.range.start) && inside(d.range.end), `range outside the document: ${JSON.stringify(d.range)}`);
      const whole = { start: { line: 0, character: 0 }, end: positionAt(index, text.length) };
      const actions = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: got as LspDiagnostic[] } });
      for (const a of actions) for (const e of a.edit?.changes?.[uri] ?? []) assert.ok(inside(e.range.start) && inside(e.range.end), `edit outside the document in "${a.title}"`);
      for (const p of c.probes) {
        const pos = positionAt(index, p % (text.length + 1));
        const hover = await s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos });
        if (hover?.range) assert.ok(inside(hover.range.start) && inside(hover.range.end));
        const items = await s.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: pos });
        for (const i of items) if (i.textEdit && 'range' in i.textEdit) assert.ok(inside(i.textEdit.range.start) && inside(i.textEdit.range.end));
      }
      await s.request('textDocument/documentSymbol', { textDocument: { uri } });
      await s.request('textDocument/foldingRange', { textDocument: { uri } });
      await s.request('textDocument/inlayHint', { textDocument: { uri }, range: whole });
      await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }),
    params(LSP_RUNS),
  );
  assert.equal(s.proc.exitCode, null, 'the server is still running');
  assert.deepEqual(s.stderr.join(''), '', 'the server wrote nothing to stderr');
});

test('known, reported bugs the fuzzer met in this run (see known.ts; SHITEI_FUZZ_STRICT=1 fails on them)', (t) => {
  for (const k of KNOWN_ISSUES) t.diagnostic(`${k.id}: ${knownHits.get(k.id) ?? 0} hit(s) — ${k.where}: ${k.summary}`);
});
