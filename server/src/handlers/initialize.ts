/** Capability negotiation: initialize, initialized, shutdown. */
import {
  CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult, type ServerCapabilities,
} from 'vscode-languageserver';
import { toolVersion } from '../../../core/out/node/index';
import type { ColumnEncoding } from '../../../core/out/index';
import { SHOW_RULE_DOCUMENTATION } from '../../../core/out/service/index';
import { clientSupport, type ServerContext } from '../context';
import { APPLY_FIX_ALL, FIX_ALL_KIND } from './codeActions';

export function registerInitialize(ctx: ServerContext, onInitialized: () => void): void {
  ctx.connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as { locale?: string; debounceMs?: number; docsBaseUrl?: string; clientCommands?: unknown };
    const requested = init.locale ?? params.locale ?? 'ja';
    ctx.locale = requested.toLowerCase().startsWith('ja') ? 'ja' : 'en';
    if (typeof init.debounceMs === 'number') ctx.debounceMs = init.debounceMs;
    if (init.docsBaseUrl) ctx.docsBase = init.docsBaseUrl.replace(/\/$/, '');
    const caps = params.capabilities;
    // LSP 3.17 positionEncodings, else clangd's offsetEncoding extension (which some clients,
    // e.g. Neovim configured for it, send): the client's first choice that we support.
    const supported = (list: string[] | undefined) => list?.find((e) => e === 'utf-8' || e === 'utf-16' || e === 'utf-32');
    const chosen = supported(caps.general?.positionEncodings) ?? supported((caps as { offsetEncoding?: string[] }).offsetEncoding);
    ctx.encoding = (chosen as ColumnEncoding | undefined) ?? 'utf-16';
    ctx.store.encoding = ctx.encoding;
    ctx.client = clientSupport(caps);
    // Commands the client runs itself are not announced: vscode-languageclient registers every
    // announced command as an editor command, and a second registration of the extension's own
    // shitei.showRuleDocumentation would fail. (They are still answered if sent.)
    const clientCommands = new Set(Array.isArray(init.clientCommands) ? init.clientCommands.filter((c): c is string => typeof c === 'string') : []);
    if (/visual studio code|code - oss|vscodium|code-server/i.test(params.clientInfo?.name ?? '')) clientCommands.add(SHOW_RULE_DOCUMENTATION);
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    ctx.files.setRoots(roots);
    ctx.analysis.setWorkspaceRoots(roots);
    const capabilities: ServerCapabilities = {
      positionEncoding: ctx.encoding,
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['【', '：', ':', '、'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      inlayHintProvider: true,
      executeCommandProvider: { commands: [APPLY_FIX_ALL, SHOW_RULE_DOCUMENTATION].filter((c) => !clientCommands.has(c)) },
      ...(ctx.client.pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true } } : {}),
    };
    ctx.phase = 'initialized';
    return { capabilities, serverInfo: { name: 'shitei', version: toolVersion() }, ...({ offsetEncoding: ctx.encoding } as object) };
  });

  ctx.connection.onInitialized(() => {
    if (ctx.phase === 'initialized') onInitialized();
  });

  ctx.connection.onShutdown(() => {
    ctx.phase = 'shutdown';
  });
}
