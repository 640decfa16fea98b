import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const desc = (text: string) => sheet({ sections: { 対象情報の記述: text } });

ruleTests('conjunction-level', {
  valid: [
    { name: 'the default sheet', text: sheet() },
    { name: '並びに with 及び', text: desc('令和8年度の計画及び訓練の日程並びに部隊の編成') },
    { name: '若しくは with 又は', text: desc('令和8年度の甲若しくは乙又は丙に係る計画') },
    { name: 'one sentence across a line break', text: desc('令和8年度の計画及び訓練の日程\n並びに部隊の編成。') },
    { name: 'kana 及び counts as 及び here (conjunction-kana\'s)', text: desc('令和8年度の計画および訓練の日程並びに部隊の編成') },
    { name: 'a kana ならびに is conjunction-kana\'s', text: desc('令和8年度の計画ならびに部隊の編成') },
  ],
  invalid: [
    {
      name: '並びに without 及び: replaced by 及び',
      text: desc('令和8年度の計画並びに部隊の編成'),
      errors: [{ line: 12, covers: '並びに', ja: ['及び'], en: ['及び'], fixCount: 1 }],
      output: desc('令和8年度の計画及び部隊の編成'),
    },
    {
      name: '若しくは without 又は: replaced by 又は',
      text: desc('令和8年度の甲若しくは乙に係る計画'),
      errors: [{ line: 12, covers: '若しくは', ja: ['又は'], fixCount: 1 }],
      output: desc('令和8年度の甲又は乙に係る計画'),
    },
    {
      name: '及び in the previous sentence does not count',
      text: desc('令和8年度の計画及び日程。\n訓練並びに部隊の編成。'),
      errors: [{ line: 13, covers: '並びに' }],
    },
    {
      name: 'in another section too',
      text: sheet({ sections: { 備考: '計画並びに日程は別途管理する。' } }),
      errors: [{ line: 22, covers: '並びに' }],
    },
  ],
});
