/**
 * Morphological analysis with kuromoji (IPADIC 2007), wrapped so the rest of the core sees
 * exact UTF-16 offsets and a few domain fixes, and so the ~0.9 s / ~200 MB dictionary load
 * happens once per process however many callers (CLI, language server) ask for it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as kuromoji from 'kuromoji';

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

/** Environment variable naming a dictionary directory, overriding the default lookup. */
export const DICT_ENV_VAR = 'SHITEI_KUROMOJI_DICT';

/**
 * The dictionary directory to use when the caller names none:
 * 1. `$SHITEI_KUROMOJI_DICT`;
 * 2. `dict/` next to this file (a bundled build copies the dictionary there, because
 *    `require.resolve` does not survive bundling);
 * 3. the installed kuromoji package's own `dict/`.
 * Never relative to the working directory: a language client chooses that, not us.
 */
export function defaultDictionaryPath(): string {
  const fromEnv = process.env[DICT_ENV_VAR];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return path.resolve(fromEnv.trim());
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

interface LoadState {
  dicPath: string;
  promise: Promise<Tokenizer>;
  tokenizer?: Tokenizer;
  settled: boolean;
}

let state: LoadState | undefined;

/**
 * Loads the tokenizer, once per process: every later call gets the same promise. A failed
 * load rejects with an Error naming the dictionary path and is forgotten, so it can be
 * retried. Asking for a different dictionary once one is loaded (or loading) is refused
 * rather than silently building a second ~200 MB instance.
 */
export function loadTokenizer(options?: { dicPath?: string }): Promise<Tokenizer> {
  const requested = options?.dicPath !== undefined ? path.resolve(options.dicPath) : undefined;
  if (state !== undefined) {
    if (requested === undefined || requested === state.dicPath) return state.promise;
    return Promise.reject(
      new Error(
        `kuromoji dictionary ${requested} was requested, but the tokenizer is already ` +
          `${state.settled ? 'loaded' : 'loading'} from ${state.dicPath}; only one dictionary is loaded per process`,
      ),
    );
  }
  const dicPath = requested ?? defaultDictionaryPath();
  const current: LoadState = { dicPath, promise: undefined as unknown as Promise<Tokenizer>, settled: false };
  current.promise = buildTokenizer(dicPath).then(
    (tokenizer) => {
      current.settled = true;
      current.tokenizer = tokenizer;
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

function loadError(dicPath: string, cause: unknown): Error {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new Error(
    `could not load the kuromoji dictionary from ${dicPath}: ${detail} ` +
      `(set ${DICT_ENV_VAR} to the directory holding base.dat.gz and the other *.dat.gz files)`,
    { cause },
  );
}

function buildTokenizer(dicPath: string): Promise<Tokenizer> {
  return new Promise<Tokenizer>((resolve, reject) => {
    let done = false;
    try {
      kuromoji.builder({ dicPath }).build((err, raw) => {
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

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

class KuromojiTokenizer implements Tokenizer {
  constructor(private readonly raw: kuromoji.Tokenizer<kuromoji.IpadicFeatures>) {}

  /**
   * kuromoji 0.1.2 mishandles characters outside the BMP: a run of two or more (𠮷𠮷, 😀😀) is
   * given a length in UTF-16 units on a lattice counted in code points, and the characters
   * after it are silently dropped (`😀😀前文` → one token). A lone high surrogate is paired with
   * whatever follows. So surrogates never reach kuromoji: the text is cut around them, each run
   * becomes one 記号,一般 token (what kuromoji gives a single emoji), and the BMP pieces are
   * tokenized separately.
   */
  tokenize(text: string): Token[] {
    const out: Token[] = [];
    let i = 0;
    while (i < text.length) {
      const astral = isSurrogate(text.charCodeAt(i));
      let j = i + 1;
      while (j < text.length && isSurrogate(text.charCodeAt(j)) === astral) j++;
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
