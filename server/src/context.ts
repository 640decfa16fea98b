/**
 * What the handlers share: the connection, the documents (open and on disk), the analysis, the
 * cross-file index, and what was negotiated with the client. Handlers read and call it; the
 * state that changes lives in the objects it holds, not in loose variables.
 */
import {
  ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type ClientCapabilities, type Connection,
} from 'vscode-languageserver';
import { AnalysisService, filePathOf } from './analysisService';
import { DocumentStore, type SheetDocument } from './documents';
import { WorkspaceFiles } from './workspaceFiles';
import { CrossFileIndex, type ColumnEncoding, type Locale } from '../../core/out/index';
import { ruleDocsUrl } from '../../core/out/node/index';
import { FirstDiagnosticsGate } from './firstDiagnosticsGate';
import { IncomingSignal, Outbox } from './connectionFlow';

/** The lifecycle of the connection, for the answers LSP requires before initialize and after shutdown. */
export type Phase = 'created' | 'initialized' | 'shutdown';

/** What the client said it can do, read once at initialize. */
export interface ClientSupport {
  pullDiagnostics: boolean;
  refreshPull: boolean;
  configuration: boolean;
  configurationRegistration: boolean;
  watchRegistration: boolean;
  workDoneProgress: boolean;
  applyEdit: boolean;
  showDocument: boolean;
  hoverMarkdown: boolean;
  completionMarkdown: boolean;
  hierarchicalSymbols: boolean;
}

export function clientSupport(caps: ClientCapabilities): ClientSupport {
  // A format list that is given and lacks markdown means plaintext only; no list: markdown, as before.
  const markdown = (formats: string[] | undefined) => !formats || formats.includes('markdown');
  return {
    pullDiagnostics: !!caps.textDocument?.diagnostic,
    refreshPull: !!caps.workspace?.diagnostics?.refreshSupport,
    configuration: !!caps.workspace?.configuration,
    configurationRegistration: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
    watchRegistration: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    workDoneProgress: !!caps.window?.workDoneProgress,
    applyEdit: !!caps.workspace?.applyEdit,
    showDocument: !!caps.window?.showDocument?.support,
    hoverMarkdown: markdown(caps.textDocument?.hover?.contentFormat),
    completionMarkdown: markdown(caps.textDocument?.completion?.completionItem?.documentationFormat),
    hierarchicalSymbols: !!caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport,
  };
}

export interface ServerOptions {
  /** Delay before analysing after an edit (push mode); 0 = the next turn of the event loop. */
  debounceMs?: number;
  /** Raised by the transport when a message arrives (so background work lets it go first). */
  incoming?: IncomingSignal;
}

export class ServerContext {
  readonly store = new DocumentStore();
  readonly analysis = new AnalysisService();
  readonly files = new WorkspaceFiles();
  readonly index = new CrossFileIndex();
  readonly firstDiagnostics = new FirstDiagnosticsGate();
  /** Background notifications the connection has not written yet (connectionFlow.ts). */
  readonly outbox = new Outbox();
  /** Messages from the client waiting to be handled (connectionFlow.ts). */
  readonly incoming: IncomingSignal;
  phase: Phase = 'created';
  locale: Locale = 'ja';
  encoding: ColumnEncoding = 'utf-16';
  debounceMs: number;
  docsBase = ruleDocsUrl();
  client: ClientSupport = clientSupport({});

  constructor(readonly connection: Connection, options: ServerOptions = {}) {
    this.debounceMs = options.debounceMs ?? 50;
    this.incoming = options.incoming ?? new IncomingSignal();
  }

  docUrl = (code: string): string | undefined => (this.docsBase ? `${this.docsBase}/${code}.md` : undefined);

  /** An open document, else the workspace file as it is on disk. */
  documentFor(uri: string): SheetDocument | undefined {
    return this.store.get(uri) ?? this.files.get(uri);
  }

  /** How other sheets' messages name `uri` when it is not a file. */
  label(uri: string): string {
    return this.files.label(uri);
  }

  path(uri: string): string | undefined {
    return filePathOf(uri);
  }

  /**
   * Runs a request handler: the LSP errors before initialize (-32002) and after shutdown
   * (-32600); a request cancelled before it started answers -32800; a failing one answers an
   * error and the server keeps serving. Never logs document text.
   */
  async request<T>(name: string, token: CancellationToken | undefined, handler: () => T | Promise<T>): Promise<T | ResponseError<void>> {
    if (this.phase === 'created') return new ResponseError(ErrorCodes.ServerNotInitialized, `shitei: ${name} before initialize`);
    if (this.phase === 'shutdown') return new ResponseError(ErrorCodes.InvalidRequest, `shitei: ${name} after shutdown`);
    if (token?.isCancellationRequested) return cancelled();
    try {
      const result = await handler();
      return token?.isCancellationRequested ? cancelled() : result;
    } catch (error) {
      if (error instanceof ResponseError) return error;
      this.connection.console.error(`shitei: ${name} failed: ${errorName(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `shitei: ${name} failed (${error instanceof Error ? errorName(error) : 'error'})`);
    }
  }

  /** Runs background work; a failure is logged (its kind only) and the server goes on. */
  guard(name: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.connection.console.error(`shitei: ${name} failed: ${errorName(error)}`);
    }
  }

  /** Runs asynchronous background work, like guard. */
  async guardAsync(name: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.connection.console.error(`shitei: ${name} failed: ${errorName(error)}`);
    }
  }
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'shitei: request cancelled');
}

function errorName(error: unknown): string {
  try {
    return error instanceof Error ? String(error.name) : typeof error;
  } catch {
    return 'Error';
  }
}
