import rule from '../../../core/out/rules/scope-vague';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const D = (description: string) => sheet({ sections: { 対象情報の記述: description } });

ruleTests(rule, {
  valid: [
    { name: 'a scoped description', text: sheet() },
    { name: '等級 is not 等', text: D('令和8年度に調達する装備品の等級の区分') },
    { name: '同等 and 平等 are not 等', text: D('令和8年度に調達する同等品の性能及び平等な配分の方針') },
    { name: '等しい is not 等', text: D('令和8年度に調達する装備品と性能の等しい代替品の一覧') },
    { name: '関連 as a noun in a compound', text: D('令和8年度の統合演習の関連文書') },
    { name: 'open words in the reason are not the description\'s', text: sheet({ sections: { 指定の理由: '別表第1号イa(a)に該当する。公になっていない。漏えいした場合には演習その他の活動に支障を及ぼすおそれがある。' } }) },
  ],
  invalid: [
    {
      name: '潜水艦等: the suffix 等',
      text: D('令和8年度に調達する潜水艦等の性能'),
      errors: [{ line: 12, covers: '等', ja: ['等', '曖昧'], en: ['等', 'scope'], fixCount: 0 }],
    },
    {
      name: 'など',
      text: D('令和8年度に調達する潜水艦、航空機などの性能'),
      errors: [{ line: 12, covers: 'など', ja: ['など'], en: ['など'] }],
    },
    {
      name: 'その他',
      text: D('令和8年度に調達する潜水艦その他の装備品の性能'),
      errors: [{ line: 12, covers: 'その他', ja: ['その他'] }],
    },
    {
      name: '関連する',
      text: D('令和8年度の統合演習に関連する計画'),
      errors: [{ line: 12, covers: '関連する', ja: ['関連する'] }],
    },
    {
      name: '全般',
      text: D('令和8年度の統合演習の計画全般'),
      errors: [{ line: 12, covers: '全般', ja: ['全般'] }],
    },
    {
      name: '一切',
      text: D('令和8年度の統合演習に係る情報の一切'),
      errors: [{ line: 12, covers: '一切', ja: ['一切'] }],
    },
    {
      name: 'several words on several lines, in order',
      text: D('令和8年度の統合演習に関連する計画\n(参加部隊等の編成その他を含む。)'),
      errors: [{ line: 12, covers: '関連する' }, { line: 13, covers: '等' }, { line: 13, covers: 'その他' }],
    },
    {
      name: 'on the heading line',
      text: D('').replace('【対象情報の記述】', '【対象情報の記述】令和8年度に調達する潜水艦等の性能'),
      errors: [{ line: 11, covers: '等' }],
    },
  ],
});
