/** Matching a description against 別表 text, shared by the 別表 rules. */
import { allReferenceTargets, type ReferenceTarget } from '../../domain/beppyo/reference';
import { contentWords, sharedWords } from '../../nlp/words';
import { ContentCache, forEachLine, someLine } from '../../text/contentCache';
import type { RuleContext } from '../types';

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

/**
 * Whether `text` shares a content word with `words`: `sharedWords(wordsOf(text), words).length
 * > 0`, but line by line with each line's words cached, stopping at the first shared word, so a
 * long description is not turned into one set on every keystroke.
 */
export function sharesWord(context: RuleContext, text: string, words: ReadonlySet<string>): boolean {
  if (!context.hasTokens) return sharedWords(wordsOf(context, text), words).length > 0;
  return someLine(text, (start, end) => {
    if (start === end) return false;
    return WORDS_BY_LINE.get(text.slice(start, end), (line) => contentWords(context.tokenizeText(line))).some((w) => words.has(w));
  });
}

/** The references whose text shares the most content words with `description`, best first. */
export function rankTargets(context: WordSource, description: string, limit: number): { target: ReferenceTarget; shared: string[] }[] {
  const words = wordsOf(context, description);
  return allReferenceTargets()
    .map((target) => ({ target, shared: sharedWords(words, wordsOf(context, target.text)) }))
    .filter((r) => r.shared.length > 0)
    .sort((a, b) => b.shared.length - a.shared.length)
    .slice(0, limit);
}
