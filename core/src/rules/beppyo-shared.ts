/** Matching a description against 別表 text, shared by the 別表 rules. */
import { allReferenceTargets, type ReferenceTarget } from '../domain/beppyo/reference';
import { contentWordSet, sharedWords } from '../nlp/words';
import type { RuleContext } from './types';

/**
 * What word matching needs from its caller: the rules pass their RuleContext, the language
 * service (completion) the same two members, so both rank 別表 items the same way.
 */
export type WordSource = Pick<RuleContext, 'hasTokens' | 'tokenizeText'>;

/** Content words of a text: by tokens when the dictionary is loaded, else kanji/katakana bigrams. */
export function wordsOf(context: WordSource, text: string): Set<string> {
  if (context.hasTokens) return contentWordSet(context.tokenizeText(text));
  const grams = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff\u30a0-\u30ff]{2,}/g) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) grams.add(run.slice(i, i + 2));
  }
  return grams;
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
