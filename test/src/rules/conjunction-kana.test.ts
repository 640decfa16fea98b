import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const desc = (text: string) => sheet({ sections: { 対象情報の記述: text } });

ruleTests('conjunction-kana', {
  valid: [
    { name: 'kanji conjunctions', text: desc('令和8年度の計画及び日程並びに編成又は甲若しくは乙') },
    { name: 'kana in a comment line is not content', text: sheet({ extraHeader: ['# 計画および日程'] }) },
  ],
  invalid: [
    {
      name: 'および → 及び',
      text: desc('令和8年度の計画および部隊の編成'),
      errors: [{ line: 12, covers: 'および', ja: ['及び'], en: ['及び'], fixCount: 1 }],
      output: desc('令和8年度の計画及び部隊の編成'),
    },
    { name: 'または → 又は', text: desc('令和8年度の甲または乙の計画'), errors: [{ line: 12, covers: 'または' }], output: desc('令和8年度の甲又は乙の計画') },
    {
      name: 'ならびに and もしくは in one sentence: two diagnostics',
      text: desc('令和8年度の甲及び乙ならびに丙又は丁もしくは戊'),
      errors: [{ line: 12, covers: 'ならびに' }, { line: 12, covers: 'もしくは' }],
    },
  ],
});
