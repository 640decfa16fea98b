/** Code actions assembled in the core (no server): per diagnostic asked for, fixes, then disable and documentation, once per code. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnosticsAsked, fixAllAction, quickFixActions, SHOW_RULE_DOCUMENTATION } from '../../../core/out/service/codeActions';
import { analyze } from '../support/analysis';
import { sheet } from '../support/sheet';

test('only the diagnostics asked for: their fixes first, then disable-line, disable-file, documentation', async () => {
  const text = sheet({ fields: { 有効期間: null, 満了日: null, 別表: '別表第1号イ' } });
  const result = await analyze(text);
  const validity = result.diagnostics.find((d) => d.code === 'validity-missing' || d.code === 'field-missing')!;
  assert.ok(validity, result.diagnostics.map((d) => d.code).join());
  const asked = diagnosticsAsked(result.diagnostics, { start: 0, end: text.length }, [{ code: validity.code, span: validity.span }]);
  assert.deepEqual(asked.map((d) => d.code), [validity.code]);
  const actions = quickFixActions(result.sheet, asked);
  assert.ok(actions.every((a) => a.diagnostic.code === validity.code), 'an action for a diagnostic not asked for');
  const kinds = actions.map((a) => (a.command ? 'doc' : /この行で/.test(a.title.ja) ? 'line' : /このファイルで/.test(a.title.ja) ? 'file' : 'fix'));
  const firstOther = kinds.findIndex((k) => k !== 'fix');
  assert.ok(kinds.slice(firstOther).every((k) => k !== 'fix'), `fixes must come first: ${kinds}`);
  assert.deepEqual(kinds.slice(firstOther).filter((k) => k !== 'line'), ['file', 'doc']);
  const doc = actions.find((a) => a.command)!;
  assert.deepEqual(doc.command, { command: SHOW_RULE_DOCUMENTATION, arguments: [validity.code] });
  assert.match(doc.title.en, new RegExp(`Show documentation for ${validity.code}`));
});

test('two diagnostics of one code on one line: one disable-line, one disable-file, one documentation action', async () => {
  const text = sheet({ fields: { 別表: '別表第9号、別表第8号' } });
  const result = await analyze(text);
  const invalid = result.diagnostics.filter((d) => d.code === 'beppyo-invalid');
  assert.equal(invalid.length, 2, result.diagnostics.map((d) => d.code).join());
  const actions = quickFixActions(result.sheet, invalid);
  const titles = actions.filter((a) => !a.edits || a.title.ja.includes('無効')).map((a) => a.title.ja);
  assert.deepEqual(titles, ['beppyo-invalid をこの行で無効にする', 'beppyo-invalid をこのファイルで無効にする', 'beppyo-invalid の説明を表示する']);
});

test('no diagnostics named: those touching the range', async () => {
  const text = sheet({ fields: { 措置: '公表' } });
  const result = await analyze(text);
  const d = result.diagnostics.find((x) => x.code === 'measure-invalid')!;
  assert.deepEqual(diagnosticsAsked(result.diagnostics, { start: d.span.start, end: d.span.start }).map((x) => x.code), ['measure-invalid']);
  assert.deepEqual(diagnosticsAsked(result.diagnostics, { start: 0, end: 0 }), []);
});

test('fix-all: one edit, idempotent; nothing when nothing is safe to fix', async () => {
  const text = sheet({ fields: { 満了日: '令和10年4月1日' } });
  const result = await analyze(text);
  const analyzeSync = (t: string) => result.diagnostics.length && t === text ? result.diagnostics : [];
  const action = fixAllAction(text, result.diagnostics, analyzeSync);
  assert.ok(action && action.edits.length === 1);
  assert.equal(fixAllAction(sheet(), [], () => []), undefined);
});
