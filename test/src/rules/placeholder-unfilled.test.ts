import rule from '../../../core/out/rules/placeholder-unfilled';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const D = (description: string) => sheet({ sections: { 対象情報の記述: description } });

ruleTests(rule, {
  valid: [
    { name: 'a filled-in sheet', text: sheet() },
    { name: 'a single mark is not a placeholder', text: D('令和8年度に実施する○印の統合演習の計画') },
    { name: 'kanji numerals with 〇 are numbers', text: D('二〇〇〇年度から二〇三〇年度までの統合演習の計画') },
    { name: 'XX inside a word, and lower-case todo', text: D('令和8年度に実施するXXL型及びtodo管理の計画') },
    { name: 'placeholders in comments are ignored', text: sheet({ extraHeader: ['# TODO: ○○を確認'] }) },
  ],
  invalid: [
    {
      name: '○○ in a field value',
      text: sheet({ fields: { 整理番号: '防衛-2026-○○○○' } }),
      errors: [{ line: 2, covers: '○○○○', ja: ['○○○○'], en: ['○○○○'], fixCount: 0 }],
    },
    {
      name: '〇〇 in the description',
      text: D('令和8年度に実施する〇〇演習の計画'),
      errors: [{ line: 12, covers: '〇〇' }],
    },
    {
      name: 'every mark of the catalog: ●●, ××, △△, ＿＿',
      text: D('令和8年度●●の××に関する△△の＿＿計画'),
      errors: [{ line: 12, covers: '●●' }, { line: 12, covers: '××' }, { line: 12, covers: '△△' }, { line: 12, covers: '＿＿' }],
    },
    {
      name: 'XX and TODO, half- and full-width',
      text: sheet({ fields: { 特定秘密管理者: 'XX課長' }, sections: { 備考: 'TODO 確認、ＴＯＤＯ 決裁' } }),
      errors: [{ line: 9, covers: 'XX' }, { line: 22, covers: 'TODO' }, { line: 22, covers: 'ＴＯＤＯ' }],
    },
    {
      name: 'a placeholder year in a period expression',
      text: D('平成○○年度の統合演習の計画'),
      errors: [{ line: 12, covers: '○○' }],
    },
    {
      name: 'text after 】 on the heading line is searched too',
      text: sheet().replace('【概要】\n令和8年度自衛隊統合演習計画', '【概要】令和8年度××演習計画'),
      errors: [{ line: 18, covers: '××' }],
    },
  ],
});
