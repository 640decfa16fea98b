import rule from '../../../core/out/rules/extension-over-60-years';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const FIVE = { 有効期間: '5年', 満了日: '令和13年3月31日' };
const RELEASE = { 解除の条件: '情勢の変化により秘匿の必要がなくなったとき' };
const chain = (n: number, 別表 = '別表第1号イa(a)', last?: string) =>
  sheet({ fields: { ...FIVE, 別表 }, sections: RELEASE, extraHeader: [...Array.from({ length: n }, () => '延長：5年'), ...(last ? [`延長：${last}`] : [])] });

ruleTests(rule, {
  valid: [
    { name: 'no extension', text: sheet() },
    { name: 'exactly 60 years', text: chain(11) },
    { name: '65 years of a cipher: 第1号ト', text: chain(12, '別表第1号ト') },
    { name: '第2号ホ', text: chain(12, '別表第2号ホ') },
    { name: '第3号ニ and 第4号ニ', text: chain(12, '別表第3号ニ、別表第4号ニ') },
    { name: 'information provided by a foreign government (第1号ロb)', text: chain(12, '別表第1号ロb') },
  ],
  invalid: [
    {
      name: '65 years of an exercise plan: points at the extension that passes 60',
      text: chain(12),
      errors: [{ line: 21, covers: '5年', ja: ['60年', '法第4条第4項'], en: ['60 years', '法第4条第4項'], fixCount: 0 }],
    },
    {
      name: '60 years and 1 month',
      text: chain(11, '別表第1号イa(a)', '1か月'),
      errors: [{ line: 21, covers: '1か月' }],
    },
    {
      name: 'collected information that is not the conditional kind (第1号ロa)',
      text: chain(12, '別表第1号ロa'),
      errors: [{ line: 21 }],
    },
    {
      name: 'an invalid reference is no exception',
      text: chain(12, '別表第2号ヘ'),
      errors: [{ line: 21 }],
    },
  ],
});
