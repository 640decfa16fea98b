import rule from '../../../core/out/rules/validity-too-long';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const RELEASE = { 解除の条件: '交渉が終了したとき' };
const v = (有効期間: string, 満了日: string, 指定年月日 = '令和8年4月1日') => sheet({ fields: { 指定年月日, 有効期間, 満了日 }, sections: RELEASE });

ruleTests(rule, {
  valid: [
    { name: '2年', text: sheet() },
    { name: 'exactly 5年', text: v('5年', '令和13年3月31日') },
    { name: '60か月', text: v('60か月', '令和13年3月31日') },
    { name: '4年12か月', text: v('4年12か月', '令和13年3月31日') },
    { name: 'kanji 五年', text: v('五年', '令和13年3月31日') },
    { name: 'full-width ５年', text: v('５年', '令和13年3月31日') },
    { name: 'an end date exactly 5 years on', text: v('令和13年3月31日まで', '令和13年3月31日') },
    { name: 'leap day: 2033-02-28 is the 5-year end of 2028-02-29', text: v('2033年2月28日まで', '2033年2月28日', '2028年2月29日') },
    { name: 'an extension is not the validity', text: sheet({ extraHeader: ['延長：5年', '延長：5年'] }) },
  ],
  invalid: [
    {
      name: '6年: set 5年 and the computed 満了日',
      text: v('6年', '令和14年3月31日'),
      errors: [{ line: 5, covers: '6年', ja: ['6年', '5年を超え'], en: ['6年', '5 years'], fixCount: 1 }],
      output: v('5年', '令和13年3月31日'),
    },
    {
      name: '5年1か月',
      text: v('5年1か月', '令和13年4月30日'),
      errors: [{ line: 5, covers: '5年1か月', fixCount: 1 }],
      output: v('5年', '令和13年3月31日'),
    },
    {
      name: '61ヶ月',
      text: v('61ヶ月', '令和13年4月30日'),
      errors: [{ line: 5, covers: '61ヶ月' }],
    },
    {
      name: '4年13か月',
      text: v('4年13カ月', '令和13年4月30日'),
      errors: [{ line: 5, covers: '4年13カ月' }],
    },
    {
      name: 'kanji 十年',
      text: v('十年', '令和18年3月31日'),
      errors: [{ line: 5, covers: '十年', fixCount: 1 }],
    },
    {
      name: 'an end date one day past 5 years',
      text: v('令和13年4月1日まで', '令和13年4月1日'),
      errors: [{ line: 5, covers: '令和13年4月1日まで', fixCount: 1 }],
      output: v('5年', '令和13年3月31日'),
    },
    {
      name: 'leap day: an end date of 2033-03-01 is past 5 years from 2028-02-29; western style kept',
      text: v('2033年3月1日まで', '2033年3月1日', '2028年2月29日'),
      errors: [{ line: 5, fixCount: 1 }],
      output: v('5年', '2033年2月28日', '2028年2月29日'),
    },
    {
      name: 'full-width document: the fix writes full-width',
      text: v('６年', '令和１４年３月３１日', '令和８年４月１日'),
      errors: [{ line: 5, covers: '６年', fixCount: 1 }],
      output: v('５年', '令和１３年３月３１日', '令和８年４月１日'),
    },
    {
      name: 'kanji document: the fix writes kanji',
      text: v('六年', '令和十四年三月三十一日', '令和八年四月一日'),
      errors: [{ line: 5, covers: '六年', fixCount: 1 }],
      output: v('五年', '令和十三年三月三十一日', '令和八年四月一日'),
    },
    {
      name: 'CRLF document',
      text: sheet({ fields: { 有効期間: '6年', 満了日: '令和14年3月31日' }, sections: RELEASE, eol: '\r\n' }),
      errors: [{ line: 5, fixCount: 1 }],
      output: sheet({ fields: { 有効期間: '5年', 満了日: '令和13年3月31日' }, sections: RELEASE, eol: '\r\n' }),
    },
  ],
});
