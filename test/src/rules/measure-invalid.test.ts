import rule from '../../../core/out/rules/measure-invalid';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const m = (措置: string, eol: '\n' | '\r\n' = '\n') => sheet({ fields: { 措置 }, eol });

ruleTests(rule, {
  valid: [
    { name: '表示', text: sheet() },
    { name: '通知', text: m('通知') },
    { name: '第1号 / 第2号', text: m('第1号') },
    { name: '第２号', text: m('第２号') },
    { name: '第一号', text: m('第一号') },
    { name: 'blanks inside and around', text: m('表　示') },
    { name: 'under the alias 講ずる措置', text: sheet().replace('措置：表示', '講ずる措置：通知') },
    { name: 'empty is field-missing\'s', text: m('') },
  ],
  invalid: [
    {
      name: 'neither measure: one fix each',
      text: m('掲示'),
      errors: [{ line: 8, covers: '掲示', ja: ['掲示', '表示', '通知'], en: ['表示', '通知'], fixCount: 2 }],
      output: sheet(),
    },
    {
      name: 'the second fix writes 通知',
      text: m('口頭'),
      errors: [{ line: 8, covers: '口頭', fixCount: 2 }],
      output: m('通知'),
      outputFix: 1,
    },
    {
      name: 'there is no 第3号',
      text: m('第3号'),
      errors: [{ line: 8, covers: '第3号', fixCount: 2 }],
    },
    {
      name: 'CRLF document',
      text: m('掲示', '\r\n'),
      errors: [{ line: 8, fixCount: 2 }],
      output: sheet({ eol: '\r\n' }),
    },
  ],
});
