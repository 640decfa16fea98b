import { defineRule } from './types';
import type { Token } from '../nlp/tokenizer';
import type { Localized } from '../types';
import type { SheetModel } from '../analysis/sheet';

interface Requirement {
  name: Localized;
  /** `tokens` are tokenized as they are read: a requirement met early reads only the first lines. */
  met(text: string, tokens: TokenStream): boolean;
  template(sheet: SheetModel): string;
}

const NEGATION = new Set(['ない', 'ぬ', 'ず', 'ん']);

/**
 * The tokens of the reason's lines in order, tokenized a line at a time as they are read
 * (offsets in each line: the requirements read surfaces and forms, never positions). A
 * requirement found in the first lines of a 2 MB reason never tokenizes the rest.
 */
export class TokenStream {
  private readonly read: Token[] = [];
  private next = 0;

  constructor(private readonly lines: readonly string[], private readonly tokenize: (line: string) => readonly Token[]) {}

  /** Token `i`, or undefined past the end. */
  at(i: number): Token | undefined {
    while (i >= this.read.length && this.next < this.lines.length) {
      for (const t of this.tokenize(this.lines[this.next++])) this.read.push(t);
    }
    return this.read[i];
  }

  some(test: (t: Token) => boolean): boolean {
    for (let i = 0, t = this.at(0); t; t = this.at(++i)) if (test(t)) return true;
    return false;
  }
}

/** Whether a token whose base form is in `heads` is followed, within a few tokens, by a negation. */
function negatedAfter(tokens: TokenStream, heads: (t: Token, i: number) => boolean, window = 7): boolean {
  for (let i = 0, h = tokens.at(0); h; h = tokens.at(++i)) {
    if (!heads(h, i)) continue;
    for (let j = i + 1; j < i + 1 + window; j++) {
      const t = tokens.at(j);
      if (!t) break;
      if (t.pos === '助動詞' && NEGATION.has(t.baseForm)) return true;
      if (t.pos === '形容詞' && t.baseForm === 'ない') return true;
      if (t.surface === '。') break;
    }
  }
  return false;
}

const REQUIREMENTS: Requirement[] = [
  {
    name: { ja: '別表該当性', en: 'falling under the 別表 (別表該当性)' },
    met: (text, tokens) => /別表/.test(text) || tokens.some((t) => t.baseForm === '該当' || t.surface.startsWith('該当')),
    template: (sheet) => `本情報は、${sheet.field('別表')?.value ?? '別表第○号○'}に掲げる事項に関する情報に該当する(別表該当性)。`,
  },
  {
    name: { ja: '非公知性', en: 'not being public (非公知性)' },
    met: (text, tokens) =>
      /非公知|公知で(は)?ない|公知の事実ではない/.test(text) ||
      // 公になっていない / 公にされておらず / 公表されていない / 公開していない …
      negatedAfter(tokens, (t, i) => t.surface === '公' && tokens.at(i + 1)?.surface === 'に') ||
      negatedAfter(tokens, (t) => t.baseForm === '公表' || t.baseForm === '公開'),
    template: () => '本情報は公になっていない(非公知性)。',
  },
  {
    name: { ja: '特段の秘匿の必要性', en: 'the special need for secrecy (特段の秘匿の必要性)' },
    met: (text, tokens) =>
      (/漏えい|漏洩|漏らさ|漏れ/.test(text) && /支障|おそれ|恐れ|虞/.test(text)) ||
      (tokens.some((t) => t.baseForm === '秘匿') && tokens.some((t) => t.baseForm === '必要')),
    template: () => '本情報が漏えいした場合、我が国の安全保障に著しい支障を与えるおそれがあるため、特に秘匿する必要がある(特段の秘匿の必要性)。',
  },
];

export default defineRule({
  meta: {
    code: 'reason-requirement-missing',
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
    const stream = new TokenStream(lines, tokenizeText);
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
