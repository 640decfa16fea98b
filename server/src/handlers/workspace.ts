/**
 * The workspace on disk: the initial scan of the workspace folders (every `.shitei` file, in
 * slices), file-watch events, and the dictionary load that completes the token rules.
 */
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import { localize } from '../../../core/out/index';
import type { ServerContext } from '../context';
import type { ConfigWarnings } from './configuration';
import type { DiagnosticsScheduler } from './diagnostics';
import { BackgroundProgress } from './progress';

export function registerWorkspace(ctx: ServerContext, diagnostics: DiagnosticsScheduler, warnings: ConfigWarnings): { initialized(): void } {
  const { connection } = ctx;

  connection.onDidChangeWatchedFiles((params) => {
    if (ctx.phase !== 'initialized') return;
    let configChanged = false;
    for (const change of params.changes) {
      if (change.uri.endsWith('.shiteirc.json')) {
        configChanged = true;
        continue;
      }
      if (!change.uri.endsWith('.shitei')) continue;
      if (change.type === FileChangeType.Deleted) {
        ctx.files.remove(change.uri);
        if (!ctx.store.has(change.uri)) diagnostics.removed(change.uri);
      } else if (ctx.files.isInWorkspace(change.uri) && !ctx.store.has(change.uri)) {
        diagnostics.reread(change.uri);
      }
    }
    if (configChanged) {
      warnings.clear();
      ctx.analysis.invalidate();
      diagnostics.reanalyzeAll();
    }
  });

  async function loadDictionary(): Promise<void> {
    connection.sendNotification('shitei/status', { state: 'loading' });
    // Not awaited: a client that never answers the progress request must not hold the load.
    const progress = new BackgroundProgress(ctx, localize({ ja: 'shitei: 形態素解析辞書を読み込み中', en: 'shitei: loading the morphological dictionary' }, ctx.locale));
    // Not even the load's first synchronous steps (finding and checking the dictionary files)
    // before a sheet opened meanwhile has had its structural diagnostics.
    await ctx.firstDiagnostics.whenClear();
    const state = await ctx.analysis.loadTokenizer(undefined, () => ctx.firstDiagnostics.whenClear());
    progress.done();
    connection.sendNotification('shitei/status', { state });
    if (state === 'failed') connection.console.error('shitei: the kuromoji dictionary could not be loaded; token-based rules are off');
    diagnostics.reanalyzeAll();
  }

  return {
    initialized() {
      if (ctx.client.watchRegistration) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.shitei' }, { globPattern: '**/.shiteirc.json' }] }).catch(() => undefined);
      }
      diagnostics.scanWorkspace();
      void loadDictionary();
    },
  };
}
