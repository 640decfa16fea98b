import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSheet } from '../../../core/out/syntax/parser';
import { SheetModel } from '../../../core/out/analysis/sheet';
import { resolveConfig } from '../../../core/out/analysis/config';
import { completionsAt, FILTER_TEXT_LIMIT, type CompletionEntry } from '../../../core/out/service/completion';
import { hoverAt } from '../../../core/out/service/hover';
import { allReferenceTargets } from '../../../core/out/domain/beppyo/reference';
import { SECTIONS } from '../../../core/out/domain/format';
import { analyze, tokenCache } from '../support/analysis';
import { sheet } from '../support/sheet';

const config = resolveConfig({ today: '2026-11-23' });
const model = (text: string) => new SheetModel(parseSheet(text));
/** Completions at the first `|` of `marked` (the bar is removed). */
function at(marked: string, locale: 'ja' | 'en' = 'ja', options = {}): { text: string; entries: CompletionEntry[] } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, entries: completionsAt(model(text), offset, config, locale, options) };
}
const bySort = (entries: CompletionEntry[]) => [...entries].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

/**
 * VS Code's suggest filter (base/common/filters.ts fuzzyScore with firstMatchCanBeWeak false):
 * only the first 128 characters of filterText count, the typed characters must occur in order,
 * and the first one must start a word (position 0 or after a blank or separator). This is the
 * part of it that decides whether a row is shown at all.
 */
function vscodeWouldShow(typed: string, filterText: string): boolean {
  const word = filterText.slice(0, FILTER_TEXT_LIMIT).toLowerCase();
  const pattern = typed.toLowerCase();
  for (let start = 0; start < word.length; start++) {
    if (word[start] !== pattern[0]) continue;
    if (start > 0 && !/[\s_\-./\\'":$<>()[\]{}]/.test(word[start - 1])) continue;
    let p = 1;
    for (let i = start + 1; i < word.length && p < pattern.length; i++) if (word[i] === pattern[p]) p++;
    if (p === pattern.length) return true;
  }
  return false;
}
const shown = (entries: CompletionEntry[], typed: string) => entries.filter((e) => vscodeWouldShow(typed, e.filterText ?? e.label)).map((e) => e.label);

test('別表 completion: every reference, each with its own text on its row', () => {
  const { entries } = at(sheet({ fields: { 別表: '|' } }));
  assert.equal(entries.length, allReferenceTargets().length);
  for (const e of entries) {
    assert.ok(e.labelDetail && e.labelDetail.trim().length > 0, `${e.label} has no label detail`);
    assert.ok(e.filterText!.startsWith(e.label), `${e.label}: the filter text starts with the reference`);
    assert.ok(e.filterText!.length <= FILTER_TEXT_LIMIT, `${e.label}: filter text of ${e.filterText!.length} characters`);
  }
  assert.equal(entries.find((e) => e.label === '別表第1号イa(a)')!.labelDetail!.trim(), '自衛隊の訓練又は演習');
});

test('別表 completion: searchable by content (演習, 暗号) and by 第2号 / 2号 / ２号', () => {
  const { entries } = at(sheet({ fields: { 別表: '|' } }));
  const drill = shown(entries, '演習');
  assert.ok(drill.includes('別表第1号イa(a)'), `演習 → ${drill}`);
  assert.ok(drill.length < 10, `演習 matches few items: ${drill}`);
  const cipher = shown(entries, '暗号');
  assert.ok(cipher.length >= 1 && cipher.length < 10, `暗号 → ${cipher}`);
  for (const ref of cipher) assert.match(entries.find((e) => e.label === ref)!.documentation!, /暗号/);
  for (const typed of ['第2号', '2号', '２号', '2号ロ']) {
    const hits = shown(entries, typed);
    assert.ok(hits.length > 0, `${typed} finds something`);
    assert.ok(hits.every((h) => h.startsWith('別表第2号')), `${typed} → only 2号 items: ${hits}`);
  }
  // The usual prefix still works.
  assert.ok(shown(entries, '別表第4').every((h) => h.startsWith('別表第4号')));
});

test('別表 completion ranks by the 対象情報の記述 exactly as the beppyo-missing fix does', async () => {
  const text = sheet({ fields: { 別表: null } });
  const missing = (await analyze(text)).diagnostics.find((d) => d.code === 'beppyo-missing')!;
  const fixRefs = missing.fixes.map((f) => /別表：(.+)/.exec(f.edits[0].newText)![1]);
  assert.ok(fixRefs.length > 0);
  const tokens = await tokenCache();
  const words = { hasTokens: true, tokenizeText: (t: string) => tokens.tokenize(t) };
  const { entries } = at(sheet({ fields: { 別表: '|' } }), 'ja', { words });
  const top = bySort(entries).slice(0, fixRefs.length).map((e) => e.label);
  assert.deepEqual(top, fixRefs, 'the first items are the fix\'s suggestions, in its order');
  const first = bySort(entries)[0];
  assert.equal(first.preselect, true);
  assert.match(first.labelDescription!, /^記述と共通: /);
  // Without tokens (dictionary still loading) there is still a ranking, by the rules' fallback.
  const fallback = bySort(at(sheet({ fields: { 別表: '|' } })).entries);
  assert.equal(fallback[0].label, '別表第1号イa(a)');
  // A description about nothing in the 別表 leaves the catalog order.
  const plain = bySort(at(sheet({ fields: { 別表: '|' }, sections: { 対象情報の記述: 'ABC' } })).entries);
  assert.equal(plain[0].label, allReferenceTargets()[0].ref);
});

test('別表 completion after a separator replaces only the reference being typed', () => {
  const { text, entries } = at(sheet({ fields: { 別表: '別表第1号イa(a)、|' } }));
  const e = entries[0];
  assert.equal(text.slice(e.span.start - 1, e.span.start), '、');
});

test('heading completion offers only the sections the sheet does not have yet', () => {
  const full = sheet() + '\n【|';
  const { entries } = at(full);
  const labels = entries.map((e) => e.label);
  for (const s of ['対象情報の記述', '指定の理由', '概要']) assert.ok(!labels.includes(s), `${s} exists already: ${labels}`);
  assert.ok(labels.includes('解除の条件') && labels.includes('備考'));
  // Every catalog section that is not in the sheet (v1.1 adds 延長の理由 and 解除の理由 there).
  assert.deepEqual(labels, SECTIONS.filter((s) => !['対象情報の記述', '指定の理由', '概要'].includes(s.name)).map((s) => s.name));
  // Editing an existing heading offers its own name again.
  const editing = at(sheet().replace('【概要】', '【概|要】')).entries.map((e) => e.label);
  assert.ok(editing.includes('概要') && !editing.includes('指定の理由'), `${editing}`);
  // A header-only draft gets every section.
  const empty = at('整理番号：A-1\n\n【|').entries.map((e) => e.label);
  assert.deepEqual(empty, SECTIONS.map((s) => s.name));
});

test('満了日 completion offers the computed expiry first, then today; 指定年月日 today', () => {
  const { entries } = at(sheet({ fields: { 満了日: '|' } }));
  assert.deepEqual(bySort(entries).map((e) => e.label), ['令和10年3月31日', '令和8年11月23日']);
  assert.equal(bySort(entries)[0].preselect, true);
  assert.equal(bySort(entries)[0].labelDescription, '有効期間から計算した満了日');
  // In the document's style.
  const western = at(sheet({ fields: { 指定年月日: '2026-04-01', 満了日: '|' } })).entries;
  assert.deepEqual(bySort(western).map((e) => e.label), ['2028-03-31', '2026-11-23']);
  // Without a readable 有効期間 only today.
  assert.deepEqual(at(sheet({ fields: { 有効期間: '', 満了日: '|' } })).entries.map((e) => e.label), ['令和8年11月23日']);
  assert.deepEqual(at(sheet({ fields: { 指定年月日: '|' } })).entries.map((e) => e.detail), ['今日']);
});

test('有効期間 completion offers 1年–5年 with the 満了日 each gives; 延長 the same periods', () => {
  const { entries } = at(sheet({ fields: { 有効期間: '|' } }));
  assert.deepEqual(entries.map((e) => e.label), ['1年', '2年', '3年', '4年', '5年']);
  assert.equal(entries[4].labelDescription, '満了日 令和13年3月31日');
  assert.equal(at(sheet({ fields: { 有効期間: '|' } }), 'en').entries[0].labelDescription, 'expires 令和9年3月31日');
  assert.deepEqual(at(sheet({ extraHeader: ['延長：|'] })).entries.map((e) => e.label), ['1年', '2年', '3年', '4年', '5年']);
});

test('field and section completion speak Japanese in Japanese mode and English otherwise', () => {
  const header = '整理番号：A-1\n|';
  const ja = at(header).entries;
  const ext = ja.find((e) => e.label === '延長')!;
  assert.equal(ext.detail, '任意');
  assert.doesNotMatch(`${ext.documentation} ${ext.labelDescription}`, /[a-z]{3,}/, 'no English in Japanese mode');
  for (const e of ja) assert.doesNotMatch(`${e.detail} ${e.documentation}`, /\b(extension|measure|optional|required|agency)\b/);
  const en = at(header, 'en').entries.find((e) => e.label === '延長')!;
  assert.equal(en.detail, 'optional');
  assert.match(en.documentation!, /extension/);
  const sections = at('整理番号：A-1\n\n【|').entries;
  assert.equal(sections[0].documentation, '特定秘密である情報の範囲の記述');
  assert.equal(at('整理番号：A-1\n\n【|', 'en').entries[0].documentation, 'description of the target information');
});

test('hover on a field name: the Japanese description and 別名 in Japanese mode, English otherwise', () => {
  const text = sheet({ fields: { 措置: null }, extraHeader: ['講ずる措置：表示'] });
  const offset = text.indexOf('講ずる措置') + 1;
  const ja = hoverAt(model(text), offset, 'ja')!.contents;
  assert.match(ja, /\*\*措置\*\* — 講ずる措置\(表示又は通知/);
  assert.match(ja, /別名: 講ずる措置/);
  assert.doesNotMatch(ja, /measure|aliases/);
  const en = hoverAt(model(text), offset, 'en')!.contents;
  assert.match(en, /measure/);
  assert.match(en, /aliases: 講ずる措置/);
});
