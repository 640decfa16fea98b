import rule from '../../../core/out/rules/extension-over-30-years';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const FIVE = { 有効期間: '5年', 満了日: '令和13年3月31日' };
const RELEASE = { 解除の条件: '情勢の変化により秘匿の必要がなくなったとき' };
const chain = (n: number, last?: string) =>
  sheet({ fields: FIVE, sections: RELEASE, extraHeader: [...Array.from({ length: n }, () => '延長：5年'), ...(last ? [`延長：${last}`] : [])] });

ruleTests(rule, {
  valid: [
    { name: 'no extension', text: sheet() },
    { name: 'exactly 30 years: 5年 and five 5-year extensions', text: chain(5) },
    { name: '29 years 11 months', text: chain(4, '4年11か月') },
  ],
  invalid: [
    {
      name: '35 years: points at the extension that passes 30',
      text: chain(6),
      errors: [{ line: 15, covers: '5年', ja: ['30年', '内閣の承認'], en: ['30 years', 'Cabinet'], fixCount: 0 }],
    },
    {
      name: '30 years and 1 month',
      text: chain(5, '1か月'),
      errors: [{ line: 15, covers: '1か月', ja: ['令和38年4月30日'] }],
    },
    {
      name: 'one diagnostic, at the first extension past 30 years',
      text: chain(8),
      errors: [{ line: 15 }],
    },
  ],
});
