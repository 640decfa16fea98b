import rule from '../../../core/out/rules/heading-unclosed';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

ruleTests(rule, {
  valid: [
    { name: 'closed headings', text: sheet() },
    { name: 'a 【 inside content is not a heading', text: sheet({ sections: { 備考: '詳細は別紙【秘】を参照' } }) },
  ],
  invalid: [
    {
      name: '【概要 without 】: inserts it',
      text: sheet().replace('【概要】', '【概要'),
      errors: [{ line: 18, covers: '【概要', ja: ['】'], en: ['】'], fixCount: 1 }],
      output: sheet(),
    },
    {
      name: 'trailing blanks are not part of the name; 】 goes right after it',
      text: sheet().replace('【概要】', '【概要　'),
      errors: [{ line: 18, fixCount: 1 }],
      output: sheet().replace('【概要】', '【概要】　'),
    },
    {
      name: 'CRLF document',
      text: sheet({ eol: '\r\n' }).replace('【指定の理由】', '【指定の理由'),
      errors: [{ line: 14, covers: '【指定の理由', fixCount: 1 }],
      output: sheet({ eol: '\r\n' }),
    },
  ],
});
