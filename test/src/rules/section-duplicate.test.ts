import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const base = sheet();
const crlf = sheet({ eol: '\r\n' });

ruleTests('section-duplicate', {
  valid: [
    { name: 'each section once', text: base },
    { name: 'optional sections once each', text: sheet({ sections: { 解除の条件: '交渉が終了したとき', 備考: 'なし' } }) },
  ],
  invalid: [
    {
      name: 'a second, empty 【対象情報の記述】 (what completion used to insert)',
      text: `${base}\n【対象情報の記述】\n`,
      errors: [{ line: 21, covers: '【対象情報の記述】', ja: ['【対象情報の記述】', '重複', '11行目'], en: ['appears again', 'line 11'], fixCount: 1 }],
      output: base,
    },
    {
      name: 'a second 【概要】 under its alias, with content: moved to the end of the first',
      text: `${base}\n【特定秘密の概要】\n(補足)\n`,
      errors: [{ line: 21, covers: '【特定秘密の概要】', ja: ['【概要】', '18行目'], fixCount: 1 }],
      output: base.replace('令和8年度自衛隊統合演習計画\n', '令和8年度自衛隊統合演習計画\n(補足)\n'),
    },
    {
      name: 'a duplicate in the middle, content on the heading line too; CRLF kept',
      text: crlf.replace('【指定の理由】', '【対象情報の記述】追記\r\n第2段落\r\n\r\n【指定の理由】'),
      errors: [{ line: 14, covers: '【対象情報の記述】' }],
      output: crlf.replace('参加部隊の編成及び実施区域を含む。)\r\n', '参加部隊の編成及び実施区域を含む。)\r\n追記\r\n第2段落\r\n'),
    },
    {
      name: 'comments and directives under the duplicate heading move with its content',
      text: `${base}\n【備考】\nA\n\n【備考】\n\n# shitei-disable-file field-missing\nB\n`,
      errors: [{ line: 24 }],
      output: `${base}\n【備考】\nA\n# shitei-disable-file field-missing\nB\n`,
    },
    {
      name: 'three times: the second and the third',
      text: `${base}\n【備考】\nA\n\n【備考】\n\n【備考】\nB\n`,
      errors: [{ line: 24 }, { line: 26 }],
    },
  ],
});
