import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPeriodExpressions, type PeriodExpression } from '../../../core/out/domain/periodExpressions';

/** The scoped expressions as [text, kind] pairs, so a test shows exactly what was found. */
function scoped(text: string): Array<[string, PeriodExpression['kind']]> {
  return findPeriodExpressions(text).scoped.map((e) => [text.slice(e.span.start, e.span.end), e.kind]);
}
function open(text: string): Array<[string, string]> {
  return findPeriodExpressions(text).openEnded.map((e) => [text.slice(e.span.start, e.span.end), e.word]);
}
function none(text: string): void {
  assert.deepEqual(scoped(text), [], text);
}

test('real-world descriptions', () => {
  assert.deepEqual(scoped('情報収集衛星により平成27年中に入手した衛星画像情報'), [['平成27年中', 'calendar-year']]);
  assert.deepEqual(scoped('平成27年中の○○国との間の○○に関する交渉の内容'), [['平成27年中', 'calendar-year']]);
  assert.deepEqual(scoped('令和8年度に実施する自衛隊の統合演習の計画'), [['令和8年度', 'fiscal-year']]);
  assert.deepEqual(scoped('令和8年度に実施する自衛隊の統合演習の計画(参加部隊の編成及び実施区域を含む。)'), [
    ['令和8年度', 'fiscal-year'],
  ]);
  assert.deepEqual(scoped('令和7年4月から令和8年3月までに収集した電波情報'), [['令和7年4月から令和8年3月まで', 'range']]);
  none('令和6年度以降の防衛力整備計画');
  assert.deepEqual(open('令和6年度以降の防衛力整備計画'), [['令和6年度以降', '以降']]);
  none('自衛隊の運用に関する計画');
  assert.deepEqual(open('自衛隊の運用に関する計画'), []);
});

test('fiscal years in every number style', () => {
  for (const fy of ['令和8年度', '2026年度', '令和元年度', '令和八年度', '令和８年度', '２０２６年度', '令和十二年度', '二〇二六年度', '令和 8 年度']) {
    assert.deepEqual(scoped(`${fy}の計画`), [[fy, 'fiscal-year']], fy);
  }
  assert.deepEqual(scoped('令和8年度予算の編成方針'), [['令和8年度', 'fiscal-year']]);
  assert.deepEqual(scoped('平成27年度中に取得した情報'), [['平成27年度', 'fiscal-year']]);
  assert.deepEqual(scoped('令和12年度までの防衛力整備計画'), [['令和12年度', 'fiscal-year']]);
  assert.deepEqual(scoped('令和7年度及び令和8年度の計画'), [
    ['令和7年度', 'fiscal-year'],
    ['令和8年度', 'fiscal-year'],
  ]);
});

test('calendar-year scopes', () => {
  assert.deepEqual(scoped('令和8年中に入手した情報'), [['令和8年中', 'calendar-year']]);
  assert.deepEqual(scoped('2026年中に入手した情報'), [['2026年中', 'calendar-year']]);
  assert.deepEqual(scoped('２０２６年中に入手した情報'), [['２０２６年中', 'calendar-year']]);
  assert.deepEqual(scoped('令和8年の交渉'), [['令和8年', 'calendar-year']]);
  assert.deepEqual(scoped('令和8年に入手した'), [['令和8年', 'calendar-year']]);
  assert.deepEqual(scoped('令和8年における動向'), [['令和8年', 'calendar-year']]);
  assert.deepEqual(scoped('令和8年において収集した'), [['令和8年', 'calendar-year']]);
  assert.deepEqual(scoped('令和元年中の'), [['令和元年中', 'calendar-year']]);
  assert.deepEqual(scoped('令和八年中の'), [['令和八年中', 'calendar-year']]);
  // A bare year with nothing that scopes by it.
  none('令和8年');
  none('令和8年策定');
});

test('year-months and days', () => {
  assert.deepEqual(scoped('令和8年4月に実施した'), [['令和8年4月', 'year-month']]);
  assert.deepEqual(scoped('令和8年4月の'), [['令和8年4月', 'year-month']]);
  assert.deepEqual(scoped('令和8年4月中に'), [['令和8年4月中', 'year-month']]);
  assert.deepEqual(scoped('令和８年４月における'), [['令和８年４月', 'year-month']]);
  assert.deepEqual(scoped('令和八年四月に'), [['令和八年四月', 'year-month']]);
  assert.deepEqual(scoped('令和8年4月1日に発生した事案'), [['令和8年4月1日', 'year-month']]);
  assert.deepEqual(scoped('令和8年4月1日の会談'), [['令和8年4月1日', 'year-month']]);
  assert.deepEqual(scoped('令和8年4月1日における'), [['令和8年4月1日', 'year-month']]);
  assert.deepEqual(scoped('令和8年4月1日現在の部隊配置'), [['令和8年4月1日', 'year-month']]);
  assert.deepEqual(scoped('2026-04-01に'), [['2026-04-01', 'year-month']]);
  assert.deepEqual(scoped('令和8年4月1日（水）に'), [['令和8年4月1日（水）', 'year-month']]);
  // A month that does not exist is not a year-month; the year alone then needs its own particle.
  none('令和8年13月に');
});

test('closed ranges', () => {
  assert.deepEqual(scoped('令和8年度から令和10年度まで'), [['令和8年度から令和10年度まで', 'range']]);
  assert.deepEqual(scoped('令和8年度から令和10年度までの計画'), [['令和8年度から令和10年度まで', 'range']]);
  assert.deepEqual(scoped('令和7年4月〜令和8年3月に収集した'), [['令和7年4月〜令和8年3月', 'range']]);
  assert.deepEqual(scoped('令和7年4月～令和8年3月に収集した'), [['令和7年4月～令和8年3月', 'range']]);
  assert.deepEqual(scoped('令和7年4月~令和8年3月に収集した'), [['令和7年4月~令和8年3月', 'range']]);
  assert.deepEqual(scoped('令和7年4月1日から令和8年3月31日までに'), [['令和7年4月1日から令和8年3月31日まで', 'range']]);
  assert.deepEqual(scoped('令和7年から令和8年までの'), [['令和7年から令和8年まで', 'range']]);
  assert.deepEqual(scoped('令和7年4月から同年9月までの'), [['令和7年4月から同年9月まで', 'range']]);
  assert.deepEqual(scoped('令和7年4月1日から6月30日までの'), [['令和7年4月1日から6月30日まで', 'range']]);
  assert.deepEqual(scoped('令和7年度から翌年度までの'), [['令和7年度から翌年度まで', 'range']]);
  assert.deepEqual(scoped('令和8年4月から5年間の'), [['令和8年4月から5年間', 'range']]);
  assert.deepEqual(scoped('2025-04-01から2026-03-31まで'), [['2025-04-01から2026-03-31まで', 'range']]);
  assert.deepEqual(scoped('令和8年4月1日(水)から令和8年4月3日(金)まで'), [
    ['令和8年4月1日(水)から令和8年4月3日(金)まで', 'range'],
  ]);
  assert.deepEqual(scoped('令和７年４月から令和８年３月まで'), [['令和７年４月から令和８年３月まで', 'range']]);
  assert.deepEqual(open('令和8年度から令和10年度まで'), []);
});

test('open ends are not scopes', () => {
  none('令和8年4月から収集した情報');
  assert.deepEqual(open('令和8年4月から収集した情報'), [['令和8年4月から', 'から']]);
  none('令和8年度以降の計画');
  assert.deepEqual(open('令和8年度以後の計画'), [['令和8年度以後', '以後']]);
  assert.deepEqual(open('令和5年度以前の'), [['令和5年度以前', '以前']]);
  assert.deepEqual(open('令和8年度から実施する計画'), [['令和8年度から', 'から']]);
  none('令和8年3月31日までに収集した情報');
  assert.deepEqual(open('令和8年3月31日までに収集した情報'), [['令和8年3月31日まで', 'まで']]);
  assert.deepEqual(open('令和8年4月～'), [['令和8年4月～', '～']]);
  assert.deepEqual(open('令和8年4月 から 収集'), [['令和8年4月 から', 'から']]);
});

test('an open end beside a real scope still leaves the scope', () => {
  const r = findPeriodExpressions('令和8年度以降の計画のうち令和8年度に実施するもの');
  assert.equal(r.scoped.length, 1);
  assert.equal(r.openEnded.length, 1);
});

test('placeholders count as scopes of their own kind', () => {
  assert.deepEqual(scoped('平成○○年度の計画'), [['平成○○年度', 'placeholder']]);
  assert.deepEqual(scoped('令和〇〇年中に入手した'), [['令和〇〇年中', 'placeholder']]);
  assert.deepEqual(scoped('○○年度の計画'), [['○○年度', 'placeholder']]);
  assert.deepEqual(scoped('令和××年度'), [['令和××年度', 'placeholder']]);
  assert.deepEqual(scoped('令和＿＿年度'), [['令和＿＿年度', 'placeholder']]);
  assert.deepEqual(scoped('令和ＸＸ年度'), [['令和ＸＸ年度', 'placeholder']]);
  assert.deepEqual(scoped('令和8年○月に'), [['令和8年○月', 'placeholder']]);
  // ○○ that is not a year is no period.
  none('○○国との間の○○に関する交渉の内容');
});

test('law citations, durations and ages are not scopes', () => {
  none('平成25年法律第108号に規定する');
  none('特定秘密の保護に関する法律(平成25年法律第108号)の');
  none('昭和29年法律第165号の');
  none('平成26年政令第336号の');
  none('平成25年12月13日閣議決定の');
  none('平成25年12月13日の閣議決定に基づく');
  none('5年間の計画');
  none('3年ごとの見直し');
  none('30年の経験');
  none('千年に一度の災害');
  none('1年の');
  none('第3年次の');
});

test('spans are offsets into the original text', () => {
  const text = '（注）　令和８年度に実施する';
  const [e] = findPeriodExpressions(text).scoped;
  assert.equal(text.slice(e.span.start, e.span.end), '令和８年度');
  assert.equal(e.span.start, 4);
  const astral = '𠮷野の令和8年中に';
  const [a] = findPeriodExpressions(astral).scoped;
  assert.equal(astral.slice(a.span.start, a.span.end), '令和8年中');
  assert.equal(a.span.start, 4);
});

test('a multi-line description', () => {
  const text = '自衛隊の統合演習の計画\n令和8年度に実施するもの';
  assert.deepEqual(scoped(text), [['令和8年度', 'fiscal-year']]);
});

test('a fiscal year followed by の第N号 is still a fiscal year (only calendar years start law citations)', () => {
  const { scoped } = findPeriodExpressions('令和8年度の第2号ロに係る情報');
  assert.deepEqual(scoped.map((p) => p.kind), ['fiscal-year']);
  assert.deepEqual(findPeriodExpressions('平成25年法律第108号に基づく').scoped, []);
});
