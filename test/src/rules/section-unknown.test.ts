import rule from '../../../core/out/rules/section-unknown';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

ruleTests(rule, {
  valid: [
    { name: 'canonical headings', text: sheet({ sections: { 解除の条件: '交渉の終了', 備考: 'なし' } }) },
    {
      name: 'aliases',
      text: sheet({ sections: { 指定を解除する条件: '交渉の終了' } })
        .replace('【対象情報の記述】', '【対象情報】')
        .replace('【概要】', '【特定秘密の概要】'),
    },
    { name: 'blanks inside the brackets are ignored', text: sheet().replace('【概要】', '【 概要　】') },
  ],
  invalid: [
    {
      name: 'a typo is renamed to the known heading',
      text: sheet().replace('【指定の理由】', '【指定理由】'),
      errors: [{ line: 14, covers: '【指定理由】', ja: ['指定理由', '指定の理由'], en: ['指定理由', '指定の理由'], fixCount: 1 }],
      output: sheet(),
    },
    {
      name: 'a near alias is renamed to the canonical heading',
      text: sheet().replace('【概要】', '【特定秘密概要】'),
      errors: [{ line: 18, covers: '【特定秘密概要】', ja: ['概要'], fixCount: 1 }],
      output: sheet(),
    },
    {
      name: 'a heading near nothing: no fix',
      text: sheet({ sections: { 添付資料一覧表: 'なし' } }),
      errors: [{ line: 21, covers: '【添付資料一覧表】', ja: ['添付資料一覧表', '未知'], en: ['unknown'], fixCount: 0 }],
    },
    {
      name: 'CRLF document',
      text: sheet({ eol: '\r\n' }).replace('【指定の理由】', '【指定理由】'),
      errors: [{ line: 14, fixCount: 1 }],
      output: sheet({ eol: '\r\n' }),
    },
  ],
});

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'an empty heading 【】 is reported without a guessed rename',
      text: sheet().replace('【概要】', '【】'),
      errors: [{ line: 18, covers: '【】', fixCount: 0 }],
    },
  ],
});

ruleTests(rule, {
  valid: [
    { name: 'an unclosed heading is heading-unclosed\'s to report', text: sheet().replace('【概要】', '【概要令和8年度') },
  ],
  invalid: [],
});
