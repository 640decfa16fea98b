import rule from '../../../core/out/rules/period-unscoped';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';
import { decodeDocument } from '../../../core/out/text/decode';
import type { SheetParts } from '../support/sheet';

/** What the CLI and the server analyse for a file written with a UTF-8 BOM: the text without it. */
function decoded(text: string): string {
  const d = decodeDocument(new TextEncoder().encode(text));
  if (!d.ok || !d.bom) throw new Error('expected a UTF-8 document with a BOM');
  return d.text;
}

const D = (description: string, parts: SheetParts = {}) =>
  sheet({ ...parts, sections: { ...parts.sections, 対象情報の記述: description } });
const PLAN = '自衛隊の統合演習の計画';
const IMAGES = '甲国の弾道ミサイル発射に関し収集した画像情報';

ruleTests(rule, {
  valid: [
    { name: 'a fiscal year (令和8年度)', text: sheet() },
    { name: 'a western fiscal year', text: D('2026年度に実施する自衛隊の統合演習の計画') },
    { name: 'a range of fiscal years', text: D('令和8年度から令和10年度までの防衛力整備計画') },
    { name: 'a calendar year: 令和8年中', text: D('令和8年中に入手した甲国の衛星画像情報') },
    { name: '2026年中', text: D('2026年中に入手した甲国の衛星画像情報') },
    { name: '令和8年の / に / における', text: D('令和8年における甲国の動向の分析') },
    { name: '令和8年に', text: D('令和8年に入手した情報') },
    { name: '令和8年の', text: D('令和8年の演習計画') },
    { name: 'a year-month: 令和8年4月に', text: D('令和8年4月に実施した統合演習の記録') },
    { name: 'a closed range of year-months', text: D('令和8年4月から令和9年3月までに実施する統合演習の計画') },
    { name: 'a closed range of dates with 〜', text: D('令和8年4月1日〜令和9年3月31日の統合演習の計画') },
    { name: 'a placeholder year counts (placeholder-unfilled fires instead)', text: D('平成○○年度の統合演習の計画') },
    { name: 'kanji numerals: 令和八年度', text: D('令和八年度の統合演習の計画') },
    { name: 'full-width digits: 令和８年度', text: D('令和８年度の統合演習の計画') },
    { name: '令和元年度', text: D('令和元年度の統合演習の計画') },
    { name: 'a start and a duration: 令和8年4月1日から5年間', text: D('令和8年4月1日から5年間に実施する統合演習の計画') },
    { name: 'a fiscal year with まで names a fiscal year', text: D('令和10年度までの防衛力整備計画') },
    { name: 'a placeholder calendar year', text: D('平成○○年中に入手した衛星画像情報') },
    { name: 'the period on the second line', text: D('自衛隊の統合演習の計画\n(令和8年度に実施するもの)') },
    { name: 'an empty description is section-empty\'s', text: D('') },
    { name: 'a missing description is section-missing\'s', text: sheet({ sections: { 対象情報の記述: null } }) },
  ],
  invalid: [
    {
      name: 'a period written only in a comment inside the description does not scope it (comments are ignored by the rules)',
      text: D(`${PLAN}\n# 令和8年度分\n(詳細は別紙)`),
      errors: [{ line: 12, covers: PLAN, ja: ['期間'], en: ['period'], fixCount: 1 }],
    },
    {
      name: 'no period: points at the first content line; inserts the fiscal year of 指定年月日',
      text: D(PLAN),
      errors: [{ line: 12, covers: PLAN, ja: ['期間', '令和8年度'], en: ['period'], fixCount: 1 }],
      output: D(`令和8年度の${PLAN}`),
    },
    {
      name: 'open end 以降: points at the expression and says it is open',
      text: D('令和8年度以降の統合演習の計画'),
      errors: [{ line: 12, covers: '令和8年度以降', ja: ['以降', '終わり'], en: ['以降', 'open-ended'], fixCount: 1 }],
      output: D('令和8年度の令和8年度以降の統合演習の計画'),
    },
    {
      name: 'open end から without まで',
      text: D('令和8年4月から実施する統合演習の計画'),
      errors: [{ line: 12, covers: '令和8年4月から', ja: ['から'], en: ['から'], fixCount: 1 }],
    },
    {
      name: 'open end: a fiscal year followed by から',
      text: D('令和8年度から実施する統合演習の計画'),
      errors: [{ line: 12, covers: '令和8年度から', ja: ['から'], fixCount: 1 }],
    },
    {
      name: 'open end 以後',
      text: D('2026年以後に取得した装備品の性能'),
      errors: [{ line: 12, covers: '2026年以後', ja: ['以後'], fixCount: 1 }],
    },
    {
      name: 'an end with no start (までに) is open too',
      text: D('令和9年3月31日までに実施する統合演習の計画'),
      errors: [{ line: 12, covers: '令和9年3月31日まで', ja: ['まで'] }],
    },
    {
      name: 'an open end on the second line',
      text: D('自衛隊の統合演習の計画\n(令和8年度以降に実施するもの)'),
      errors: [{ line: 13, covers: '令和8年度以降', ja: ['以降'] }],
    },
    {
      name: 'a law citation is not a period',
      text: D('平成25年法律第108号に基づく自衛隊の統合演習の計画'),
      errors: [{ line: 12, covers: '平成25年法律第108号に基づく自衛隊の統合演習の計画' }],
    },
    {
      name: 'collected information: a second fix, the calendar year of 指定年月日',
      text: D(IMAGES, { fields: { 別表: '別表第1号ロa' } }),
      errors: [{ line: 12, covers: IMAGES, fixCount: 2 }],
      output: D(`令和8年中に入手した${IMAGES}`, { fields: { 別表: '別表第1号ロa' } }),
      outputFix: 1,
    },
    {
      name: 'collected information by the 別表 item (第1号ロ)',
      text: D('甲国の弾道ミサイル発射に係る分析結果', { fields: { 別表: '別表第1号ロc' } }),
      errors: [{ line: 12, fixCount: 2 }],
    },
    {
      name: 'a designation in January–March belongs to the previous fiscal year',
      text: D(PLAN, { fields: { 指定年月日: '令和9年2月1日', 満了日: '令和11年1月31日' } }),
      errors: [{ line: 12, fixCount: 1 }],
      output: D(`令和8年度の${PLAN}`, { fields: { 指定年月日: '令和9年2月1日', 満了日: '令和11年1月31日' } }),
    },
    {
      name: 'western document: 2026年度',
      text: D(PLAN, { fields: { 指定年月日: '2026年4月1日', 満了日: '2028年3月31日' } }),
      errors: [{ line: 12, fixCount: 1 }],
      output: D(`2026年度の${PLAN}`, { fields: { 指定年月日: '2026年4月1日', 満了日: '2028年3月31日' } }),
    },
    {
      name: 'ISO document: 2026年度',
      text: D(PLAN, { fields: { 指定年月日: '2026-04-01', 満了日: '2028-03-31' } }),
      errors: [{ line: 12, fixCount: 1 }],
      output: D(`2026年度の${PLAN}`, { fields: { 指定年月日: '2026-04-01', 満了日: '2028-03-31' } }),
    },
    {
      name: 'full-width document: 令和８年度',
      text: D(PLAN, { fields: { 指定年月日: '令和８年４月１日', 満了日: '令和１０年３月３１日' } }),
      errors: [{ line: 12, fixCount: 1 }],
      output: D(`令和８年度の${PLAN}`, { fields: { 指定年月日: '令和８年４月１日', 満了日: '令和１０年３月３１日' } }),
    },
    {
      name: 'full-width western document: ２０２６年度',
      text: D(PLAN, { fields: { 指定年月日: '２０２６年４月１日', 満了日: '２０２８年３月３１日' } }),
      errors: [{ line: 12, fixCount: 1 }],
      output: D(`２０２６年度の${PLAN}`, { fields: { 指定年月日: '２０２６年４月１日', 満了日: '２０２８年３月３１日' } }),
    },
    {
      name: 'kanji document: 令和八年度',
      text: D(PLAN, { fields: { 指定年月日: '令和八年四月一日', 満了日: '令和十年三月三十一日' } }),
      errors: [{ line: 12, fixCount: 1 }],
      output: D(`令和八年度の${PLAN}`, { fields: { 指定年月日: '令和八年四月一日', 満了日: '令和十年三月三十一日' } }),
    },
    {
      name: 'kanji western document: 二〇二六年度',
      text: D(PLAN, { fields: { 指定年月日: '二〇二六年四月一日', 満了日: '二〇二八年三月三十一日' } }),
      errors: [{ line: 12, fixCount: 1 }],
      output: D(`二〇二六年度の${PLAN}`, { fields: { 指定年月日: '二〇二六年四月一日', 満了日: '二〇二八年三月三十一日' } }),
    },
    {
      name: 'FY2019 began under 平成 but is 令和元年度',
      text: D(PLAN, { fields: { 指定年月日: '平成31年4月1日', 満了日: '令和3年3月31日' } }),
      errors: [{ line: 12, fixCount: 1 }],
      output: D(`令和元年度の${PLAN}`, { fields: { 指定年月日: '平成31年4月1日', 満了日: '令和3年3月31日' } }),
    },
    {
      name: 'the day 令和 began',
      text: D(IMAGES, { fields: { 指定年月日: '令和元年5月1日', 満了日: '令和3年4月30日' } }),
      errors: [{ line: 12, fixCount: 2 }],
      output: D(`令和元年中に入手した${IMAGES}`, { fields: { 指定年月日: '令和元年5月1日', 満了日: '令和3年4月30日' } }),
      outputFix: 1,
    },
    {
      name: 'no readable 指定年月日: the fiscal year of today (config)',
      text: D(PLAN, { fields: { 指定年月日: null } }),
      config: { today: '2027-01-15' },
      errors: [{ line: 11, fixCount: 1 }],
      output: D(`令和8年度の${PLAN}`, { fields: { 指定年月日: null } }),
    },
    {
      name: 'description on the heading line: inserted after 】',
      text: D(PLAN).replace(`【対象情報の記述】\n${PLAN}`, `【対象情報の記述】${PLAN}`),
      errors: [{ line: 11, covers: PLAN, fixCount: 1 }],
      output: D(PLAN).replace(`【対象情報の記述】\n${PLAN}`, `【対象情報の記述】令和8年度の${PLAN}`),
    },
    {
      name: 'CRLF document',
      text: D(PLAN, { eol: '\r\n' }),
      errors: [{ line: 12, covers: PLAN, fixCount: 1 }],
      output: D(`令和8年度の${PLAN}`, { eol: '\r\n' }),
    },
    {
      name: 'BOM file, as decoded',
      text: decoded(D(PLAN, { bom: true })),
      errors: [{ line: 12, covers: PLAN, fixCount: 1 }],
      output: D(`令和8年度の${PLAN}`),
    },
  ],
});
