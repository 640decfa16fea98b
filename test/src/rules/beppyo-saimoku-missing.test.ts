import rule from '../../../core/out/rules/beppyo-saimoku-missing';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const b = (別表: string, eol: '\n' | '\r\n' = '\n') => sheet({ fields: { 別表 }, eol });

ruleTests(rule, {
  valid: [
    { name: 'a 細目 named', text: sheet() },
    { name: 'an item with a single unlettered 細目 takes no letter (第1号ハ)', text: b('別表第1号ハ') },
    { name: '第1号ホ, ヘ, ト, ヌ and 第2号ホ', text: b('第1号ホ、第1号ヘ、第1号ト、第1号ヌ、第2号ホ') },
    { name: 'full-width 第２号ロ a(f)', text: b('第２号ロ a(f)') },
    { name: 'an item that does not exist is beppyo-invalid\'s', text: b('第2号ヘ') },
  ],
  invalid: [
    {
      name: '第1号イ without 細目: one fix per 細目 (a, b)',
      text: b('別表第1号イ'),
      errors: [{ line: 7, covers: '別表第1号イ', ja: ['細目', '別表第1号イa', '別表第1号イb'], en: ['細目'], fixCount: 2 }],
      output: b('別表第1号イa'),
    },
    {
      name: '第1号ロ: three 細目; the third fix',
      text: b('第1号ロ'),
      errors: [{ line: 7, covers: '第1号ロ', fixCount: 3 }],
      output: b('別表第1号ロc'),
      outputFix: 2,
    },
    {
      name: 'a sub-item without its 細目 keeps it where it exists: 第1号イ(a)',
      text: b('別表第1号イ(a)'),
      errors: [{ line: 7, covers: '別表第1号イ(a)', ja: ['別表第1号イa(a)'], fixCount: 2 }],
      output: b('別表第1号イa(a)'),
    },
    {
      name: 'full-width 第２号イ keeps its width',
      text: b('別表第２号イ'),
      errors: [{ line: 7, covers: '別表第２号イ', fixCount: 2 }],
      output: b('別表第２号イb'),
      outputFix: 1,
    },
    {
      name: 'kanji 別表第三号ロ',
      text: b('別表第三号ロ'),
      errors: [{ line: 7, fixCount: 3 }],
      output: b('別表第三号ロa'),
    },
    {
      name: 'the second of two references',
      text: b('別表第1号イa(a)、第1号ニ'),
      errors: [{ line: 7, covers: '第1号ニ', fixCount: 3 }],
      output: b('別表第1号イa(a)、別表第1号ニa'),
    },
    {
      name: 'CRLF document',
      text: b('別表第1号イ', '\r\n'),
      errors: [{ line: 7, fixCount: 2 }],
      output: b('別表第1号イa', '\r\n'),
    },
  ],
});
