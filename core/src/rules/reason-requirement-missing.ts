import { defineRule } from './types';
import type { Token } from '../nlp/tokenizer';
import type { Localized } from '../types';
import type { SheetModel } from '../analysis/sheet';

interface Requirement {
  name: Localized;
  /** `tokens` are tokenized as they are read: a requirement met early reads only the first lines. */
  met(text: string, tokens: ReasonTokens): boolean;
  template(sheet: SheetModel): string;
}

const NEGATION = new Set(['ない', 'ぬ', 'ず', 'ん']);
/** How negations are usually written (ない, なく, なかっ, なけれ, ず, ぬ, ません): a hint for reading order only. */
const LIKELY_NEGATION = /ない|なく|なかっ|なけれ|ず|ぬ|ません/;

/**
 * The tokens of the reason's lines, each line tokenized only when a requirement reads it
 * (offsets in each line: the requirements read surfaces and forms, never positions). A token a
 * requirement looks for has a surface that contains a known word (該当, 公, 秘匿, 必要), so a
 * line without that word is never tokenized for it; a negation window that runs past a line's
 * end reads the next lines' tokens, as the sequence of all tokens would. A 2 MB reason is
 * tokenized only where those words occur, not in full.
 */
export class ReasonTokens {
  private readonly memo = new Map<number, readonly Token[]>();

  constructor(private readonly lines: readonly string[], private readonly tokenize: (line: string) => readonly Token[]) {}

  private line(i: number): readonly Token[] {
    let tokens = this.memo.get(i);
    if (!tokens) {
      tokens = this.tokenize(this.lines[i]);
      this.memo.set(i, tokens);
    }
    return tokens;
  }

  /** Whether a token passes `test`; only a line matching `mayContain` can hold one. */
  some(mayContain: RegExp, test: (t: Token) => boolean): boolean {
    for (let i = 0; i < this.lines.length; i++) {
      if (mayContain.test(this.lines[i]) && this.line(i).some(test)) return true;
    }
    return false;
  }

  /** Up to `count` tokens after token `k` of line `i`, continuing into the next lines. */
  private *after(i: number, k: number, count: number): Generator<Token> {
    let n = 0;
    let index = k + 1;
    for (let li = i; li < this.lines.length && n < count; li++, index = 0) {
      const tokens = this.line(li);
      for (; index < tokens.length && n < count; index++, n++) yield tokens[index];
    }
  }

  /**
   * Whether a head token (only in lines matching `mayContain`) is followed within `window`
   * tokens by a negation, before a 。.
   */
  negatedAfter(mayContain: RegExp, heads: (t: Token, next: () => Token | undefined) => boolean, window = 7): boolean {
    // The answer does not depend on the order lines are read in, so lines that also hold a
    // negation's kana are read first: in a long reason the sentence that meets the requirement
    // is usually found without tokenizing every line that merely mentions the head word.
    const candidates: number[] = [];
    for (let i = 0; i < this.lines.length; i++) if (mayContain.test(this.lines[i])) candidates.push(i);
    const likely = candidates.filter((i) => LIKELY_NEGATION.test(this.lines[i]));
    const rest = candidates.filter((i) => !LIKELY_NEGATION.test(this.lines[i]));
    for (const i of [...likely, ...rest]) {
      const tokens = this.line(i);
      for (let k = 0; k < tokens.length; k++) {
        if (!heads(tokens[k], () => this.after(i, k, 1).next().value ?? undefined)) continue;
        for (const t of this.after(i, k, window)) {
          if (t.pos === '助動詞' && NEGATION.has(t.baseForm)) return true;
          if (t.pos === '形容詞' && t.baseForm === 'ない') return true;
          if (t.surface === '。') break;
        }
      }
    }
    return false;
  }
}

const REQUIREMENTS: Requirement[] = [
  {
    name: { ja: '別表該当性', en: 'falling under the 別表 (別表該当性)' },
    met: (text, tokens) => /別表/.test(text) || tokens.some(/該当/, (t) => t.baseForm === '該当' || t.surface.startsWith('該当')),
    template: (sheet) => `本情報は、${sheet.field('別表')?.value ?? '別表第○号○'}に掲げる事項に関する情報に該当する(別表該当性)。`,
  },
  {
    name: { ja: '非公知性', en: 'not being public (非公知性)' },
    met: (text, tokens) =>
      /非公知|公知で(は)?ない|公知の事実ではない/.test(text) ||
      // 公になっていない / 公にされておらず / 公表されていない / 公開していない …
      tokens.negatedAfter(/公表|公開/, (t) => t.baseForm === '公表' || t.baseForm === '公開') ||
      // 公 then に: the line holds 公に, or ends in 公 with に starting the next line.
      tokens.negatedAfter(/公に|公$/, (t, next) => t.surface === '公' && next()?.surface === 'に'),
    template: () => '本情報は公になっていない(非公知性)。',
  },
  {
    name: { ja: '特段の秘匿の必要性', en: 'the special need for secrecy (特段の秘匿の必要性)' },
    met: (text, tokens) =>
      (/漏えい|漏洩|漏らさ|漏れ/.test(text) && /支障|おそれ|恐れ|虞/.test(text)) ||
      (tokens.some(/秘匿/, (t) => t.baseForm === '秘匿') && tokens.some(/必要/, (t) => t.baseForm === '必要')),
    template: () => '本情報が漏えいした場合、我が国の安全保障に著しい支障を与えるおそれがあるため、特に秘匿する必要がある(特段の秘匿の必要性)。',
  },
];

export default defineRule({
  meta: {
    code: 'reason-requirement-missing',
    category: 'reason',
    defaultSeverity: 'warning',
    basis: '法第3条第1項; 基準 II 1; 基準 II 3(2)',
    fixable: true,
    needsTokens: true,
    description: { ja: '指定の理由が指定の三要件のいずれかに触れていない', en: 'the reason does not address one of the three requirements' },
  },
  check({ sheet, tokenizeText, report }) {
    const reason = sheet.sectionContent('指定の理由');
    if (!reason) return;
    const lines = reason.section.content.map((c) => sheet.text.slice(c.span.start, c.span.end));
    const stream = new ReasonTokens(lines, tokenizeText);
    const missing = REQUIREMENTS.filter((r) => !r.met(reason.text, stream));
    if (missing.length === 0) return;
    const at = reason.span.end;
    const addition = missing.map((r) => r.template(sheet)).join('');
    report({
      span: reason.section.content[0].span,
      message: {
        ja: `指定の理由に${missing.map((m) => m.name.ja).join('・')}の判断理由がありません(指定の理由には要件を満たすと判断する理由を明記します。運用基準 II 3(2))`,
        en: `the reason does not address ${missing.map((m) => m.name.en).join(', ')} (the reason must state why each requirement is met; 運用基準 II 3(2))`,
      },
      fixes: [{
        title: { ja: `${missing.map((m) => m.name.ja).join('・')}の文例を追記する`, en: `Append a template sentence for ${missing.map((m) => m.name.en).join(', ')}` },
        edits: [{ span: { start: at, end: at }, newText: sheet.eol + addition }],
      }],
    });
  },
});
