import { defineRule } from './types';
import { LineFact } from '../analysis/lineFacts';

const KANA = /および|ならびに|または|もしくは/g;
/** The kana conjunctions of a line (offsets in the line), kept with the line's facts. */
const KANA_WORDS = new LineFact<readonly { at: number; word: string }[]>('conjunction-kana');
const findKana = (text: string) => [...text.matchAll(KANA)].map((m) => ({ at: m.index!, word: m[0] }));
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
      for (const line of section.content) {
        for (const k of sheet.lineFacts(line).get(KANA_WORDS, findKana)) {
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
