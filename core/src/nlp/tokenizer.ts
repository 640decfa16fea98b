/**
 * Morphological analysis with kuromoji (IPADIC 2007), wrapped so the rest of the core sees
 * exact UTF-16 offsets and a few domain fixes, and so the dictionary load happens once per
 * process however many callers (CLI, language server) ask for it.
 *
 * Loading: a *prepared* dictionary (decompressed and padding-trimmed at build time by
 * scripts/build-dictionary.js, see ./dictionary.ts) loads in ≈ 0.15 s (≈ 0.2 s from process start)
 * and ≈ 150 MB; kuromoji's stock loader (gunzip at every start) takes ≈ 0.6–0.85 s and ≈ 370 MB and is the fallback when no
 * valid prepared dictionary is found.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as kuromoji from 'kuromoji';
import { buildPreparedTokenizer, checkPreparedDictionary, looksPrepared, preparedDictionaryCandidates, type PreparedLoadOptions } from './dictionary';

export interface Token {
  surface: string;
  /** UTF-16 offset of the first unit, relative to the text that was tokenized. */
  start: number;
  /** UTF-16 offset one past the last unit. */
  end: number;
  /** Part of speech, e.g. 名詞, 動詞, 助詞. */
  pos: string;
  posDetail1: string;
  posDetail2: string;
  posDetail3: string;
  /** Dictionary form (なっ → なる); the surface itself when the dictionary has none. */
  baseForm: string;
  /** Katakana reading, when the dictionary knows one. */
  reading?: string;
}

export interface Tokenizer {
  tokenize(text: string): Token[];
}

/**
 * Environment variable naming a dictionary directory, overriding the default lookup: either a
 * prepared dictionary (holding manifest.json) or a folder of kuromoji's stock `*.dat.gz` files.
 */
export const DICT_ENV_VAR = 'SHITEI_KUROMOJI_DICT';
/** `stock` forces kuromoji's own gzip loader (e.g. to compare), `prepared`/`auto` (default) prefer the prepared one. */
export const LOADER_ENV_VAR = 'SHITEI_KUROMOJI_LOADER';

export type LoaderKind = 'auto' | 'prepared' | 'stock';

/**
 * The stock (`*.dat.gz`) dictionary directory to use when the caller names none:
 * 1. `$SHITEI_KUROMOJI_DICT`;
 * 2. `dict/` next to this file (a bundled build copies the dictionary there, because
 *    `require.resolve` does not survive bundling);
 * 3. the installed kuromoji package's own `dict/`.
 * Never relative to the working directory: a language client chooses that, not us.
 * (A prepared dictionary, when valid, is preferred over this one: see {@link loadTokenizer}.)
 */
export function defaultDictionaryPath(): string {
  const fromEnv = process.env[DICT_ENV_VAR];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return path.resolve(fromEnv.trim());
  return packagedDictionaryPath();
}

/** Steps 2 and 3 of {@link defaultDictionaryPath}: the stock folder shipped with the code. */
function packagedDictionaryPath(): string {
  const bundled = path.join(__dirname, 'dict');
  if (fs.existsSync(path.join(bundled, 'base.dat.gz'))) return bundled;
  try {
    return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
  } catch {
    // Not resolvable (e.g. bundled without the dictionary): report the bundled location,
    // so the load error names a path the user can act on.
    return bundled;
  }
}

export interface LoadTokenizerOptions {
  /** A prepared dictionary folder (with manifest.json) or a folder of stock `*.dat.gz` files. */
  dicPath?: string;
  /** Which loader to use; default `$SHITEI_KUROMOJI_LOADER`, else `auto` (prepared if valid, else stock). */
  loader?: LoaderKind;
  /** How the prepared dictionary is read (see PreparedLoadOptions); ignored by the stock loader. */
  prepared?: PreparedLoadOptions;
}

/** How the tokenizer was loaded: for logs, benchmarks and tests. Holds no document text. */
export interface TokenizerLoadInfo {
  loader: 'prepared' | 'stock';
  /** The folder the dictionary was read from. */
  dicPath: string;
  /** Wall time of the load, from the call to ready. */
  ms: number;
  /** Why a prepared dictionary was not used, when one was looked for. */
  preparedRejected?: string;
}

interface LoadState {
  dicPath: string;
  /** Folders a later call may name and still get this tokenizer (the requested, prepared and stock ones). */
  accepted: Set<string>;
  promise: Promise<Tokenizer>;
  tokenizer?: Tokenizer;
  info?: TokenizerLoadInfo;
  settled: boolean;
}

let state: LoadState | undefined;

/**
 * Loads the tokenizer, once per process: every later call gets the same promise. A failed
 * load rejects with an Error naming the dictionary path and is forgotten, so it can be
 * retried. Asking for a different dictionary once one is loaded (or loading) is refused
 * rather than silently building a second ~200 MB instance.
 *
 * Which dictionary: `options.dicPath`, else `$SHITEI_KUROMOJI_DICT`, else the prepared folder
 * beside the compiled core or the bundle when it is valid, else kuromoji's own `dict/`. A
 * prepared folder that fails its checks or its load falls back to the stock loader (the reason
 * is in {@link getTokenizerLoadInfo}).
 */
export function loadTokenizer(options?: LoadTokenizerOptions): Promise<Tokenizer> {
  const requested = options?.dicPath !== undefined ? path.resolve(options.dicPath) : undefined;
  if (state !== undefined) {
    if (requested === undefined || state.accepted.has(requested)) return state.promise;
    return Promise.reject(
      new Error(
        `kuromoji dictionary ${requested} was requested, but the tokenizer is already ` +
          `${state.settled ? 'loaded' : 'loading'} from ${state.dicPath}; only one dictionary is loaded per process`,
      ),
    );
  }
  const fromEnv = process.env[DICT_ENV_VAR]?.trim();
  const named = requested ?? (fromEnv ? path.resolve(fromEnv) : undefined);
  const loader = options?.loader ?? envLoader();
  const plan = planLoad(named, loader);
  const dicPath = named ?? plan.prepared ?? plan.dicPath;
  const accepted = new Set([dicPath, ...(plan.prepared !== undefined ? [plan.prepared, plan.dicPath] : [])]);
  const current: LoadState = { dicPath, accepted, promise: undefined as unknown as Promise<Tokenizer>, settled: false };
  const started = performance.now();
  current.promise = runPlan(plan, options?.prepared).then(
    ({ tokenizer, info }) => {
      current.settled = true;
      current.tokenizer = tokenizer;
      current.info = { ...info, ms: performance.now() - started };
      return tokenizer;
    },
    (err: unknown) => {
      current.settled = true;
      if (state === current) state = undefined; // allow a retry
      throw err;
    },
  );
  state = current;
  return current.promise;
}

/** The tokenizer if it has finished loading; undefined before that (never blocks). */
export function getLoadedTokenizer(): Tokenizer | undefined {
  return state?.tokenizer;
}

/** True while a load is in progress. */
export function isTokenizerLoading(): boolean {
  return state !== undefined && !state.settled;
}

/** Which loader and folder the loaded tokenizer came from; undefined until loaded. */
export function getTokenizerLoadInfo(): TokenizerLoadInfo | undefined {
  return state?.info;
}

function envLoader(): LoaderKind {
  const v = process.env[LOADER_ENV_VAR]?.trim().toLowerCase();
  return v === 'stock' || v === 'prepared' ? v : 'auto';
}

interface LoadPlan {
  /** A prepared folder that passed its checks, to try first. */
  prepared?: string;
  /** Why no prepared folder is tried (when one was looked for). */
  preparedRejected?: string;
  /** The stock `*.dat.gz` folder: the fallback, or the only choice. */
  dicPath: string;
}

function planLoad(named: string | undefined, loader: LoaderKind): LoadPlan {
  if (named !== undefined) {
    if (!looksPrepared(named)) return { dicPath: named };
    if (loader === 'stock') return { dicPath: packagedDictionaryPath() };
    const check = checkPreparedDictionary(named);
    if (check.ok) return { prepared: named, dicPath: packagedDictionaryPath() };
    return { preparedRejected: `${named}: ${check.reason}`, dicPath: packagedDictionaryPath() };
  }
  if (loader === 'stock') return { dicPath: defaultDictionaryPath() };
  const reasons: string[] = [];
  for (const dir of preparedDictionaryCandidates()) {
    if (!looksPrepared(dir)) continue;
    const check = checkPreparedDictionary(dir);
    if (check.ok) return { prepared: dir, dicPath: defaultDictionaryPath() };
    reasons.push(`${dir}: ${check.reason}`);
  }
  return { preparedRejected: reasons.length ? reasons.join('; ') : 'no prepared dictionary (run scripts/build-dictionary.js)', dicPath: defaultDictionaryPath() };
}

async function runPlan(plan: LoadPlan, prepared: PreparedLoadOptions | undefined): Promise<{ tokenizer: Tokenizer; info: Omit<TokenizerLoadInfo, 'ms'> }> {
  let rejected = plan.preparedRejected;
  if (plan.prepared !== undefined) {
    try {
      const raw = await buildPreparedTokenizer(plan.prepared, prepared);
      return { tokenizer: new KuromojiTokenizer(raw), info: { loader: 'prepared', dicPath: plan.prepared } };
    } catch (error) {
      rejected = `${plan.prepared}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const tokenizer = await buildTokenizer(plan.dicPath);
  return { tokenizer, info: { loader: 'stock', dicPath: plan.dicPath, ...(rejected !== undefined ? { preparedRejected: rejected } : {}) } };
}

function loadError(dicPath: string, cause: unknown): Error {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new Error(
    `could not load the kuromoji dictionary from ${dicPath}: ${detail} ` +
      `(set ${DICT_ENV_VAR} to the directory holding base.dat.gz and the other *.dat.gz files)`,
    { cause },
  );
}

/** kuromoji's own loader: gunzips the `*.dat.gz` files of `dicPath`. */
function buildTokenizer(dicPath: string): Promise<Tokenizer> {
  return new Promise<Tokenizer>((resolve, reject) => {
    let done = false;
    try {
      // Required here, not at the top: the prepared path never needs kuromoji's gzip loader
      // (nor its async/zlibjs dependencies), and a language server starts faster without them.
      const { builder } = require('kuromoji') as typeof kuromoji;
      builder({ dicPath }).build((err, raw) => {
        if (done) return;
        done = true;
        // kuromoji hands over a broken tokenizer together with err; it throws only later.
        if (err) reject(loadError(dicPath, err));
        else resolve(new KuromojiTokenizer(raw));
      });
    } catch (e) {
      if (!done) {
        done = true;
        reject(loadError(dicPath, e));
      }
    }
  });
}

/** Characters kuromoji must never see: surrogates (below) and NUL, which ends a key in its trie and makes it throw. */
function isOpaque(code: number): boolean {
  return (code >= 0xd800 && code <= 0xdfff) || code === 0;
}

class KuromojiTokenizer implements Tokenizer {
  constructor(private readonly raw: kuromoji.Tokenizer<kuromoji.IpadicFeatures>) {}

  /**
   * kuromoji 0.1.2 mishandles characters outside the BMP: a run of two or more (𠮷𠮷, 😀😀) is
   * given a length in UTF-16 units on a lattice counted in code points, and the characters
   * after it are silently dropped (`😀😀前文` → one token). A lone high surrogate is paired with
   * whatever follows. So surrogates (and NULs) never reach kuromoji: the text is cut around them,
   * each run becomes one 記号,一般 token (what kuromoji gives a single emoji), and the other
   * pieces are tokenized separately.
   */
  tokenize(text: string): Token[] {
    const out: Token[] = [];
    let i = 0;
    while (i < text.length) {
      const astral = isOpaque(text.charCodeAt(i));
      let j = i + 1;
      while (j < text.length && isOpaque(text.charCodeAt(j)) === astral) j++;
      const piece = text.slice(i, j);
      if (astral) out.push(symbolToken(piece, i));
      else out.push(...convertTokens(this.raw.tokenize(piece), piece, i));
      i = j;
    }
    return postProcess(out);
  }
}

function symbolToken(surface: string, start: number): Token {
  return {
    surface,
    start,
    end: start + surface.length,
    pos: '記号',
    posDetail1: '一般',
    posDetail2: '*',
    posDetail3: '*',
    baseForm: surface,
  };
}

/**
 * kuromoji tokens of `text` to ours, offsets shifted by `base`. Offsets come from summing
 * surface lengths (UTF-16 units), not from `word_position`, which counts code points. Each
 * surface is checked against the text; should kuromoji ever skip or alter characters, the rest
 * of the text becomes one 記号 token, so concatenated surfaces always reproduce the input.
 */
export function convertTokens(raw: readonly kuromoji.IpadicFeatures[], text: string, base = 0): Token[] {
  const out: Token[] = [];
  let offset = 0;
  for (const r of raw) {
    const surface = r.surface_form;
    if (surface === '' || !text.startsWith(surface, offset)) break;
    const token: Token = {
      surface,
      start: base + offset,
      end: base + offset + surface.length,
      pos: r.pos,
      posDetail1: r.pos_detail_1,
      posDetail2: r.pos_detail_2,
      posDetail3: r.pos_detail_3,
      baseForm: !r.basic_form || r.basic_form === '*' ? surface : r.basic_form,
    };
    if (r.reading !== undefined && r.reading !== '*') token.reading = r.reading;
    out.push(token);
    offset += surface.length;
  }
  if (offset < text.length) out.push(symbolToken(text.slice(offset), base + offset));
  return out;
}

const FULL_WIDTH_DIGITS = /^[０-９]+$/;

function isFullWidthNumber(t: Token): boolean {
  return t.pos === '名詞' && t.posDetail1 === '数' && FULL_WIDTH_DIGITS.test(t.surface);
}

/**
 * Domain fixes on top of IPADIC 2007, keeping offsets contiguous:
 * - 令 + 和 → one 令和 (the era postdates the dictionary, which splits it, sometimes tagging
 *   令 as a suffix);
 * - a run of full-width digit tokens (one per digit in IPADIC) → one 名詞,数 token. Tokens where
 *   the digits are glued to a counter (`３月`) are left alone.
 */
export function postProcess(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.surface === '令' && next !== undefined && next.surface === '和') {
      out.push({
        surface: '令和',
        start: t.start,
        end: next.end,
        pos: '名詞',
        posDetail1: '固有名詞',
        posDetail2: '一般',
        posDetail3: '*',
        baseForm: '令和',
        reading: 'レイワ',
      });
      i++;
      continue;
    }
    if (isFullWidthNumber(t) && next !== undefined && isFullWidthNumber(next)) {
      let j = i + 1;
      let surface = t.surface;
      while (j < tokens.length && isFullWidthNumber(tokens[j])) surface += tokens[j++].surface;
      // No reading: concatenated per-digit readings (イチニ) would be wrong for 12.
      out.push({
        surface,
        start: t.start,
        end: tokens[j - 1].end,
        pos: '名詞',
        posDetail1: '数',
        posDetail2: '*',
        posDetail3: '*',
        baseForm: surface,
      });
      i = j - 1;
      continue;
    }
    out.push(t);
  }
  return out;
}
