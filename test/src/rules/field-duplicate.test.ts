import rule from '../../../core/out/rules/field-duplicate';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

ruleTests(rule, {
  valid: [
    { name: 'each field once', text: sheet() },
    { name: '延長 may repeat', text: sheet({ extraHeader: ['延長：5年', '延長：5年'] }) },
  ],
  invalid: [
    {
      name: 'a second 措置 line, also under an alias',
      text: sheet({ extraHeader: ['講ずる措置：通知'] }),
      errors: [{ line: 10, covers: '講ずる措置：通知', ja: ['措置', '重複'], fixCount: 1 }],
      output: sheet(),
    },
    {
      name: 'CRLF document keeps its endings after removal',
      text: sheet({ extraHeader: ['整理番号：防衛-2026-0099'], eol: '\r\n' }),
      errors: [{ line: 10, covers: '整理番号：防衛-2026-0099' }],
      output: sheet({ eol: '\r\n' }),
    },
  ],
});
