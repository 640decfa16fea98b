import rule from '../../../core/out/rules/beppyo-invalid';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const b = (別表: string, eol: '\n' | '\r\n' = '\n') => sheet({ fields: { 別表 }, eol });

ruleTests(rule, {
  valid: [
    { name: '別表第1号イa(a)', text: sheet() },
    { name: 'full-width with a blank: 第２号ロ a(f) (format.md)', text: b('第２号ロ a(f)') },
    { name: 'kanji 号: 別表第三号ハ (format.md)', text: b('別表第三号ハ') },
    { name: 'items with a single unlettered 細目: 第1号ハ, ホ, ヘ, ト, ヌ', text: b('第1号ハ、第1号ホ、第1号ヘ、第1号ト、第1号ヌ') },
    { name: 'the last item of each 号', text: b('第1号ヌ、第2号ホ、第3号ニ、第4号ニ') },
    { name: 'full-width 細目 letters', text: b('別表第1号イａ（ｂ）') },
    { name: 'continuations: 及び, 、 and a sub-item alone', text: b('別表第1号イa(a)、(b)及びb') },
    { name: 'half-width comma separator', text: b('別表第1号イa(a),第1号イb') },
    { name: 'an item without its 細目 is beppyo-saimoku-missing, not invalid', text: b('別表第1号イ') },
    { name: 'a sub-item is optional', text: b('別表第1号イa') },
    { name: 'blanks between the parts, half- and full-width', text: b('別表 第 1 号 イ a ( a )、別表　第２号　イ　ａ（ｄ）') },
  ],
  invalid: [
    {
      name: '第2号ヘ: 第2号 runs from イ to ホ',
      text: b('第2号ヘ'),
      errors: [{ line: 7, covers: '第2号ヘ', ja: ['第2号', 'ヘ', 'ホ'], en: ['第2号', 'ヘ'], fixCount: 0 }],
    },
    {
      name: '第1号イc: 第1号イ has a and b; nearest is b',
      text: b('別表第1号イc'),
      errors: [{ line: 7, covers: '別表第1号イc', ja: ['細目c'], en: ['c'], fixCount: 1 }],
      output: b('別表第1号イb'),
    },
    {
      name: '第1号ハa: 第1号ハ has a single unlettered 細目',
      text: b('第1号ハa'),
      errors: [{ line: 7, covers: '第1号ハa', ja: ['第1号ハ'], fixCount: 1 }],
      output: b('別表第1号ハ'),
    },
    {
      name: '第1号イa(d): 第1号イa has (a) to (c)',
      text: b('別表第1号イa(d)'),
      errors: [{ line: 7, covers: '別表第1号イa(d)', ja: ['(d)'], en: ['(d)'], fixCount: 1 }],
      output: b('別表第1号イa'),
    },
    {
      name: '第2号イa(e): 第2号イa has (a) to (d)',
      text: b('別表第2号イa(e)'),
      errors: [{ line: 7, covers: '別表第2号イa(e)', ja: ['(e)', '(d)'], fixCount: 1 }],
      output: b('別表第2号イa'),
    },
    {
      name: 'a sub-item under a 細目 that has none: 第1号イb(a)',
      text: b('別表第1号イb(a)'),
      errors: [{ line: 7, covers: '別表第1号イb(a)', ja: ['(a)'], fixCount: 1 }],
      output: b('別表第1号イb'),
    },
    {
      name: 'there is no 第5号',
      text: b('別表第5号イ'),
      errors: [{ line: 7, covers: '別表第5号イ', ja: ['第5号'], en: ['第5号'], fixCount: 0 }],
    },
    {
      name: 'a 号 with no item',
      text: b('別表第1号'),
      errors: [{ line: 7, covers: '別表第1号', fixCount: 0 }],
    },
    {
      name: 'the kanji 八 for the katakana ハ',
      text: b('別表第1号八'),
      errors: [{ line: 7, covers: '別表第1号八', ja: ['ハ'], fixCount: 1 }],
      output: b('別表第1号ハ'),
    },
    {
      name: 'full-width reference: the fix keeps the 号\'s digit width',
      text: b('別表第１号イｃ'),
      errors: [{ line: 7, covers: '別表第１号イｃ', fixCount: 1 }],
      output: b('別表第１号イb'),
    },
    {
      name: 'kanji 号: the fix keeps it',
      text: b('別表第一号ハａ'),
      errors: [{ line: 7, fixCount: 1 }],
      output: b('別表第一号ハ'),
    },
    {
      name: 'text that is no reference',
      text: b('防衛に関する事項'),
      errors: [{ line: 7, covers: '防衛に関する事項', ja: ['読めません'], en: ['cannot be read'], fixCount: 0 }],
    },
    {
      name: 'two sub-items in one reference cannot be read',
      text: b('別表第1号イa(a)(b)'),
      errors: [{ line: 7, covers: '別表第1号イa(a)(b)', fixCount: 0 }],
    },
    {
      name: 'only the bad one of several references',
      text: b('別表第1号イa(a)、第2号ヘ、第1号イb'),
      errors: [{ line: 7, covers: '第2号ヘ' }],
    },
    {
      name: 'a bad continuation: 第1号イa、d',
      text: b('別表第1号イa、d'),
      errors: [{ line: 7, covers: 'd', fixCount: 1 }],
      output: b('別表第1号イa、別表第1号イb'),
    },
    {
      name: 'CRLF document',
      text: b('別表第1号イc', '\r\n'),
      errors: [{ line: 7, fixCount: 1 }],
      output: b('別表第1号イb', '\r\n'),
    },
  ],
});
