import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const REASON = '演習が終了し、計画の内容が公表されたため、特段の秘匿の必要性がなくなった。';

ruleTests('release-reason-missing', {
  valid: [
    { name: 'no 解除', text: sheet() },
    { name: '解除 with 【解除の理由】', text: sheet({ fields: { 解除: '令和8年10月1日' }, sections: { 解除の理由: REASON } }) },
    { name: 'the alias 解除年月日 with its reason', text: sheet({ fields: { 解除年月日: '令和8年10月1日' }, sections: { 解除の理由: REASON } }) },
  ],
  invalid: [
    {
      name: '解除 and no section: on the 解除 line; appends the section',
      text: sheet({ fields: { 解除: '令和8年10月1日' } }),
      errors: [{ line: 10, covers: '解除：令和8年10月1日', ja: ['【解除の理由】'], en: ['【解除の理由】'], fixCount: 1 }],
      output: sheet({ fields: { 解除: '令和8年10月1日' }, sections: { 解除の理由: '○○' } }),
    },
    {
      name: 'the alias 指定の解除',
      text: sheet({ fields: { 指定の解除: '令和8年10月1日' } }),
      errors: [{ line: 10, covers: '指定の解除：令和8年10月1日', fixCount: 1 }],
    },
    {
      name: 'an empty 【解除の理由】: on its heading; the fix fills it',
      text: sheet({ fields: { 解除: '令和8年10月1日' }, sections: { 解除の理由: '' } }),
      errors: [{ line: 22, covers: '【解除の理由】', fixCount: 1 }],
      output: sheet({ fields: { 解除: '令和8年10月1日' }, sections: { 解除の理由: '○○' } }),
    },
    {
      name: 'CRLF document',
      text: sheet({ fields: { 解除: '令和8年10月1日' }, eol: '\r\n' }),
      errors: [{ line: 10, fixCount: 1 }],
      output: sheet({ fields: { 解除: '令和8年10月1日' }, sections: { 解除の理由: '○○' }, eol: '\r\n' }),
    },
  ],
});
