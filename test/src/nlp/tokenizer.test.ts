import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  getLoadedTokenizer,
  isTokenizerLoading,
  defaultDictionaryPath,
  loadTokenizer,
  type Token,
  type Tokenizer,
} from '../../../core/out/nlp/tokenizer';
import { MAX_TOKENIZED_LINE, TokenCache } from '../../../core/out/nlp/tokenCache';

function brief(tokens: Token[]): string[] {
  return tokens.map((t) => `${t.surface}/${t.pos},${t.posDetail1}`);
}

function assertContiguous(text: string, tokens: Token[]): void {
  assert.equal(tokens.map((t) => t.surface).join(''), text);
  let offset = 0;
  for (const t of tokens) {
    assert.equal(t.start, offset);
    assert.equal(t.end, t.start + t.surface.length);
    assert.equal(text.slice(t.start, t.end), t.surface);
    offset = t.end;
  }
}

// Runs first: once the real dictionary is loaded, other paths are refused anyway.
test('a wrong dicPath rejects with an error naming the path, and can be retried', async () => {
  const bad = path.join(__dirname, 'no-such-dictionary');
  await assert.rejects(loadTokenizer({ dicPath: bad }), (err: Error) => {
    assert.ok(err.message.includes(bad), err.message);
    return true;
  });
  assert.equal(getLoadedTokenizer(), undefined);
  assert.equal(isTokenizerLoading(), false);
});

test('default dictionary: the installed package, not the working directory; env override', () => {
  const saved = process.env.SHITEI_KUROMOJI_DICT;
  try {
    delete process.env.SHITEI_KUROMOJI_DICT;
    const def = defaultDictionaryPath();
    assert.ok(path.isAbsolute(def));
    assert.equal(path.basename(def), 'dict');
    assert.equal(path.basename(path.dirname(def)), 'kuromoji');
    process.env.SHITEI_KUROMOJI_DICT = 'some/dict';
    assert.equal(defaultDictionaryPath(), path.resolve('some/dict'));
  } finally {
    if (saved === undefined) delete process.env.SHITEI_KUROMOJI_DICT;
    else process.env.SHITEI_KUROMOJI_DICT = saved;
  }
});

test('loads once: the same promise for every call, sync access after load', async () => {
  assert.equal(getLoadedTokenizer(), undefined);
  const p1 = loadTokenizer();
  const p2 = loadTokenizer();
  assert.equal(p1, p2);
  assert.equal(isTokenizerLoading(), true);
  const tok = await p1;
  assert.equal(isTokenizerLoading(), false);
  assert.equal(getLoadedTokenizer(), tok);
  assert.equal(loadTokenizer(), p1);
  // A different dictionary after load is refused, naming both paths.
  const other = path.join(__dirname, 'other-dict');
  await assert.rejects(loadTokenizer({ dicPath: other }), (err: Error) => err.message.includes(other));
});

test('令和 is one token and full-width digit runs are one 名詞,数 token', async () => {
  const tok = await loadTokenizer();
  const text = '令和８年度';
  const tokens = tok.tokenize(text);
  assertContiguous(text, tokens);
  assert.deepEqual(brief(tokens), ['令和/名詞,固有名詞', '８/名詞,数', '年度/名詞,接尾']);
  assert.equal(tokens[0].baseForm, '令和');

  const date = '令和１０年１２月３１日';
  const dt = tok.tokenize(date);
  assertContiguous(date, dt);
  assert.deepEqual(
    dt.map((t) => t.surface),
    ['令和', '１０', '年', '１２月', '３１', '日'], // １２月 is glued by IPADIC and left alone
  );
  const num = dt[1];
  assert.equal(num.pos, '名詞');
  assert.equal(num.posDetail1, '数');
  assert.equal(num.baseForm, '１０');
});

test('令 and 和 in other words are not merged', async () => {
  const tok = await loadTokenizer();
  const tokens = tok.tokenize('命令和解');
  assert.ok(!tokens.some((t) => t.surface === '令和'));
});

test('等 after a noun is a suffix; 等級 is one token', async () => {
  const tok = await loadTokenizer();
  assert.deepEqual(brief(tok.tokenize('潜水艦等')), ['潜水艦/名詞,一般', '等/名詞,接尾']);
  assert.deepEqual(tok.tokenize('等級').map((t) => t.surface), ['等級']);
});

test('base forms: 公になっておらず', async () => {
  const tok = await loadTokenizer();
  const tokens = tok.tokenize('公になっておらず');
  // IPADIC gives ぬ as the base form of the auxiliary ず.
  assert.deepEqual(tokens.map((t) => t.baseForm), ['公', 'に', 'なる', 'て', 'おる', 'ぬ']);
  assert.deepEqual(tokens.map((t) => t.surface), ['公', 'に', 'なっ', 'て', 'おら', 'ず']);
});

test('offsets are UTF-16 units after astral characters; unknown words get the surface as base form', async () => {
  const tok = await loadTokenizer();
  const text = '𠮷野家で😀令和２年';
  const tokens = tok.tokenize(text);
  assertContiguous(text, tokens);
  const reiwa = tokens.find((t) => t.surface === '令和');
  assert.ok(reiwa);
  assert.equal(reiwa.start, 7);
  for (const t of tokens) assert.notEqual(t.baseForm, '*');
  assert.deepEqual(tok.tokenize(''), []);
});

test('runs of astral characters and lone surrogates lose no text (kuromoji drops it)', async () => {
  const tok = await loadTokenizer();
  // Stock kuromoji returns only 😀😀 for the first string: the rest vanishes.
  for (const text of ['😀😀前文', '前文𠮷𠮷 後文の計画', '\ud800前文', 'a\udc00b', '👨\u200d👩令和２年']) {
    const tokens = tok.tokenize(text);
    assertContiguous(text, tokens);
  }
  const t = tok.tokenize('😀😀前文');
  assert.deepEqual(brief(t), ['😀😀/記号,一般', '前文/名詞,一般']);
});

/** Wraps the real tokenizer and records which texts reach it. */
function counting(inner: Tokenizer): { tokenizer: Tokenizer; seen: string[] } {
  const seen: string[] = [];
  return { seen, tokenizer: { tokenize: (text) => (seen.push(text), inner.tokenize(text)) } };
}

test('token cache: an edit re-tokenizes only the changed paragraph', async () => {
  const { tokenizer, seen } = counting(await loadTokenizer());
  const cache = new TokenCache(tokenizer);
  const doc1 = '【指定の理由】\r\n潜水艦等の運用に関する計画である。\n\n公になっておらず、\r令和８年度まで。\n';
  const t1 = cache.tokenizeSpan(doc1, { start: 0, end: doc1.length });
  assert.equal(cache.stats().misses, 4);
  assert.equal(cache.stats().hits, 0);
  for (const t of t1) assert.equal(doc1.slice(t.start, t.end), t.surface);
  assert.ok(!t1.some((t) => /[\r\n]/.test(t.surface)));

  // Insert text in the second paragraph: every later offset moves, only that line is new.
  const doc2 = doc1.replace('潜水艦等の', '𠮷野家の潜水艦等の');
  seen.length = 0;
  const t2 = cache.tokenizeSpan(doc2, { start: 0, end: doc2.length });
  assert.deepEqual(seen, ['𠮷野家の潜水艦等の運用に関する計画である。']);
  assert.deepEqual(cache.stats(), { hits: 3, misses: 5, size: 5 });
  for (const t of t2) assert.equal(doc2.slice(t.start, t.end), t.surface);
  const reiwa = t2.find((t) => t.surface === '令和');
  assert.ok(reiwa);
  assert.equal(reiwa.start, doc2.indexOf('令和'));
});

test('token cache: spans inside a line, astral characters, LRU eviction', async () => {
  const tok = await loadTokenizer();
  const cache = new TokenCache(tok, 2);
  const doc = '😀😀 前文\n𠮷野家で令和２年の計画\n末尾';
  const start = doc.indexOf('野家');
  const end = doc.indexOf('の計画');
  const tokens = cache.tokenizeSpan(doc, { start, end });
  assert.deepEqual(tokens.map((t) => t.surface), ['野家', 'で', '令和', '２', '年']);
  for (const t of tokens) assert.equal(doc.slice(t.start, t.end), t.surface);
  assert.equal(tokens[2].start, doc.indexOf('令和'));

  cache.tokenize('一');
  cache.tokenize('二');
  cache.tokenize('一'); // refreshes 一, so 二 is the oldest of the two kept
  cache.tokenize('三');
  assert.equal(cache.stats().size, 2);
  const before = cache.stats().misses;
  cache.tokenize('一');
  assert.equal(cache.stats().misses, before);
  cache.tokenize('二');
  assert.equal(cache.stats().misses, before + 1);
  // Out-of-range spans are clamped, empty ones give nothing.
  assert.deepEqual(cache.tokenizeSpan(doc, { start: 5, end: 5 }), []);
  assert.equal(cache.tokenizeSpan(doc, { start: -3, end: 999 }).map((t) => t.surface).join('').length, doc.replace(/\n/g, '').length);
});

test('a long line without punctuation is tokenized in pieces that still cover it exactly', async () => {
  const cache = new TokenCache(await loadTokenizer());
  const line = '防衛力整備計画'.repeat(2000) + '𠮷'.repeat(300);
  const text = `前\n${line}\n後`;
  const tokens = cache.tokenizeSpan(text, { start: 0, end: text.length });
  assert.equal(tokens.map((t) => t.surface).join(''), text.replace(/\n/g, ''));
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.surface);
  assert.ok(tokens.every((t) => t.end - t.start <= MAX_TOKENIZED_LINE));
  assert.ok(!tokens.some((t) => /^[\uDC00-\uDFFF]/.test(t.surface)), 'no piece starts inside a surrogate pair');
});
