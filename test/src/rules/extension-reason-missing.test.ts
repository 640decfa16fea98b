import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const REASON = '演習計画の見直しが継続しており、公になっておらず、漏えいのおそれにも変わりがない。';

ruleTests('extension-reason-missing', {
  valid: [
    { name: 'no 延長', text: sheet() },
    { name: 'a 延長 with 【延長の理由】', text: sheet({ fields: { 延長: '2年' }, sections: { 延長の理由: REASON } }) },
    { name: 'the alias 有効期間の延長 with its reason', text: sheet({ fields: { 有効期間の延長: '2年(令和10年3月1日)' }, sections: { 延長の理由: REASON } }) },
    { name: 'an empty 延長 line is no extension', text: sheet({ fields: { 延長: '' } }) },
  ],
  invalid: [
    {
      name: 'a 延長 and no section: on the 延長 line; appends the section',
      text: sheet({ fields: { 延長: '2年' } }),
      errors: [{ line: 10, covers: '延長：2年', ja: ['【延長の理由】', '法第4条第2項'], en: ['【延長の理由】'], fixCount: 1 }],
      output: sheet({ fields: { 延長: '2年' }, sections: { 延長の理由: '○○' } }),
    },
    {
      name: 'on the first of two 延長',
      text: sheet({ extraHeader: ['延長：2年', '延長：1年'] }),
      errors: [{ line: 10, covers: '延長：2年', fixCount: 1 }],
    },
    {
      name: 'an empty 【延長の理由】: on its heading; the fix fills it',
      text: sheet({ fields: { 延長: '2年' }, sections: { 延長の理由: '' } }),
      errors: [{ line: 22, covers: '【延長の理由】', ja: ['内容がありません'], fixCount: 1 }],
      output: sheet({ fields: { 延長: '2年' }, sections: { 延長の理由: '○○' } }),
    },
    {
      name: 'CRLF document',
      text: sheet({ fields: { 延長: '2年' }, eol: '\r\n' }),
      errors: [{ line: 10, fixCount: 1 }],
      output: sheet({ fields: { 延長: '2年' }, sections: { 延長の理由: '○○' }, eol: '\r\n' }),
    },
  ],
});
