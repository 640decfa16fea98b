/**
 * Configuration: the editor's `shitei.*` settings layered over `.shiteirc.json`. Settings come
 * from `workspace/configuration` per document when the client answers it, else from the
 * `settings` of `workspace/didChangeConfiguration`; the workspace-wide layer also reaches the
 * workspace files that are not open. A broken config file is said once per problem.
 */
import { DidChangeConfigurationNotification, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { type ShiteiConfigFile, localize } from '../../../core/out/index';
import type { ServerContext } from '../context';
import type { DiagnosticsScheduler } from './diagnostics';

/** The usable part of a `shitei` settings object (unknown keys and empty values dropped). */
export function settingsLayer(value: unknown): ShiteiConfigFile | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const s = value as { rules?: unknown; agencies?: unknown };
  const layer: ShiteiConfigFile = {};
  if (s.rules && typeof s.rules === 'object' && !Array.isArray(s.rules) && Object.keys(s.rules).length) layer.rules = s.rules as ShiteiConfigFile['rules'];
  if (Array.isArray(s.agencies) && s.agencies.length) layer.agencies = s.agencies.filter((a): a is string => typeof a === 'string');
  return Object.keys(layer).length ? layer : undefined;
}

export class ConfigWarnings {
  private readonly reported = new Set<string>();

  constructor(private readonly ctx: ServerContext) {}

  /** Says once per problem that a .shiteirc.json is broken (checking goes on with defaults). */
  report(uri: string): void {
    const problem = this.ctx.analysis.configProblems.get(uri);
    if (!problem || this.reported.has(problem)) return;
    this.reported.add(problem);
    // A notification, not a request: nothing to answer, so the client need not block on it.
    void this.ctx.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: localize({
        ja: `shitei: 設定ファイルに誤りがあるため既定の設定で検査しています — ${problem}`,
        en: `shitei: checking with the default configuration because the configuration file is broken — ${problem}`,
      }, this.ctx.locale),
    });
  }

  clear(): void {
    this.reported.clear();
  }
}

export class Configuration {
  constructor(private readonly ctx: ServerContext, private readonly diagnostics: DiagnosticsScheduler, private readonly warnings: ConfigWarnings) {}

  register(): void {
    this.ctx.connection.onDidChangeConfiguration(async (params) => {
      if (this.ctx.phase !== 'initialized') return;
      this.ctx.analysis.invalidate();
      this.warnings.clear();
      const pushed = (params?.settings as { shitei?: unknown } | null | undefined)?.shitei;
      if (pushed !== undefined) this.ctx.analysis.setGlobalSettings(settingsLayer(pushed));
      else await this.pullGlobal();
      for (const doc of this.ctx.store.all()) await this.settingsFor(doc.uri);
      this.diagnostics.reanalyzeAll();
    });
  }

  /** After initialized: ask for change notifications, by dynamic registration only where the client supports it. */
  initialized(): void {
    if (this.ctx.client.configurationRegistration) {
      void this.ctx.connection.client.register(DidChangeConfigurationNotification.type, { section: 'shitei' }).catch(() => undefined);
    }
  }

  /** The workspace-wide settings (no scope), for the files that are not open. */
  async pullGlobal(): Promise<void> {
    if (!this.ctx.client.configuration) return;
    try {
      const [value] = await this.ctx.connection.workspace.getConfiguration([{ section: 'shitei' }]);
      this.ctx.analysis.setGlobalSettings(settingsLayer(value));
    } catch {
      // The client could not answer: keep what we have.
    }
  }

  /** The settings scoped to one document, where the client answers `workspace/configuration`. */
  async settingsFor(uri: string): Promise<void> {
    if (!this.ctx.client.configuration) return;
    try {
      const value = await this.ctx.connection.workspace.getConfiguration({ scopeUri: uri, section: 'shitei' });
      this.ctx.analysis.setSettings(uri, settingsLayer(value));
    } catch {
      this.ctx.analysis.setSettings(uri, undefined);
    }
  }
}
