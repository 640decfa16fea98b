/**
 * Content words: what a description and a 別表 item must share to be about the same thing.
 * Function words, numbers, light verbs and the boilerplate of legal Japanese (当該, その他,
 * 及び, に関する…) are dropped, because every 指定書 and every 別表 item contains them.
 */
import { foldWidth } from '../text/normalize';
import type { Token } from './tokenizer';

/** Noun sub-categories that carry meaning; 数, 接尾, 非自立, 代名詞, 副詞可能 … do not. */
const CONTENT_NOUN_DETAILS = new Set(['一般', 'サ変接続', '固有名詞', '形容動詞語幹']);

/** Verbs that mostly carry grammar, not topic (base forms). */
const LIGHT_VERBS = new Set([
  'する', 'なる', 'ある', 'いる', 'できる', 'れる', 'られる', 'せる', 'させる', 'おる', 'くる',
  'いく', 'みる', 'しまう', 'おく', 'いう', '行う', '係る', '関する', '基づく', '定める',
  '掲げる', '図る', '努める', '含む', '除く', '当たる', 'よる', '因る', '伴う',
]);

/**
 * Generic words of legal text (base forms), compared after width folding. 情報 and 秘密 are
 * here because every 特定秘密 is 秘密 情報: sharing them says nothing.
 */
const STOP_WORDS = new Set([
  'こと', 'もの', 'ため', 'これ', 'それ', 'これら', 'それら', 'ところ', 'とき', 'よう', 'ほか',
  '当該', '場合', '以下', '以上', '以外', '等', 'その他', '関する', '関し', '我が国', 'わが国',
  '及び', '又は', '若しくは', '並びに', '事項', '旨', '際', '他', '各', '同', '次', '前', '後',
  '前記', '上記', '下記', '当', '本', '関係', '情報', '秘密', '特定秘密', '規定', '該当', '号', '条', '項',
]);

/** At least one letter: rejects unknown-word tokens like `(` or `)：` that IPADIC tags as nouns. */
const HAS_LETTER = /\p{L}/u;
/** A lone kana is an item marker (イ, ロ, ハ) or noise, not a topic. */
const LONE_KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]$/u;

/** 名詞,接尾: 等 in 潜水艦等, 的 in 継続的, 年 in ８年. */
export function isSuffixToken(t: Token): boolean {
  return t.pos === '名詞' && t.posDetail1 === '接尾';
}

function contentWord(t: Token): string | undefined {
  let isContent = false;
  if (t.pos === '名詞') isContent = CONTENT_NOUN_DETAILS.has(t.posDetail1);
  else if (t.pos === '動詞') isContent = t.posDetail1 === '自立' && !LIGHT_VERBS.has(t.baseForm);
  if (!isContent) return undefined;
  const word = foldWidth(t.baseForm);
  if (!HAS_LETTER.test(word) || LONE_KANA.test(word) || STOP_WORDS.has(word)) return undefined;
  return word;
}

/** Base forms of the content-bearing tokens, in order, duplicates kept. */
export function contentWords(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const w = contentWord(t);
    if (w !== undefined) out.push(w);
  }
  return out;
}

export function contentWordSet(tokens: readonly Token[]): Set<string> {
  return new Set(contentWords(tokens));
}

/** Words in both sets, in the iteration order of `a`. */
export function sharedWords(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const w of a) if (b.has(w)) out.push(w);
  return out;
}
