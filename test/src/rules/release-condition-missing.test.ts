import rule from '../../../core/out/rules/release-condition-missing';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';
import { decodeDocument } from '../../../core/out/text/decode';

/** What the CLI and the server analyse for a file written with a UTF-8 BOM: the text without it. */
function decoded(text: string): string {
  const d = decodeDocument(new TextEncoder().encode(text));
  if (!d.ok || !d.bom) throw new Error('expected a UTF-8 document with a BOM');
  return d.text;
}

const FIVE = { 有効期間: '5年', 満了日: '令和13年3月31日' };
const NEGOTIATION = '令和8年度に行う甲国との排他的経済水域の境界画定に関する交渉の対処方針';

ruleTests(rule, {
  valid: [
    { name: '2年, no negotiation', text: sheet() },
    { name: '4年', text: sheet({ fields: { 有効期間: '4年', 満了日: '令和12年3月31日' } }) },
    { name: '5年 with 【解除の条件】', text: sheet({ fields: FIVE, sections: { 解除の条件: '甲国との交渉が終了したとき' } }) },
    { name: '5年 with the alias 【指定を解除する条件】', text: sheet({ fields: FIVE, sections: { 指定を解除する条件: '甲国との交渉が終了したとき' } }) },
    {
      name: '5年 with the condition stated in the reason',
      text: sheet({
        fields: FIVE,
        sections: { 指定の理由: '別表第1号イa(a)に該当する。公になっていない。漏えいした場合には支障を及ぼすおそれがある。演習の終了後に指定を解除する。' },
      }),
    },
    { name: 'a negotiation with 【解除の条件】', text: sheet({ sections: { 対象情報の記述: NEGOTIATION, 解除の条件: '交渉が妥結したとき' } }) },
    { name: 'an end date shorter than 5 years', text: sheet({ fields: { 有効期間: '令和13年3月30日まで', 満了日: '令和13年3月30日' } }) },
    { name: 'no 有効期間: nothing to say', text: sheet({ fields: { 有効期間: null } }) },
  ],
  invalid: [
    {
      name: '5年 and no condition: points at the value; appends 【解除の条件】',
      text: sheet({ fields: FIVE }),
      errors: [{ line: 5, covers: '5年', ja: ['5年', '解除する条件'], en: ['5 years', 'release'], fixCount: 1 }],
      output: sheet({ fields: FIVE, sections: { 解除の条件: '○○' } }),
    },
    {
      name: '60か月 is exactly 5 years',
      text: sheet({ fields: { 有効期間: '60か月', 満了日: '令和13年3月31日' } }),
      errors: [{ line: 5, covers: '60か月', fixCount: 1 }],
    },
    {
      name: 'kanji 五年',
      text: sheet({ fields: { 有効期間: '五年', 満了日: '令和13年3月31日' } }),
      errors: [{ line: 5, covers: '五年' }],
    },
    {
      name: 'an end date exactly 5 years on',
      text: sheet({ fields: { 有効期間: '令和13年3月31日まで', 満了日: '令和13年3月31日' } }),
      errors: [{ line: 5, covers: '令和13年3月31日まで', fixCount: 1 }],
    },
    {
      name: '5年 with an empty 【解除の条件】: the fix fills it',
      text: sheet({ fields: FIVE, sections: { 解除の条件: '' } }),
      errors: [{ line: 5, fixCount: 1 }],
      output: sheet({ fields: FIVE, sections: { 解除の条件: '○○' } }),
    },
    {
      name: 'a negotiation and no condition: points at 交渉',
      text: sheet({ sections: { 対象情報の記述: NEGOTIATION } }),
      errors: [{ line: 12, covers: '交渉', ja: ['交渉', '解除する条件'], en: ['negotiation', 'release'], fixCount: 1 }],
      output: sheet({ sections: { 対象情報の記述: NEGOTIATION, 解除の条件: '○○' } }),
    },
    {
      name: 'a negotiation named on the description\'s second line',
      text: sheet({ sections: { 対象情報の記述: '令和8年度に行う甲国との\n経済連携協定の交渉の方針' } }),
      errors: [{ line: 13, covers: '交渉' }],
    },
    {
      name: 'both a 5-year period and a negotiation: one diagnostic, at the period',
      text: sheet({ fields: FIVE, sections: { 対象情報の記述: NEGOTIATION } }),
      errors: [{ line: 5, covers: '5年', fixCount: 1 }],
    },
    {
      name: 'CRLF document',
      text: sheet({ sections: { 対象情報の記述: NEGOTIATION }, eol: '\r\n' }),
      errors: [{ line: 12, covers: '交渉', fixCount: 1 }],
      output: sheet({ sections: { 対象情報の記述: NEGOTIATION, 解除の条件: '○○' }, eol: '\r\n' }),
    },
    {
      name: 'BOM + CRLF file, as decoded',
      text: decoded(sheet({ fields: FIVE, eol: '\r\n', bom: true })),
      errors: [{ line: 5, covers: '5年', fixCount: 1 }],
      output: sheet({ fields: FIVE, sections: { 解除の条件: '○○' }, eol: '\r\n' }),
    },
  ],
});
