import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTokenizer } from '../../../core/out/nlp/tokenizer';
import { contentWords, contentWordSet, isSuffixToken, sharedWords } from '../../../core/out/nlp/words';

test('content words keep topic nouns and verbs, drop boilerplate', async () => {
  const tok = await loadTokenizer();
  const words = contentWords(tok.tokenize('我が国の防衛に関する情報及び当該計画その他の事項又は若しくは並びにこれらのため'));
  assert.deepEqual(words, ['防衛', '計画']);

  const w2 = contentWords(tok.tokenize('テロリズムの防止に係る措置を行うことができる場合'));
  assert.deepEqual(w2, ['テロリズム', '防止', '措置']);

  const w3 = contentWords(tok.tokenize('防衛に関し収集した電波情報、画像情報その他の情報'));
  assert.deepEqual(w3, ['防衛', '収集', '電波', '画像']);

  // Independent verbs by base form; numbers, brackets and lone item markers are dropped.
  const w4 = contentWords(tok.tokenize('イ 特定秘密を取り扱う職員(１２３)'));
  assert.deepEqual(w4, ['特定', '取り扱う', '職員']);
});

test('shared words between a description and a 別表 item', async () => {
  const tok = await loadTokenizer();
  const a = contentWordSet(tok.tokenize('潜水艦等の運用に関する計画'));
  const b = contentWordSet(tok.tokenize('自衛隊の運用又はこれに関する見積り若しくは計画若しくは研究'));
  assert.deepEqual(sharedWords(a, b), ['運用', '計画']);
  assert.deepEqual(sharedWords(a, new Set()), []);
});

test('等 as a suffix', async () => {
  const tok = await loadTokenizer();
  const t = tok.tokenize('潜水艦等');
  assert.equal(isSuffixToken(t[1]), true);
  assert.equal(isSuffixToken(t[0]), false);
  assert.deepEqual(contentWords(t), ['潜水艦']);
});
