/**
 * Analysis of open documents through the core's one analysis path, cached per document
 * version. The tokenizer loads in the background: until it is ready, structural diagnostics
 * are served at once and the token-based rules follow when it is.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeText, type AnalysisResult, resolveConfig, type ResolvedConfig, type ShiteiConfigFile, TokenCache } from '../../core/out/index';
import { ConfigError, ConfigLoader, loadTokenizer } from '../../core/out/node/index';
import type { SheetDocument } from './documents';

export type TokenizerState = 'loading' | 'ready' | 'failed';

export class AnalysisService {
  private tokens?: TokenCache;
  state: TokenizerState = 'loading';
  private readonly cache = new Map<string, { version: number; complete: boolean; result: AnalysisResult; config: ResolvedConfig }>();
  private readonly loader = new ConfigLoader();
  /** Settings from the editor (shitei.*), layered over the config file: per document, else the workspace's. */
  private settings = new Map<string, ShiteiConfigFile>();
  private globalSettings?: ShiteiConfigFile;
  readonly configProblems = new Map<string, string>();

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
    return this.state;
  }

  setSettings(uri: string, settings: ShiteiConfigFile | undefined): void {
    if (settings) this.settings.set(uri, settings);
    else this.settings.delete(uri);
    this.cache.delete(uri);
  }

  /** The settings for every document without its own (unopened workspace files too). */
  setGlobalSettings(settings: ShiteiConfigFile | undefined): void {
    this.globalSettings = settings;
    this.cache.clear();
  }

  /** Forget cached configs and results (a config file or the settings changed). */
  invalidate(): void {
    this.loader.invalidate();
    this.cache.clear();
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
    const result = analyzeText(doc.text, { config, tokens: this.tokens });
    this.cache.set(doc.uri, { version: doc.version, complete, result, config });
    return result;
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
