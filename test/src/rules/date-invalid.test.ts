import rule from '../../../core/out/rules/date-invalid';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const dates = (指定年月日: string, 満了日: string, 有効期間 = '2年') => sheet({ fields: { 指定年月日, 有効期間, 満了日 } });

ruleTests(rule, {
  valid: [
    { name: 'the default era dates', text: sheet() },
    { name: '元年 on the first day of 令和', text: dates('令和元年5月1日', '令和3年4月30日') },
    { name: 'the last day of 平成', text: dates('平成31年4月30日', '令和3年4月29日') },
    { name: 'the first day of 平成 and the last of 昭和', text: dates('平成元年1月8日', '昭和64年1月7日') },
    { name: 'western and ISO dates', text: dates('2026年4月1日', '2028-03-31') },
    { name: 'slash date', text: dates('2026/4/1', '2028/3/31') },
    { name: 'full-width digits', text: dates('令和８年４月１日', '令和１０年３月３１日') },
    { name: 'kanji digits, 十-style and positional', text: dates('令和八年四月一日', '二〇二八年三月三十一日') },
    { name: 'a leap day that exists (令和10年 = 2028)', text: dates('令和10年2月29日', '令和12年2月28日') },
    { name: 'blanks inside the date', text: dates('令和 8年 4月 1日', '令和10年3月31日') },
    { name: 'an end-date period that exists', text: sheet({ fields: { 有効期間: '令和10年3月31日まで' } }) },
  ],
  invalid: [
    {
      name: '平成32年: rewritten as the same day in 令和',
      text: dates('平成32年4月1日', '令和4年3月31日'),
      errors: [{ line: 4, covers: '平成32年4月1日', ja: ['指定年月日', '平成32年', '存在しません'], en: ['平成', '32'], fixCount: 1 }],
      output: dates('令和2年4月1日', '令和4年3月31日'),
    },
    {
      name: '平成32年 in 満了日',
      text: dates('平成30年4月1日', '平成32年3月31日'),
      errors: [{ line: 6, covers: '平成32年3月31日', ja: ['満了日', '平成32年'], fixCount: 1 }],
      output: dates('平成30年4月1日', '令和2年3月31日'),
    },
    {
      name: 'full-width digits are kept by the fix',
      text: dates('平成３０年４月１日', '平成３２年３月３１日'),
      errors: [{ line: 6, covers: '平成３２年３月３１日', fixCount: 1 }],
      output: dates('平成３０年４月１日', '令和２年３月３１日'),
    },
    {
      name: 'kanji digits are kept by the fix',
      text: dates('平成三十年四月一日', '平成三十二年三月三十一日'),
      errors: [{ line: 6, fixCount: 1 }],
      output: dates('平成三十年四月一日', '令和二年三月三十一日'),
    },
    {
      name: '平成31年5月1日 is past the end of 平成: 令和元年5月1日',
      text: dates('平成30年5月2日', '平成31年5月1日', '1年'),
      errors: [{ line: 6, covers: '平成31年5月1日', ja: ['存在しません'], en: ['平成'], fixCount: 1 }],
      output: dates('平成30年5月2日', '令和元年5月1日', '1年'),
    },
    {
      name: '令和元年4月30日 is before 令和 began: no fix',
      text: dates('平成30年5月1日', '令和元年4月30日', '1年'),
      errors: [{ line: 6, covers: '令和元年4月30日', ja: ['令和', '存在しません'], en: ['令和'], fixCount: 0 }],
    },
    {
      name: '令和0年',
      text: dates('令和0年4月1日', '令和10年3月31日'),
      errors: [{ line: 4, covers: '令和0年4月1日', ja: ['令和0年', '元年'], en: ['元年'], fixCount: 0 }],
    },
    {
      name: '2月30日',
      text: dates('令和8年4月1日', '令和10年2月30日'),
      errors: [{ line: 6, covers: '令和10年2月30日', ja: ['2月30日', '存在しません'], en: ['2月30日'], fixCount: 0 }],
    },
    {
      name: '令和8年2月30日 (format.md)',
      text: dates('令和8年2月30日', '令和10年3月31日'),
      errors: [{ line: 4, covers: '令和8年2月30日', ja: ['存在しません'], fixCount: 0 }],
    },
    {
      name: '29 February of a common year (令和9年 = 2027)',
      text: dates('令和9年2月29日', '令和11年2月28日'),
      errors: [{ line: 4, ja: ['2月29日'], fixCount: 0 }],
    },
    {
      name: 'the day after the end of 昭和: no fix',
      text: dates('昭和64年1月8日', '令和10年3月31日'),
      errors: [{ line: 4, ja: ['昭和'], fixCount: 0 }],
    },
    {
      name: 'ISO and slash dates that do not exist',
      text: dates('2026-02-30', '2028/13/1'),
      errors: [{ line: 4, covers: '2026-02-30', fixCount: 0 }, { line: 6, covers: '2028/13/1', fixCount: 0 }],
    },
    {
      name: 'a date that cannot be read',
      text: dates('令和8年4月', '令和10年3月31日'),
      errors: [{ line: 4, covers: '令和8年4月', ja: ['読み取れません'], en: ['read'], fixCount: 0 }],
    },
    {
      name: 'a two-digit year without an era',
      text: dates('26年4月1日', '令和10年3月31日'),
      errors: [{ line: 4, covers: '26年4月1日', ja: ['26年'], fixCount: 0 }],
    },
    {
      name: 'a value that is no date at all',
      text: dates('未定', '令和10年3月31日'),
      errors: [{ line: 4, covers: '未定', fixCount: 0 }],
    },
    {
      name: 'an end-date period: points at the date, not まで',
      text: sheet({ fields: { 有効期間: '令和13年2月30日まで' } }),
      errors: [{ line: 5, covers: '令和13年2月30日', ja: ['有効期間'], fixCount: 0 }],
    },
    {
      name: 'an end-date period in 平成 past its end: rewritten in 令和, まで kept',
      text: sheet({ fields: { 有効期間: '平成40年3月31日まで' } }),
      errors: [{ line: 5, covers: '平成40年3月31日', fixCount: 1 }],
      output: sheet({ fields: { 有効期間: '令和10年3月31日まで' } }),
    },
    {
      name: 'an extension written as an end date',
      text: sheet({ extraHeader: ['延長：平成45年3月31日まで'] }),
      errors: [{ line: 10, covers: '平成45年3月31日', ja: ['延長'], fixCount: 1 }],
      output: sheet({ extraHeader: ['延長：令和15年3月31日まで'] }),
    },
    {
      name: 'CRLF document',
      text: sheet({ fields: { 指定年月日: '平成30年4月1日', 満了日: '平成32年3月31日' }, eol: '\r\n' }),
      errors: [{ line: 6, fixCount: 1 }],
      output: sheet({ fields: { 指定年月日: '平成30年4月1日', 満了日: '令和2年3月31日' }, eol: '\r\n' }),
    },
  ],
});
