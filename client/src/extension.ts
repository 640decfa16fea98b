/**
 * The VS Code extension: starts the bundled language server and adds what only the editor
 * has (status bar, commands). All checking is the server's, which is the CLI's analysis.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let status: vscode.StatusBarItem | undefined;

/** The messages' language: the shitei.locale setting, or VS Code's display language. */
function messageLocale(): string {
  const setting = vscode.workspace.getConfiguration('shitei').get<string>('locale', 'auto');
  return setting === 'ja' || setting === 'en' ? setting : vscode.env.language;
}

const ja = () => messageLocale().toLowerCase().startsWith('ja');

function serverModule(context: vscode.ExtensionContext): string {
  // The packaged extension ships dist/server.js; a development checkout runs the compiled server.
  const bundled = context.asAbsolutePath('dist/server.js');
  return fs.existsSync(bundled) ? bundled : context.asAbsolutePath('server/out/main.js');
}

function setStatus(state: string): void {
  if (!status) return;
  const text: Record<string, [string, string, string]> = {
    starting: ['$(sync~spin) shitei', 'shitei: 起動中', 'shitei: starting'],
    loading: ['$(sync~spin) shitei', 'shitei: 形態素解析辞書を読み込み中(構造の検査は実行中)', 'shitei: loading the dictionary (structural checks are running)'],
    ready: ['$(check) shitei', 'shitei: 検査中', 'shitei: checking'],
    failed: ['$(warning) shitei', 'shitei: 辞書を読み込めません(語に基づく規則は無効)', 'shitei: the dictionary could not be loaded (token-based rules are off)'],
    stopped: ['$(circle-slash) shitei', 'shitei: 停止', 'shitei: stopped'],
  };
  const [label, tipJa, tipEn] = text[state] ?? text.ready;
  status.text = label;
  status.tooltip = ja() ? tipJa : tipEn;
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
  };
  client = new LanguageClient('shitei', 'shitei (特定秘密指定書)', serverOptions, clientOptions);
  client.onNotification('shitei/status', (p: { state: string }) => setStatus(p.state));
  setStatus('starting');
  await client.start();
}

function cliPath(context: vscode.ExtensionContext): string {
  const bundled = context.asAbsolutePath('dist/cli.js');
  return fs.existsSync(bundled) ? bundled : context.asAbsolutePath('bin/shitei.js');
}

/** The register of a folder as the CLI's self-contained HTML (no scripts), in a webview. */
async function showLedger(context: vscode.ExtensionContext): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick() : folders[0];
  if (!folder) {
    void vscode.window.showWarningMessage(ja() ? 'フォルダを開いてください' : 'Open a folder first');
    return;
  }
  const html = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [cliPath(context), 'ledger', '.', '--format', 'html', '--locale', ja() ? 'ja' : 'en'],
      { cwd: folder.uri.fsPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error && !stdout ? reject(new Error(stderr.split('\n')[0] || error.message)) : resolve(stdout)));
  }).catch((error: Error) => {
    void vscode.window.showErrorMessage(`shitei: ${error.message}`);
    return undefined;
  });
  if (!html) return;
  const panel = vscode.window.createWebviewPanel('shitei.ledger', ja() ? `特定秘密指定管理簿 — ${folder.name}` : `Register — ${folder.name}`, vscode.ViewColumn.Active, { enableScripts: false });
  panel.webview.html = html;
}

/**
 * The yearly report (format.md v1.1; 運用基準 V 5(1)ア) of a folder, like the register: the
 * CLI's self-contained HTML in a webview. The year is asked for; empty means the year of today.
 */
async function showReport(context: vscode.ExtensionContext, givenYear?: number | string): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick() : folders[0];
  if (!folder) {
    void vscode.window.showWarningMessage(ja() ? 'フォルダを開いてください' : 'Open a folder first');
    return;
  }
  // A year given with the command (keybindings, tests) skips the question.
  const year = givenYear !== undefined ? String(givenYear) : await vscode.window.showInputBox({
    prompt: ja() ? '集計する年(西暦。空欄なら今日の年)' : 'Year to count (empty: the year of today)',
    value: String(new Date().getFullYear()),
    validateInput: (v) => (v.trim() === '' || /^[0-9]{4}$/.test(v.trim()) ? undefined : ja() ? '西暦の4桁で入力してください' : 'Enter a 4-digit year'),
  });
  if (year === undefined) return;
  const args = [cliPath(context), 'report', '.', '--format', 'html', '--locale', ja() ? 'ja' : 'en', ...(year.trim() ? ['--year', year.trim()] : [])];
  const html = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, args, { cwd: folder.uri.fsPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error && !stdout ? reject(new Error(stderr.split('\n')[0] || error.message)) : resolve(stdout)));
  }).catch((error: Error) => {
    void vscode.window.showErrorMessage(`shitei: ${error.message}`);
    return undefined;
  });
  if (!html) return;
  const panel = vscode.window.createWebviewPanel('shitei.report', ja() ? `特定秘密の指定の状況 — ${folder.name}` : `Yearly report — ${folder.name}`, vscode.ViewColumn.Active, { enableScripts: false });
  panel.webview.html = html;
}

/** Runs the CLI with the extension host's runtime; resolves with its output, rejects with its first stderr line. */
function runCli(context: vscode.ExtensionContext, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cliPath(context), ...args, '--locale', ja() ? 'ja' : 'en'],
      { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(stderr.trim().split('\n').pop() || error.message)) : resolve({ stdout, stderr })));
  });
}

async function confirmOverwrite(target: vscode.Uri): Promise<boolean> {
  if (!fs.existsSync(target.fsPath)) return true;
  const replace = ja() ? '上書き' : 'Replace';
  const answer = await vscode.window.showWarningMessage(ja() ? `${target.fsPath} はすでにあります。上書きしますか?` : `${target.fsPath} already exists. Replace it?`, { modal: true }, replace);
  return answer === replace;
}

/** "Export to Word": the sheet (saved first) as FILE.docx beside it, through `shitei export`. */
async function exportWord(context: vscode.ExtensionContext, uri?: vscode.Uri, options: { out?: vscode.Uri; force?: boolean } = {}): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  let source = uri;
  if (!source && editor?.document.languageId === 'shitei') {
    if (editor.document.isUntitled) {
      void vscode.window.showWarningMessage(ja() ? '先に指定書を保存してください' : 'Save the sheet first');
      return undefined;
    }
    if (editor.document.isDirty) await editor.document.save();
    source = editor.document.uri;
  }
  if (!source) {
    void vscode.window.showWarningMessage(ja() ? '書き出す .shitei ファイルを開いてください' : 'Open a .shitei file to export');
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
  void vscode.window.showInformationMessage(ja() ? `Word 文書に書き出しました: ${path.basename(out.fsPath)}` : `Exported to Word: ${path.basename(out.fsPath)}`);
  return out;
}

/** "Import from Word…": a .docx as a new sheet beside it (asking before replacing one), opened in the editor. */
async function importWord(context: vscode.ExtensionContext, uri?: vscode.Uri, options: { out?: vscode.Uri; force?: boolean } = {}): Promise<vscode.Uri | undefined> {
  let source = uri;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] }, openLabel: ja() ? '取り込む' : 'Import' });
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
    void vscode.window.showWarningMessage(ja() ? 'フォルダを開いてください' : 'Open a folder first');
    return undefined;
  }
  // The save dialog asks before replacing a file, as every "Save as" does.
  const out = options.out ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder.uri, ja() ? '特定秘密指定管理簿.xlsx' : 'register.xlsx'), filters: { Excel: ['xlsx'] } }));
  if (!out) return undefined;
  try {
    await runCli(context, ['ledger', '.', '--format', 'xlsx', '--out', out.fsPath], folder.uri.fsPath);
  } catch (error) {
    void vscode.window.showErrorMessage(`shitei: ${(error as Error).message}`);
    return undefined;
  }
  void vscode.window.showInformationMessage(ja() ? `管理簿を Excel で保存しました: ${path.basename(out.fsPath)}` : `Saved the register as Excel: ${path.basename(out.fsPath)}`);
  return out;
}

/** "shitei: check the workspace": the CLI over each folder, read back through the `$shitei` problem matcher. */
function checkTask(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder, definition: vscode.TaskDefinition): vscode.Task {
  const cli = cliPath(context);
  const paths = Array.isArray(definition.paths) && definition.paths.length ? (definition.paths as string[]) : ['.'];
  // The extension host's own runtime runs the CLI (ELECTRON_RUN_AS_NODE makes Electron act as Node).
  const execution = new vscode.ProcessExecution(process.execPath, [cli, 'check', '--format', 'unix', ...paths], {
    cwd: folder.uri.fsPath,
    env: { ELECTRON_RUN_AS_NODE: '1', SHITEI_LOCALE: ja() ? 'ja' : 'en' },
  });
  const task = new vscode.Task(definition, folder, ja() ? 'ワークスペースを検査' : 'check the workspace', 'shitei', execution, '$shitei');
  task.group = vscode.TaskGroup.Test;
  return task;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(vscode.tasks.registerTaskProvider('shitei', {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((f) => checkTask(context, f, { type: 'shitei', command: 'check' })),
    resolveTask: (task) => {
      const folder = typeof task.scope === 'object' ? (task.scope as vscode.WorkspaceFolder) : vscode.workspace.workspaceFolders?.[0];
      return folder ? checkTask(context, folder, task.definition) : undefined;
    },
  }));
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = 'shitei.restartServer';
  status.show();
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('shitei.restartServer', async () => {
      if (client) {
        setStatus('starting');
        await client.restart();
      } else await startClient(context);
    }),
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
    if (e.affectsConfiguration('shitei.locale') && client) await client.restart();
  }));
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  setStatus('stopped');
  await client?.stop();
  client = undefined;
}
