import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const REASON = { 指定の理由: '本件情報は別表に該当する。公になっていない。漏えいした場合には支障を及ぼすおそれがある。' };
const beppyo = (value: string) => sheet({ fields: { 別表: value }, sections: REASON });

ruleTests('beppyo-overlap', {
  valid: [
    { name: 'one item', text: beppyo('別表第1号イa(a)') },
    { name: 'items that do not exclude each other', text: beppyo('別表第3号ロa、別表第4号ロa') },
    { name: '2号ロ with 2号ハ', text: beppyo('別表第2号ロa(a)、別表第2号ハa') },
    { name: '1号ヌ alone', text: beppyo('別表第1号ヌ') },
  ],
  invalid: [
    {
      name: '2号ロ with 1号イ: at 2号ロ; the fix keeps 1号イ',
      text: beppyo('別表第2号ロa(a)、別表第1号イa(a)'),
      errors: [{ line: 7, covers: '別表第2号ロa(a)', ja: ['第2号ロ', '第1号イ'], en: ['第1号イ'], fixCount: 1 }],
      output: beppyo('別表第1号イa(a)'),
    },
    {
      name: '2号ハ with 3号ロ and 4号ロ: one diagnostic naming both',
      text: beppyo('別表第2号ハa、別表第3号ロa、別表第4号ロa'),
      errors: [{ line: 7, covers: '別表第2号ハa', ja: ['第3号ロ・第4号ロ'], fixCount: 1 }],
      output: beppyo('別表第3号ロa、別表第4号ロa'),
    },
    {
      name: '1号ヌ with 1号ヘ',
      text: beppyo('第1号ヘ、第1号ヌ'),
      errors: [{ line: 7, covers: '第1号ヌ', fixCount: 1 }],
      output: beppyo('第1号ヘ'),
    },
    {
      name: '2号ロ with 1号ニ, 3号イ and 4号イ, comma-separated',
      text: beppyo('第2号ロb,第1号ニa,第3号イb,第4号イb'),
      errors: [{ line: 7, covers: '第2号ロb', ja: ['第1号ニ・第3号イ・第4号イ'], fixCount: 1 }],
      output: beppyo('第1号ニa,第3号イb,第4号イb'),
    },
    {
      name: 'full-width digits',
      text: beppyo('別表第２号ハａ、別表第１号ロａ'),
      errors: [{ line: 7, covers: '別表第２号ハａ', fixCount: 1 }],
      output: beppyo('別表第１号ロａ'),
    },
  ],
});
