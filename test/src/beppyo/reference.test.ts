import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allReferenceTargets,
  checkReference,
  formatReference,
  parseReference,
  parseReferenceList,
  referenceLegalText,
} from '../../../core/out/domain/beppyo/reference';
import type { BeppyoRef } from '../../../core/out/domain/beppyo/reference';

function one(value: string): BeppyoRef {
  const { refs, unreadable } = parseReferenceList(value);
  assert.deepEqual(unreadable, [], value);
  assert.equal(refs.length, 1, value);
  return refs[0];
}

const fields = (r: BeppyoRef) => ({ gou: r.gou, kana: r.kana, saimoku: r.saimoku, subItem: r.subItem });
const sliceOf = (s: string, span: { start: number; end: number } | undefined) => (span ? s.slice(span.start, span.end) : undefined);

test('the examples of format.md read and check', () => {
  assert.deepEqual(fields(one('別表第1号イ')), { gou: 1, kana: 'イ', saimoku: null, subItem: null });
  assert.deepEqual(fields(one('第1号イa(b)')), { gou: 1, kana: 'イ', saimoku: 'a', subItem: 'b' });
  assert.deepEqual(fields(one('第２号ロ a(f)')), { gou: 2, kana: 'ロ', saimoku: 'a', subItem: 'f' });
  assert.deepEqual(fields(one('別表第三号ハ')), { gou: 3, kana: 'ハ', saimoku: null, subItem: null });
  assert.deepEqual(fields(one('別表第1号イa(a)')), { gou: 1, kana: 'イ', saimoku: 'a', subItem: 'a' });

  assert.deepEqual(checkReference(one('第1号イa(b)')), { status: 'ok' });
  assert.deepEqual(checkReference(one('第２号ロ a(f)')), { status: 'ok' });
  assert.deepEqual(checkReference(one('別表第三号ハ')), { status: 'ok' });
  assert.deepEqual(checkReference(one('別表第1号イa(a)')), { status: 'ok' });
  assert.deepEqual(checkReference(one('別表第1号イ')), { status: 'saimoku-missing', options: ['別表第1号イa', '別表第1号イb'] });
});

test('sub-items are optional; unlettered items take no letter', () => {
  assert.deepEqual(checkReference(one('第1号イa')), { status: 'ok' });
  assert.deepEqual(checkReference(one('第1号イb')), { status: 'ok' });
  for (const kana of 'ハホヘトヌ') assert.deepEqual(checkReference(one(`第1号${kana}`)), { status: 'ok' }, kana);
  assert.deepEqual(checkReference(one('第2号ロ')), { status: 'saimoku-missing', options: ['別表第2号ロa', '別表第2号ロb'] });
  assert.deepEqual(checkReference(one('第1号ロ')), {
    status: 'saimoku-missing',
    options: ['別表第1号ロa', '別表第1号ロb', '別表第1号ロc'],
  });
});

test('第5号イ: no such 号', () => {
  const c = checkReference(one('第5号イ'));
  assert.equal(c.status, 'invalid');
  if (c.status !== 'invalid') return;
  assert.equal(c.part, 'gou');
  assert.equal(c.suggestion, undefined);
  assert.match(c.message.ja, /第5号はありません/);
  assert.match(c.message.ja, /第1号から第4号まで/);
  assert.match(c.message.en, /第5号/);
});

test('第2号ヘ: no such item in that 号', () => {
  const c = checkReference(one('第2号ヘ'));
  assert.deepEqual(c, {
    status: 'invalid',
    part: 'kana',
    message: {
      ja: '別表第2号にヘはありません(第2号はイからホまで)',
      en: '別表第2号 has no item ヘ (第2号 runs from イ to ホ).',
    },
  });
});

test('第1号イc: no such 細目, nearest letter suggested', () => {
  const c = checkReference(one('第1号イc'));
  assert.equal(c.status, 'invalid');
  if (c.status !== 'invalid') return;
  assert.equal(c.part, 'saimoku');
  assert.equal(c.suggestion, '別表第1号イb');
  assert.equal(c.message.ja, '別表第1号イに細目cはありません(細目はaからbまで)');
  // A far letter still gets the closest one; a sub-item is kept when the suggested 細目 has it.
  assert.equal((checkReference(one('第2号ロz')) as { suggestion?: string }).suggestion, '別表第2号ロb');
  assert.equal((checkReference(one('第1号ロd')) as { suggestion?: string }).suggestion, '別表第1号ロc');
});

test('第1号ハa: an unlettered item takes no letter', () => {
  const c = checkReference(one('第1号ハa'));
  assert.equal(c.status, 'invalid');
  if (c.status !== 'invalid') return;
  assert.equal(c.part, 'saimoku');
  assert.equal(c.suggestion, '別表第1号ハ');
  assert.match(c.message.ja, /一つだけ/);
  const sub = checkReference(one('第1号ハ(a)'));
  assert.equal(sub.status === 'invalid' && sub.part, 'subItem');
  assert.equal(sub.status === 'invalid' && sub.suggestion, '別表第1号ハ');
});

test('第1号イa(d): no such sub-item; 第1号イb(a): the 細目 has none', () => {
  const c = checkReference(one('第1号イa(d)'));
  assert.equal(c.status, 'invalid');
  if (c.status !== 'invalid') return;
  assert.equal(c.part, 'subItem');
  assert.equal(c.suggestion, '別表第1号イa');
  assert.equal(c.message.ja, '別表第1号イaに(d)はありません((a)から(c)まで)');
  const b = checkReference(one('第1号イb(a)'));
  assert.equal(b.status === 'invalid' && b.part, 'subItem');
  assert.equal(b.status === 'invalid' && b.suggestion, '別表第1号イb');
  assert.deepEqual(checkReference(one('第2号ロa(g)')).status, 'invalid');
});

test('a sub-item without its 細目 is a missing 細目, kept where it exists', () => {
  assert.deepEqual(checkReference(one('第1号イ(b)')), { status: 'saimoku-missing', options: ['別表第1号イa(b)', '別表第1号イb'] });
});

test('kanji lookalikes of kana are pointed out with the katakana suggested', () => {
  const c = checkReference(one('第1号二a'));
  assert.equal(c.status === 'invalid' && c.part, 'kana');
  assert.equal(c.status === 'invalid' && c.suggestion, '別表第1号ニa');
  assert.equal((checkReference(one('第2号八a')) as { suggestion?: string }).suggestion, '別表第2号ハa');
  assert.equal((checkReference(one('第1号口c')) as { suggestion?: string }).suggestion, '別表第1号ロc');
  // 4号 has no ト, so 卜 there is just an unknown item, with nothing to suggest.
  const t = checkReference(one('第4号卜'));
  assert.equal(t.status === 'invalid' && t.suggestion, undefined);
});

test('unreadable pieces', () => {
  for (const s of ['第号', '第号イ', '別表', 'イ', 'a', 'foo', '第1号イab', '第1号イa(b', '第1号イa(b)に該当']) {
    const { refs, unreadable } = parseReferenceList(s);
    assert.deepEqual(refs, [], s);
    assert.deepEqual(unreadable, [{ start: 0, end: s.length }], s);
  }
  assert.equal(parseReference('第号'), undefined);
  assert.deepEqual(parseReferenceList(''), { refs: [], unreadable: [] });
  assert.deepEqual(parseReferenceList('　 '), { refs: [], unreadable: [] });
});

test('full-width and kanji forms', () => {
  const s = '第１号イａ（ａ）';
  const r = one(s);
  assert.deepEqual(fields(r), { gou: 1, kana: 'イ', saimoku: 'a', subItem: 'a' });
  assert.equal(sliceOf(s, r.parts.gou), '第１号');
  assert.equal(sliceOf(s, r.parts.kana), 'イ');
  assert.equal(sliceOf(s, r.parts.saimoku), 'ａ');
  assert.equal(sliceOf(s, r.parts.subItem), '（ａ）');
  assert.deepEqual(checkReference(r), { status: 'ok' });

  assert.deepEqual(fields(one('別表第四号ニ')), { gou: 4, kana: 'ニ', saimoku: null, subItem: null });
  assert.deepEqual(fields(one('別表第十二号イ')), { gou: 12, kana: 'イ', saimoku: null, subItem: null });
  assert.deepEqual(fields(one('第１号イＡ（Ｃ）')), { gou: 1, kana: 'イ', saimoku: 'a', subItem: 'c' });
  assert.deepEqual(fields(one('第1号いa')), { gou: 1, kana: 'イ', saimoku: 'a', subItem: null });
  assert.deepEqual(fields(one('第1号ﾊ')), { gou: 1, kana: 'ハ', saimoku: null, subItem: null });
  assert.deepEqual(fields(one('1号ヌ')), { gou: 1, kana: 'ヌ', saimoku: null, subItem: null });
});

test('blanks between the parts, spans relative to the value', () => {
  const s = ' 別表　第 1 号　イ a ( b ) ';
  const r = one(s);
  assert.deepEqual(fields(r), { gou: 1, kana: 'イ', saimoku: 'a', subItem: 'b' });
  assert.equal(sliceOf(s, r.span), '別表　第 1 号　イ a ( b )');
  assert.equal(sliceOf(s, r.parts.gou), '第 1 号');
  assert.equal(sliceOf(s, r.parts.kana), 'イ');
  assert.equal(sliceOf(s, r.parts.saimoku), 'a');
  assert.equal(sliceOf(s, r.parts.subItem), '( b )');
  assert.equal(r.text, '別表　第 1 号　イ a ( b )');
});

test('several references with correct spans', () => {
  const s = '別表第1号イa(a)、第２号ロ a(f), 第三号ハ，第号 及び 第4号ニ';
  const { refs, unreadable } = parseReferenceList(s);
  assert.deepEqual(
    refs.map((r) => sliceOf(s, r.span)),
    ['別表第1号イa(a)', '第２号ロ a(f)', '第三号ハ', '第4号ニ'],
  );
  assert.deepEqual(
    refs.map(fields),
    [
      { gou: 1, kana: 'イ', saimoku: 'a', subItem: 'a' },
      { gou: 2, kana: 'ロ', saimoku: 'a', subItem: 'f' },
      { gou: 3, kana: 'ハ', saimoku: null, subItem: null },
      { gou: 4, kana: 'ニ', saimoku: null, subItem: null },
    ],
  );
  assert.deepEqual(
    unreadable.map((u) => sliceOf(s, u)),
    ['第号'],
  );
  assert.equal(sliceOf(s, refs[1].parts.subItem), '(f)');
  assert.equal(sliceOf(s, refs[2].parts.kana), 'ハ');
  assert.equal(sliceOf(s, refs[3].parts.gou), '第4号');
  // A trailing separator is not an unreadable reference.
  assert.deepEqual(parseReferenceList('第1号ハ、').unreadable, []);
});

test('pieces without 号 continue the previous reference', () => {
  const s = '第1号イa(a)、(b)、b並びにロc';
  const { refs, unreadable } = parseReferenceList(s);
  assert.deepEqual(unreadable, []);
  assert.deepEqual(
    refs.map((r) => formatReference(r)),
    ['別表第1号イa(a)', '別表第1号イa(b)', '別表第1号イb', '別表第1号ロc'],
  );
  assert.equal(refs[1].parts.gou, undefined);
  assert.equal(sliceOf(s, refs[1].parts.subItem), '(b)');
  assert.equal(sliceOf(s, refs[3].parts.kana), 'ロ');
  assert.deepEqual(
    refs.map((r) => checkReference(r).status),
    ['ok', 'ok', 'ok', 'ok'],
  );
});

test('formatReference is canonical and keeps the digit style of the original', () => {
  assert.equal(formatReference({ gou: 1, kana: 'イ', saimoku: 'a', subItem: 'a' }), '別表第1号イa(a)');
  assert.equal(formatReference({ gou: 3, kana: 'ハ' }), '別表第3号ハ');
  assert.equal(formatReference({ gou: 2, kana: 'ロ', saimoku: 'a', subItem: 'f' }, '第２号ロ a(f)'), '別表第２号ロa(f)');
  assert.equal(formatReference({ gou: 3, kana: 'ハ' }, '別表第三号ハ'), '別表第三号ハ');
  assert.equal(formatReference({ gou: 12, kana: 'イ' }, '第十号'), '別表第十二号イ');
  // Suggestions from checkReference follow the original's style.
  const c = checkReference(one('第１号イａ（ｄ）'));
  assert.equal(c.status === 'invalid' && c.suggestion, '別表第１号イa');
  assert.deepEqual(checkReference(one('別表第一号イ')), { status: 'saimoku-missing', options: ['別表第一号イa', '別表第一号イb'] });
});

test('referenceLegalText gives the 号 title, item, 細目 and sub-item', () => {
  const t = referenceLegalText({ gou: 1, kana: 'イ', saimoku: 'a', subItem: 'a' });
  assert.equal(t.heading, '別表第1号(防衛に関する事項)');
  assert.equal(t.lines[0], 'イ 自衛隊の運用又はこれに関する見積り若しくは計画若しくは研究');
  assert.match(t.lines[1], /^a 自衛隊の運用/);
  assert.deepEqual(t.lines.slice(2), ['  (a) 自衛隊の訓練又は演習']);
  assert.equal(t.lines.length, 3);

  const whole = referenceLegalText({ gou: 1, kana: 'イ' });
  assert.equal(whole.lines.length, 1 + 2 + 3); // item, a and b, a's three sub-items
  assert.match(whole.lines[whole.lines.length - 1], /^b 自衛隊の運用.*アメリカ合衆国/);

  const unlettered = referenceLegalText({ gou: 1, kana: 'ト' });
  assert.deepEqual(unlettered.lines.length, 2);
  assert.match(unlettered.lines[1], /^我が国の政府が用いるために作成された暗号/);

  assert.deepEqual(referenceLegalText({ gou: 5, kana: 'イ' }).lines, []);
});

test('allReferenceTargets lists every citable leaf', () => {
  const all = allReferenceTargets();
  const refs = all.map((t) => t.ref);
  assert.equal(new Set(refs).size, refs.length);
  for (const r of ['別表第1号イa', '別表第1号イa(a)', '別表第1号イa(c)', '別表第1号イb', '別表第1号ハ', '別表第2号ロa(f)', '別表第4号ニ'])
    assert.ok(refs.includes(r), r);
  for (const r of ['別表第1号イ', '別表第2号ロ', '別表第1号ハa']) assert.ok(!refs.includes(r), r);
  for (const t of all) {
    const r = parseReference(t.ref);
    assert.ok(r, t.ref);
    assert.deepEqual(checkReference(r), { status: 'ok' }, t.ref);
    assert.deepEqual(fields(r), { gou: t.gou, kana: t.kana, saimoku: t.saimoku, subItem: t.subItem });
  }
  const sub = all.find((t) => t.ref === '別表第1号イa(a)');
  assert.ok(sub?.text.includes('防衛に関する事項'));
  assert.ok(sub?.text.includes('自衛隊の訓練又は演習'));
  // 1号: イ 5, ロ 3, ハ 1, ニ 3, ホ ヘ ト 1 each, チ 2, リ 2, ヌ 1 = 20
  assert.equal(all.filter((t) => t.gou === 1).length, 20);
});
