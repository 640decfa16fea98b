/**
 * The language server: LSP wiring only. Every answer comes from the core (analysis, the
 * cross-file index and the language-service modules); the handlers in handlers/ convert
 * positions and shapes, one concern each:
 *
 * - initialize.ts     capability negotiation and the connection's lifecycle
 * - textSync.ts       open / change / close
 * - diagnostics.ts    scheduling (one queue, in slices) and publishing, push and pull
 * - features.ts       hover, completion, symbols, folding, inlay hints
 * - codeActions.ts    quick fixes, fix-all, commands
 * - workspace.ts      the folder scan, file watching, the dictionary load
 * - configuration.ts  settings layered over .shiteirc.json
 */
import type { Connection } from 'vscode-languageserver';
import { ServerContext, type ServerOptions } from './context';
import { registerInitialize } from './handlers/initialize';
import { ConfigWarnings, Configuration } from './handlers/configuration';
import { DiagnosticsScheduler } from './handlers/diagnostics';
import { registerTextSync } from './handlers/textSync';
import { registerFeatures } from './handlers/features';
import { registerCodeActions } from './handlers/codeActions';
import { registerWorkspace } from './handlers/workspace';

export { FIX_ALL_KIND } from './handlers/codeActions';
export type { ServerOptions } from './context';

export function startShiteiServer(connection: Connection, options: ServerOptions = {}): void {
  const ctx = new ServerContext(connection, options);
  const warnings = new ConfigWarnings(ctx);
  const diagnostics = new DiagnosticsScheduler(ctx, warnings);
  const configuration = new Configuration(ctx, diagnostics, warnings);
  const workspace = registerWorkspace(ctx, diagnostics, warnings);
  registerInitialize(ctx, () => {
    configuration.initialized();
    // A client that never answers workspace/configuration must not hold the scan.
    void Promise.race([configuration.pullGlobal(), new Promise((resolve) => setTimeout(resolve, 1000))]).finally(() => workspace.initialized());
  });
  configuration.register();
  registerTextSync(ctx, diagnostics, configuration);
  registerFeatures(ctx);
  registerCodeActions(ctx, diagnostics);

  connection.languages.diagnostics.on(async (params, token) =>
    DiagnosticsScheduler.retrigger(await ctx.request('diagnostic', token, () => diagnostics.pull(params.textDocument.uri, token))));
  // Pull clients ask for the files that are not open through workspace diagnostics.
  connection.languages.diagnostics.onWorkspace(async (params, token) =>
    DiagnosticsScheduler.retrigger(await ctx.request('workspaceDiagnostic', token, () => diagnostics.pullWorkspace(params.previousResultIds, token))));

  connection.listen();
}
