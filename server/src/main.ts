/**
 * Starts the language server on the transport named on the command line (--stdio, --node-ipc,
 * --socket=N, as vscode-languageclient passes them). Used by the extension and by `shitei lsp`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startShiteiServer } from './server';

export function runServer(): void {
  // The stdio channel is the protocol: nothing else may write to stdout.
  const connection = createConnection(ProposedFeatures.all);
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  process.on('uncaughtException', (error) => connection.console.error(`shitei: uncaught ${error.name}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`shitei: unhandled rejection ${reason instanceof Error ? reason.name : typeof reason}`));
  startShiteiServer(connection);
}

if (require.main === module) runServer();
