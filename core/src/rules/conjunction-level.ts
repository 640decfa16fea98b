import { defineRule } from './types';
import type { SheetModel } from '../analysis/sheet';
import type { Span } from '../types';
import { conjunctionsOf } from './support/conjunctions';

// 及び / 又は count in kana too (they are there, only misspelt: conjunction-kana's); 並びに /
// 若しくは are reported as written in kanji, so a kana one is reported once, by
// conjunction-kana, and here after its fix.

interface Found {
  span: Span;
  word: string;
}

/**
 * Calls `onSentence` with the 並びに / 若しくは of each sentence (up to 。, across the lines of a
 * section) and whether the sentence has 及び / 又は. One pass over each content line.
 */
export function scanSentences(sheet: SheetModel, onSentence: (narabini: Found[], moshikuwa: Found[], hasOyobi: boolean, hasMataha: boolean) => void): void {
  for (const section of sheet.syntax.sections) {
    if (section.content.length === 0) continue; // a sheet of a million bare headings
    let narabini: Found[] = [];
    let moshikuwa: Found[] = [];
    let hasOyobi = false;
    let hasMataha = false;
    const flush = () => {
      // New lists only after a sentence that filled them (a 2 MB description has 30,000 sentences,
      // almost all without 並びに or 若しくは): the callback may keep the ones it was given.
      if (narabini.length || moshikuwa.length) {
        onSentence(narabini, moshikuwa, hasOyobi, hasMataha);
        narabini = [];
        moshikuwa = [];
      }
      hasOyobi = false;
      hasMataha = false;
    };
    for (const line of section.content) {
      for (const { at, word: w } of conjunctionsOf(sheet.lineFacts(line))) {
        if (w === '。') flush();
        else if (w === '並びに') narabini.push({ span: { start: line.span.start + at, end: line.span.start + at + w.length }, word: w });
        else if (w === '若しくは') moshikuwa.push({ span: { start: line.span.start + at, end: line.span.start + at + w.length }, word: w });
        else if (w === 'ならびに' || w === 'もしくは') continue;
        else if (w === '及び' || w === 'および') hasOyobi = true;
        else hasMataha = true;
      }
    }
    flush();
  }
}

export default defineRule({
  meta: {
    code: 'conjunction-level',
    category: 'oversight',
    defaultSeverity: 'info',
    basis: '法令用語(並びに・若しくは); 公用文作成の考え方',
    fixable: true,
    needsTokens: false,
    description: { ja: '「及び」のない文の「並びに」、「又は」のない文の「若しくは」', en: '並びに without 及び, or 若しくは without 又は, in one sentence' },
  },
  check({ sheet, report }) {
    scanSentences(sheet, (narabini, moshikuwa, hasOyobi, hasMataha) => {
      if (!hasOyobi) {
        for (const f of narabini) {
          report({
            span: f.span,
            message: {
              ja: `この文には「及び」がないのに「${f.word}」が使われています。「並びに」は「及び」で結んだものをさらに大きく結ぶときに使います。一段階の結合なら「及び」です`,
              en: `"${f.word}" is used in a sentence without 及び; 並びに joins at the level above 及び, so a single-level join is 及び`,
            },
            fixes: [{ title: { ja: '「及び」にする', en: 'Replace with 及び' }, edits: [{ span: f.span, newText: '及び' }], isPreferred: true }],
          });
        }
      }
      if (!hasMataha) {
        for (const f of moshikuwa) {
          report({
            span: f.span,
            message: {
              ja: `この文には「又は」がないのに「${f.word}」が使われています。「若しくは」は「又は」で結ぶものの内側の小さな選択に使います。一段階の選択なら「又は」です`,
              en: `"${f.word}" is used in a sentence without 又は; 若しくは joins at the level below 又は, so a single-level choice is 又は`,
            },
            fixes: [{ title: { ja: '「又は」にする', en: 'Replace with 又は' }, edits: [{ span: f.span, newText: '又は' }], isPreferred: true }],
          });
        }
      }
    });
  },
});
