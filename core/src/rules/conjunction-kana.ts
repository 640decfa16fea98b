import { defineRule } from './types';

const KANA = /および|ならびに|または|もしくは/g;
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
        const text = sheet.text.slice(line.span.start, line.span.end);
        for (const m of text.matchAll(KANA)) {
          const start = line.span.start + m.index!;
          const span = { start, end: start + m[0].length };
          const kanji = KANJI[m[0]];
          report({
            span,
            message: {
              ja: `公用文では接続詞「${m[0]}」は漢字で「${kanji}」と書きます`,
              en: `in official documents the conjunction ${m[0]} is written in kanji: ${kanji}`,
            },
            fixes: [{ title: { ja: `「${kanji}」にする`, en: `Replace with ${kanji}` }, edits: [{ span, newText: kanji }], isPreferred: true, safe: true }],
          });
        }
      }
    }
  },
});
