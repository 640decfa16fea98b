import rule from '../../../core/out/rules/field-unknown';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

ruleTests(rule, {
  valid: [
    { name: 'canonical names', text: sheet() },
    {
      name: 'every alias of format.md',
      text: sheet()
        .replace('整理番号：', '指定の整理番号：')
        .replace('行政機関：', '指定行政機関：')
        .replace('指定年月日：', '指定をした年月日：')
        .replace('有効期間：', '指定の有効期間：')
        .replace('満了日：', '満了する年月日：')
        .replace('別表：', '別表の事項：')
        .replace('措置：', '講ずる措置：')
        .replace('特定秘密管理者：', '特定秘密管理者の官職：'),
    },
    { name: 'the other aliases', text: sheet().replace('指定年月日：', '指定日：').replace('満了日：', '有効期間の満了する年月日：').replace('別表：', '該当事項：') },
    { name: '延長', text: sheet({ extraHeader: ['延長：2年'] }) },
    { name: 'name: value after a heading is section content', text: sheet({ sections: { 備考: '連絡先：内線1234' } }) },
    { name: 'comments that look like fields', text: sheet({ extraHeader: ['# 連絡先：内線1234'] }) },
  ],
  invalid: [
    {
      name: 'a typo of 整理番号 is renamed',
      text: sheet().replace('整理番号：', '整理番合：'),
      errors: [{ line: 2, covers: '整理番合', ja: ['整理番合', '整理番号'], en: ['整理番合', '整理番号'], fixCount: 1 }],
      output: sheet(),
    },
    {
      name: '有効期限 for 有効期間',
      text: sheet().replace('有効期間：', '有効期限：'),
      errors: [{ line: 5, covers: '有効期限', ja: ['有効期間'], en: ['有効期間'], fixCount: 1 }],
      output: sheet(),
    },
    {
      name: 'a near alias is renamed to the canonical name',
      text: sheet().replace('特定秘密管理者：', '特定秘密管理者官職：'),
      errors: [{ line: 9, covers: '特定秘密管理者官職', ja: ['特定秘密管理者'], fixCount: 1 }],
      output: sheet(),
    },
    {
      name: 'a name near nothing: no fix',
      text: sheet({ extraHeader: ['連絡先：内線1234'] }),
      errors: [{ line: 10, covers: '連絡先', ja: ['連絡先', '未知'], en: ['unknown', '連絡先'], fixCount: 0 }],
    },
    {
      name: 'blanks around the name are not part of it; half-width colon',
      text: sheet({ extraHeader: ['　連絡先 : 内線1234'] }),
      errors: [{ line: 10, covers: '連絡先', fixCount: 0 }],
    },
    {
      name: 'CRLF document',
      text: sheet({ eol: '\r\n' }).replace('整理番号：', '整理番合：'),
      errors: [{ line: 2, covers: '整理番合', fixCount: 1 }],
      output: sheet({ eol: '\r\n' }),
    },
  ],
});
