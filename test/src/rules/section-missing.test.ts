import rule from '../../../core/out/rules/section-missing';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const FIRST = '整理番号：防衛-2026-0012';

ruleTests(rule, {
  valid: [
    { name: 'all required sections', text: sheet() },
    {
      name: 'aliases 【対象情報】 and 【特定秘密の概要】',
      text: sheet().replace('【対象情報の記述】', '【対象情報】').replace('【概要】', '【特定秘密の概要】'),
    },
    { name: '【解除の条件】 and 【備考】 are optional', text: sheet() },
    { name: 'an empty required section is section-empty, not section-missing', text: sheet({ sections: { 概要: '' } }) },
  ],
  invalid: [
    {
      name: '【概要】 absent: points at the header\'s first line; appends heading and placeholder',
      text: sheet({ sections: { 概要: null } }),
      errors: [{ line: 2, covers: FIRST, ja: ['概要'], en: ['概要', 'missing'], fixCount: 1 }],
      output: sheet({ sections: { 概要: '○○' } }),
    },
    {
      name: '【指定の理由】 absent',
      text: sheet({ sections: { 指定の理由: null } }),
      errors: [{ line: 2, covers: FIRST, ja: ['指定の理由'], en: ['指定の理由'], fixCount: 1 }],
      output: sheet({ sections: { 指定の理由: null } }) + '\n【指定の理由】\n○○\n',
    },
    {
      name: '【対象情報の記述】 absent',
      text: sheet({ sections: { 対象情報の記述: null } }),
      errors: [{ line: 2, covers: FIRST, ja: ['対象情報の記述'], fixCount: 1 }],
      output: sheet({ sections: { 対象情報の記述: null } }) + '\n【対象情報の記述】\n○○\n',
    },
    {
      name: 'no section at all: one diagnostic per section',
      text: sheet({ sections: { 対象情報の記述: null, 指定の理由: null, 概要: null } }),
      errors: [
        { line: 2, ja: ['対象情報の記述'] },
        { line: 2, ja: ['指定の理由'] },
        { line: 2, ja: ['概要'] },
      ],
    },
    {
      name: 'a file without a final line break gets a blank line before the new section',
      text: sheet({ sections: { 概要: null } }).slice(0, -1),
      errors: [{ line: 2, fixCount: 1 }],
      output: sheet({ sections: { 概要: '○○' } }),
    },
    {
      name: 'the first line skips a leading comment and blank lines',
      text: '# 下書き\n\n' + sheet({ sections: { 概要: null } }),
      errors: [{ line: 4, covers: FIRST }],
    },
    {
      name: 'a misspelt heading does not count',
      text: sheet().replace('【概要】', '【概用】'),
      errors: [{ line: 2, ja: ['概要'] }],
    },
    {
      name: 'CRLF document ending in a blank line: no second blank line',
      text: sheet({ sections: { 概要: null }, eol: '\r\n' }) + '\r\n',
      errors: [{ line: 2, fixCount: 1 }],
      output: sheet({ sections: { 概要: '○○' }, eol: '\r\n' }),
    },
    {
      name: 'CRLF document',
      text: sheet({ sections: { 概要: null }, eol: '\r\n' }),
      errors: [{ line: 2, covers: FIRST, fixCount: 1 }],
      output: sheet({ sections: { 概要: '○○' }, eol: '\r\n' }),
    },
  ],
});
