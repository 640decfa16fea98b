/**
 * The VS Code extension: starts the bundled language server and adds what only the editor
 * has (status bar, commands, rendered rule pages, the register view). All checking is the
 * server's, which is the CLI's analysis.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient, ShowMessageNotification, MessageType, State, TransportKind,
  type LanguageClientOptions, type Middleware, type ServerOptions,
} from 'vscode-languageclient/node';
import { isJapanese, messageLocale, t } from './locale';
import { log, outputChannel } from './log';
import { RuleDocumentation, SHOW_RULE_DOCUMENTATION, documentationUri } from './ruleDocs';
import { StatusItem, type ServerState } from './status';

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;
let status: StatusItem | undefined;
let docs: RuleDocumentation | undefined;

const STATUS_MENU = 'shitei.statusMenu';
const OPEN_SHEET = 'shitei.openSheet';

function serverModule(context: vscode.ExtensionContext): string {
  // The packaged extension ships dist/server.js; a development checkout runs the compiled server.
  const bundled = context.asAbsolutePath('dist/server.js');
  return fs.existsSync(bundled) ? bundled : context.asAbsolutePath('server/out/main.js');
}

const STATE_LOG: Record<string, string> = {
  loading: 'loading the morphological dictionary',
  ready: 'dictionary loaded; every rule is running',
  failed: 'the dictionary could not be loaded; token-based rules are off',
};

/**
 * The server links each diagnostic's code to its page in the install folder (a file: URI, which
 * VS Code would open as editable Markdown source); here the link opens the rendered page.
 */
function withDocumentationLinks(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const d of diagnostics) {
    if (d.source !== 'shitei' || !d.code) continue;
    const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
    if (/^[a-z0-9-]+$/.test(code)) d.code = { value: code, target: documentationUri(code) };
  }
  return [...diagnostics];
}

function middleware(): Middleware {
  return {
    handleDiagnostics: (uri, diagnostics, next) => next(uri, withDocumentationLinks(diagnostics)),
    provideDiagnostics: async (document, previousResultId, token, next) => {
      const pull = async () => next(document, previousResultId, token);
      const report = await (status ? status.working(pull) : pull());
      if (report && report.kind === 'full') report.items = withDocumentationLinks(report.items);
      return report;
    },
    provideWorkspaceDiagnostics: (resultIds, token, resultReporter, next) =>
      next(resultIds, token, (chunk) => {
        if (chunk) {
          for (const item of chunk.items) if (item.kind === 'full') item.items = withDocumentationLinks(item.items);
        }
        resultReporter(chunk);
      }),
  };
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const module = serverModule(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'shitei' }],
    synchronize: {
      configurationSection: 'shitei',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/.shiteirc.json'), vscode.workspace.createFileSystemWatcher('**/*.shitei')],
    },
    initializationOptions: () => ({ locale: messageLocale() }),
    outputChannel: outputChannel(),
    middleware: middleware(),
  };
  client = new LanguageClient('shitei', 'shitei (特定秘密指定書)', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Running) log.info('language server running');
    if (e.newState === State.Stopped) {
      log.info('language server stopped');
      status?.setState('stopped');
    }
  });
  client.onNotification('shitei/status', (p: { state?: string }) => {
    const state = String(p?.state ?? '');
    if (state === 'busy' || state === 'idle') {
      status?.setServerBusy(state === 'busy');
      return;
    }
    if (STATE_LOG[state]) log.info(STATE_LOG[state]);
    status?.setState((['starting', 'loading', 'ready', 'failed', 'stopped'].includes(state) ? state : 'ready') as ServerState);
  });
  status?.setState('starting');
  log.info(`starting the language server (${path.basename(module)}, locale ${isJapanese() ? 'ja' : 'en'})`);
  await client.start();
  // After start: this replaces the client's default handler.
  client.onNotification(ShowMessageNotification.type, (p) => {
    // The server's messages are configuration warnings and failures: log them, then show them.
    if (p.type === MessageType.Error) {
      log.error(p.message);
      void vscode.window.showErrorMessage(p.message);
    } else if (p.type === MessageType.Warning) {
      log.warn(p.message);
      void vscode.window.showWarningMessage(p.message);
    } else {
      log.info(p.message);
      void vscode.window.showInformationMessage(p.message);
    }
  });
}

/** Starts the server once; later calls wait for that start. */
function ensureClient(context: vscode.ExtensionContext): Promise<void> {
  starting ??= startClient(context).catch((error: Error) => {
    log.error(`the language server did not start: ${error.message}`);
    status?.setState('stopped');
    starting = undefined;
    throw error;
  });
  return starting;
}

async function restartServer(context: vscode.ExtensionContext): Promise<void> {
  if (!client) return ensureClient(context);
  log.info('restarting the language server');
  status?.setState('starting');
  await client.restart();
}

function cliPath(context: vscode.ExtensionContext): string {
  const bundled = context.asAbsolutePath('dist/cli.js');
  return fs.existsSync(bundled) ? bundled : context.asAbsolutePath('bin/shitei.js');
}

/**
 * The register's file links point at the sheets relative to the folder; in the webview they
 * become command links that open the sheet (only paths inside the folder).
 */
function linkSheets(html: string, folder: vscode.WorkspaceFolder): string {
  return html.replace(/<a class="sheet" href="[^"]*" data-path="([^"]*)">/g, (_whole, shown: string) => {
    const rel = shown.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const args = encodeURIComponent(JSON.stringify([folder.uri.toString(), rel]));
    return `<a class="sheet" href="command:${OPEN_SHEET}?${args}" title="${shown}" data-path="${shown}">`;
  });
}

async function openSheet(folderUri: unknown, rel: unknown): Promise<void> {
  if (typeof folderUri !== 'string' || typeof rel !== 'string') return;
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(folderUri));
  if (!folder) return;
  const target = path.resolve(folder.uri.fsPath, rel);
  if (path.relative(folder.uri.fsPath, target).startsWith('..') || !target.endsWith('.shitei')) return;
  await vscode.window.showTextDocument(vscode.Uri.file(target), { preview: false });
}

let ledgerPanel: vscode.WebviewPanel | undefined;
let ledgerHtml: string | undefined;

/** The register of a folder as the CLI's self-contained HTML (no scripts), in a webview. */
async function showLedger(context: vscode.ExtensionContext): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick() : folders[0];
  if (!folder) {
    void vscode.window.showWarningMessage(t({ ja: 'フォルダを開いてください', en: 'Open a folder first' }));
    return;
  }
  const html = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [cliPath(context), 'ledger', '.', '--format', 'html', '--locale', isJapanese() ? 'ja' : 'en'],
      { cwd: folder.uri.fsPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error && !stdout ? reject(new Error(stderr.split('\n')[0] || error.message)) : resolve(stdout)));
  }).catch((error: Error) => {
    void vscode.window.showErrorMessage(`shitei: ${error.message}`);
    return undefined;
  });
  if (!html) return;
  const title = t({ ja: `特定秘密指定管理簿 — ${folder.name}`, en: `Register — ${folder.name}` });
  if (!ledgerPanel) {
    ledgerPanel = vscode.window.createWebviewPanel('shitei.ledger', title, vscode.ViewColumn.Active, { enableScripts: false, enableCommandUris: [OPEN_SHEET], localResourceRoots: [] });
    ledgerPanel.onDidDispose(() => (ledgerPanel = undefined));
  }
  ledgerPanel.title = title;
  ledgerHtml = linkSheets(html, folder);
  ledgerPanel.webview.html = ledgerHtml;
  ledgerPanel.reveal();
}

/**
 * The yearly report (format.md v1.1; 運用基準 V 5(1)ア) of a folder, like the register: the
 * CLI's self-contained HTML in a webview. The year is asked for; empty means the year of today.
 */
async function showReport(context: vscode.ExtensionContext, givenYear?: number | string): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick() : folders[0];
  if (!folder) {
    void vscode.window.showWarningMessage(isJapanese() ? 'フォルダを開いてください' : 'Open a folder first');
    return;
  }
  // A year given with the command (keybindings, tests) skips the question.
  const year = givenYear !== undefined ? String(givenYear) : await vscode.window.showInputBox({
    prompt: isJapanese() ? '集計する年(西暦。空欄なら今日の年)' : 'Year to count (empty: the year of today)',
    value: String(new Date().getFullYear()),
    validateInput: (v) => (v.trim() === '' || /^[0-9]{4}$/.test(v.trim()) ? undefined : isJapanese() ? '西暦の4桁で入力してください' : 'Enter a 4-digit year'),
  });
  if (year === undefined) return;
  const args = [cliPath(context), 'report', '.', '--format', 'html', '--locale', isJapanese() ? 'ja' : 'en', ...(year.trim() ? ['--year', year.trim()] : [])];
  const html = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, args, { cwd: folder.uri.fsPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error && !stdout ? reject(new Error(stderr.split('\n')[0] || error.message)) : resolve(stdout)));
  }).catch((error: Error) => {
    void vscode.window.showErrorMessage(`shitei: ${error.message}`);
    return undefined;
  });
  if (!html) return;
  const panel = vscode.window.createWebviewPanel('shitei.report', isJapanese() ? `特定秘密の指定の状況 — ${folder.name}` : `Yearly report — ${folder.name}`, vscode.ViewColumn.Active, { enableScripts: false });
  panel.webview.html = html;
}

/** Runs the CLI with the extension host's runtime; resolves with its output, rejects with its first stderr line. */
function runCli(context: vscode.ExtensionContext, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cliPath(context), ...args, '--locale', isJapanese() ? 'ja' : 'en'],
      { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(stderr.trim().split('\n').pop() || error.message)) : resolve({ stdout, stderr })));
  });
}

async function confirmOverwrite(target: vscode.Uri): Promise<boolean> {
  if (!fs.existsSync(target.fsPath)) return true;
  const replace = isJapanese() ? '上書き' : 'Replace';
  const answer = await vscode.window.showWarningMessage(isJapanese() ? `${target.fsPath} はすでにあります。上書きしますか?` : `${target.fsPath} already exists. Replace it?`, { modal: true }, replace);
  return answer === replace;
}

/** "Export to Word": the sheet (saved first) as FILE.docx beside it, through `shitei export`. */
async function exportWord(context: vscode.ExtensionContext, uri?: vscode.Uri, options: { out?: vscode.Uri; force?: boolean } = {}): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  let source = uri;
  if (!source && editor?.document.languageId === 'shitei') {
    if (editor.document.isUntitled) {
      void vscode.window.showWarningMessage(isJapanese() ? '先に指定書を保存してください' : 'Save the sheet first');
      return undefined;
    }
    if (editor.document.isDirty) await editor.document.save();
    source = editor.document.uri;
  }
  if (!source) {
    void vscode.window.showWarningMessage(isJapanese() ? '書き出す .shitei ファイルを開いてください' : 'Open a .shitei file to export');
    return undefined;
  }
  const out = options.out ?? vscode.Uri.file(source.fsPath.replace(/\.shitei$/i, '') + '.docx');
  if (!options.force && !(await confirmOverwrite(out))) return undefined;
  try {
    await runCli(context, ['export', source.fsPath, '--out', out.fsPath, '--force'], path.dirname(source.fsPath));
  } catch (error) {
    void vscode.window.showErrorMessage(`shitei: ${(error as Error).message}`);
    return undefined;
  }
  void vscode.window.showInformationMessage(isJapanese() ? `Word 文書に書き出しました: ${path.basename(out.fsPath)}` : `Exported to Word: ${path.basename(out.fsPath)}`);
  return out;
}

/** "Import from Word…": a .docx as a new sheet beside it (asking before replacing one), opened in the editor. */
async function importWord(context: vscode.ExtensionContext, uri?: vscode.Uri, options: { out?: vscode.Uri; force?: boolean } = {}): Promise<vscode.Uri | undefined> {
  let source = uri;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] }, openLabel: isJapanese() ? '取り込む' : 'Import' });
    source = picked?.[0];
  }
  if (!source) return undefined;
  let out = options.out ?? vscode.Uri.file(source.fsPath.replace(/\.docx$/i, '') + '.shitei');
  if (!options.force && fs.existsSync(out.fsPath)) {
    const chosen = await vscode.window.showSaveDialog({ defaultUri: out, filters: { shitei: ['shitei'] } });
    if (!chosen) return undefined;
    out = chosen;
  }
  let stderr = '';
  try {
    ({ stderr } = await runCli(context, ['import', source.fsPath, '--out', out.fsPath, '--force'], path.dirname(source.fsPath)));
  } catch (error) {
    void vscode.window.showErrorMessage(`shitei: ${(error as Error).message}`);
    return undefined;
  }
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(out), { preview: false });
  // What matched no label is in 【備考】: say so, without repeating the document's text in a log.
  const unmatched = stderr.split('\n').find((l) => /【備考】/.test(l));
  if (unmatched) void vscode.window.showWarningMessage(unmatched.replace(/^shitei import: /, ''));
  return out;
}

/** "Save the register as Excel": `shitei ledger --format xlsx` over a workspace folder. */
async function saveLedgerExcel(context: vscode.ExtensionContext, options: { out?: vscode.Uri } = {}): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick() : folders[0];
  if (!folder) {
    void vscode.window.showWarningMessage(isJapanese() ? 'フォルダを開いてください' : 'Open a folder first');
    return undefined;
  }
  // The save dialog asks before replacing a file, as every "Save as" does.
  const out = options.out ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder.uri, isJapanese() ? '特定秘密指定管理簿.xlsx' : 'register.xlsx'), filters: { Excel: ['xlsx'] } }));
  if (!out) return undefined;
  try {
    await runCli(context, ['ledger', '.', '--format', 'xlsx', '--out', out.fsPath], folder.uri.fsPath);
  } catch (error) {
    void vscode.window.showErrorMessage(`shitei: ${(error as Error).message}`);
    return undefined;
  }
  void vscode.window.showInformationMessage(isJapanese() ? `管理簿を Excel で保存しました: ${path.basename(out.fsPath)}` : `Saved the register as Excel: ${path.basename(out.fsPath)}`);
  return out;
}

/**
 * "shitei: check the workspace": the CLI over the folder, in a terminal. No problem matcher: the
 * language server already reports every .shitei file of the workspace, so a matcher would show
 * each problem twice (and, sharing the server's owner, leave stale copies). The `$shitei`
 * matcher (owner `shitei-cli`) stays for tasks a user writes in tasks.json.
 */
function checkTask(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder, definition: vscode.TaskDefinition): vscode.Task {
  const cli = cliPath(context);
  const paths = Array.isArray(definition.paths) && definition.paths.length ? (definition.paths as string[]) : ['.'];
  // The extension host's own runtime runs the CLI (ELECTRON_RUN_AS_NODE makes Electron act as Node).
  const execution = new vscode.ProcessExecution(process.execPath, [cli, 'check', '--format', 'unix', ...paths], {
    cwd: folder.uri.fsPath,
    env: { ELECTRON_RUN_AS_NODE: '1', SHITEI_LOCALE: isJapanese() ? 'ja' : 'en' },
  });
  const task = new vscode.Task(definition, folder, t({ ja: 'ワークスペースを検査', en: 'check the workspace' }), 'shitei', execution, []);
  task.group = vscode.TaskGroup.Test;
  return task;
}

async function statusMenu(_context: vscode.ExtensionContext): Promise<void> {
  const items: (vscode.QuickPickItem & { run: () => unknown })[] = [
    { label: `$(output) ${t({ ja: 'ログを表示', en: 'Show the log' })}`, run: () => outputChannel().show(true) },
    { label: `$(book) ${t({ ja: '規則の一覧', en: 'Rules' })}`, run: () => docs?.show('README') },
    { label: `$(table) ${t({ ja: '特定秘密指定管理簿を表示', en: 'Show the register' })}`, run: () => vscode.commands.executeCommand('shitei.showLedger') },
    { label: `$(debug-restart) ${t({ ja: 'サーバーを再起動', en: 'Restart the server' })}`, description: t({ ja: '診断をすべて出し直します', en: 'checks every sheet again' }), run: () => vscode.commands.executeCommand('shitei.restartServer') },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'shitei', placeHolder: t({ ja: '操作を選んでください', en: 'Choose an action' }) });
  await picked?.run();
}

async function workspaceHasSheets(): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => d.languageId === 'shitei')) return true;
  const found = await vscode.workspace.findFiles('**/*.shitei', '**/node_modules/**', 1);
  return found.length > 0;
}

/** What the tests in the real extension host read: the state a user sees. */
export interface ShiteiTestApi {
  status(): ReturnType<StatusItem['snapshot']> | undefined;
  lastDocumentation(): { page: string; html: string } | undefined;
  serverStarted(): boolean;
  ledgerHtml(): string | undefined;
  logUri(): vscode.Uri;
}

export async function activate(context: vscode.ExtensionContext): Promise<ShiteiTestApi> {
  log.info(`activated (VS Code ${vscode.version})`);
  docs = new RuleDocumentation(context.extensionPath);
  status = new StatusItem(STATUS_MENU);
  context.subscriptions.push(status, docs, outputChannel());
  context.subscriptions.push(vscode.tasks.registerTaskProvider('shitei', {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((f) => checkTask(context, f, { type: 'shitei', command: 'check' })),
    resolveTask: (task) => {
      const folder = typeof task.scope === 'object' ? (task.scope as vscode.WorkspaceFolder) : vscode.workspace.workspaceFolders?.[0];
      return folder ? checkTask(context, folder, task.definition) : undefined;
    },
  }));
  context.subscriptions.push(
    vscode.commands.registerCommand('shitei.restartServer', () => restartServer(context)),
    vscode.commands.registerCommand(STATUS_MENU, () => statusMenu(context)),
    vscode.commands.registerCommand(SHOW_RULE_DOCUMENTATION, (code?: unknown) => docs?.show(code ?? 'README')),
    vscode.commands.registerCommand(OPEN_SHEET, openSheet),
    vscode.commands.registerCommand('shitei.newSheet', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'shitei', content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'shitei', name: '特定秘密指定書' });
      return editor;
    }),
    vscode.commands.registerCommand('shitei.showLedger', () => showLedger(context)),
    vscode.commands.registerCommand('shitei.showReport', (year?: number | string) => showReport(context, year)),
    vscode.commands.registerCommand('shitei.exportWord', (uri?: vscode.Uri, options?: { out?: vscode.Uri; force?: boolean }) => exportWord(context, uri instanceof vscode.Uri ? uri : undefined, options)),
    vscode.commands.registerCommand('shitei.importWord', (uri?: vscode.Uri, options?: { out?: vscode.Uri; force?: boolean }) => importWord(context, uri instanceof vscode.Uri ? uri : undefined, options)),
    vscode.commands.registerCommand('shitei.saveLedgerExcel', (options?: { out?: vscode.Uri }) => saveLedgerExcel(context, options && typeof options === 'object' && 'out' in options ? options : {})),
    vscode.commands.registerCommand('shitei.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId === 'shitei') {
        await vscode.commands.executeCommand('editor.action.codeAction', { kind: 'source.fixAll.shitei', apply: 'first' });
      }
    }),
  );
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (e) => {
    // The locale is fixed when the server starts: restart it to switch languages.
    if (e.affectsConfiguration('shitei.locale') && client) {
      log.info('shitei.locale changed: restarting the language server');
      await client.restart();
    }
  }));
  // The server starts with the first sheet: a task list or a command in a folder without sheets
  // activates the extension, but loads no server and no dictionary.
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => {
    if (d.languageId === 'shitei') void ensureClient(context).catch(() => undefined);
  }));
  if (await workspaceHasSheets()) await ensureClient(context);
  else log.info('no .shitei file in the workspace: the language server starts with the first sheet');
  return {
    status: () => status?.snapshot(),
    lastDocumentation: () => docs?.last,
    serverStarted: () => !!client,
    ledgerHtml: () => ledgerHtml,
    logUri: () => context.logUri,
  };
}

export async function deactivate(): Promise<void> {
  status?.setState('stopped');
  await client?.stop();
  client = undefined;
  starting = undefined;
}
