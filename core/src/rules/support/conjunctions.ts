/**
 * The conjunctions of 法令用語 (及び・並びに・又は・若しくは, in kanji or kana) and the sentence
 * ends of a line, found once and kept with the line's facts: conjunction-level reads them all,
 * conjunction-kana the kana ones. A line of 600,000 kana conjunctions is scanned once per edit,
 * not once per rule.
 */
import { LineFact, type LineFacts } from '../../analysis/lineFacts';

export interface Conjunction {
  /** Offset in the line. */
  at: number;
  word: string;
}

const WORDS = /並びに|ならびに|及び|および|若しくは|もしくは|又は|または|。/g;

function findConjunctions(text: string): readonly Conjunction[] {
  // An exec loop, not [...matchAll()].map(): no array of match objects kept to be mapped.
  const re = new RegExp(WORDS.source, 'g');
  const found: Conjunction[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) found.push({ at: m.index, word: m[0] });
  return found;
}

const KANA_WORDS = new Set(['および', 'ならびに', 'または', 'もしくは']);
const CONJUNCTIONS = new LineFact<readonly Conjunction[]>('conjunctions');
const KANA_CONJUNCTIONS = new LineFact<readonly Conjunction[]>('conjunctions-kana');

/** The line's conjunctions and sentence ends (。), in order. */
export function conjunctionsOf(facts: LineFacts): readonly Conjunction[] {
  return facts.get(CONJUNCTIONS, findConjunctions);
}

const kanaOf = (_text: string, facts: LineFacts) => conjunctionsOf(facts).filter((c) => KANA_WORDS.has(c.word));

/** The line's conjunctions written in kana (および, ならびに, または, もしくは), in order. */
export function kanaConjunctionsOf(facts: LineFacts): readonly Conjunction[] {
  return facts.get(KANA_CONJUNCTIONS, kanaOf);
}
