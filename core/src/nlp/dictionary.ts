/**
 * Fast loading of kuromoji's dictionary from a *prepared* folder: the `*.dat.gz` files
 * decompressed and stripped of their trailing zero padding at build time by
 * scripts/build-dictionary.js (into core/out/dict-prepared, or dist/dict-prepared beside a
 * bundle). Nothing is written at run time.
 *
 * The stock loader gunzips 96 MB (≈ 210 ms), builds the word-id map through a byte-at-a-time
 * reader (≈ 150 ms) and turns 1 MB of padding in unk_invoke.dat into ≈ 150,000 junk character
 * classes (≈ 50 ms). Here the files are read as they are, the word-id map is built from an
 * Int32Array view, and the whole load can yield to the event loop between steps so that a
 * language server keeps answering while it runs.
 *
 * This reaches into kuromoji's internals (DynamicDictionaries, TokenInfoDictionary's fields,
 * Tokenizer) and is pinned to kuromoji 0.1.2: with any other version, or a prepared folder that
 * does not match its manifest, {@link checkPreparedDictionary} says why and the caller falls
 * back to the stock loader. test/src/nlp/dictionary.test.ts proves identical tokens.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as kuromoji from 'kuromoji';
import { installFastPrefixSearch, type DoubleArrayLike } from './dictionaryTrie';

/** The kuromoji version whose internals this loader (and the build script's trimming) was checked against. */
export const PINNED_KUROMOJI_VERSION = '0.1.2';
/** Layout version written by scripts/build-dictionary.js into manifest.json. */
export const PREPARED_DICTIONARY_FORMAT = 1;
/** Folder name of the prepared dictionary, beside the compiled core (core/out) or the bundle (dist). */
export const PREPARED_DICTIONARY_DIRNAME = 'dict-prepared';
export const PREPARED_MANIFEST = 'manifest.json';

export const PREPARED_DICTIONARY_FILES = [
  'base.dat', 'check.dat', 'tid.dat', 'tid_pos.dat', 'tid_map.dat', 'cc.dat',
  'unk.dat', 'unk_pos.dat', 'unk_map.dat', 'unk_char.dat', 'unk_compat.dat', 'unk_invoke.dat',
] as const;
type DictFile = (typeof PREPARED_DICTIONARY_FILES)[number];

export interface PreparedManifest {
  format: number;
  kuromoji: string;
  files: Record<string, { bytes: number; sha256?: string }>;
}

export type PreparedCheck = { ok: true; dir: string; manifest: PreparedManifest } | { ok: false; dir: string; reason: string };

/**
 * Where a prepared dictionary is looked for when none is named: beside this module's folder
 * (core/out/nlp → core/out/dict-prepared) or beside it (a bundle: dist/server.js →
 * dist/dict-prepared). Never relative to the working directory.
 */
export function preparedDictionaryCandidates(): string[] {
  return [path.join(__dirname, PREPARED_DICTIONARY_DIRNAME), path.join(__dirname, '..', PREPARED_DICTIONARY_DIRNAME)];
}

/** True when `dir` holds a manifest, i.e. claims to be a prepared dictionary (valid or not). */
export function looksPrepared(dir: string): boolean {
  return fs.existsSync(path.join(dir, PREPARED_MANIFEST));
}

/** The installed kuromoji's version (inlined by a bundler), or undefined. */
export function installedKuromojiVersion(): string | undefined {
  try {
    return (require('kuromoji/package.json') as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * Cheap validation (≈ 1 ms; no hashing): the manifest's format, the kuromoji version it was made
 * for and the running one both equal the pinned version, a little-endian machine (kuromoji's
 * typed-array views assume it), and every file present with the manifest's size and the
 * alignment its typed-array view needs. `scripts/build-dictionary.js --verify` checks hashes.
 */
export function checkPreparedDictionary(dir: string): PreparedCheck {
  const fail = (reason: string): PreparedCheck => ({ ok: false, dir, reason });
  let manifest: PreparedManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, PREPARED_MANIFEST), 'utf8')) as PreparedManifest;
  } catch (error) {
    return fail(`no readable ${PREPARED_MANIFEST} (${(error as NodeJS.ErrnoException).code ?? 'invalid JSON'})`);
  }
  if (manifest === null || typeof manifest !== 'object' || typeof manifest.files !== 'object' || manifest.files === null) {
    return fail(`${PREPARED_MANIFEST} has no file list`);
  }
  if (manifest.format !== PREPARED_DICTIONARY_FORMAT) return fail(`format ${String(manifest.format)}, expected ${PREPARED_DICTIONARY_FORMAT}`);
  if (manifest.kuromoji !== PINNED_KUROMOJI_VERSION) return fail(`prepared for kuromoji ${String(manifest.kuromoji)}, this loader is pinned to ${PINNED_KUROMOJI_VERSION}`);
  const running = installedKuromojiVersion();
  if (running !== PINNED_KUROMOJI_VERSION) return fail(`kuromoji ${running ?? '(unknown)'} is installed, this loader is pinned to ${PINNED_KUROMOJI_VERSION}`);
  if (os.endianness() !== 'LE') return fail('big-endian machine');
  for (const f of PREPARED_DICTIONARY_FILES) {
    const expected = manifest.files[f]?.bytes;
    if (typeof expected !== 'number') return fail(`${f} is not in the manifest`);
    let size: number;
    try {
      size = fs.statSync(path.join(dir, f)).size;
    } catch (error) {
      return fail(`${f} is missing (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (size !== expected) return fail(`${f} has ${size} bytes, the manifest says ${expected}`);
    if (size % ALIGN[f] !== 0) return fail(`${f} has ${size} bytes, not a multiple of ${ALIGN[f]}`);
  }
  return { ok: true, dir, manifest };
}

/** Element size of the typed array kuromoji views each buffer through. */
const ALIGN: Record<DictFile, number> = {
  'base.dat': 4, 'check.dat': 4, 'tid.dat': 1, 'tid_pos.dat': 1, 'tid_map.dat': 4, 'cc.dat': 2,
  'unk.dat': 1, 'unk_pos.dat': 1, 'unk_map.dat': 4, 'unk_char.dat': 1, 'unk_compat.dat': 4, 'unk_invoke.dat': 1,
};

export interface PreparedLoadOptions {
  /**
   * 'sync' (default): each file read synchronously into its own buffer (in 4 MB slices when
   * yielding). 'async': every file read in parallel on the thread pool (fs.promises). On a 2-core
   * machine both were equal within the noise (the files are in the page cache: the work is a
   * memcpy); 'sync' with yields gave the shortest event-loop blocks (scripts/bench/loader-modes.js).
   */
  read?: 'sync' | 'async';
  /**
   * Yield to the event loop between steps and every ~8 ms while building the word-id map, so
   * that no single block is longer than ≈ 15 ms (default true). false: one synchronous block,
   * slightly faster overall (a CLI run).
   */
  yieldToEventLoop?: boolean;
  /**
   * Awaited at every yield (when yielding): resolves when the caller's more urgent work is done.
   * The language server holds the load here while a newly opened document waits for its first,
   * structural diagnostics, so the dictionary never delays them (they need no tokens).
   */
  yieldTo?: () => Promise<void>;
  /**
   * Replace the trie's commonPrefixSearch with the result-identical, ≈ 3× faster one of
   * ./dictionaryTrie.ts (default true).
   */
  fastPrefixSearch?: boolean;
}

/* kuromoji 0.1.2 internals used here (see node_modules/kuromoji/src). */
interface InternalByteBufferHost {
  loadDictionary(buffer: Uint8Array): unknown;
  loadPosVector(buffer: Uint8Array): unknown;
  target_map: Record<number, number[]>;
}
interface InternalDynamicDictionaries {
  trie: DoubleArrayLike;
  token_info_dictionary: InternalByteBufferHost;
  loadTrie(base: Int32Array, check: Int32Array): unknown;
  loadConnectionCosts(cc: Int16Array): unknown;
  loadUnknownDictionaries(
    unk: Uint8Array, unkPos: Uint8Array, unkMap: Uint8Array, catMap: Uint8Array, compatCatMap: Uint32Array, invokeDef: Uint8Array,
  ): unknown;
}
type DynamicDictionariesCtor = new () => InternalDynamicDictionaries;
type TokenizerCtor = new (dic: InternalDynamicDictionaries) => kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Chunk size of synchronous reads when yielding: a 36 MB file is read in ≈ 5 ms slices. */
const READ_CHUNK = 4 * 1024 * 1024;

/**
 * Reads a whole file into a fresh ArrayBuffer of exactly its size (offset 0, so any view is
 * aligned), synchronously, calling `between` after each chunk of READ_CHUNK bytes.
 */
async function readWholeSync(file: string, between?: () => Promise<void>): Promise<Uint8Array> {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const bytes = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const want = between ? Math.min(READ_CHUNK, size - offset) : size - offset;
      const n = fs.readSync(fd, bytes, offset, want, offset);
      if (n === 0) throw new Error(`${path.basename(file)}: unexpected end of file`);
      offset += n;
      if (between && offset < size) await between();
    }
    return bytes;
  } finally {
    fs.closeSync(fd);
  }
}

async function readWholeAsync(file: string): Promise<Uint8Array> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const bytes = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(bytes, offset, size - offset, offset);
      if (bytesRead === 0) throw new Error(`${path.basename(file)}: unexpected end of file`);
      offset += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

/**
 * TokenInfoDictionary.prototype.loadTargetMap of kuromoji 0.1.2, same result, ≈ 2× less CPU
 * and half the heap: it reads (count, then key, n, n values …) little-endian int32s up to the end
 * of the buffer, appending each value to `map[key]`; a read past the end gives 0 (ByteBuffer's
 * getInt), so trailing (0, 0) pairs add nothing. Arrays are allocated at their final size
 * instead of grown by push. `budgetMs` > 0 yields to the event loop whenever that much time has
 * been spent.
 */
export async function buildTargetMap(bytes: Uint8Array, budgetMs = 0, turn: () => Promise<void> = nextTurn): Promise<Record<number, number[]>> {
  const length = bytes.byteLength;
  const ints = new Int32Array(bytes.buffer, bytes.byteOffset, length >> 2);
  const at = (pos: number): number => (pos + 4 <= length ? ints[pos >> 2] : 0);
  const map: Record<number, number[]> = {};
  let pos = 4; // skip the key count, as kuromoji does
  let sliceStart = budgetMs > 0 ? performance.now() : 0;
  let sinceCheck = 0;
  while (pos < length) {
    const key = at(pos);
    const n = at(pos + 4);
    pos += 8;
    if (n > 0) {
      let values = map[key];
      if (values === undefined) {
        values = new Array<number>(n);
        for (let i = 0; i < n; i++, pos += 4) values[i] = at(pos);
        map[key] = values;
      } else {
        for (let i = 0; i < n; i++, pos += 4) values.push(at(pos));
      }
    }
    if (budgetMs > 0 && ++sinceCheck >= 4096) {
      sinceCheck = 0;
      if (performance.now() - sliceStart >= budgetMs) {
        await turn();
        sliceStart = performance.now();
      }
    }
  }
  return map;
}

/**
 * Builds a kuromoji Tokenizer from a prepared folder that {@link checkPreparedDictionary}
 * accepted. Rejects on any read or format problem; the caller then falls back to the stock loader.
 */
export async function buildPreparedTokenizer(dir: string, options: PreparedLoadOptions = {}): Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> {
  const yieldTurns = options.yieldToEventLoop !== false;
  const yieldTo = options.yieldTo;
  const turn = yieldTo ? async () => { await nextTurn(); await yieldTo(); } : nextTurn;
  const pause = yieldTurns ? turn : () => Promise.resolve();
  const file = (f: DictFile) => path.join(dir, f);

  let get: (f: DictFile) => Promise<Uint8Array>;
  if (options.read === 'async') {
    const reads = new Map<DictFile, Promise<Uint8Array>>();
    for (const f of PREPARED_DICTIONARY_FILES) {
      const p = readWholeAsync(file(f));
      p.catch(() => undefined); // awaited below; avoid an unhandled rejection for the ones never reached
      reads.set(f, p);
    }
    get = (f) => reads.get(f)!;
  } else {
    get = async (f) => {
      const bytes = await readWholeSync(file(f), yieldTurns ? turn : undefined);
      await pause();
      return bytes;
    };
  }
  await pause(); // let the caller's turn finish before the first block of work

  // Internal modules of the pinned kuromoji (static strings, so a bundler includes them).
  const DynamicDictionaries = require('kuromoji/src/dict/DynamicDictionaries') as DynamicDictionariesCtor;
  const KuromojiTokenizer = require('kuromoji/src/Tokenizer') as TokenizerCtor;
  const dic = new DynamicDictionaries();

  const i32 = (b: Uint8Array) => new Int32Array(b.buffer, b.byteOffset, b.byteLength >> 2);
  dic.loadTrie(i32(await get('base.dat')), i32(await get('check.dat')));
  if (options.fastPrefixSearch !== false) installFastPrefixSearch(dic.trie);
  await pause();

  const tid = dic.token_info_dictionary;
  tid.loadDictionary(await get('tid.dat'));
  tid.loadPosVector(await get('tid_pos.dat'));
  tid.target_map = await buildTargetMap(await get('tid_map.dat'), yieldTurns ? 8 : 0, turn);
  await pause();

  const cc = await get('cc.dat');
  const costs = new Int16Array(cc.buffer, cc.byteOffset, cc.byteLength >> 1);
  if (costs.length < 2 || costs[0] * costs[1] + 2 !== costs.length) throw new Error('cc.dat: the matrix dimensions do not match its size');
  dic.loadConnectionCosts(costs);

  const compat = await get('unk_compat.dat');
  dic.loadUnknownDictionaries(
    await get('unk.dat'),
    await get('unk_pos.dat'),
    await get('unk_map.dat'),
    await get('unk_char.dat'),
    new Uint32Array(compat.buffer, compat.byteOffset, compat.byteLength >> 2),
    await get('unk_invoke.dat'),
  );
  return new KuromojiTokenizer(dic);
}
