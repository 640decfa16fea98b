/**
 * The prepared dictionary (scripts/build-dictionary.js → core/out/dict-prepared, loaded by
 * core/src/nlp/dictionary.ts) must give exactly kuromoji's tokens. The stock tokenizer is built
 * in a child process (≈ 370 MB) so that this process holds only the prepared one.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  buildPreparedTokenizer,
  buildTargetMap,
  checkPreparedDictionary,
  PREPARED_DICTIONARY_FILES,
} from '../../../core/out/nlp/dictionary';
import { originalPrefixSearch, type DoubleArrayLike } from '../../../core/out/nlp/dictionaryTrie';
import { getTokenizerLoadInfo, loadTokenizer } from '../../../core/out/nlp/tokenizer';
import { REPO } from '../support/cli';

const BUILT = path.join(REPO, 'core/out/dict-prepared');
const BUILD_SCRIPT = path.join(REPO, 'scripts/build-dictionary.js');
const REFERENCE_DIR = path.resolve(REPO, '../shared/reference');

/** Every character class of IPADIC's char.def and the shapes that stress the unknown-word path. */
const BUILT_IN = [
  '特定秘密の指定の有効期間は、令和８年１２月３１日までとする。指定の理由：公になっていないもの。',
  '防衛力整備計画に関する情報（潜水艦等の性能）であって、その漏えいが我が国の安全保障に著しい支障を与えるおそれがあるもの。',
  '第十二号 別表第一号イ・ロ　平成二十七年度　2024年3月31日 ３月 ３１日 12.5% ＡＢＣ abc ｱｲｳｴｵ ｶﾞｷﾞ',
  'ギリシャ文字 αβγΔΩ キリル文字 абвгд ハングル 한국어 タイ語 ภาษาไทย アラビア語 العربية',
  '記号 ！？＃＄％＆＊＠ !?#$%&*@ ()[]{}<> 「」『』【】〔〕 ― … ‥ 〜 ～ ・ ※ 〒 ◎○●△▲□■ ♪ ☆',
  '漢数字 一二三四五六七八九十百千万億兆 〇 零 壱 弐 参 拾',
  '未知語 ﾃｽﾄ ＴＥＳＴ test_case foo-bar 3.14159 1,000,000 ¥1,000 €5 ①②③ ㈱ ㍻ ℃',
  'ひらがなだけのぶん。カタカナダケノブン。ｶﾀｶﾅﾊﾝｶｸ。漢字文字列読解困難語彙。',
  '空白\t タブ\u3000全角空白\u00a0NBSP\u200bZWSP 改行\r\n\n終わり',
  '結合文字 が\u3099 e\u0301 異体字 葛\udb40\udd00 鬱蒼 薔薇 顰蹙 魑魅魍魎 髙﨑 𠮷野家で😀令和２年',
].join('\n');

function corpus(): string {
  const parts = [BUILT_IN];
  for (const name of ['oversight-report-2015-with-law-excerpts.txt', 'mod-leak-incidents-2024-news.txt']) {
    const file = path.join(REFERENCE_DIR, name);
    if (fs.existsSync(file)) parts.push(fs.readFileSync(file, 'utf8'));
  }
  // Our wrapper never hands surrogates to kuromoji (it mishandles them: see tokenizer.ts), and
  // a lone one would not survive the trip to the child as UTF-8: compare the BMP text kuromoji sees.
  return parts.join('\n').replace(/[\ud800-\udfff]/g, '\u3013');
}

/**
 * Shared by the parent and the child (as source text): a checksum over every field of every raw
 * kuromoji token, line by line and over the whole text (kuromoji splits sentences at 、。), plus
 * checksums of the word-id maps, which the prepared loader builds its own way.
 */
const FINGERPRINT_SRC = `
function fingerprint(tokenizer, dic, text, createHash) {
  const h = createHash('sha256');
  let count = 0;
  const feed = (tokens) => { for (const t of tokens) { h.update(JSON.stringify(t)); h.update('\\u0000'); count++; } };
  feed(tokenizer.tokenize(text));
  for (const line of text.split(/\\r\\n|\\n|\\r/)) feed(tokenizer.tokenize(line));
  const mapHash = (m) => {
    const mh = createHash('sha256');
    const keys = Object.keys(m).map(Number).sort((a, b) => a - b);
    for (const k of keys) mh.update(k + ':' + m[k].join(',') + ';');
    return keys.length + '/' + mh.digest('hex');
  };
  return { tokens: h.digest('hex'), count, tidMap: mapHash(dic.token_info_dictionary.target_map), unkMap: mapHash(dic.unknown_dictionary.target_map) };
}`;

const fingerprint = new Function('return ' + FINGERPRINT_SRC.trim())() as (
  tokenizer: unknown, dic: unknown, text: string, hash: typeof createHash,
) => { tokens: string; count: number; tidMap: string; unkMap: string };

/** Stock kuromoji (its own gzip loader) in a child process, fingerprinted over stdin. */
function stockFingerprint(text: string): ReturnType<typeof fingerprint> {
  const script = `
const kuromoji = require('kuromoji');
const { createHash } = require('node:crypto');
${FINGERPRINT_SRC}
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', () => {
  const text = Buffer.concat(chunks).toString('utf8');
  kuromoji.builder({ dicPath: require('node:path').join(require('node:path').dirname(require.resolve('kuromoji/package.json')), 'dict') }).build((err, tokenizer) => {
    if (err) throw err;
    // kuromoji's Tokenizer keeps the two dictionaries it was built from.
    const dic = { token_info_dictionary: tokenizer.token_info_dictionary, unknown_dictionary: tokenizer.unknown_dictionary };
    process.stdout.write(JSON.stringify(fingerprint(tokenizer, dic, text, createHash)));
  });
});`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: REPO, input: text, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out) as ReturnType<typeof fingerprint>;
}

let prepared = BUILT;
let scratch: string | undefined;
let rawPrepared: ReturnType<typeof buildPreparedTokenizer> | undefined;
/** One prepared kuromoji tokenizer for the tests that need the raw one (≈ 150 MB each). */
const preparedRaw = () => (rawPrepared ??= buildPreparedTokenizer(prepared));

before(() => {
  // `npm run build` produces the prepared dictionary; when it has not run, build one for this test.
  if (!checkPreparedDictionary(BUILT).ok) {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-dict-test-'));
    prepared = path.join(scratch, 'dict-prepared');
    execFileSync(process.execPath, [BUILD_SCRIPT, '--out', prepared, '--quiet'], { cwd: REPO });
  }
});

after(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

test('the prepared dictionary passes its checks and matches its manifest hashes', () => {
  const check = checkPreparedDictionary(prepared);
  assert.ok(check.ok, check.ok ? '' : check.reason);
  execFileSync(process.execPath, [BUILD_SCRIPT, '--verify', '--quiet', '--out', prepared], { cwd: REPO });
  // Padding trimmed: ≈ 62 MB of the 96 MB decompressed.
  const total = PREPARED_DICTIONARY_FILES.reduce((n, f) => n + fs.statSync(path.join(prepared, f)).size, 0);
  assert.ok(total < 70 * 1024 * 1024, `${total} bytes`);
});

test('the prepared load waits at its yields while yieldTo holds it (so the server answers first)', async () => {
  let holds = 0;
  let open = false;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const yieldTo = () => {
    holds++;
    return open ? Promise.resolve() : gate;
  };
  let done = false;
  const load = buildPreparedTokenizer(prepared, { yieldTo });
  void load.then(() => (done = true), () => undefined);
  while (holds === 0) await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(holds, 1, 'held at the first yield');
  assert.equal(done, false);
  open = true;
  release();
  rawPrepared = load; // the tokenizer the tests below compare
  await load;
  assert.ok(holds > 10, `asked at every yield (${holds})`);
});

test('prepared and stock loaders give identical tokens and word-id maps', async () => {
  const text = corpus();
  const stock = stockFingerprint(text);
  const raw = await preparedRaw();
  const internals = raw as unknown as { token_info_dictionary: unknown; unknown_dictionary: unknown };
  const mine = fingerprint(raw, internals, text, createHash);
  // The built-in text alone gives ≈ 600 tokens; with the reference texts (../shared) tens of thousands.
  const minimum = text.length > BUILT_IN.length ? 10000 : 500;
  assert.ok(mine.count > minimum, `only ${mine.count} tokens`);
  assert.deepEqual(mine, stock);
});

test('the fast commonPrefixSearch returns exactly what doublearray returns', async () => {
  const raw = await preparedRaw();
  const trie = (raw as unknown as { viterbi_builder: { trie: DoubleArrayLike } }).viterbi_builder.trie;
  assert.ok(Object.prototype.hasOwnProperty.call(trie, 'commonPrefixSearch'), 'the fast search is installed');
  const fast = (key: string) => trie.commonPrefixSearch(key);
  const stock = originalPrefixSearch(trie);
  const outcome = (f: (k: string) => unknown, key: string) => {
    try {
      return JSON.stringify(f(key));
    } catch (error) {
      return `throws ${(error as Error).name}`;
    }
  };
  const keys: string[] = [];
  // Every tail of every line of the corpus (what the lattice builder asks), capped in length.
  for (const line of corpus().split('\n')) for (let i = 0; i < line.length; i += 3) keys.push(line.slice(i, i + 40));
  // Random strings over a pool with 1-, 2- and 3-byte characters, digits, symbols and surrogates.
  const pool = [...'あいうかがきゃアイウカガキャーｱｲｳ漢字情報秘密指定令和年月日第号一二三十百〇0123456789０１２３abcABCａｂｃ()（）「」、。・：: \t\u3000αβγабвé€©'];
  pool.push('\ud842\udfb7', '\ud83d\ude00', '\ud800', '\udc00', '\u0000', '\uffff', '\u0080', '\u07ff', '\u0800');
  let seed = 12345;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  for (let i = 0; i < 20000; i++) {
    let k = '';
    const len = 1 + rand(12);
    for (let j = 0; j < len; j++) k += pool[rand(pool.length)];
    keys.push(k);
  }
  let compared = 0;
  for (const key of keys) {
    assert.equal(outcome(fast, key), outcome(stock, key), JSON.stringify(key));
    compared++;
  }
  assert.ok(compared > 20000);
});

test('buildTargetMap reads like kuromoji: appends repeated keys, ignores zero padding, 0 past the end', async () => {
  const ints = (xs: number[]) => new Uint8Array(new Int32Array(xs).buffer);
  assert.deepEqual(await buildTargetMap(ints([2, 7, 2, 10, 11, 3, 1, 12, 7, 1, 13, 0, 0, 0, 0])), { 3: [12], 7: [10, 11, 13] });
  // A truncated last record reads zeros, as ByteBuffer.readInt does past the end.
  assert.deepEqual(await buildTargetMap(ints([1, 5, 3, 20])), { 5: [20, 0, 0] });
  // Yielding between slices gives the same result.
  const big: number[] = [1000];
  for (let k = 0; k < 1000; k++) big.push(k, 2, k * 2, k * 2 + 1);
  const sliced = await buildTargetMap(ints(big), 0.001);
  const whole = await buildTargetMap(ints(big));
  assert.deepEqual(sliced, whole);
  assert.deepEqual(whole[999], [1998, 1999]);
});

test('an invalid prepared folder is rejected with a reason', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-dict-bad-'));
  try {
    assert.match((checkPreparedDictionary(dir) as { reason: string }).reason, /manifest\.json/);
    const manifest = JSON.parse(fs.readFileSync(path.join(prepared, 'manifest.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    assert.match((checkPreparedDictionary(dir) as { reason: string }).reason, /base\.dat is missing/);
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, kuromoji: '0.1.1' }));
    assert.match((checkPreparedDictionary(dir) as { reason: string }).reason, /pinned to 0\.1\.2/);
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, format: 99 }));
    assert.match((checkPreparedDictionary(dir) as { reason: string }).reason, /format 99/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an invalid prepared folder falls back to the stock loader (child process)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-dict-bad-'));
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(prepared, 'manifest.json'), 'utf8'));
    for (const f of PREPARED_DICTIONARY_FILES) fs.copyFileSync(path.join(prepared, f), path.join(dir, f));
    // Same size as the manifest says, wrong content: passes the cheap check, fails the load.
    fs.writeFileSync(path.join(dir, 'cc.dat'), Buffer.alloc(manifest.files['cc.dat'].bytes));
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const script = `
const t = require(${JSON.stringify(path.join(REPO, 'core/out/nlp/tokenizer.js'))});
t.loadTokenizer({ dicPath: process.argv[1] }).then((tok) => {
  const info = t.getTokenizerLoadInfo();
  process.stdout.write(JSON.stringify({ loader: info.loader, rejected: info.preparedRejected, surfaces: tok.tokenize('令和８年度').map((x) => x.surface) }));
});`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script, dir], { cwd: os.tmpdir(), encoding: 'utf8' }));
    assert.equal(out.loader, 'stock');
    assert.match(out.rejected, /cc\.dat/);
    assert.deepEqual(out.surfaces, ['令和', '８', '年度']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('loadTokenizer uses the prepared dictionary when one is named or built', async () => {
  const tok = await loadTokenizer(prepared === BUILT ? undefined : { dicPath: prepared });
  const info = getTokenizerLoadInfo();
  assert.ok(info);
  assert.equal(info.loader, 'prepared', info.preparedRejected);
  assert.equal(info.dicPath, prepared);
  assert.deepEqual(tok.tokenize('令和８年度').map((t) => t.surface), ['令和', '８', '年度']);
  // Naming the folder it came from again is the same load, not a second dictionary.
  assert.equal(await loadTokenizer({ dicPath: prepared }), tok);
});
