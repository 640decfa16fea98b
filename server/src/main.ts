/**
 * Starts the language server on the transport named on the command line (--stdio, --node-ipc,
 * --socket=N, as vscode-languageclient passes them). Used by the extension and by `shitei lsp`.
 */
import { createConnection, LSPErrorCodes, Message, ProposedFeatures, type ResponseMessage } from 'vscode-languageserver/node';
import { startShiteiServer } from './server';
import { ResyncingFramer } from './framing';
import { IncomingSignal } from './connectionFlow';

/**
 * vscode-jsonrpc logs a malformed incoming message whole (window/logMessage), and with it any
 * document text the client put in it. Such a message reaches the library as a bare shell (its
 * id, so a pending request is still answered), and the log says only that it was malformed.
 */
function withoutEcho(message: Message): Message {
  if (Message.isRequest(message) || Message.isNotification(message)) return message;
  if (Message.isResponse(message)) {
    if (message.id !== null || !message.error) return message;
    return { jsonrpc: message.jsonrpc, id: null, error: { code: message.error.code, message: '(omitted)' } } as Message;
  }
  const id = (message as { id?: unknown } | null)?.id;
  return { jsonrpc: '2.0', ...(typeof id === 'string' || typeof id === 'number' ? { id } : {}) } as Message;
}

/**
 * Runs the server on the transport named on the command line, or on `streams` when given (the
 * build's code-cache warm-up drives the bundle in-process that way).
 */
export function runServer(streams?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }): void {
  const options = {
    messageStrategy: { handleMessage: (message: Message, next: (message: Message) => void) => next(withoutEcho(message)) },
    // A request cancelled while still queued is answered at once with RequestCancelled (-32800).
    connectionStrategy: {
      cancelUndispatched: (message: Message) =>
        ({ jsonrpc: '2.0', id: (message as unknown as { id: number | string }).id, error: { code: LSPErrorCodes.RequestCancelled, message: 'shitei: request cancelled' } }) as ResponseMessage,
    },
  };
  // The stdio channel is the protocol: nothing else may write to stdout.
  // Over stdio, the framing is checked first, so a wrong Content-Length is said and survived.
  const stdio = !streams && process.argv.includes('--stdio');
  const input = streams?.input ?? (stdio ? process.stdin.pipe(new ResyncingFramer()) : undefined);
  const output = streams?.output ?? (stdio ? process.stdout : undefined);
  const connection = input && output
    ? createConnection(ProposedFeatures.all, input, output, options)
    : createConnection(ProposedFeatures.all, options);
  // Background work lets a message that arrived go first (connectionFlow.ts). Over stdio (or the
  // given streams) every framed message is one 'data' chunk; over IPC, one 'message' event.
  const incoming = new IncomingSignal();
  if (input) input.on('data', () => incoming.notify());
  else if (process.argv.includes('--node-ipc')) process.on('message', () => incoming.notify());
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  process.on('uncaughtException', (error) => connection.console.error(`shitei: uncaught ${error.name}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`shitei: unhandled rejection ${reason instanceof Error ? reason.name : typeof reason}`));
  startShiteiServer(connection, { incoming });
}

if (require.main === module) runServer();
