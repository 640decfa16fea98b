import { defineRule } from './types';
import type { Token } from '../nlp/tokenizer';
import type { Span } from '../types';
import { ContentCache } from '../text/contentCache';

/**
 * Open-ended words that blur the scope of a description, found by token so that 等級 is not 等:
 * 等 / など as a suffix or particle, その他, 関連する, 全般, 一切.
 */
export function findVagueWords(tokens: Token[]): { span: Span; word: string }[] {
  const found: { span: Span; word: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if ((t.surface === '等' && t.posDetail1 === '接尾') || (t.surface === 'など' && t.pos === '助詞')) {
      found.push({ span: { start: t.start, end: t.end }, word: t.surface });
    } else if (t.surface === 'その他') {
      found.push({ span: { start: t.start, end: t.end }, word: t.surface });
    } else if (t.surface === 'その' && next?.surface === '他') {
      found.push({ span: { start: t.start, end: next.end }, word: 'その他' });
      i++;
    } else if (t.surface === '関連' && next?.baseForm === 'する') {
      found.push({ span: { start: t.start, end: next.end }, word: `関連${next.surface}` });
      i++;
    } else if ((t.surface === '全般' || t.surface === '一切') && t.pos === '名詞') {
      found.push({ span: { start: t.start, end: t.end }, word: t.surface });
    } else if (t.surface === '一切' && t.pos === '副詞') {
      found.push({ span: { start: t.start, end: t.end }, word: t.surface });
    }
  }
  return found;
}

/** Every word findVagueWords finds is a token whose surface contains one of these. */
const MAY_BE_VAGUE = /等|など|その|関連|全般|一切/;
const VAGUE_BY_LINE = new ContentCache<readonly { span: Span; word: string }[]>();

export default defineRule({
  meta: {
    code: 'scope-vague',
    category: 'description',
    defaultSeverity: 'info',
    basis: '基準 II 1(4)ウ; 基準 II 3(3)',
    fixable: false,
    needsTokens: true,
    description: { ja: '対象情報の記述に範囲をぼかす語がある', en: 'the description uses an open-ended word that blurs its scope' },
  },
  check({ sheet, tokenizeText, report }) {
    const description = sheet.sectionContent('対象情報の記述');
    if (!description) return;
    for (const line of description.section.content) {
      // Per line, cached by the line's text (offsets in the line): a keystroke re-reads one line.
      const lineText = sheet.text.slice(line.span.start, line.span.end);
      // A line without any of the words' characters has none of them: not tokenized at all.
      const vague = MAY_BE_VAGUE.test(lineText) ? VAGUE_BY_LINE.get(lineText, () => findVagueWords(tokenizeText(lineText))) : [];
      for (const v of vague) {
        report({
          span: { start: line.span.start + v.span.start, end: line.span.start + v.span.end },
          message: {
            ja: `「${v.word}」は指定の範囲を曖昧にします。含まれるものを具体的に書くか「(○○を含む。)」「(○○を除く。)」で範囲を明確にしてください(運用基準 II 1(4)ウ、II 3(3))`,
            en: `"${v.word}" blurs the scope of the designation; name what is included, or scope it with (○○を含む。) / (○○を除く。) (運用基準 II 1(4)ウ, II 3(3))`,
          },
        });
      }
    }
  },
});
