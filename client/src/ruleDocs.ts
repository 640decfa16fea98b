/**
 * `shitei.showRuleDocumentation [code]`: a rule's page (docs/rules/<code>.md of the installed
 * extension) rendered read-only in a webview, rather than its Markdown source opened for editing
 * from the install folder. The diagnostics' code links and the "show documentation" code action
 * both come here. Links between the pages stay inside the view.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { t } from './locale';
import { log } from './log';

export const SHOW_RULE_DOCUMENTATION = 'shitei.showRuleDocumentation';

/** A command URI that opens `page` (a rule code, `README`, or `../configuration`) in the view. */
export function documentationUri(page: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOCUMENTATION}?${encodeURIComponent(JSON.stringify([page]))}`);
}

/** docs/rules/<code>.md or docs/<name>.md (for `../name`), inside the extension; nothing else. */
function pageFile(extensionPath: string, page: string): string | undefined {
  const rule = /^[A-Za-z0-9][A-Za-z0-9-]*$/.exec(page);
  if (rule) return path.join(extensionPath, 'docs', 'rules', `${page}.md`);
  const doc = /^\.\.\/([A-Za-z0-9][A-Za-z0-9-]*)$/.exec(page);
  if (doc) return path.join(extensionPath, 'docs', `${doc[1]}.md`);
  return undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Links to other pages of docs/ become command links that open them here; others stay as they are. */
function rewriteLinks(html: string, page: string): string {
  const inRules = !page.startsWith('../');
  return html.replace(/href="([^"#:]+)\.md(#[^"]*)?"/g, (whole, target: string) => {
    let next: string | undefined;
    if (inRules && /^[A-Za-z0-9-]+$/.test(target)) next = target;
    else if (inRules && /^\.\.\/[A-Za-z0-9-]+$/.test(target)) next = target;
    else if (!inRules && /^rules\/[A-Za-z0-9-]+$/.test(target)) next = target.slice('rules/'.length);
    else if (!inRules && /^[A-Za-z0-9-]+$/.test(target)) next = `../${target}`;
    return next ? `href="${documentationUri(next).toString()}"` : whole;
  });
}

export class RuleDocumentation implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The page shown last and its HTML, for the tests in the real extension host. */
  last: { page: string; html: string } | undefined;

  constructor(private readonly extensionPath: string) {}

  async show(page: unknown): Promise<void> {
    const name = typeof page === 'string' ? page : Array.isArray(page) && typeof page[0] === 'string' ? page[0] : 'README';
    const file = pageFile(this.extensionPath, name);
    let markdown: string;
    try {
      if (!file) throw new Error('not a documentation page');
      markdown = await fs.promises.readFile(file, 'utf8');
    } catch {
      void vscode.window.showWarningMessage(t({ ja: `shitei: 「${name}」の説明はありません`, en: `shitei: there is no documentation for "${name}"` }));
      return;
    }
    let body: string;
    try {
      // VS Code's own Markdown renderer (the built-in Markdown extension), as its preview uses.
      body = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
      if (typeof body !== 'string') throw new Error('no HTML');
    } catch (error) {
      log.warn(`the Markdown renderer is not available (${(error as Error).message}); showing the page as text`);
      body = `<pre>${escapeHtml(markdown)}</pre>`;
    }
    const title = name === 'README' ? t({ ja: 'shitei: 規則の一覧', en: 'shitei: rules' }) : `shitei: ${name.replace(/^\.\.\//, '')}`;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('shitei.ruleDocumentation', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableCommandUris: [SHOW_RULE_DOCUMENTATION],
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.title = title;
    const html = page_(rewriteLinks(body, name), this.panel.webview.cspSource);
    this.panel.webview.html = html;
    this.panel.reveal(undefined, true);
    this.last = { page: name, html };
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function page_(body: string, cspSource: string): string {
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline' ${cspSource}; img-src ${cspSource}">
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); line-height: 1.6; max-width: 60em; padding: 0 1.5em 2em; }
a { color: var(--vscode-textLink-foreground); }
code, pre { font-family: var(--vscode-editor-font-family); }
pre { background: var(--vscode-textCodeBlock-background); padding: .6em .8em; overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: .2em .6em; text-align: left; }
h1 { border-bottom: 1px solid var(--vscode-panel-border, #8884); padding-bottom: .2em; }
</style>
</head>
<body>
${body}
</body>
</html>`;
}
