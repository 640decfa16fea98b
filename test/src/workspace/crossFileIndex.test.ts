/**
 * The workspace rules as an incremental index: a change re-checks only the groups it touches,
 * messages name a few sheets whatever a group's size, and keys are linear in the text. Counted
 * work, at two sizes — never time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrossFileIndex } from '../../../core/out/workspace/crossFileIndex';
import { analyzeWorkspace } from '../../../core/out/workspace/analyzeWorkspace';
import type { WorkspaceRule } from '../../../core/out/workspace/types';
import * as periodExpressions from '../../../core/out/domain/periodExpressions';
import { computeSeriesKey } from '../../../core/out/workspace/workspaceRules';
import { sheet } from '../support/sheet';
import { entry } from './support';

const numbered = (i: number, serial = `A-${i}`) =>
  entry(`s${i}.shitei`, sheet({ fields: { 整理番号: serial }, sections: { 対象情報の記述: `令和8年度の計画その${i}`, 概要: `概要${i}` } }));

test('a change re-checks only the groups it touches: the same work at 100 and at 1,000 sheets', () => {
  const workPerChange = (n: number) => {
    const index = new CrossFileIndex();
    for (let i = 0; i < n; i++) index.set(numbered(i, i < 2 ? 'DUP' : `A-${i}`));
    for (let i = 0; i < n; i++) index.diagnosticsFor(`s${i}.shitei`);
    const before = { ...index.work };
    // s5 takes s0's number: the DUP group and s5's old group change.
    const affected = index.set(numbered(5, 'DUP'));
    for (const id of affected) index.diagnosticsFor(id);
    assert.deepEqual([...affected].sort(), ['s0.shitei', 's1.shitei', 's5.shitei']);
    assert.ok(index.diagnosticsFor('s1.shitei').some((d) => d.code === 'serial-duplicate' && /s5\.shitei/.test(d.message.ja)));
    return { keys: index.work.keysComputed - before.keysComputed, members: index.work.membersChecked - before.membersChecked };
  };
  assert.deepEqual(workPerChange(100), workPerChange(1000));
});

test('unchanged sheet: set() again affects nothing; delete() re-checks the group it left', () => {
  const index = new CrossFileIndex();
  const a = numbered(1, 'X');
  index.set(a);
  index.set(numbered(2, 'X'));
  assert.equal(index.diagnosticsFor('s1.shitei').filter((d) => d.code === 'serial-duplicate').length, 1);
  assert.equal(index.set(a).size, 0);
  assert.deepEqual([...index.delete('s2.shitei')], ['s1.shitei']);
  assert.deepEqual(index.diagnosticsFor('s1.shitei').filter((d) => d.code === 'serial-duplicate'), []);
});

test('k drafts sharing a placeholder 整理番号: output and work grow linearly in k', () => {
  const measure = (k: number) => {
    const index = new CrossFileIndex();
    for (let i = 0; i < k; i++) index.set(numbered(i, '防衛-XXXX-XXXX'));
    let chars = 0;
    for (let i = 0; i < k; i++) for (const d of index.diagnosticsFor(`s${i}.shitei`)) chars += d.message.ja.length + d.message.en.length;
    return { chars, members: index.work.membersChecked };
  };
  const small = measure(200);
  const large = measure(800);
  assert.ok(large.chars <= small.chars * 4 * 1.1, `message text grew ${large.chars / small.chars}× for 4× the drafts`);
  assert.ok(large.members <= small.members * 4, `group work grew ${large.members / small.members}×`);
  const index = new CrossFileIndex();
  for (let i = 0; i < 10; i++) index.set(numbered(i, 'P'));
  assert.match(index.diagnosticsFor('s0.shitei').find((d) => d.code === 'serial-duplicate')!.message.ja, /s1\.shitei、s2\.shitei、s3\.shitei ほか6件/);
});

test('the index gives what the one-shot analysis gives, after any order of changes', () => {
  const sheets = Array.from({ length: 30 }, (_, i) => numbered(i, `N-${i % 7}`));
  const index = new CrossFileIndex();
  for (const s of [...sheets].reverse()) index.set(s);
  for (let i = 0; i < 30; i += 3) index.delete(`s${i}.shitei`);
  for (let i = 0; i < 30; i += 3) index.set(sheets[i]);
  const oneShot = analyzeWorkspace(sheets);
  for (const s of sheets) assert.deepEqual(index.diagnosticsFor(s.id), oneShot.get(s.id), s.id);
});

test('a workspace rule that throws gives internal-error on its sheets; the other rules still report', () => {
  const broken: WorkspaceRule = {
    meta: { code: 'serial-duplicate', defaultSeverity: 'error', basis: '', description: { ja: '', en: '' } },
    keys: () => ['k'],
    checkGroup: () => {
      throw new TypeError('boom');
    },
  };
  const result = analyzeWorkspace([numbered(1), numbered(2)], [broken]);
  assert.deepEqual(result.get('s1.shitei')!.map((d) => d.code), ['internal-error']);
  assert.doesNotMatch(result.get('s1.shitei')![0].message.en, /boom/);
});

test('the series key is linear in the description: one copy of the text, whatever the number of period expressions', () => {
  // Characters copied by String.prototype.slice while the key is computed, less those the period
  // scanner (core/src/domain, measured by its own tests) copies on its own.
  const countSlices = (work: () => void) => {
    const slice = String.prototype.slice;
    let chars = 0;
    String.prototype.slice = function (this: string, ...args: [number?, number?]) {
      const out = slice.apply(this, args);
      chars += out.length;
      return out;
    };
    try {
      work();
    } finally {
      String.prototype.slice = slice;
    }
    return chars;
  };
  const copied = (expressions: number) => {
    const description = Array.from({ length: expressions }, (_, i) => `令和${(i % 9) + 1}年度の計画、`).join('') + 'を含む。';
    const s = entry('x.shitei', sheet({ sections: { 対象情報の記述: description } })).sheet;
    assert.ok(periodExpressions.findPeriodExpressions(description).scoped.length >= expressions);
    const scanner = countSlices(() => periodExpressions.findPeriodExpressions(description));
    return (countSlices(() => computeSeriesKey(s)) - scanner) / description.length;
  };
  const small = copied(200);
  const large = copied(2000);
  assert.ok(large < 3 && large < small * 1.5 + 1, `characters copied per character of text: ${small.toFixed(2)} at 200 expressions, ${large.toFixed(2)} at 2,000`);
});

test('k sheets joining one group one after another: who was affected is worked out in O(k), not O(k²)', () => {
  const visited = (k: number) => {
    const index = new CrossFileIndex();
    for (let i = 0; i < k; i++) index.update(numbered(i, 'PLACEHOLDER'));
    const affected = index.drainAffected();
    assert.equal(affected.size, k);
    for (let i = 0; i < k; i++) index.diagnosticsFor(`s${i}.shitei`);
    return { visited: index.work.affectedVisited, members: index.work.membersChecked };
  };
  const small = visited(300);
  const large = visited(1200);
  assert.ok(large.visited <= small.visited * 4 * 1.1, `visited ${small.visited} → ${large.visited}`);
  assert.ok(large.members <= small.members * 4 * 1.1, `group reads ${small.members} → ${large.members}`);
});
