import rule from '../../../core/out/rules/expiry-mismatch';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const RELEASE = { 解除の条件: '交渉が終了したとき' };
const e = (指定年月日: string, 有効期間: string, 満了日: string) => sheet({ fields: { 指定年月日, 有効期間, 満了日 }, sections: RELEASE });

ruleTests(rule, {
  valid: [
    { name: '令和8年4月1日 + 2年 → 令和10年3月31日', text: sheet() },
    { name: '令和8年4月1日 + 5年 → 令和13年3月31日 (format.md)', text: e('令和8年4月1日', '5年', '令和13年3月31日') },
    { name: 'leap day + 5年 → 28 Feb (format.md)', text: e('2028-02-29', '5年', '2033-02-28') },
    { name: 'month end + 1か月 → last day of February (format.md)', text: e('2026-01-31', '1か月', '2026-02-28') },
    { name: '3月31日 + 1か月 → 4月30日', text: e('2026-03-31', '1か月', '2026-04-30') },
    { name: '1月29日 + 1か月 in a common year → 2月28日', text: e('2026-01-29', '1か月', '2026-02-28') },
    { name: '1月28日 + 1か月 → 2月27日', text: e('2026-01-28', '1か月', '2026-02-27') },
    { name: '3年6か月', text: e('令和8年4月1日', '3年6か月', '令和11年9月30日') },
    { name: 'kanji 十八か月', text: e('令和8年4月1日', '十八か月', '令和9年9月30日') },
    { name: '18か月', text: e('令和8年4月1日', '18か月', '令和9年9月30日') },
    { name: 'across the era boundary: 平成30年5月2日 + 1年 → 令和元年5月1日', text: e('平成30年5月2日', '1年', '令和元年5月1日') },
    { name: '平成30年5月1日 + 1年 → 平成31年4月30日', text: e('平成30年5月1日', '1年', '平成31年4月30日') },
    { name: 'ISO: 2018-05-01 + 1年 → 2019-04-30', text: e('2018-05-01', '1年', '2019-04-30') },
    { name: 'ISO: 2018-05-02 + 1年 → 2019-05-01', text: e('2018-05-02', '1年', '2019-05-01') },
    { name: 'different styles, same day', text: e('令和8年4月1日', '2年', '2028-03-31') },
    { name: 'full-width and kanji digits', text: e('令和８年４月１日', '二年', '令和十年三月三十一日') },
    { name: 'an end date equal to 満了日', text: e('令和8年4月1日', '令和9年6月30日まで', '令和9年6月30日') },
    { name: '延長 is not counted in 満了日', text: sheet({ extraHeader: ['延長：2年'] }) },
    { name: 'nothing to compare when 有効期間 cannot be read', text: e('令和8年4月1日', 'しばらく', '令和10年3月31日') },
  ],
  invalid: [
    {
      name: 'the 応当日 itself instead of the day before',
      text: e('令和8年4月1日', '2年', '令和10年4月1日'),
      errors: [{ line: 6, covers: '令和10年4月1日', ja: ['令和10年3月31日'], en: ['令和10年3月31日'], fixCount: 1 }],
      output: e('令和8年4月1日', '2年', '令和10年3月31日'),
    },
    {
      name: 'leap day + 5年: 2033-02-28, ISO kept',
      text: e('2028-02-29', '5年', '2033-03-01'),
      errors: [{ line: 6, covers: '2033-03-01', ja: ['2033-02-28'], fixCount: 1 }],
      output: e('2028-02-29', '5年', '2033-02-28'),
    },
    {
      name: 'leap day + 5年, western style',
      text: e('2028年2月29日', '5年', '2033年2月27日'),
      errors: [{ line: 6, fixCount: 1 }],
      output: e('2028年2月29日', '5年', '2033年2月28日'),
    },
    {
      name: 'month end + 1か月: 2026-02-28',
      text: e('2026-01-31', '1か月', '2026-03-02'),
      errors: [{ line: 6, fixCount: 1 }],
      output: e('2026-01-31', '1か月', '2026-02-28'),
    },
    {
      name: 'era boundary: the fix writes 令和元年',
      text: e('平成30年5月2日', '1年', '平成31年4月30日'),
      errors: [{ line: 6, covers: '平成31年4月30日', ja: ['令和元年5月1日'], fixCount: 1 }],
      output: e('平成30年5月2日', '1年', '令和元年5月1日'),
    },
    {
      name: 'full-width digits kept',
      text: e('令和８年４月１日', '２年', '令和１０年４月１日'),
      errors: [{ line: 6, fixCount: 1 }],
      output: e('令和８年４月１日', '２年', '令和１０年３月３１日'),
    },
    {
      name: 'kanji digits kept',
      text: e('令和八年四月一日', '二年', '令和十年四月一日'),
      errors: [{ line: 6, fixCount: 1 }],
      output: e('令和八年四月一日', '二年', '令和十年三月三十一日'),
    },
    {
      name: '3年6か月',
      text: e('令和8年4月1日', '3年6か月', '令和11年10月1日'),
      errors: [{ line: 6, fixCount: 1 }],
      output: e('令和8年4月1日', '3年6か月', '令和11年9月30日'),
    },
    {
      name: 'an end date that differs from 満了日',
      text: e('令和8年4月1日', '令和13年3月31日まで', '令和13年3月30日'),
      errors: [{ line: 6, fixCount: 1 }],
      output: e('令和8年4月1日', '令和13年3月31日まで', '令和13年3月31日'),
    },
    {
      name: 'a 満了日 that includes the 延長 is wrong (extensions are not counted)',
      text: sheet({ fields: { 満了日: '令和12年3月31日' }, extraHeader: ['延長：2年'] }),
      errors: [{ line: 6, ja: ['令和10年3月31日'], fixCount: 1 }],
      output: sheet({ extraHeader: ['延長：2年'] }),
    },
    {
      name: 'CRLF document',
      text: sheet({ fields: { 満了日: '令和10年4月1日' }, eol: '\r\n' }),
      errors: [{ line: 6, fixCount: 1 }],
      output: sheet({ eol: '\r\n' }),
    },
  ],
});
