import rule from '../../../core/out/rules/validity-missing';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const FIRST = '整理番号：防衛-2026-0012';

ruleTests(rule, {
  valid: [
    { name: 'present', text: sheet() },
    { name: 'under its alias 指定の有効期間', text: sheet().replace('有効期間：', '指定の有効期間：') },
    { name: 'present but unreadable is validity-invalid', text: sheet({ fields: { 有効期間: 'しばらく' } }) },
  ],
  invalid: [
    {
      name: 'absent: points at the header\'s first line; 5 fixes, 1年 to 5年, each writing 満了日',
      text: sheet({ fields: { 有効期間: null } }),
      errors: [{ line: 2, covers: FIRST, ja: ['有効期間', '5年'], en: ['有効期間', 'missing'], fixCount: 5 }],
      output: sheet({ fields: { 有効期間: '1年', 満了日: '令和9年3月31日' } }),
    },
    {
      name: 'absent: the 2年 fix restores the sheet',
      text: sheet({ fields: { 有効期間: null } }),
      errors: [{ line: 2, fixCount: 5 }],
      output: sheet(),
      outputFix: 1,
    },
    {
      name: 'empty: points at the empty field line and fills it (5年)',
      text: sheet({ fields: { 有効期間: '' } }),
      errors: [{ line: 5, covers: '有効期間：', ja: ['有効期間'], fixCount: 5 }],
      output: sheet({ fields: { 有効期間: '5年', 満了日: '令和13年3月31日' } }),
      outputFix: 4,
    },
    {
      name: '有効期間 and 満了日 both absent: both lines inserted in canonical order',
      text: sheet({ fields: { 有効期間: null, 満了日: null } }),
      errors: [{ line: 2, fixCount: 5 }],
      output: sheet(),
      outputFix: 1,
    },
    {
      name: 'leap day, western style: 2028年2月29日 + 5年 → 2033年2月28日',
      text: sheet({ fields: { 指定年月日: '2028年2月29日', 有効期間: null, 満了日: null } }),
      errors: [{ line: 2, fixCount: 5 }],
      output: sheet({ fields: { 指定年月日: '2028年2月29日', 有効期間: '5年', 満了日: '2033年2月28日' } }),
      outputFix: 4,
    },
    {
      name: 'full-width document: the period and the date are written full-width',
      text: sheet({ fields: { 指定年月日: '令和８年４月１日', 有効期間: null, 満了日: '令和１０年３月３１日' } }),
      errors: [{ line: 2, fixCount: 5 }],
      output: sheet({ fields: { 指定年月日: '令和８年４月１日', 有効期間: '３年', 満了日: '令和１１年３月３１日' } }),
      outputFix: 2,
    },
    {
      name: 'no 指定年月日: the fixes set the period only',
      text: sheet({ fields: { 指定年月日: null, 有効期間: null } }),
      errors: [{ line: 2, fixCount: 5 }],
      output: sheet({ fields: { 指定年月日: null } }),
      outputFix: 1,
    },
    {
      name: 'CRLF document',
      text: sheet({ fields: { 有効期間: null }, eol: '\r\n' }),
      errors: [{ line: 2, fixCount: 5 }],
      output: sheet({ eol: '\r\n' }),
      outputFix: 1,
    },
  ],
});
