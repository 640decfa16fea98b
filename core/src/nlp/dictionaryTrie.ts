/**
 * A faster, result-identical `commonPrefixSearch` for kuromoji's double-array trie
 * (doublearray 0.0.2, which kuromoji 0.1.2 depends on).
 *
 * kuromoji's lattice builder calls `trie.commonPrefixSearch(tail)` at every position of a
 * sentence with the whole rest of the sentence. The stock method first converts that whole tail
 * to UTF-8 in a fresh buffer, then walks it byte by byte until the trie has no child, and for
 * every match copies the prefix bytes and decodes them back into a string: O(length²) work per
 * sentence. This version encodes one character at a time and stops where the walk stops, and
 * takes each match's key as `key.slice(0, n)` (what decoding the prefix bytes gives back when the
 * match ends on a character boundary). Tokenizing the 94 KB reference text takes ≈ 3× less time.
 *
 * Anything unusual is handed to the original method, so results (and errors) stay exactly
 * kuromoji's: a key holding a surrogate (our tokenizer never passes one), or a match ending inside
 * a multi-byte character (impossible for IPADIC's words, which are whole characters). Installed
 * on the trie instance only (not the prototype), by the prepared loader only.
 * test/src/nlp/dictionary.test.ts compares both methods on the same trie.
 */
import * as path from 'node:path';

export interface DoubleArrayLike {
  bc: { getBaseBuffer(): ArrayLike<number>; getCheckBuffer(): ArrayLike<number> };
  commonPrefixSearch(key: string): { k: string; v?: number }[];
}

/** doublearray's traverse(): a child, or -1 (its NOT_FOUND). */
const NOT_FOUND = -1;
const TERM_CODE = 0;

/** The doublearray version this was checked against. */
export const PINNED_DOUBLEARRAY_VERSION = '0.0.2';

function installedDoubleArrayVersion(): string | undefined {
  try {
    // Resolved from kuromoji's own location: that is the copy its trie comes from.
    const fromKuromoji = require.resolve('doublearray/package.json', { paths: [path.dirname(require.resolve('kuromoji/package.json'))] });
    return (require(fromKuromoji) as { version?: string }).version;
  } catch {
    try {
      return (require('doublearray/package.json') as { version?: string }).version;
    } catch {
      return undefined;
    }
  }
}

/** The stock method, kept for the cases handed back to it and for tests. */
export function originalPrefixSearch(trie: DoubleArrayLike): (key: string) => { k: string; v?: number }[] {
  const own = Object.prototype.hasOwnProperty.call(trie, 'commonPrefixSearch');
  const method = own ? (Object.getPrototypeOf(trie) as DoubleArrayLike).commonPrefixSearch : trie.commonPrefixSearch;
  return (key) => method.call(trie, key);
}

/**
 * Replaces `trie.commonPrefixSearch` with the fast version on this instance. Returns false (and
 * changes nothing) when the trie does not look like doublearray 0.0.2's.
 */
export function installFastPrefixSearch(trie: DoubleArrayLike): boolean {
  if (installedDoubleArrayVersion() !== PINNED_DOUBLEARRAY_VERSION) return false;
  if (typeof trie?.bc?.getBaseBuffer !== 'function' || typeof trie.bc.getCheckBuffer !== 'function') return false;
  const base = trie.bc.getBaseBuffer();
  const check = trie.bc.getCheckBuffer();
  if (!(base instanceof Int32Array) || !(check instanceof Int32Array)) return false;
  const original = originalPrefixSearch(trie);
  trie.commonPrefixSearch = makeFastPrefixSearch(base, check, original);
  return true;
}

export function makeFastPrefixSearch(
  base: Int32Array,
  check: Int32Array,
  original: (key: string) => { k: string; v?: number }[],
): (key: string) => { k: string; v?: number }[] {
  const baseLength = base.length;
  const checkLength = check.length;
  // doublearray's getBase/getCheck, including what they answer past the end of the arrays.
  const getBase = (i: number): number => (baseLength - 1 < i ? -i + 1 : base[i]);
  const getCheck = (i: number): number => (checkLength - 1 < i ? -i - 1 : check[i]);
  const traverse = (parent: number, code: number): number => {
    const child = getBase(parent) + code;
    return getCheck(child) === parent ? child : NOT_FOUND;
  };

  return function commonPrefixSearch(key: string): { k: string; v?: number }[] {
    const result: { k: string; v?: number }[] = [];
    let parent = 0; // ROOT_ID
    const bytes = [0, 0, 0];
    for (let ci = 0; ci < key.length; ci++) {
      const c = key.charCodeAt(ci);
      let n: number;
      if (c < 0x80) {
        bytes[0] = c;
        n = 1;
      } else if (c < 0x800) {
        bytes[0] = (c >>> 6) | 0xc0;
        bytes[1] = (c & 0x3f) | 0x80;
        n = 2;
      } else if (c >= 0xd800 && c <= 0xdfff) {
        return original(key); // surrogates: exactly the stock behaviour (and its errors)
      } else {
        bytes[0] = (c >>> 12) | 0xe0;
        bytes[1] = ((c >> 6) & 0x3f) | 0x80;
        bytes[2] = (c & 0x3f) | 0x80;
        n = 3;
      }
      for (let b = 0; b < n; b++) {
        const child = traverse(parent, bytes[b]);
        if (child === NOT_FOUND) return result;
        parent = child;
        const grandChild = traverse(child, TERM_CODE);
        if (grandChild !== NOT_FOUND) {
          if (b !== n - 1) return original(key); // a match inside a character: let the stock code decode it
          const value = getBase(grandChild);
          const r: { k: string; v?: number } = {} as { k: string; v?: number };
          if (value <= 0) r.v = -value - 1;
          r.k = key.slice(0, ci + 1);
          result.push(r);
        }
      }
    }
    return result;
  };
}
