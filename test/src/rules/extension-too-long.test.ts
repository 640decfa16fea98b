import rule from '../../../core/out/rules/extension-too-long';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const ext = (...values: string[]) => sheet({ extraHeader: values.map((v) => `延長：${v}`) });

ruleTests(rule, {
  valid: [
    { name: 'no extension', text: sheet() },
    { name: '5年', text: ext('5年') },
    { name: '60か月 and 4年12か月', text: ext('60か月', '4年12か月') },
    { name: 'an end date 5 years after the previous expiry (it starts the day after 満了日)', text: ext('令和15年3月31日まで') },
    { name: 'leap day: 2029-03-01 + 5年 ends 2034-02-28', text: sheet({ fields: { 指定年月日: '2028年2月29日', 有効期間: '1年', 満了日: '2029年2月28日' }, extraHeader: ['延長：2034年2月28日まで'] }) },
    { name: 'the original validity is validity-too-long\'s', text: sheet({ fields: { 有効期間: '6年', 満了日: '令和14年3月31日' } }) },
  ],
  invalid: [
    {
      name: '6年',
      text: ext('6年'),
      errors: [{ line: 10, covers: '6年', ja: ['6年', '5年'], en: ['5 years'], fixCount: 0 }],
    },
    {
      name: '5年1か月, kanji 六年',
      text: ext('5年1か月', '六年'),
      errors: [{ line: 10, covers: '5年1か月' }, { line: 11, covers: '六年' }],
    },
    {
      name: 'an end date one day past 5 years',
      text: ext('令和15年4月1日まで'),
      errors: [{ line: 10, covers: '令和15年4月1日まで' }],
    },
    {
      name: 'leap day: an end date of 2034-03-01 is past 5 years from 2029-03-01',
      text: sheet({ fields: { 指定年月日: '2028年2月29日', 有効期間: '1年', 満了日: '2029年2月28日' }, extraHeader: ['延長：2034年3月1日まで'] }),
      errors: [{ line: 10 }],
    },
    {
      name: 'only the second of two',
      text: ext('5年', '6年'),
      errors: [{ line: 11, covers: '6年' }],
    },
  ],
});
