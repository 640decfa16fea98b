import { defineRule } from './types';
import { kanaConjunctionsOf } from './support/conjunctions';

const KANJI: Record<string, string> = { および: '及び', ならびに: '並びに', または: '又は', もしくは: '若しくは' };

export default defineRule({
  meta: {
    code: 'conjunction-kana',
    category: 'oversight',
    defaultSeverity: 'info',
    basis: '公用文作成の考え方(接続詞「及び・並びに・又は・若しくは」は漢字)',
    fixable: true,
    needsTokens: false,
    description: { ja: '「および」「ならびに」「または」「もしくは」が仮名書き', en: 'および, ならびに, または, もしくは written in kana' },
  },
  check({ sheet, report }) {
    for (const section of sheet.syntax.sections) {
      if (section.content.length === 0) continue; // a sheet of a million bare headings
      for (const line of section.content) {
        for (const k of kanaConjunctionsOf(sheet.lineFacts(line))) {
          const start = line.span.start + k.at;
          const span = { start, end: start + k.word.length };
          const kanji = KANJI[k.word];
          report({
            span,
            message: {
              ja: `公用文では接続詞「${k.word}」は漢字で「${kanji}」と書きます`,
              en: `in official documents the conjunction ${k.word} is written in kanji: ${kanji}`,
            },
            fixes: [{ title: { ja: `「${kanji}」にする`, en: `Replace with ${kanji}` }, edits: [{ span, newText: kanji }], isPreferred: true, safe: true }],
          });
        }
      }
    }
  },
});
