/**
 * The workspace rules group sheets by a digest of their comparable texts (comparableText.ts) and
 * confirm a group with the full texts: two texts whose digests collide are not reported as the
 * same; comments are not part of what is compared; and after an edit of one line the digest is
 * recomputed from that line, not from the whole section.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../core/out/workspace/analyzeWorkspace';
import { comparableText } from '../../../core/out/workspace/comparableText';
import { SheetModel } from '../../../core/out/analysis/sheet';
import { parseSheet } from '../../../core/out/syntax/parser';
import { measureWork } from '../../../core/out/text/workCounter';
import { sheet } from '../support/sheet';
import { entry } from './support';

const codes = (m: Map<string, { code: string }[]>, id: string, code: string) => m.get(id)!.map((d) => d.code).filter((c) => c === code);

/**
 * The Thue–Morse word and its complement: different texts of one length whose polynomial hashes
 * modulo 2³² agree for every odd base — a real collision of the digest, as a hostile workspace
 * could write it.
 */
function thueMorsePair(): [string, string] {
  let s = 'a';
  for (let i = 0; i < 11; i++) s += [...s].map((c) => (c === 'a' ? 'b' : 'a')).join('');
  return [s.replace(/a/g, 'あ').replace(/b/g, 'い'), s.replace(/a/g, 'い').replace(/b/g, 'あ')];
}

test('texts whose digests collide are not reported as duplicates or as a series; equal texts are', () => {
  const [a, b] = thueMorsePair();
  const digest = (text: string) => comparableText(new SheetModel(parseSheet(sheet({ sections: { 対象情報の記述: text } }))), '対象情報の記述')!.digest;
  assert.equal(digest(a), digest(b), 'the pair collides (else this test proves nothing)');
  const one = entry('a.shitei', sheet({ fields: { 整理番号: 'A-1' }, sections: { 概要: '甲', 対象情報の記述: a } }));
  const other = entry('b.shitei', sheet({ fields: { 整理番号: 'A-2' }, sections: { 概要: '乙', 対象情報の記述: b } }));
  const same = entry('c.shitei', sheet({ fields: { 整理番号: 'A-3' }, sections: { 概要: '丙', 対象情報の記述: a } }));
  assert.deepEqual(codes(analyzeWorkspace([one, other]), 'a.shitei', 'description-duplicate'), []);
  const three = analyzeWorkspace([one, other, same]);
  assert.deepEqual(codes(three, 'a.shitei', 'description-duplicate'), ['description-duplicate']);
  assert.deepEqual(codes(three, 'c.shitei', 'description-duplicate'), ['description-duplicate']);
  assert.deepEqual(codes(three, 'b.shitei', 'description-duplicate'), []);
  // A series (the same text once its periods are taken out) is confirmed the same way.
  const series = (id: string, year: string, text: string, measure: string) => entry(id, sheet({ fields: { 整理番号: id, 措置: measure }, sections: { 概要: id, 対象情報の記述: `${year}の${text}` } }));
  const s1 = series('s1', '令和7年度', a, '表示');
  const s2 = series('s2', '令和8年度', b, '通知');
  assert.deepEqual(codes(analyzeWorkspace([s1, s2]), 's1', 'series-inconsistent'), []);
  const s3 = series('s3', '令和8年度', a, '通知');
  assert.deepEqual(codes(analyzeWorkspace([s1, s2, s3]), 's1', 'series-inconsistent'), ['series-inconsistent']);
  assert.deepEqual(codes(analyzeWorkspace([s1, s2, s3]), 's2', 'series-inconsistent'), []);
});

test('a comment inside the description is not part of what is compared', () => {
  const text = '令和8年度に実施する自衛隊の統合演習の計画\n(参加部隊の編成を含む。)';
  const a = entry('a.shitei', sheet({ fields: { 整理番号: 'A-1' }, sections: { 概要: '甲', 対象情報の記述: text } }));
  const b = entry('b.shitei', sheet({ fields: { 整理番号: 'A-2' }, sections: { 概要: '乙', 対象情報の記述: text.replace('\n', '\n# 第2版で追記\n') } }));
  assert.deepEqual(codes(analyzeWorkspace([a, b]), 'b.shitei', 'description-duplicate'), ['description-duplicate']);
});

test('after an edit of one line the digest costs that line, not the section', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `${i} 令和8年度に実施する自衛隊の統合演習の計画のうち部隊の編成及び装備に係るもの`);
  const work = (n: number) => {
    const body = lines(n);
    comparableText(new SheetModel(parseSheet(sheet({ sections: { 対象情報の記述: body.join('\n') } }))), '対象情報の記述', { withoutPeriods: true });
    body[Math.floor(n / 2)] += '及び';
    const edited = sheet({ sections: { 対象情報の記述: body.join('\n') } });
    const model = new SheetModel(parseSheet(edited)); // parsing reads the whole text: not counted here
    return { chars: edited.length, units: measureWork(() => comparableText(model, '対象情報の記述', { withoutPeriods: true })).units };
  };
  const small = work(2000);
  const large = work(4000);
  // The edited line is read again, every other line costs a lookup: far less than the text.
  assert.ok(large.units < large.chars / 10, `${large.units} units for ${large.chars} characters`);
  assert.ok(large.units <= small.units * 2.2, `${small.units} → ${large.units}`);
});
