import rule from '../../../core/out/rules/syntax-stray-text';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

ruleTests(rule, {
  valid: [
    { name: 'fields, comments and blanks', text: sheet({ extraHeader: ['', '# メモ', '　'] }) },
    { name: 'half-width colon and full-width blanks', text: sheet().replace('行政機関：防衛省', '　行政機関　:　防衛省') },
    { name: 'free text after a heading is content', text: sheet({ sections: { 備考: 'これは本文です' } }) },
    { name: 'an empty value is a field (field-missing, not stray)', text: sheet({ fields: { 措置: '' } }) },
  ],
  invalid: [
    {
      name: 'a line of prose in the header',
      text: sheet({ extraHeader: ['これはメモです'] }),
      errors: [{ line: 10, covers: 'これはメモです', ja: ['名前：値'], en: ['名前：値'], fixCount: 0 }],
    },
    {
      name: 'a title before the fields, blanks trimmed from the range',
      text: '　特定秘密指定書　\n' + sheet(),
      errors: [{ line: 1, covers: '特定秘密指定書' }],
    },
    {
      name: 'a value with no name',
      text: sheet({ extraHeader: ['：防衛省'] }),
      errors: [{ line: 10, covers: '：防衛省' }],
    },
    {
      name: 'a heading without its opening bracket is header text',
      text: sheet({ extraHeader: ['備考】'] }),
      errors: [{ line: 10, covers: '備考】' }],
    },
  ],
});
