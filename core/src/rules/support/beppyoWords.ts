/** Matching a description against 別表 text, shared by the 別表 rules. */
import { allReferenceTargets, type ReferenceTarget } from '../../domain/beppyo/reference';
import { contentWords, sharedWords } from '../../nlp/words';
import { linePieces } from '../../nlp/tokenCache';
import { ContentCache, forEachLine } from '../../text/contentCache';
import type { RuleContext } from '../types';
import type { SectionNode } from '../../syntax/ast';
import { LineFact } from '../../analysis/lineFacts';

const WORDS_BY_LINE = new ContentCache<readonly string[]>();

/**
 * What word matching needs from its caller: the rules pass their RuleContext, the language
 * service (completion) the same two members, so both rank 別表 items the same way.
 */
export type WordSource = Pick<RuleContext, 'hasTokens' | 'tokenizeText'>;

/** Content words of a text: by tokens when the dictionary is loaded, else kanji/katakana bigrams. */
export function wordsOf(context: WordSource, text: string): Set<string> {
  if (context.hasTokens) {
    // Line by line, each line's words cached by its text: the same set as tokenizing the whole
    // text (tokens never cross a line), but an edit re-reads only the lines it changed.
    const words = new Set<string>();
    forEachLine(text, (start, end) => {
      if (start === end) return;
      for (const w of WORDS_BY_LINE.get(text.slice(start, end), (line) => contentWords(context.tokenizeText(line)))) words.add(w);
    });
    return words;
  }
  const grams = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff\u30a0-\u30ff]{2,}/g) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) grams.add(run.slice(i, i + 2));
  }
  return grams;
}

/** A line longer than this is read clause by clause (kuromoji's own cut: after 、 and 。). */
const LONG_LINE = 4096;
const WORDS_BY_CLAUSE = new ContentCache<readonly string[]>();
const CLAUSE_END = /[、。]/g;

/**
 * The content words of each stretch of a section's content, in order, each stretch's words
 * cached: a line with its facts, a long line clause by clause (kuromoji's own cut, after 、 and
 * 。, so the tokens are the same) in a cache of clauses. `visit` returns true to stop. Comment
 * lines are not content and are not read.
 */
function visitWords(context: RuleContext, section: SectionNode, visit: (words: readonly string[]) => boolean): void {
  const { sheet } = context;
  const wordsOfText = (text: string) => contentWords(context.tokenizeText(text));
  for (const line of section.content) {
    if (line.span.end - line.span.start <= LONG_LINE) {
      if (visit(sheet.lineFacts(line).get(LINE_WORDS, wordsOfText))) return;
      continue;
    }
    const text = sheet.text.slice(line.span.start, line.span.end);
    // A clause longer still is tokenized in the pieces TokenCache cuts it into: the same pieces here.
    const clause = (start: number, end: number) => {
      if (end - start <= LONG_LINE) return visit(WORDS_BY_CLAUSE.get(text.slice(start, end), wordsOfText));
      return linePieces(text, start, end).some((p) => visit(WORDS_BY_CLAUSE.get(text.slice(p.start, p.end), wordsOfText)));
    };
    let start = 0;
    for (const m of text.matchAll(CLAUSE_END)) {
      if (clause(start, m.index! + 1)) return;
      start = m.index! + 1;
    }
    if (start < text.length && clause(start, text.length)) return;
  }
}

/** The text of a section's content lines (comments left out), one line after another. */
function contentText(context: RuleContext, section: SectionNode): string {
  return section.content.map((c) => context.sheet.text.slice(c.span.start, c.span.end)).join('\n');
}

/**
 * Whether a section's content shares a content word with `words` (`sharedWords(sectionWords,
 * words).length > 0`), stopping at the first shared word, so a long description is not turned
 * into one set on every keystroke.
 */
export function sharesWord(context: RuleContext, section: SectionNode, words: ReadonlySet<string>): boolean {
  if (!context.hasTokens) return sharedWords(wordsOf(context, contentText(context, section)), words).length > 0;
  let shared = false;
  visitWords(context, section, (ws) => (shared = ws.some((w) => words.has(w))));
  return shared;
}

/** The content words of a section's content (each line's or clause's words cached). */
export function sectionWords(context: RuleContext, section: SectionNode): Set<string> {
  if (!context.hasTokens) return wordsOf(context, contentText(context, section));
  const all = new Set<string>();
  visitWords(context, section, (ws) => {
    for (const w of ws) all.add(w);
    return false;
  });
  return all;
}

const LINE_WORDS = new LineFact<readonly string[]>('content-words');

/** The references whose text shares the most content words with a description's `words`, best first. */
export function rankTargets(context: WordSource, words: ReadonlySet<string>, limit: number): { target: ReferenceTarget; shared: string[] }[] {
  return allReferenceTargets()
    .map((target) => ({ target, shared: sharedWords(words, wordsOf(context, target.text)) }))
    .filter((r) => r.shared.length > 0)
    .sort((a, b) => b.shared.length - a.shared.length)
    .slice(0, limit);
}
