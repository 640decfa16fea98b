import rule from '../../../core/out/rules/section-empty';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

ruleTests(rule, {
  valid: [
    { name: 'every section has content', text: sheet() },
    { name: 'text after 】 on the heading line is content', text: sheet().replace('【概要】\n', '【概要】') },
    { name: 'an empty optional section (【備考】, 【解除の条件】)', text: sheet({ sections: { 解除の条件: '', 備考: '' } }) },
    { name: 'a missing section is section-missing', text: sheet({ sections: { 概要: null } }) },
  ],
  invalid: [
    {
      name: '【概要】 with no lines: points at the heading',
      text: sheet({ sections: { 概要: '' } }),
      errors: [{ line: 18, covers: '【概要】', ja: ['概要', '内容がありません'], en: ['概要', 'empty'], fixCount: 0 }],
    },
    {
      name: '【指定の理由】 with only blank and comment lines',
      text: sheet({ sections: { 指定の理由: '\n# 後で書く\n　' } }),
      errors: [{ line: 14, covers: '【指定の理由】', ja: ['指定の理由'], fixCount: 0 }],
    },
    {
      name: 'under an alias, with blanks before the heading',
      text: sheet({ sections: { 対象情報の記述: '' } }).replace('【対象情報の記述】', '　【対象情報】'),
      errors: [{ line: 11, covers: '【対象情報】', ja: ['対象情報の記述'] }],
    },
    {
      name: 'two empty sections',
      text: sheet({ sections: { 対象情報の記述: '', 概要: '' } }),
      errors: [{ line: 11, covers: '【対象情報の記述】' }, { line: 17, covers: '【概要】' }],
    },
  ],
});
