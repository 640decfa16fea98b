/**
 * The language server: LSP wiring only. Every answer comes from the core (analysis and the
 * language-service modules); these handlers convert positions and shapes and nothing else.
 */
import {
  CodeActionKind, CompletionItemKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ErrorCodes, FileChangeType, FoldingRangeKind,
  InsertTextFormat, MarkupKind, MessageType, ResponseError, ShowMessageNotification, SymbolKind, TextDocumentSyncKind,
  type CodeAction, type Connection, type InitializeParams, type InitializeResult, type ServerCapabilities,
} from 'vscode-languageserver';
import { AnalysisService, filePathOf, type DocumentText } from './analysisService';
import { ruleDocsUrl, toolVersion } from '../../core/out/node/installation';
import { WorkspaceIndex } from './workspaceIndex';
import { FirstDiagnosticsGate } from './firstDiagnosticsGate';
import { analyzeWorkspace } from '../../core/out/workspace/analyzeWorkspace';
import { LineIndex } from '../../core/out/text/lineIndex';
import { DocumentStore, type OpenDocument } from './documents';
import { toLspDiagnostic, toLspEdits, toRange } from './convert';
import type { ColumnEncoding } from '../../core/out/text/lineIndex';
import { localize, type Locale } from '../../core/out/types';
import { hoverAt } from '../../core/out/service/hover';
import { completionsAt, type CompletionKind } from '../../core/out/service/completion';
import { documentSymbols, foldingRanges } from '../../core/out/service/outline';
import { inlayHints } from '../../core/out/service/inlayHints';
import { disableForFileEdit, disableForLineEdit, fixAllToFixpoint } from '../../core/out/service/actions';
import type { ShiteiConfigFile } from '../../core/out/analysis/config';
import type { Diagnostic } from '../../core/out/analysis/analyze';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shitei`;

export interface ServerOptions {
  /** Delay before analysing after an edit (push mode); 0 = the next turn of the event loop. */
  debounceMs?: number;
}

export function startShiteiServer(connection: Connection, options: ServerOptions = {}): void {
  const store = new DocumentStore();
  const analysis = new AnalysisService();
  let locale: Locale = 'ja';
  let encoding: ColumnEncoding = 'utf-16';
  let pullDiagnostics = false;
  let canRefreshPull = false;
  let configurationSupport = false;
  let debounceMs = options.debounceMs ?? 50;
  let docsBase = ruleDocsUrl();
  const pending = new Map<string, NodeJS.Timeout>();
  const workspace = new WorkspaceIndex();
  const firstDiagnostics = new FirstDiagnosticsGate();
  let watchRegistration = false;
  /** What was last published per URI, so only changed cross-file results are sent again. */
  const published = new Map<string, string>();

  const docUrl = (code: string) => (docsBase ? `${docsBase}/${code}.md` : undefined);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as { locale?: string; debounceMs?: number; docsBaseUrl?: string };
    const requested = init.locale ?? params.locale ?? 'ja';
    locale = requested.toLowerCase().startsWith('ja') ? 'ja' : 'en';
    if (typeof init.debounceMs === 'number') debounceMs = init.debounceMs;
    if (init.docsBaseUrl) docsBase = init.docsBaseUrl.replace(/\/$/, '');
    const caps = params.capabilities;
    // LSP 3.17 positionEncodings, else clangd's offsetEncoding extension (which some clients,
    // e.g. Neovim configured for it, send): the client's first choice that we support.
    const supported = (list: string[] | undefined) => list?.find((e) => e === 'utf-8' || e === 'utf-16' || e === 'utf-32');
    const chosen = supported(caps.general?.positionEncodings) ?? supported((caps as { offsetEncoding?: string[] }).offsetEncoding);
    encoding = (chosen as ColumnEncoding | undefined) ?? 'utf-16';
    store.encoding = encoding;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    canRefreshPull = !!caps.workspace?.diagnostics?.refreshSupport;
    configurationSupport = !!caps.workspace?.configuration;
    watchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    workspace.setRoots(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    const capabilities: ServerCapabilities = {
      positionEncoding: encoding,
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['【', '：', ':', '、'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      inlayHintProvider: true,
      executeCommandProvider: { commands: ['shitei.applyFixAll'] },
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true } } : {}),
    };
    return { capabilities, serverInfo: { name: 'shitei', version: toolVersion() }, ...({ offsetEncoding: encoding } as object) };
  });

  connection.onInitialized(() => {
    if (configurationSupport) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'shitei' }).catch(() => undefined);
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.shitei' }, { globPattern: '**/.shiteirc.json' }] }).catch(() => undefined);
    }
    guard('workspace scan', () => workspace.scan());
    refreshAll();
    void loadDictionary();
  });

  async function loadDictionary(): Promise<void> {
    connection.sendNotification('shitei/status', { state: 'loading' });
    let progress: { begin(title: string): void; done(): void } | undefined;
    try {
      const p = await connection.window.createWorkDoneProgress();
      p.begin(locale === 'ja' ? 'shitei: 形態素解析辞書を読み込み中' : 'shitei: loading the morphological dictionary');
      progress = p;
    } catch {
      progress = undefined; // the client does not support progress
    }
    // Not even the load's first synchronous steps (finding and checking the dictionary files)
    // before a sheet opened meanwhile has had its structural diagnostics.
    await firstDiagnostics.whenClear();
    const state = await analysis.loadTokenizer(undefined, () => firstDiagnostics.whenClear());
    progress?.done();
    connection.sendNotification('shitei/status', { state });
    if (state === 'failed') {
      connection.console.error('shitei: the kuromoji dictionary could not be loaded; token-based rules are off');
    }
    refreshAll();
  }

  function refreshAll(): void {
    if (pullDiagnostics) {
      if (canRefreshPull) void connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      published.clear();
      for (const doc of allDocuments()) schedule(doc.uri, 0);
    }
  }

  /** Open documents, and the workspace's other `.shitei` files as they are on disk. */
  function allDocuments(): DocumentText[] {
    const open = store.all();
    const openUris = new Set(open.map((d) => d.uri));
    return [...open, ...workspace.all().filter((d) => !openUris.has(d.uri))];
  }

  function documentFor(uri: string): DocumentText | undefined {
    return store.get(uri) ?? workspace.all().find((d) => d.uri === uri);
  }

  /** The workspace rules over every document (each analysis is cached per version). */
  function crossFileDiagnostics(): Map<string, Diagnostic[]> {
    const entries = allDocuments().flatMap((doc) => {
      const sheet = analysis.analyze(doc).sheet;
      const config = analysis.lastConfig(doc.uri);
      return sheet && config ? [{ id: doc.uri, path: filePathOf(doc.uri), label: workspace.label(doc.uri), sheet, config }] : [];
    });
    return analyzeWorkspace(entries);
  }

  async function settingsFor(uri: string): Promise<void> {
    if (!configurationSupport) return;
    try {
      const s = (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'shitei' })) as { rules?: Record<string, string>; agencies?: string[] } | null;
      const layer: ShiteiConfigFile = {};
      if (s?.rules && typeof s.rules === 'object' && Object.keys(s.rules).length) layer.rules = s.rules as ShiteiConfigFile['rules'];
      if (Array.isArray(s?.agencies) && s!.agencies.length) layer.agencies = s!.agencies;
      analysis.setSettings(uri, Object.keys(layer).length ? layer : undefined);
    } catch {
      analysis.setSettings(uri, undefined);
    }
  }

  /** Publishes `uri`'s diagnostics (if given), and any other document's whose cross-file results changed. */
  function publish(uri?: string): void {
    const cross = crossFileDiagnostics();
    for (const doc of allDocuments()) {
      const own = cross.get(doc.uri) ?? [];
      // Other documents change only through the cross-file rules: compare just those.
      const key = `${doc.version}:${JSON.stringify(own.map((d) => [d.code, d.severity, d.span.start, d.span.end, d.message.ja]))}`;
      if (doc.uri !== uri && published.get(doc.uri) === key) continue;
      published.set(doc.uri, key);
      firstDiagnostics.answered(doc.uri);
      connection.sendDiagnostics({ uri: doc.uri, version: doc.version >= 0 ? doc.version : undefined, diagnostics: lspDiagnostics(doc, own) });
    }
  }

  /** Says once per problem that a .shiteirc.json is broken (checking goes on with defaults). */
  const reportedConfigProblems = new Set<string>();
  function reportConfigProblem(uri: string): void {
    const problem = analysis.configProblems.get(uri);
    if (!problem || reportedConfigProblems.has(problem)) return;
    reportedConfigProblems.add(problem);
    // A notification, not a request: nothing to answer, so the client need not block on it.
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: locale === 'ja'
        ? `shitei: 設定ファイルに誤りがあるため既定の設定で検査しています — ${problem}`
        : `shitei: checking with the default configuration because the configuration file is broken — ${problem}`,
    });
  }

  function lspDiagnostics(doc: DocumentText, cross: Diagnostic[]) {
    const result = analysis.analyze(doc);
    reportConfigProblem(doc.uri);
    const index = 'lineIndex' in doc ? (doc as OpenDocument).lineIndex : new LineIndex(doc.text);
    const all = cross.length ? [...result.diagnostics, ...cross].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code)) : result.diagnostics;
    return all.map((d) => toLspDiagnostic(d, index, encoding, locale, docUrl));
  }

  /** Debounced and cancellable: a newer edit replaces the pending analysis of an older one. */
  function schedule(uri: string, delay = debounceMs): void {
    if (pullDiagnostics) return;
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => {
      pending.delete(uri);
      guard('publishDiagnostics', () => publish(uri));
    }, delay));
  }

  connection.onDidOpenTextDocument(async (params) => {
    const { uri, languageId, version, text } = params.textDocument;
    store.open(uri, languageId, version, text);
    firstDiagnostics.opened(uri);
    await settingsFor(uri);
    schedule(uri, 0);
  });
  connection.onDidChangeTextDocument((params) => {
    store.change(params.textDocument.uri, params.textDocument.version, params.contentChanges);
    schedule(params.textDocument.uri);
  });
  connection.onDidCloseTextDocument((params) => {
    const uri = params.textDocument.uri;
    clearTimeout(pending.get(uri));
    pending.delete(uri);
    firstDiagnostics.answered(uri);
    store.close(uri);
    analysis.forget(uri);
    published.delete(uri);
    if (pullDiagnostics) return;
    // A workspace file goes back to its state on disk; any other file has nothing to show.
    if (workspace.isInWorkspace(uri)) {
      workspace.load(uri);
      schedule(uri, 0);
    } else {
      connection.sendDiagnostics({ uri, diagnostics: [] });
      // Its cross-file results (a shared 整理番号, say) may go from the others.
      setTimeout(() => guard('publishDiagnostics', () => publish()), 0);
    }
  });
  connection.onDidChangeConfiguration(async () => {
    analysis.invalidate();
    reportedConfigProblems.clear();
    for (const doc of store.all()) await settingsFor(doc.uri);
    refreshAll();
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      if (change.uri.endsWith('.shiteirc.json')) {
        reportedConfigProblems.clear();
        continue;
      }
      if (change.type === FileChangeType.Deleted) {
        workspace.remove(change.uri);
        if (!pullDiagnostics && !store.get(change.uri)) connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      } else if (workspace.isInWorkspace(change.uri)) workspace.load(change.uri);
    }
    analysis.invalidate();
    refreshAll();
  });

  connection.languages.diagnostics.on((params, token) => {
    const answer = request('diagnostic', () => {
      const doc = documentFor(params.textDocument.uri);
      if (!doc || token.isCancellationRequested) return { kind: 'full' as const, items: [] };
      return { kind: 'full' as const, items: lspDiagnostics(doc, crossFileDiagnostics().get(doc.uri) ?? []) };
    });
    firstDiagnostics.answered(params.textDocument.uri);
    if (answer instanceof ResponseError) return new ResponseError(answer.code, answer.message, { retriggerRequest: true });
    return answer;
  });

  // Pull clients ask for the files that are not open through workspace diagnostics.
  connection.languages.diagnostics.onWorkspace(() => {
    const answer = request('workspaceDiagnostic', () => {
      const cross = crossFileDiagnostics();
      const open = new Set(store.all().map((d) => d.uri));
      return {
        items: workspace.all().filter((d) => !open.has(d.uri)).map((d) => ({
          uri: d.uri, kind: 'full' as const, version: null, items: lspDiagnostics(d, cross.get(d.uri) ?? []),
        })),
      };
    });
    return answer instanceof ResponseError ? new ResponseError(answer.code, answer.message, { retriggerRequest: true }) : answer;
  });

  connection.onCodeAction((params) =>
    request('codeAction', () => {
      const doc = store.get(params.textDocument.uri);
      if (!doc) return [];
      const result = analysis.analyze(doc);
      const index = doc.lineIndex;
      const start = index.offset(params.range.start, encoding);
      const end = index.offset(params.range.end, encoding);
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const actions: CodeAction[] = [];
      const sheet = result.sheet;
      if (wants(CodeActionKind.QuickFix)) {
        const touched = result.diagnostics.filter((d) => d.span.start <= end && d.span.end >= start);
        for (const d of touched) {
          const diagnostic = toLspDiagnostic(d, index, encoding, locale, docUrl);
          for (const fix of d.fixes) {
            actions.push({
              title: localize(fix.title, locale),
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              isPreferred: fix.isPreferred,
              edit: { changes: { [doc.uri]: toLspEdits(fix.edits, index, encoding) } },
            });
          }
          if (!sheet) continue;
          const lineEdit = disableForLineEdit(sheet, d.span.start, d.code);
          if (lineEdit) {
            actions.push({
              title: locale === 'ja' ? `${d.code} をこの行で無効にする` : `Disable ${d.code} for this line`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              edit: { changes: { [doc.uri]: toLspEdits([lineEdit], index, encoding) } },
            });
          }
          actions.push({
            title: locale === 'ja' ? `${d.code} をこのファイルで無効にする` : `Disable ${d.code} for the entire file`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [doc.uri]: toLspEdits([disableForFileEdit(sheet, d.code)], index, encoding) } },
          });
        }
      }
      if (wants(FIX_ALL_KIND)) {
        // To a fixpoint, so applying fix-all to its own result changes nothing (idempotent).
        const edits = fixAllToFixpoint(doc.text, result.diagnostics, (t) => analysis.analyzeTextOf(doc.uri, t).diagnostics);
        if (edits.length > 0) {
          actions.push({
            title: locale === 'ja' ? '安全な修正をすべて適用する' : 'Apply all safe fixes',
            kind: FIX_ALL_KIND,
            edit: { changes: { [doc.uri]: toLspEdits(edits, index, encoding) } },
          });
        }
      }
      return actions;
    }));

  connection.onHover((params) =>
    request('hover', () => {
      const doc = store.get(params.textDocument.uri);
      const sheet = doc && analysis.analyze(doc).sheet;
      if (!doc || !sheet) return null;
      const hover = hoverAt(sheet, doc.lineIndex.offset(params.position, encoding), locale, analysis.configFor(doc.uri).today);
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: toRange(doc.lineIndex, hover.span, encoding) } : null;
    }));

  const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
    field: CompletionItemKind.Field,
    section: CompletionItemKind.Module,
    reference: CompletionItemKind.Reference,
    value: CompletionItemKind.EnumMember,
    agency: CompletionItemKind.Value,
    date: CompletionItemKind.Constant,
  };

  connection.onCompletion((params) =>
    request('completion', () => {
      const doc = store.get(params.textDocument.uri);
      const sheet = doc && analysis.analyze(doc).sheet;
      if (!doc || !sheet) return [];
      const entries = completionsAt(sheet, doc.lineIndex.offset(params.position, encoding), analysis.configFor(doc.uri), locale, { words: analysis.words });
      return entries.map((e) => ({
        label: e.label,
        kind: COMPLETION_KIND[e.kind],
        detail: e.detail,
        documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
        sortText: e.sortText,
        filterText: e.filterText ?? e.label,
        ...(e.labelDetail || e.labelDescription ? { labelDetails: { detail: e.labelDetail, description: e.labelDescription } } : {}),
        ...(e.preselect ? { preselect: true } : {}),
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range: toRange(doc.lineIndex, e.span, encoding), newText: e.insertText },
      }));
    }));

  connection.onDocumentSymbol((params) =>
    request('documentSymbol', () => {
      const doc = store.get(params.textDocument.uri);
      const sheet = doc && analysis.analyze(doc).sheet;
      if (!doc || !sheet) return [];
      const kinds = { header: SymbolKind.Namespace, field: SymbolKind.Field, section: SymbolKind.String };
      const convert = (s: ReturnType<typeof documentSymbols>[number]): import('vscode-languageserver').DocumentSymbol => ({
        name: s.name,
        detail: s.detail,
        kind: kinds[s.kind],
        range: toRange(doc.lineIndex, s.span, encoding),
        selectionRange: toRange(doc.lineIndex, s.selectionSpan, encoding),
        children: s.children.map(convert),
      });
      return documentSymbols(sheet).map(convert);
    }));

  connection.onFoldingRanges((params) =>
    request('foldingRange', () => {
      const doc = store.get(params.textDocument.uri);
      const sheet = doc && analysis.analyze(doc).sheet;
      if (!sheet) return [];
      return foldingRanges(sheet).map((r) => ({ startLine: r.startLine, endLine: r.endLine, kind: r.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region }));
    }));

  connection.languages.inlayHint.on((params) =>
    request('inlayHint', () => {
      const doc = store.get(params.textDocument.uri);
      const sheet = doc && analysis.analyze(doc).sheet;
      if (!doc || !sheet) return [];
      return inlayHints(sheet, locale, analysis.configFor(doc.uri).today).map((h) => ({ position: doc.lineIndex.position(h.offset, encoding), label: h.label, tooltip: h.tooltip, paddingLeft: false }));
    }));

  connection.onExecuteCommand((params) =>
    request('executeCommand', async () => {
      if (params.command !== 'shitei.applyFixAll') return null;
      const uri = String(params.arguments?.[0] ?? '');
      const doc = store.get(uri);
      if (!doc) return null;
      const edits = fixAllToFixpoint(doc.text, analysis.analyze(doc).diagnostics as Diagnostic[], (t) => analysis.analyzeTextOf(uri, t).diagnostics);
      if (edits.length) await connection.workspace.applyEdit({ changes: { [uri]: toLspEdits(edits, doc.lineIndex, encoding) } });
      return null;
    }));

  /** A failing request answers with an LSP error; the server keeps serving. Never logs document text. */
  function request<T>(name: string, handler: () => T): T | ResponseError<void> {
    try {
      return handler();
    } catch (error) {
      if (error instanceof ResponseError) return error;
      connection.console.error(`shitei: ${name} failed: ${error instanceof Error ? error.name : typeof error}`);
      return new ResponseError(ErrorCodes.InternalError, `shitei: ${name} failed (${error instanceof Error ? error.name : 'error'})`);
    }
  }

  function guard(name: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      connection.console.error(`shitei: ${name} failed: ${error instanceof Error ? error.name : typeof error}`);
    }
  }

  connection.listen();
}
