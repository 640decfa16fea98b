/**
 * Analysis of open documents through the core's one analysis path, cached per document
 * version. The tokenizer loads in the background: until it is ready, structural diagnostics
 * are served at once and the token-based rules follow when it is.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSteps, analyzeText, type AnalysisResult, resolveConfig, type ResolvedConfig, type ShiteiConfigFile, TokenCache } from '../../core/out/index';
import { ConfigError, ConfigLoader, loadTokenizer } from '../../core/out/node/index';
import type { SheetDocument } from './documents';

/**
 * The most diagnostics of one rule the editor is shown for one document (docs/rules/problems-truncated.md):
 * beyond it a sheet of a million broken lines took seconds per keystroke to report and publish.
 */
export const EDITOR_REPORTS_PER_RULE = 1000;

export type TokenizerState = 'loading' | 'ready' | 'failed';

/** The longest an analysis holds the event loop between two rules before requests get a turn. */
export const ANALYSIS_SLICE_MS = 5;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lets the connection read and dispatch what arrived meanwhile: one turn for the input to be
 * read (the connection then queues each message on an immediate of its own), one for those
 * immediates to run before this work goes on — so a cancel or an edit is seen at the next rule.
 */
async function giveTurn(): Promise<void> {
  await nextTurn();
  await nextTurn();
}

/** An analysis run by the background queue in slices (AnalysisService.begin). */
export interface AnalysisJob {
  /** Runs rules until `deadline` (performance.now()) has passed: the result after the last rule, else undefined. */
  advance(deadline: number): AnalysisResult | undefined;
}

/** One caller of a shared analysis run: resolved with the result, or undefined when it stopped waiting. */
interface RunWaiter {
  shouldStop?: () => boolean;
  resolve: (result: AnalysisResult | undefined) => void;
  reject: (error: unknown) => void;
}

/** An analysis of one version of a document, run between other work. */
interface AnalysisRun {
  /** The version and text asked for (an open document's object follows later edits). */
  version: number;
  text: string;
  complete: boolean;
  generation: number;
  isCurrent: () => boolean;
  waiters: Set<RunWaiter>;
}

export class AnalysisService {
  private tokens?: TokenCache;
  state: TokenizerState = 'loading';
  private readonly cache = new Map<string, { version: number; complete: boolean; result: AnalysisResult; config: ResolvedConfig }>();
  private readonly loader = new ConfigLoader();
  /** Settings from the editor (shitei.*), layered over the config file: per document, else the workspace's. */
  private settings = new Map<string, ShiteiConfigFile>();
  private globalSettings?: ShiteiConfigFile;
  readonly configProblems = new Map<string, string>();
  /** Analyses running between other work, per URI (analyzeAsync). */
  private readonly runs = new Map<string, AnalysisRun>();
  /** Bumped whenever cached results become stale (config, settings, dictionary): a run started before does not cache. */
  private generation = 0;
  /** Counted work, for tests: analyses started between other work, and those stopped before their last rule. */
  readonly work = { runs: 0, stopped: 0 };

  /**
   * Where the .shiteirc.json search stops (docs/configuration.md): the workspace folders, so a
   * config in a shared parent such as /tmp cannot reach into the workspace.
   */
  setWorkspaceRoots(uris: readonly string[]): void {
    this.loader.setRoots(uris.flatMap((uri) => filePathOf(uri) ?? []));
  }

  /** Tokens for the language service (別表 completion ranks as the rules do), once loaded. */
  get words(): { hasTokens: boolean; tokenizeText: (text: string) => ReturnType<TokenCache['tokenize']> } | undefined {
    const tokens = this.tokens;
    return tokens ? { hasTokens: true, tokenizeText: (text) => tokens.tokenize(text) } : undefined;
  }

  /**
   * Starts loading the dictionary; resolves when ready (or failed: structural rules still run).
   * `yieldTo`: awaited between the load's steps, to let more urgent work go first.
   */
  async loadTokenizer(dicPath?: string, yieldTo?: () => Promise<void>): Promise<TokenizerState> {
    try {
      this.tokens = new TokenCache(await loadTokenizer({ ...(dicPath ? { dicPath } : {}), ...(yieldTo ? { prepared: { yieldTo } } : {}) }));
      this.state = 'ready';
    } catch {
      this.state = 'failed';
    }
    this.cache.clear();
    this.generation++;
    return this.state;
  }

  setSettings(uri: string, settings: ShiteiConfigFile | undefined): void {
    // Asked at every open: an answer that changes nothing does not stop an analysis already running.
    const changed = JSON.stringify(this.settings.get(uri)) !== JSON.stringify(settings);
    if (settings) this.settings.set(uri, settings);
    else this.settings.delete(uri);
    this.cache.delete(uri);
    if (changed) this.generation++;
  }

  /** The settings for every document without its own (unopened workspace files too). */
  setGlobalSettings(settings: ShiteiConfigFile | undefined): void {
    this.globalSettings = settings;
    this.cache.clear();
    this.generation++;
  }

  /** Forget cached configs and results (a config file or the settings changed). */
  invalidate(): void {
    this.loader.invalidate();
    this.cache.clear();
    this.generation++;
  }

  configFor(uri: string): ResolvedConfig {
    const file = filePathOf(uri);
    const settings = this.settings.get(uri) ?? this.globalSettings;
    try {
      const { config } = file ? this.loader.forDocument(file) : { config: resolveConfig() };
      this.configProblems.delete(uri);
      return settings ? resolveConfig(configLayer(config), settings) : config;
    } catch (error) {
      // A broken .shiteirc.json must not stop checking: use defaults and say why.
      this.configProblems.set(uri, error instanceof ConfigError ? `${error.file}: ${error.problems.map((p) => p.en).join('; ')}` : String(error));
      return resolveConfig(settings);
    }
  }

  analyze(doc: SheetDocument): AnalysisResult {
    const cached = this.cache.get(doc.uri);
    const complete = this.state === 'ready';
    if (cached && cached.version === doc.version && cached.complete === complete) return cached.result;
    const config = this.configFor(doc.uri);
    const result = analyzeText(doc.text, { config, tokens: this.tokens, maxReportsPerRule: EDITOR_REPORTS_PER_RULE });
    this.cache.set(doc.uri, { version: doc.version, complete, result, config });
    return result;
  }

  /**
   * The analysis of `doc` run between other work: between rules it gives the event loop a turn
   * whenever it has held it for ANALYSIS_SLICE_MS, so requests and cancellations are read while
   * a long sheet is checked. Resolves with the result (cached like analyze's), or undefined when
   * the caller's `shouldStop` says so at a rule boundary (a cancelled request) or when the run
   * stopped: `isCurrent` said the document changed (a newer edit supersedes it) or the config
   * changed meanwhile. Callers asking for the same version share one run, which stops at the
   * next rule once none of them waits for it; a stopped run is never cached.
   */
  analyzeAsync(doc: SheetDocument, isCurrent: () => boolean, shouldStop?: () => boolean): Promise<AnalysisResult | undefined> {
    const cached = this.cached(doc);
    if (cached) return Promise.resolve(cached);
    const complete = this.state === 'ready';
    let run = this.runs.get(doc.uri);
    if (!run || run.version !== doc.version || run.text !== doc.text || run.complete !== complete || run.generation !== this.generation) {
      run = { version: doc.version, text: doc.text, complete, generation: this.generation, isCurrent, waiters: new Set() };
      this.runs.set(doc.uri, run);
      void this.execute(doc, run);
    }
    const waiters = run.waiters;
    return new Promise((resolve, reject) => waiters.add({ shouldStop, resolve, reject }));
  }

  /**
   * The analysis of `doc` for the background queue, one rule at a time: `advance(deadline)` runs
   * rules until the deadline (performance.now()) has passed and gives the result after the last
   * one (cached like analyze's). When the config, the settings or the dictionary change meanwhile
   * it starts again with them, so what it gives is never stale. The parse and each rule run whole.
   */
  begin(doc: SheetDocument): AnalysisJob {
    const cached = this.cached(doc);
    if (cached) return { advance: () => cached };
    let run: { generation: number; complete: boolean; config: ResolvedConfig; steps: Generator<void, AnalysisResult, void> } | undefined;
    return {
      advance: (deadline) => {
        if (!run || run.generation !== this.generation) {
          const config = this.configFor(doc.uri);
          run = { generation: this.generation, complete: this.state === 'ready', config, steps: analyzeSteps(doc.text, { config, tokens: this.tokens, maxReportsPerRule: EDITOR_REPORTS_PER_RULE }) };
        }
        for (;;) {
          const step = run.steps.next();
          if (step.done) {
            this.cache.set(doc.uri, { version: doc.version, complete: run.complete, result: step.value, config: run.config });
            return step.value;
          }
          if (performance.now() >= deadline) return undefined;
        }
      },
    };
  }

  /** Whether an analysis of this version of `doc` is running between other work. */
  isRunning(doc: SheetDocument): boolean {
    const run = this.runs.get(doc.uri);
    return !!run && run.version === doc.version && run.text === doc.text;
  }

  private async execute(doc: Pick<SheetDocument, 'uri'>, run: AnalysisRun): Promise<void> {
    this.work.runs++;
    // Started on the next turn, so every caller of this turn joins before the first rule.
    await nextTurn();
    const settle = (result: AnalysisResult | undefined) => {
      if (this.runs.get(doc.uri) === run) this.runs.delete(doc.uri);
      for (const w of run.waiters) w.resolve(result);
      run.waiters.clear();
    };
    /** Between rules: callers that want to stop are let go; the run stops when none waits or it is stale. */
    const shouldStop = () => {
      for (const w of run.waiters) {
        if (w.shouldStop?.()) {
          run.waiters.delete(w);
          w.resolve(undefined);
        }
      }
      return run.waiters.size === 0 || run.generation !== this.generation || !run.isCurrent();
    };
    let result: AnalysisResult;
    try {
      if (shouldStop()) {
        this.work.stopped++;
        return settle(undefined);
      }
      const config = this.configFor(doc.uri);
      const steps = analyzeSteps(run.text, { config, tokens: this.tokens, shouldStop, maxReportsPerRule: EDITOR_REPORTS_PER_RULE });
      let sliceStart = performance.now();
      for (;;) {
        const step = steps.next();
        if (step.done) {
          result = step.value;
          break;
        }
        if (performance.now() - sliceStart >= ANALYSIS_SLICE_MS) {
          await giveTurn();
          sliceStart = performance.now();
        }
      }
      // (The document may have changed during the last turn given away, after the last rule's check.)
      if (result.cancelled || run.generation !== this.generation || !run.isCurrent()) {
        this.work.stopped++;
        return settle(undefined);
      }
      this.cache.set(doc.uri, { version: run.version, complete: run.complete, result, config });
    } catch (error) {
      // As a failing analyze() would: each caller gets the error to report (the run itself never throws).
      if (this.runs.get(doc.uri) === run) this.runs.delete(doc.uri);
      for (const w of run.waiters) w.reject(error);
      run.waiters.clear();
      return;
    }
    settle(result);
  }

  /** The cached analysis of this version, if there is one (never analyses). */
  cached(doc: SheetDocument): AnalysisResult | undefined {
    const cached = this.cache.get(doc.uri);
    return cached && cached.version === doc.version && cached.complete === (this.state === 'ready') ? cached.result : undefined;
  }

  /** Analysis of another text with `uri`'s config (fix-all's later passes); not cached. */
  analyzeTextOf(uri: string, text: string): AnalysisResult {
    return analyzeText(text, { config: this.configFor(uri), tokens: this.tokens });
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The config the last analysis of `uri` used. */
  lastConfig(uri: string): ResolvedConfig | undefined {
    return this.cache.get(uri)?.config;
  }
}

/** A resolved config back as a file layer, so editor settings can be layered over it. */
function configLayer(config: ResolvedConfig): ShiteiConfigFile {
  const t = config.today;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    rules: { ...config.rules },
    today: `${t.year}-${pad(t.month)}-${pad(t.day)}`,
    expirySoonDays: config.expirySoonDays,
    agencies: [...config.agencies],
    maxDocumentChars: config.maxDocumentChars,
  };
}

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
