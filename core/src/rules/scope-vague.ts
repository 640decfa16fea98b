import { defineRule } from './types';
import type { Token } from '../nlp/tokenizer';
import type { Span } from '../types';
import { LineFact } from '../analysis/lineFacts';

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

/**
 * Every word findVagueWords finds is a token whose text contains one of these: その他 is one token
 * or その + 他, and 関連 counts only before a form of する (し, す, さ, せ …).
 */
const MAY_BE_VAGUE = /等|など|その他|関連[しすさせ]|全般|一切/;
const VAGUE = new LineFact<readonly { span: Span; word: string }[]>('scope-vague');
const CLAUSE_END = /[、。]/g;

/**
 * The vague words of one line (offsets in the line). kuromoji tokenizes each clause — up to and
 * including a 、 or 。 — on its own, so tokenizing only the clauses that may hold such a word
 * gives the tokens the whole line would have, at a fraction of the cost (most clauses hold none).
 */
function vagueWordsOf(line: string, tokenize: (text: string) => Token[]): { span: Span; word: string }[] {
  if (!MAY_BE_VAGUE.test(line)) return [];
  const found: { span: Span; word: string }[] = [];
  const clause = (start: number, end: number) => {
    const text = line.slice(start, end);
    if (!MAY_BE_VAGUE.test(text)) return;
    for (const v of findVagueWords(tokenize(text))) found.push({ span: { start: v.span.start + start, end: v.span.end + start }, word: v.word });
  };
  let start = 0;
  for (const m of line.matchAll(CLAUSE_END)) {
    clause(start, m.index! + 1);
    start = m.index! + 1;
  }
  if (start < line.length) clause(start, line.length);
  return found;
}

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
    const wordsOf = (text: string) => vagueWordsOf(text, tokenizeText);
    for (const line of description.section.content) {
      // Kept with the line's facts (offsets in the line): a keystroke re-reads the line it changed.
      for (const v of sheet.lineFacts(line).get(VAGUE, wordsOf)) {
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
