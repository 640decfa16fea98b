/**
 * Crash isolation. In the core: a rule that throws gives one internal-error diagnostic naming
 * that rule (never the error's message, which could quote the document) and every other rule
 * still runs; whatever a broken rule reports cannot break a client (spans and fixes are kept
 * inside the document). Over LSP: a request that fails answers with an LSP error, and the
 * server keeps serving.
 */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, type Diagnostic } from '../../../core/out/analysis/analyze';
import { resolveConfig } from '../../../core/out/analysis/config';
import { DOCUMENT_RULES } from '../../../core/out/rules/index';
import { defineRule, type Report, type Rule } from '../../../core/out/rules/types';
import type { TokenCache } from '../../../core/out/nlp/tokenCache';
import { tokenCache, TEST_CONFIG } from '../support/analysis';
import { LspSession } from '../support/lspClient';
import { sheet } from '../support/sheet';

const MARKER = '機密マーカー1234XYZ';
const TEXT = sheet({ fields: { 有効期間: '6年', 整理番号: MARKER } });
const config = resolveConfig(TEST_CONFIG);
let tokens: TokenCache;
before(async () => {
  tokens = await tokenCache();
});

function brokenRule(code: string, behaviour: (report: (r: Report) => void, text: string) => void, needsTokens = false): Rule {
  return defineRule({
    meta: { code, defaultSeverity: 'error', basis: '-', fixable: false, needsTokens, description: { ja: '壊れた規則', en: 'a broken rule' } },
    check: ({ sheet: s, report }) => behaviour(report, s.text),
  });
}

const throwsWithText = brokenRule('broken-rule', (_report, text) => {
  throw new TypeError(`cannot handle ${text.slice(0, 200)}`);
});

const strip = (ds: Diagnostic[]) => ds.map((d) => ({ code: d.code, span: d.span, severity: d.severity, fixes: d.fixes.length }));

test('a rule that throws gives one internal-error naming it, and every other rule still runs', () => {
  const healthy = analyzeText(TEXT, { config, tokens });
  assert.ok(healthy.diagnostics.some((d) => d.code === 'validity-too-long'));
  for (const rules of [[...DOCUMENT_RULES, throwsWithText], [throwsWithText, ...DOCUMENT_RULES], [...DOCUMENT_RULES.slice(0, 5), throwsWithText, ...DOCUMENT_RULES.slice(5)]]) {
    const result = analyzeText(TEXT, { config, tokens, rules });
    const internal = result.diagnostics.filter((d) => d.code === 'internal-error');
    assert.equal(internal.length, 1, 'exactly one internal-error');
    assert.equal(internal[0].severity, 'error');
    assert.match(internal[0].message.en, /broken-rule/);
    assert.match(internal[0].message.ja, /broken-rule/);
    assert.match(internal[0].message.en, /TypeError/);
    for (const m of [internal[0].message.en, internal[0].message.ja]) assert.ok(!m.includes(MARKER) && !m.includes('cannot handle'), 'the error message (which quotes the text) is not repeated');
    assert.ok(internal[0].span.start >= 0 && internal[0].span.end <= TEXT.length);
    assert.deepEqual(strip(result.diagnostics.filter((d) => d.code !== 'internal-error')), strip(healthy.diagnostics), 'the other rules give what they give without it');
  }
});

test('several broken rules: one internal-error each; what a rule reported before throwing is dropped', () => {
  const reportsThenThrows = brokenRule('reports-then-throws', (report) => {
    report({ span: { start: 0, end: 1 }, message: { ja: '途中', en: 'half way' } });
    throw new RangeError('boom');
  });
  const throwsString = brokenRule('throws-string', () => {
    throw 'a string, not an Error';
  });
  const throwsUndefined = brokenRule('throws-undefined', () => {
    throw undefined;
  });
  const overflows = brokenRule('overflows', () => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    recurse(0);
  });
  const result = analyzeText(TEXT, { config, tokens, rules: [reportsThenThrows, ...DOCUMENT_RULES, throwsString, throwsUndefined, overflows] });
  const internal = result.diagnostics.filter((d) => d.code === 'internal-error').map((d) => d.message.en);
  assert.equal(internal.length, 4, internal.join(' | '));
  for (const code of ['reports-then-throws', 'throws-string', 'throws-undefined', 'overflows']) assert.ok(internal.some((m) => m.includes(code)), code);
  assert.ok(!result.diagnostics.some((d) => d.code === 'reports-then-throws'), 'a half-finished report is not shown');
  assert.ok(result.diagnostics.some((d) => d.code === 'validity-too-long'));
});

test('an Error whose own properties throw still gives an internal-error, not a crash', () => {
  class Hostile extends Error {
    override get name(): string {
      throw new Error('no name');
    }
    override get message(): string {
      throw new Error('no message');
    }
  }
  const hostile = brokenRule('hostile-error', () => {
    throw new Hostile();
  });
  const result = analyzeText(TEXT, { config, tokens, rules: [...DOCUMENT_RULES, hostile] });
  assert.equal(result.diagnostics.filter((d) => d.code === 'internal-error').length, 1);
});

test('a broken rule that needs tokens is skipped without a dictionary and isolated with one; one set to off never runs', () => {
  const needs = brokenRule('needs-tokens', () => {
    throw new Error('x');
  }, true);
  assert.ok(!analyzeText(TEXT, { config, rules: [...DOCUMENT_RULES, needs] }).diagnostics.some((d) => d.code === 'internal-error'));
  assert.equal(analyzeText(TEXT, { config, tokens, rules: [...DOCUMENT_RULES, needs] }).diagnostics.filter((d) => d.code === 'internal-error').length, 1);
  const off = resolveConfig(TEST_CONFIG, { rules: { 'needs-tokens': 'off' } as never });
  assert.ok(!analyzeText(TEXT, { config: off, tokens, rules: [...DOCUMENT_RULES, needs] }).diagnostics.some((d) => d.code === 'internal-error'));
});

test('what a broken rule reports cannot break a client: spans are kept inside the text, bad fixes are dropped', () => {
  const len = TEXT.length;
  const wild = brokenRule('wild-spans', (report) => {
    report({ span: { start: -5, end: len + 100 }, message: { ja: 'a', en: 'a' } });
    report({ span: { start: 50, end: 10 }, message: { ja: 'b', en: 'b' } });
    report({ span: { start: Number.NaN, end: Number.POSITIVE_INFINITY }, message: { ja: 'c', en: 'c' } });
    report({ span: { start: 1.5, end: 2.5 }, message: { ja: 'd', en: 'd' } });
    report({
      span: { start: 0, end: 1 },
      message: { ja: 'e', en: 'e' },
      fixes: [
        { title: { ja: '外', en: 'outside' }, edits: [{ span: { start: len + 1, end: len + 2 }, newText: 'x' }] },
        { title: { ja: '重なり', en: 'overlapping' }, edits: [{ span: { start: 0, end: 4 }, newText: 'x' }, { span: { start: 2, end: 6 }, newText: 'y' }] },
        { title: { ja: '逆', en: 'reversed' }, edits: [{ span: { start: 6, end: 2 }, newText: 'z' }] },
        { title: { ja: '良', en: 'good' }, edits: [{ span: { start: 0, end: 0 }, newText: '# ok\n' }], safe: true },
      ],
    });
  });
  const result = analyzeText(TEXT, { config, tokens, rules: [wild] });
  const own = result.diagnostics.filter((d) => d.code === 'wild-spans');
  assert.equal(own.length, 5);
  for (const d of own) {
    assert.ok(Number.isInteger(d.span.start) && Number.isInteger(d.span.end), JSON.stringify(d.span));
    assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= len, JSON.stringify(d.span));
  }
  const withFixes = own.find((d) => d.message.en === 'e')!;
  assert.deepEqual(withFixes.fixes.map((f) => f.title.en), ['good'], 'fixes with edits outside the text, overlapping or reversed are dropped');
});

// ---------------------------------------------------------------------------------------------
// Over LSP

let session: LspSession;
before(async () => {
  session = await LspSession.start();
});
after(async () => {
  await session?.stop();
});

async function rejects(method: string, params: unknown): Promise<{ code: number; message: string }> {
  try {
    await session.request(method, params);
  } catch (error) {
    return error as { code: number; message: string };
  }
  assert.fail(`${method} did not fail`);
}

test('LSP: failing requests answer with LSP errors (never the document text), and the server keeps serving', async () => {
  const uri = 'untitled:crash.shitei';
  const before = await session.open(uri, TEXT);
  assert.ok(before.some((d) => d.code === 'validity-too-long'));
  const position = { line: 1, character: 1 }; // on 整理番号
  const failures: [string, unknown][] = [
    ['textDocument/hover', { textDocument: { uri } }],
    ['textDocument/hover', { position }],
    ['textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position } }],
    ['textDocument/completion', { textDocument: { uri } }],
    ['textDocument/documentSymbol', {}],
    ['textDocument/codeAction', { textDocument: { uri }, context: { diagnostics: [] } }],
  ];
  for (const [method, params] of failures) {
    const error = await rejects(method, params);
    assert.ok([-32603, -32602].includes(error.code), `${method}: code ${error.code}`);
    assert.ok(!error.message.includes(MARKER), `${method}: the error quotes the document`);
    // …and the next good request is answered.
    const hover = await session.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(hover && /整理番号/.test(hover.contents.value), `after ${method}, hover still works`);
  }
  assert.equal((await rejects('shitei/noSuchMethod', {})).code, -32601, 'an unknown method is MethodNotFound');
  assert.equal((await rejects('textDocument/hover', [1, 2])).code, -32602, 'positional params are InvalidParams');

  // Broken notifications and a frame that is not JSON at all: ignored, the server goes on.
  await session.connection.sendNotification('textDocument/didOpen', {});
  await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'untitled:never-opened', version: 2 }, contentChanges: [{ text: 'x' }] });
  await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 } });
  session.proc.stdin!.write('Content-Length: 9\r\n\r\n{invalid}');
  await new Promise((r) => setTimeout(r, 200));

  const after = await session.change(uri, [{ text: TEXT.replace('6年', '5年') }]);
  assert.ok(!after.some((d) => d.code === 'validity-too-long'), 'edits are still analysed');
  const actions = await session.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
  assert.ok(Array.isArray(actions));
  assert.equal(session.proc.exitCode, null, 'the server is running');
  for (const line of [...session.logs, ...session.stderr]) assert.ok(!line.includes(MARKER), `a log quotes the document: ${line}`);
});
