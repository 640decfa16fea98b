/**
 * Per-line facts (core/src/analysis/lineFacts.ts) change what an analysis costs, never what it
 * finds: an analysis after a run of edits — lines matched against the previous text, facts
 * reused — gives exactly what an analysis from cold caches gives; the encoding judgement made
 * line by line is the one made over the whole text; scope-vague, which tokenizes only the clauses
 * that may hold a vague word, finds what tokenizing each whole line finds. And a cache entry never
 * keeps the document it was cut from alive.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import fc from 'fast-check';
import { analyzeText, type Diagnostic } from '../../../core/out/analysis/analyze';
import { resolveConfig } from '../../../core/out/analysis/config';
import { PeriodLines, SheetModel, readExtension } from '../../../core/out/analysis/sheet';
import { parsePeriod } from '../../../core/out/domain/periods';
import { parseSheet } from '../../../core/out/syntax/parser';
import { clearContentCaches } from '../../../core/out/text/contentCache';
import { suspectEncoding } from '../../../core/out/text/encodingSuspect';
import { findVagueWords } from '../../../core/out/rules/scope-vague';
import { ruleByCode } from '../../../core/out/rules/index';
import { generatedSheet, lineChar } from '../fuzz/arbitraries';
import { tokenCache } from '../support/analysis';
import { sheet } from '../support/sheet';

const config = resolveConfig({ today: '2026-11-23' });
const SEED = 20261130;
const shown = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code} ${d.span.start}-${d.span.end} ${d.message.ja} ${d.fixes.length}`);

/** An edit as a drafter makes them: type or delete at a place, add or drop a line. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: fc.array(lineChar, { minLength: 1, maxLength: 4 }).map((c) => c.join('')) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('line' as const), at: fc.nat(), text: fc.constantFrom('令和8年度の計画', '# 令和9年度', '', '【備考】', '等の情報、その他', '○○の計画並びに又は', 'ã€€ã€') }),
);

type Edit = { kind: 'type' | 'delete' | 'line'; at: number; text?: string; length?: number };

function applyEdit(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  if (e.kind === 'type') return text.slice(0, at) + e.text + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + (e.length ?? 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return `${text.slice(0, lineStart)}${e.text}\n${text.slice(lineStart)}`;
}

test('an analysis after a run of edits finds exactly what an analysis from cold caches finds', async () => {
  const tokens = await tokenCache();
  fc.assert(
    fc.property(generatedSheet, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
      const texts = [start];
      for (const e of edits) texts.push(applyEdit(texts[texts.length - 1], e));
      // Warm: one analysis after another, as the server runs them on each change.
      const warm = texts.map((t) => shown(analyzeText(t, { config, tokens }).diagnostics));
      // Cold: each text alone, after every cache and every remembered line is dropped.
      texts.forEach((t, i) => {
        clearContentCaches();
        assert.deepEqual(warm[i], shown(analyzeText(t, { config, tokens }).diagnostics), `step ${i}`);
      });
    }),
    { seed: SEED, numRuns: 60 },
  );
});

test('the encoding judgement made line by line is the one made over the whole text', () => {
  const ch = fc.constantFrom('あ', '漢', 'a', ' ', '\u3000', '\ufeff', 'ã', '€', '©', '×', '縺', '繧', '\ufffd', '【', '】', '#', '：', '\n', '\r\n', '\r');
  fc.assert(
    fc.property(fc.array(ch, { maxLength: 300 }), (cs) => {
      const text = cs.join('');
      clearContentCaches();
      const sheetModel = new SheetModel(parseSheet(text));
      assert.deepEqual(sheetModel.encodingSuspicion(), suspectEncoding(text));
    }),
    { seed: SEED, numRuns: 400 },
  );
});

test('scope-vague finds what tokenizing each whole description line finds', async () => {
  const tokens = await tokenCache();
  const rule = ruleByCode('scope-vague')!;
  const word = fc.constantFrom('等', 'など', 'その他', 'その', '他', '関連する', '関連した', '関連物資', '全般', '一切', '等級', '平等', '、', '。', '情報', '計画', 'の', 'を含む', '(', ')', '令和8年度');
  const line = fc.array(word, { minLength: 1, maxLength: 24 }).map((ws) => ws.join(''));
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
      const text = sheet({ sections: { 対象情報の記述: lines.join('\n') } });
      const found = analyzeText(text, { config, tokens, rules: [rule] }).diagnostics.map((d) => text.slice(d.span.start, d.span.end) + '@' + d.span.start);
      const model = new SheetModel(parseSheet(text));
      const expected: string[] = [];
      for (const c of model.section('対象情報の記述')!.content) {
        const lineText = text.slice(c.span.start, c.span.end);
        for (const v of findVagueWords(tokens.tokenize(lineText))) expected.push(`${lineText.slice(v.span.start, v.span.end)}@${c.span.start + v.span.start}`);
      }
      assert.deepEqual(found, expected);
    }),
    { seed: SEED, numRuns: 150 },
  );
});

test('what the caches keep of an edited document does not keep the document alive', async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const tokens = await tokenCache();
  const line = '令和8年度に自衛隊が作成する警戒監視の計画のうち、部隊の編成及び装備(報道発表した内容を除く。)';
  let text = sheet({ sections: { 対象情報の記述: Array.from({ length: 12_000 }, (_, i) => `${i} ${line}`).join('\n') } }); // ≈ 0.6 M characters
  analyzeText(text, { config, tokens });
  gc();
  const before = process.memoryUsage().heapUsed;
  let at = text.indexOf('0 令和8年度') + 1;
  for (let k = 0; k < 40; k++) {
    // A new line text each time, as typing makes: each is kept by the caches, the text it was cut from must not be.
    text = `${text.slice(0, at)}及${text.slice(at)}`;
    at++;
    analyzeText(text, { config, tokens });
  }
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  // Each text is ≈ 1.2 MB in memory: kept by a cached slice, 40 edits would hold ≈ 48 MB.
  assert.ok(grown < 12_000_000, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 40 edits`);
});

test('a 延長 line read with its facts is placed where the line is: the same line text twice, indented, gives each its own spans', () => {
  const line = '延長：5年(令和13年3月25日決定)';
  const odd = '延長：2年(閣議決定による)';
  const text = sheet({ fields: { 延長: line } }).replace(`延長：${line.slice(3)}`, `${line}\n\u3000 ${line}\n${odd}\n${odd}`);
  const model = new SheetModel(parseSheet(text));
  const direct = (node: (typeof model.extensions)[number]['node']) => readExtension(node);
  assert.equal(model.extensions.length, 4);
  for (const ext of model.extensions) {
    // What the facts give (read once per distinct line) equals reading this node itself.
    assert.deepEqual(ext, direct(ext.node));
    assert.deepEqual(model.period(ext.node).period, parsePeriod(ext.periodText)?.period);
  }
  const [a, b, c, d] = model.extensions;
  assert.equal(text.slice(a.decision!.span.start, a.decision!.span.end), '令和13年3月25日');
  assert.equal(text.slice(b.decision!.span.start, b.decision!.span.end), '令和13年3月25日');
  assert.notEqual(a.decision!.span.start, b.decision!.span.start);
  assert.equal(text.slice(c.notADate!.span.start, c.notADate!.span.end), '(閣議決定による)');
  assert.equal(text.slice(d.periodSpan.start, d.periodSpan.end), '2年');
});

test('period lines are read only as far as a rule asks: the first period of a 20,000-line description reads one line', () => {
  const lines = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 2 ? `${i} 計画のうち部隊の展開に係るもの` : `${i} 令和${(i % 9) + 1}年度の計画のうち、警戒の区域`));
  const model = new SheetModel(parseSheet(sheet().replace('【対象情報の記述】\n', `【対象情報の記述】\n${lines.join('\n')}\n`)));
  const content = model.section('対象情報の記述')!.content;
  let read = 0;
  const periodLines = new PeriodLines(content, (line) => {
    read++;
    return model.lineFacts(line);
  });
  assert.ok(periodLines.some((l) => l.scoped.length > 0));
  assert.equal(read, 1);
  // Read on only as far as asked, and what was read is kept: iterating again reads nothing new.
  assert.equal(periodLines.find((l) => text(l).startsWith('4 '))?.at, content[4].span.start);
  assert.equal(read, 5);
  // Read whole, it is every content line with a period expression, in order.
  const all = [...periodLines];
  assert.equal(read, content.length);
  assert.deepEqual(all.map((l) => l.at), content.filter((c) => /令和/.test(model.text.slice(c.span.start, c.span.end))).map((c) => c.span.start));
  assert.deepEqual([...model.periodLines('対象情報の記述')].map((l) => l.at), all.map((l) => l.at));
  function text(l: { at: number }): string {
    return model.text.slice(l.at, model.text.indexOf('\n', l.at));
  }
});
