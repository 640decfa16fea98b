/**
 * Held-out acceptance in the editor (issue 11): the language server over stdio gives the same v1.1 diagnostics as
 * the CLI for the same files and config, finds the workspace duplicates, and offers the quick fixes that
 * spec/rules.md v1.1 names (applied and re-checked) — and none for review-overdue.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyLspEdits, LspSession } from '../support/lspClient';
import { checkFolder, FIXTURES } from './support';

const RULES = path.join(FIXTURES, 'rules');
let session: LspSession;

before(async () => {
  session = await LspSession.start({ rootPath: RULES, cwd: RULES });
});
after(() => session.stop());

async function openFixture(file: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }> {
  const full = path.join(RULES, file);
  const text = fs.readFileSync(full, 'utf8');
  const uri = pathToFileURL(full).href;
  const diagnostics = await session.open(uri, text);
  return { uri, text, diagnostics };
}

async function fixesFor(uri: string, d: Diagnostic): Promise<CodeAction[]> {
  const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  // The rule's own fixes: not the generic "disable for this line/file" actions every diagnostic gets,
  // nor "show documentation for CODE" (a command, no edit).
  const disables = (a: CodeAction) => Object.values(a.edit?.changes ?? {}).flat().some((e) => e.newText.includes('shitei-disable'));
  return actions.filter((a) => a.edit && a.diagnostics?.some((x) => x.code === d.code) && !disables(a));
}

let variant = 0;
/** Applies one fix and checks the result as a new document (beside the original it would share a 整理番号). */
async function applyFix(uri: string, text: string, action: CodeAction): Promise<{ fixed: string; diagnostics: Diagnostic[] }> {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits, `"${action.title}" has edits for the document`);
  const fixed = applyLspEdits(text, edits);
  const fixedUri = `${uri.replace(/\.shitei$/, '')}-fixed${variant++}.shitei`;
  const diagnostics = await session.open(fixedUri, fixed);
  await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fixedUri } });
  return { fixed, diagnostics };
}

const V11 = new Set(['extension-decided-late', 'extension-reason-missing', 'review-overdue', 'lifecycle-date-invalid', 'release-reason-missing', 'summary-period-unscoped',
  'summary-period-mismatch', 'beppyo-overlap', 'measure-notice-unjustified', 'conjunction-level', 'conjunction-kana', 'release-condition-missing', 'expired', 'expiry-soon']);

test('editor and CLI: the same v1.1 diagnostics (code and line) for the same files and .shiteirc.json', async () => {
  const cli = checkFolder('rules');
  const files = fs.readdirSync(RULES).filter((f) => f.endsWith('.shitei')).sort();
  for (const file of files) {
    const { uri, diagnostics } = await openFixture(file);
    const lsp = diagnostics.filter((d) => V11.has(String(d.code))).map((d) => `${d.code}@${d.range.start.line + 1}`).sort();
    const fromCli = (cli.byFile.get(file) ?? []).filter((d) => V11.has(d.code)).map((d) => `${d.code}@${d.line}`).sort();
    assert.deepEqual(lsp, fromCli, file);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
});

/** The text of one line (1-based) of a document. */
function lineOf(text: string, n: number): string {
  return text.split(/\r?\n/)[n - 1];
}

async function onlyFixes(file: string, code: string) {
  const { uri, text, diagnostics } = await openFixture(file);
  const d = diagnostics.find((x) => x.code === code);
  assert.ok(d, `${code} in ${file}`);
  const actions = await fixesFor(uri, d);
  return { uri, text, d, actions };
}

test('summary-period-unscoped fix: the description\'s first period expression, with の, at the start of the 概要; then silent', async () => {
  const { uri, text, d, actions } = await onlyFixes('sum-unscoped.shitei', 'summary-period-unscoped');
  assert.ok(actions.length >= 1, 'a fix is offered');
  const { fixed, diagnostics } = await applyFix(uri, text, actions[0]);
  assert.equal(lineOf(fixed, d.range.start.line + 1), '令和8年度の自衛隊第sum-unscoped統合演習計画');
  assert.ok(!diagnostics.some((x) => x.code === 'summary-period-unscoped' || x.code === 'summary-period-mismatch'));
});

test('summary-period-mismatch fix: the 概要\'s period replaced with the description\'s; then silent', async () => {
  const { uri, text, d, actions } = await onlyFixes('sum-mismatch.shitei', 'summary-period-mismatch');
  assert.ok(actions.length >= 1, 'a fix is offered');
  const { fixed, diagnostics } = await applyFix(uri, text, actions[0]);
  assert.equal(lineOf(fixed, d.range.start.line + 1), '令和8年度自衛隊第sum-mismatch統合演習計画');
  assert.ok(!diagnostics.some((x) => x.code === 'summary-period-mismatch'));
});

test('beppyo-overlap fix keeps the more specific item (not 2号ロ / 2号ハ / 1号ヌ); then silent', async () => {
  for (const [file, kept] of [['ov-2ro-1i.shitei', '別表第1号イa(a)'], ['ov-2ha-1ro.shitei', '別表第1号ロa'], ['ov-1nu-1he.shitei', '別表第1号ヘ']] as const) {
    const { uri, text, d, actions } = await onlyFixes(file, 'beppyo-overlap');
    assert.ok(actions.length >= 1, `${file}: a fix is offered`);
    for (const action of actions) {
      const { fixed, diagnostics } = await applyFix(uri, text, action);
      const line = lineOf(fixed, d.range.start.line + 1);
      assert.match(line, /^別表[：:]/, `${file}: ${line}`);
      assert.equal(line.replace(/^別表[：:]\s*/, ''), kept, `${file}: "${action.title}"`);
      assert.ok(!diagnostics.some((x) => x.code === 'beppyo-overlap'), file);
    }
  }
});

test('conjunction-level and conjunction-kana fixes: 及び / 又は and the kanji forms; then silent', async () => {
  for (const [file, code, expected] of [
    ['cl-narabini.shitei', 'conjunction-level', '統合演習及び共同訓練'],
    ['cl-moshikuha.shitei', 'conjunction-level', '統合演習又は共同訓練'],
    ['ck-oyobi.shitei', 'conjunction-kana', '統合演習及び共同訓練'],
  ] as const) {
    const { uri, text, d, actions } = await onlyFixes(file, code);
    assert.ok(actions.length >= 1, `${file}: a fix is offered`);
    const { fixed, diagnostics } = await applyFix(uri, text, actions[0]);
    assert.ok(lineOf(fixed, d.range.start.line + 1).includes(expected), `${file}: ${lineOf(fixed, d.range.start.line + 1)}`);
    assert.ok(!diagnostics.some((x) => x.code === code), file);
  }
});

test('extension-reason-missing and release-reason-missing fixes append the section; the rule is then silent', async () => {
  for (const [file, code, heading] of [['ext-reason-missing.shitei', 'extension-reason-missing', '【延長の理由】'], ['rel-reason-missing.shitei', 'release-reason-missing', '【解除の理由】']] as const) {
    const { uri, text, actions } = await onlyFixes(file, code);
    assert.ok(actions.length >= 1, `${file}: a fix is offered`);
    const { fixed, diagnostics } = await applyFix(uri, text, actions[0]);
    assert.ok(fixed.includes(heading), `${file}: ${heading} appended`);
    assert.ok(fixed.startsWith(text.trimEnd()), `${file}: appended, nothing else changed`);
    assert.ok(!diagnostics.some((x) => x.code === code), `${file}: ${code} gone`);
  }
});

test('review-overdue: no fix that writes a 点検 (a fix must not claim that a review took place)', async () => {
  const { uri, text, actions } = await onlyFixes('review-none.shitei', 'review-overdue');
  for (const action of actions) {
    const fixed = applyLspEdits(text, action.edit?.changes?.[uri] ?? []);
    assert.ok(!/^\s*(点検|指定の理由の点検)\s*[：:]/m.test(fixed), `"${action.title}" writes a 点検`);
  }
});

test('workspace duplicates in the editor: opening one sheet of the pair reports summary-duplicate / description-duplicate', async () => {
  const ws = path.join(FIXTURES, 'workspace');
  const s = await LspSession.start({ rootPath: ws, cwd: ws });
  try {
    for (const [file, code] of [['w-a.shitei', 'summary-duplicate'], ['w-c.shitei', 'description-duplicate']]) {
      const full = path.join(ws, file);
      const uri = pathToFileURL(full).href;
      await s.open(uri, fs.readFileSync(full, 'utf8'));
      await s.until(() => (s.diagnostics.get(uri)?.diagnostics ?? []).some((d) => d.code === code), 8000);
    }
  } finally {
    await s.stop();
  }
});

function hoverText(h: { contents: unknown } | null): string {
  if (!h) return '';
  const c = h.contents as string | { value: string } | (string | { value: string })[];
  const parts = Array.isArray(c) ? c : [c];
  return parts.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
}

test('hover on a 延長 shows the day it takes effect (the day after the expiry it extends); on a 点検, the days since it', async () => {
  const { uri, text } = await openFixture('ext-on-expiry.shitei');
  const lines = text.split('\n');
  const ext = lines.findIndex((l) => l.startsWith('延長：'));
  const h = await session.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: ext, character: 5 } });
  assert.match(hoverText(h), /令和5年4月1日|2023-04-01|2023年4月1日/, hoverText(h));
  const r = await openFixture('review-365.shitei');
  const rl = r.text.split('\n').findIndex((l) => l.startsWith('点検：'));
  const h2 = await session.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: r.uri }, position: { line: rl, character: 5 } });
  assert.match(hoverText(h2), /365/, hoverText(h2));
});

test('completion after 点検： and 解除： offers today (from .shiteirc.json) in the document\'s date style (issue 11, item 1)', async () => {
  for (const field of ['点検', '解除']) {
  const full = path.join(RULES, 'clean.shitei');
  const text = fs.readFileSync(full, 'utf8').replace('特定秘密管理者：統合幕僚監部運用部運用第1課長\n', `特定秘密管理者：統合幕僚監部運用部運用第1課長\n${field}：\n`);
  const uri = pathToFileURL(path.join(RULES, `completion-probe-${field}.shitei`)).href;
  await session.open(uri, text);
  const line = text.split('\n').findIndex((l) => l === `${field}：`);
  const result = await session.request<{ items: { label: string; insertText?: string; textEdit?: { newText: string } }[] } | { label: string; insertText?: string; textEdit?: { newText: string } }[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 3 } });
  const items = Array.isArray(result) ? result : result.items;
  const texts = items.map((i) => `${i.label} ${i.insertText ?? ''} ${i.textEdit?.newText ?? ''}`);
  assert.ok(texts.some((t) => t.includes('令和8年11月30日')), `${field}: ${texts.join('\n')}`);
  }
});

test('completion of a heading after 【 offers the v1.1 sections 延長の理由 and 解除の理由', async () => {
  const full = path.join(RULES, 'ext-reason-missing.shitei');
  const text = fs.readFileSync(full, 'utf8') + '\n【';
  const uri = pathToFileURL(path.join(RULES, 'completion-heading-probe.shitei')).href;
  await session.open(uri, text);
  const lines = text.split('\n');
  const result = await session.request<{ items: { label: string; insertText?: string; textEdit?: { newText: string } }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: 1 } });
  const items = (Array.isArray(result) ? result : result.items) as { label: string; insertText?: string; textEdit?: { newText: string } }[];
  const texts = items.map((i) => `${i.label} ${i.insertText ?? ''} ${i.textEdit?.newText ?? ''}`).join('\n');
  for (const h of ['延長の理由', '解除の理由']) assert.ok(texts.includes(h), `${h} in\n${texts}`);
});

test('hover on 指定年月日 shows the state: released (解除), lapsed (満了), in force (有効)', async () => {
  for (const [file, state] of [['released-old.shitei', '解除'], ['lapsed.shitei', '満了'], ['review-365.shitei', '有効'], ['lc-release-after-expiry.shitei', '解除'], ['ext-late.shitei', '満了']]) {
    const { uri, text } = await openFixture(file);
    const i = text.split('\n').findIndex((l) => l.startsWith('指定年月日：'));
    const h = await session.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: i, character: 7 } });
    const t = hoverText(h);
    const others = ['有効', '解除', '満了'].filter((x) => x !== state);
    assert.ok(t.includes(state) && !others.some((o) => new RegExp(`状態[^\\n]{0,8}${o}`).test(t)), `${file}: ${state} expected in\n${t}`);
  }
});
