/**
 * Open, change and close. Only documents of the `shitei` language are kept and checked (a
 * markdown file opened through the same server is not a sheet). Closing a workspace sheet
 * puts it back to its state on disk, so unsaved edits stop counting; any other file's
 * diagnostics are cleared.
 */
import type { ServerContext } from '../context';
import type { Configuration } from './configuration';
import type { DiagnosticsScheduler } from './diagnostics';

export const LANGUAGE_ID = 'shitei';

export function registerTextSync(ctx: ServerContext, diagnostics: DiagnosticsScheduler, configuration: Configuration): void {
  const { connection } = ctx;
  connection.onDidOpenTextDocument(async (params) => {
    if (ctx.phase !== 'initialized') return;
    const { uri, languageId, version, text } = params.textDocument;
    if (languageId !== LANGUAGE_ID) return;
    ctx.store.open(uri, languageId, version, text);
    ctx.firstDiagnostics.opened(uri);
    await configuration.settingsFor(uri);
    diagnostics.changed(uri, 0);
  });

  connection.onDidChangeTextDocument((params) => {
    const uri = params.textDocument.uri;
    if (!ctx.store.has(uri)) return;
    ctx.store.change(uri, params.textDocument.version ?? 0, params.contentChanges);
    diagnostics.changed(uri);
  });

  connection.onDidCloseTextDocument((params) => {
    const uri = params.textDocument.uri;
    if (!ctx.store.has(uri)) return;
    ctx.firstDiagnostics.answered(uri);
    ctx.store.close(uri);
    ctx.analysis.forget(uri);
    if (ctx.files.isInWorkspace(uri)) diagnostics.reread(uri);
    else diagnostics.removed(uri);
  });
}
