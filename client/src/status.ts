/**
 * The status bar item: shown only while a shitei sheet is the active editor; says "checking"
 * only while the server is working (a diagnostics pull under way, the dictionary loading, or the
 * server's own `shitei/status` busy); a click opens a menu rather than restarting anything.
 */
import * as vscode from 'vscode';
import { t, type Localized } from './locale';

export type ServerState = 'starting' | 'loading' | 'ready' | 'failed' | 'stopped';

const TEXT: Record<ServerState | 'busy', { icon: string; tip: Localized }> = {
  starting: { icon: '$(sync~spin)', tip: { ja: 'shitei: サーバーを起動中', en: 'shitei: starting the server' } },
  loading: { icon: '$(sync~spin)', tip: { ja: 'shitei: 形態素解析辞書を読み込み中(構造の検査は実行中)', en: 'shitei: loading the dictionary (structural checks are running)' } },
  busy: { icon: '$(sync~spin)', tip: { ja: 'shitei: 検査中', en: 'shitei: checking' } },
  ready: { icon: '$(check)', tip: { ja: 'shitei: 準備完了', en: 'shitei: ready' } },
  failed: { icon: '$(warning)', tip: { ja: 'shitei: 辞書を読み込めません(語に基づく規則は無効)', en: 'shitei: the dictionary could not be loaded (token-based rules are off)' } },
  stopped: { icon: '$(circle-slash)', tip: { ja: 'shitei: 停止', en: 'shitei: stopped' } },
};

const MENU_HINT: Localized = { ja: 'クリックでメニュー', en: 'click for the menu' };

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private state: ServerState = 'stopped';
  /** Diagnostics pulls under way, and whether the server itself says it is busy. */
  private pulls = 0;
  private serverBusy = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(command: string) {
    this.item = vscode.window.createStatusBarItem('shitei.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'shitei';
    this.item.command = command;
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.render()));
    this.render();
  }

  setState(state: ServerState): void {
    this.state = state;
    if (state !== 'ready' && state !== 'loading') {
      this.pulls = 0;
      this.serverBusy = false;
    }
    this.render();
  }

  setServerBusy(busy: boolean): void {
    this.serverBusy = busy;
    this.render();
  }

  /** Runs `work` with the item saying "checking". */
  async working<T>(work: () => Thenable<T> | Promise<T>): Promise<T> {
    this.pulls++;
    this.render();
    try {
      return await work();
    } finally {
      this.pulls = Math.max(0, this.pulls - 1);
      this.render();
    }
  }

  /** What the item shows, for the tests in the real extension host. */
  snapshot(): { visible: boolean; text: string; tooltip: string; busy: boolean; command: string } {
    const command = typeof this.item.command === 'string' ? this.item.command : this.item.command?.command ?? '';
    return { visible: this.visible(), text: this.item.text, tooltip: String(this.item.tooltip ?? ''), busy: this.busy(), command };
  }

  private busy(): boolean {
    return this.pulls > 0 || this.serverBusy;
  }

  private visible(): boolean {
    return vscode.window.activeTextEditor?.document.languageId === 'shitei';
  }

  private render(): void {
    const key = (this.state === 'ready' || this.state === 'loading') && this.busy() ? (this.state === 'loading' ? 'loading' : 'busy') : this.state;
    const { icon, tip } = TEXT[key];
    this.item.text = `${icon} shitei`;
    this.item.tooltip = `${t(tip)} — ${t(MENU_HINT)}`;
    if (this.visible()) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
