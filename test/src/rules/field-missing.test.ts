import rule from '../../../core/out/rules/field-missing';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';
import { decodeDocument } from '../../../core/out/text/decode';

/** What the CLI and the server analyse for a file written with a UTF-8 BOM: the text without it. */
function decoded(text: string): string {
  const d = decodeDocument(new TextEncoder().encode(text));
  if (!d.ok || !d.bom) throw new Error('expected a UTF-8 document with a BOM');
  return d.text;
}

const FIRST = '整理番号：防衛-2026-0012';

ruleTests(rule, {
  valid: [
    { name: 'every required field present', text: sheet() },
    {
      name: 'aliases count as the canonical fields',
      text: sheet()
        .replace('整理番号：', '指定の整理番号：')
        .replace('行政機関：', '指定行政機関：')
        .replace('指定年月日：', '指定をした年月日：')
        .replace('満了日：', '有効期間の満了する年月日：')
        .replace('措置：', '講ずる措置：')
        .replace('特定秘密管理者：', '特定秘密管理者の官職：'),
    },
    { name: 'the short aliases 指定日 and 満了する年月日', text: sheet().replace('指定年月日：', '指定日：').replace('満了日：', '満了する年月日：') },
    { name: 'half-width separator and blanks around name and value', text: sheet().replace('行政機関：防衛省', '　行政機関 :　防衛省　') },
    { name: '延長 is optional, and may be present', text: sheet({ extraHeader: ['延長：2年'] }) },
    { name: 'a missing 有効期間 is validity-missing, not field-missing', text: sheet({ fields: { 有効期間: null } }) },
    { name: 'a missing 別表 is beppyo-missing, not field-missing', text: sheet({ fields: { 別表: null } }) },
  ],
  invalid: [
    {
      name: '整理番号 absent: points at the header\'s first line (now 行政機関), no value to compute',
      text: sheet({ fields: { 整理番号: null } }),
      errors: [{ line: 2, covers: '行政機関：防衛省', ja: ['整理番号', 'ありません'], en: ['整理番号', 'missing'], fixCount: 0 }],
    },
    {
      name: '行政機関 absent',
      text: sheet({ fields: { 行政機関: null } }),
      errors: [{ line: 2, covers: FIRST, ja: ['行政機関'], en: ['行政機関'], fixCount: 0 }],
    },
    {
      name: '特定秘密管理者 absent',
      text: sheet({ fields: { 特定秘密管理者: null } }),
      errors: [{ line: 2, covers: FIRST, ja: ['特定秘密管理者'], en: ['特定秘密管理者'], fixCount: 0 }],
    },
    {
      name: '満了日 absent: inserted after 有効期間 with the computed expiry',
      text: sheet({ fields: { 満了日: null } }),
      errors: [{ line: 2, covers: FIRST, ja: ['満了日'], en: ['満了日', 'missing'], fixCount: 1 }],
      output: sheet(),
    },
    {
      name: '満了日 empty: points at the empty field and fills it',
      text: sheet({ fields: { 満了日: '' } }),
      errors: [{ line: 6, covers: '満了日：', ja: ['満了日', '空'], en: ['満了日', 'empty'], fixCount: 1 }],
      output: sheet(),
    },
    {
      name: '満了日 blank but for full-width spaces counts as empty',
      text: sheet({ fields: { 満了日: '　' } }),
      errors: [{ line: 6, covers: '満了日：', ja: ['満了日'], fixCount: 1 }],
    },
    {
      name: '満了日 absent, western dates: the fix writes a western date (leap day + 5年 → 28 Feb)',
      text: sheet({ fields: { 指定年月日: '2028年2月29日', 有効期間: '5年', 満了日: null }, sections: { 解除の条件: '情勢の変化により秘匿の必要がなくなったとき' } }),
      errors: [{ line: 2, ja: ['満了日'], fixCount: 1 }],
      output: sheet({ fields: { 指定年月日: '2028年2月29日', 有効期間: '5年', 満了日: '2033年2月28日' }, sections: { 解除の条件: '情勢の変化により秘匿の必要がなくなったとき' } }),
    },
    {
      name: '満了日 absent, full-width era dates: the fix keeps the digit width',
      text: sheet({ fields: { 指定年月日: '令和８年４月１日', 満了日: null } }),
      errors: [{ line: 2, fixCount: 1 }],
      output: sheet({ fields: { 指定年月日: '令和８年４月１日', 満了日: '令和１０年３月３１日' } }),
    },
    {
      name: '満了日 absent, ISO dates and a month-end designation (2026-01-31 + 1か月 → 2026-02-28)',
      text: sheet({ fields: { 指定年月日: '2026-01-31', 有効期間: '1か月', 満了日: null } }),
      errors: [{ line: 2, fixCount: 1 }],
      output: sheet({ fields: { 指定年月日: '2026-01-31', 有効期間: '1か月', 満了日: '2026-02-28' } }),
    },
    {
      name: '満了日 absent and 有効期間 unreadable: nothing to compute, no fix',
      text: sheet({ fields: { 有効期間: 'しばらく', 満了日: null } }),
      errors: [{ line: 2, ja: ['満了日'], fixCount: 0 }],
    },
    {
      name: '措置 absent: one fix per measure, inserted in canonical order',
      text: sheet({ fields: { 措置: null } }),
      errors: [{ line: 2, covers: FIRST, ja: ['措置'], en: ['措置'], fixCount: 2 }],
      output: sheet(),
    },
    {
      name: '措置 empty: the second fix writes 通知',
      text: sheet({ fields: { 措置: '' } }),
      errors: [{ line: 8, covers: '措置：', ja: ['措置', '空'], fixCount: 2 }],
      output: sheet({ fields: { 措置: '通知' } }),
      outputFix: 1,
    },
    {
      name: 'several fields missing: one diagnostic each',
      text: sheet({ fields: { 整理番号: null, 指定年月日: null, 特定秘密管理者: null } }),
      errors: [
        { line: 2, covers: '行政機関：防衛省', ja: ['整理番号'] },
        { line: 2, covers: '行政機関：防衛省', ja: ['指定年月日'] },
        { line: 2, covers: '行政機関：防衛省', ja: ['特定秘密管理者'] },
      ],
    },
    {
      name: 'the header\'s first line skips comments and blank lines',
      text: '\n# コメント\n\n' + sheet({ fields: { 満了日: null } }),
      errors: [{ line: 5, covers: FIRST, fixCount: 1 }],
      output: '\n# コメント\n\n' + sheet(),
    },
    {
      name: 'CRLF document: the inserted line ends in CRLF',
      text: sheet({ fields: { 満了日: null }, eol: '\r\n' }),
      errors: [{ line: 2, covers: FIRST, fixCount: 1 }],
      output: sheet({ eol: '\r\n' }),
    },
    {
      name: 'BOM + CRLF file, as decoded: the fix keeps CRLF and needs no BOM handling',
      text: decoded(sheet({ fields: { 満了日: null }, eol: '\r\n', bom: true })),
      errors: [{ line: 2, covers: FIRST, fixCount: 1 }],
      output: sheet({ eol: '\r\n' }),
    },
    {
      name: 'a field written after the first heading is content, not a field',
      text: sheet({ fields: { 特定秘密管理者: null }, sections: { 備考: '特定秘密管理者：統合幕僚監部運用部運用第1課長' } }),
      errors: [{ line: 2, ja: ['特定秘密管理者'] }],
    },
  ],
});
