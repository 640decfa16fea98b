import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const REASON = '別表第1号イa(a)に掲げる自衛隊の演習の計画に該当する。当該計画は公になっておらず(非公知性)、\n漏えいした場合には我が国の手の内が露見し、対抗措置が講じられるおそれがあるため、特段の秘匿の必要性がある。';

ruleTests('measure-notice-unjustified', {
  valid: [
    { name: '表示', text: sheet() },
    { name: '通知 with 性質上 in the reason', text: sheet({ fields: { 措置: '通知' }, sections: { 指定の理由: REASON + '\n本件情報は口頭で伝達されるものであり、その性質上、文書に表示することはできない。' } }) },
    { name: '通知 with 表示 and 困難 in the remarks', text: sheet({ fields: { 措置: '通知' }, sections: { 備考: '本件情報は外国の関係機関との会議の場で共有されるため、表示をすることが困難である。' } }) },
    { name: 'the justification across a line break', text: sheet({ fields: { 措置: '通知' }, sections: { 備考: '本件情報は口頭で伝達されるため、表示を\nすることができない。' } }) },
    { name: 'no 措置 (field-missing\'s)', text: sheet({ fields: { 措置: null } }) },
  ],
  invalid: [
    {
      name: '通知 and no justification: at the value',
      text: sheet({ fields: { 措置: '通知' } }),
      errors: [{ line: 8, covers: '通知', ja: ['表示', '法第3条第2項第2号'], en: ['notice', '法第3条第2項第2号'], fixCount: 0 }],
    },
    { name: '第2号 means 通知', text: sheet({ fields: { 措置: '第2号' } }), errors: [{ line: 8, covers: '第2号' }] },
    {
      name: '表示 and 困難 in different sentences do not justify',
      text: sheet({ fields: { 措置: '通知' }, sections: { 備考: '表示の方法を検討した。実施は困難ではない。' } }),
      errors: [{ line: 8 }],
    },
  ],
});
