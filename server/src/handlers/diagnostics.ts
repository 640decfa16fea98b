/**
 * Diagnostics scheduling and publishing. Every document — open, or a workspace file on disk —
 * goes through one queue: analysed (cached per version), entered into the cross-file index, and
 * published (push) or announced by a refresh (pull). The queue runs in slices of a few
 * milliseconds, so requests are answered between slices however large the workspace; a change
 * re-publishes only the documents whose cross-file results it touched.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { compareDiagnostics, localize, type Diagnostic, type AnalysisResult } from '../../../core/out/index';
import { cancelled, type ServerContext } from '../context';
import type { SheetDocument } from '../documents';
import { RangeCursor, toLspDiagnostic } from '../convert';
import { BackgroundProgress } from './progress';
import type { ConfigWarnings } from './configuration';

/** The longest a slice of background work holds the event loop before requests get a turn. */
export const SLICE_MS = 5;
/** Below this many queued documents, work is not announced with progress. */
const PROGRESS_THRESHOLD = 50;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class DiagnosticsScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** What was last published per URI, so only changed results are sent again. */
  private readonly published = new Map<string, string>();
  /** Documents to analyse and index, each with whether to (re)read it from disk first. */
  private readonly queue = new Map<string, boolean>();
  /** Documents whose cross-file results may have changed since they were last published. */
  private readonly dirty = new Set<string>();
  /** The index stamp of each open document when it was last published (push). */
  private readonly stamps = new Map<string, string>();
  private walker?: Generator<string[]>;
  private running = false;
  private progress?: BackgroundProgress;
  private total = 0;
  private done = 0;
  /** Counted work, for tests and the benchmark (superseded: analyses of an edited document a newer edit stopped). */
  readonly work = { steps: 0, publishes: 0, slices: 0, superseded: 0 };

  constructor(private readonly ctx: ServerContext, private readonly warnings: ConfigWarnings) {}

  private get connection(): Connection {
    return this.ctx.connection;
  }

  private get push(): boolean {
    return !this.ctx.client.pullDiagnostics;
  }

  /** Walks the workspace folders and indexes every sheet, in slices. */
  scanWorkspace(): void {
    this.walker = this.ctx.files.walk();
    this.kick();
  }

  /** Re-analyses every document (the dictionary loaded, a config or the settings changed). */
  reanalyzeAll(): void {
    this.published.clear();
    for (const doc of this.ctx.store.all()) this.queue.set(doc.uri, false);
    for (const uri of this.ctx.files.uris()) if (!this.queue.has(uri)) this.queue.set(uri, false);
    this.kick();
  }

  /**
   * A document's text changed: analysed after the debounce, ahead of the queue, between other
   * work (requests are answered between its rules); a newer edit stops it at the next rule, and
   * only the newest version is indexed and published.
   */
  changed(uri: string, delay = this.ctx.debounceMs): void {
    clearTimeout(this.pending.get(uri));
    this.pending.set(uri, setTimeout(() => {
      this.pending.delete(uri);
      this.queue.delete(uri);
      void this.ctx.guardAsync('diagnostics', () => this.analyzeChanged(uri));
    }, delay));
  }

  private async analyzeChanged(uri: string): Promise<void> {
    const doc = this.ctx.documentFor(uri);
    const isCurrent = doc && this.isCurrent(doc);
    const result = doc && isCurrent && (await this.ctx.analysis.analyzeAsync(doc, isCurrent));
    if (isCurrent && !result) {
      // Superseded: the newer edit has its own turn. Still current, it was stopped because the
      // config or the settings changed meanwhile: analysed again with them.
      if (isCurrent()) this.changed(uri, 0);
      else this.work.superseded++;
      return;
    }
    this.ctx.guard('diagnostics', () => {
      this.step(uri);
      if (this.push) this.publish(uri);
      this.kick();
    });
  }

  /**
   * Whether the version `doc` has now is still the one the server holds (no newer edit, not
   * closed). Read now: an open document's object follows its edits, so it is compared by value.
   */
  private isCurrent(doc: SheetDocument): () => boolean {
    const { uri, version, text } = doc;
    return () => {
      const now = this.ctx.documentFor(uri);
      return !!now && now.version === version && now.text === text;
    };
  }

  /** A workspace file changed on disk (or an unsaved sheet was closed): re-read it. */
  reread(uri: string): void {
    this.queue.set(uri, true);
    this.kick();
  }

  /** A document is gone (deleted on disk, or closed and not a workspace file). */
  removed(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    this.queue.delete(uri);
    this.published.delete(uri);
    this.ctx.analysis.forget(uri);
    this.ctx.index.remove(uri);
    if (this.push) this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.kick();
  }

  /** The document's analysis, entered into the cross-file index (cheap when nothing changed). */
  step(uri: string): { doc: SheetDocument; result: AnalysisResult } | undefined {
    this.work.steps++;
    const doc = this.ctx.documentFor(uri);
    if (!doc) {
      this.ctx.index.remove(uri);
      return undefined;
    }
    const result = this.ctx.analysis.analyze(doc);
    const config = this.ctx.analysis.lastConfig(uri);
    // Who else is affected is expanded when the queue drains (index.drainAffected): a group
    // filling up during a scan is walked once, not once per member joining.
    if (result.sheet && config) this.ctx.index.update({ id: uri, path: this.ctx.path(uri), label: this.ctx.label(uri), sheet: result.sheet, config });
    else this.ctx.index.remove(uri);
    return { doc, result };
  }

  /** The LSP diagnostics of a document: its own and its cross-file ones, in document order. */
  diagnosticsOf(doc: SheetDocument, result: AnalysisResult) {
    this.warnings.report(doc.uri);
    const cross = this.ctx.index.diagnosticsFor(doc.uri);
    const all: Diagnostic[] = cross.length ? [...result.diagnostics, ...cross].sort(compareDiagnostics) : result.diagnostics;
    const cursor = new RangeCursor(doc.lineIndex, this.ctx.encoding);
    return all.map((d) => toLspDiagnostic(d, doc.lineIndex, this.ctx.encoding, this.ctx.locale, this.ctx.docUrl, cursor));
  }

  /** Push mode: sends `uri`'s diagnostics if they changed since last sent (always when `force`). */
  publish(uri: string, force = true): void {
    const doc = this.ctx.documentFor(uri);
    if (!doc) return;
    // Being analysed between other work: that analysis publishes when it ends (or a newer edit's does).
    if (!this.ctx.analysis.cached(doc) && this.ctx.analysis.isRunning(doc)) return;
    const result = this.ctx.analysis.analyze(doc);
    const cross = this.ctx.index.diagnosticsFor(uri);
    const key = `${doc.version}:${result.diagnostics.length}:${JSON.stringify(cross.map((d) => [d.code, d.severity, d.span.start, d.span.end, d.message.ja]))}`;
    this.dirty.delete(uri);
    this.stamps.set(uri, this.ctx.index.stampOf(uri));
    if (!force && this.published.get(uri) === key) return;
    this.published.set(uri, key);
    this.ctx.firstDiagnostics.answered(uri);
    this.work.publishes++;
    this.connection.sendDiagnostics({ uri, version: doc.version >= 0 ? doc.version : undefined, diagnostics: this.diagnosticsOf(doc, result) });
  }

  /**
   * Pull mode: a document's report (the cross-file index brought up to date for it first). Its
   * analysis runs between other work: a cancel read meanwhile answers RequestCancelled (-32800)
   * at the next rule; an edit of the document meanwhile answers ServerCancelled (-32802, with
   * retriggerRequest as LSP 3.17 asks for textDocument/diagnostic), and the client asks again.
   */
  async pull(uri: string, token?: CancellationToken) {
    const doc = this.ctx.documentFor(uri);
    if (doc && !this.ctx.analysis.cached(doc)) {
      const isCurrent = this.isCurrent(doc);
      const result = await this.ctx.analysis.analyzeAsync(doc, isCurrent, () => !!token?.isCancellationRequested);
      if (token?.isCancellationRequested) return cancelled();
      if (!result || !isCurrent()) return new ResponseError(LSPErrorCodes.ServerCancelled, 'shitei: the document changed during its analysis');
    }
    return this.report(uri);
  }

  private report(uri: string) {
    const stepped = this.step(uri);
    // The others this change affects are announced with a refresh; the one asked about is answered now.
    const affected = this.ctx.index.drainAffected();
    affected.delete(uri);
    for (const other of affected) this.dirty.add(other);
    this.ctx.firstDiagnostics.answered(uri);
    this.kick();
    return { kind: 'full' as const, items: stepped ? this.diagnosticsOf(stepped.doc, stepped.result) : [] };
  }

  /** Pull mode: the workspace files not open, as far as they are analysed; the rest follow with a refresh. */
  pullWorkspace() {
    const items = [];
    for (const uri of this.ctx.files.uris()) {
      if (this.ctx.store.has(uri) || this.queue.has(uri)) continue;
      const doc = this.ctx.files.get(uri)!;
      const result = this.ctx.analysis.cached(doc);
      if (result) items.push({ uri, kind: 'full' as const, version: null, items: this.diagnosticsOf(doc, result) });
    }
    return { items };
  }

  private kick(): void {
    if (this.running) return;
    if (this.queue.size === 0 && !this.walker && this.dirty.size === 0 && !this.ctx.index.hasPending) return;
    this.running = true;
    void this.run().finally(() => {
      this.running = false;
    });
  }

  private async run(): Promise<void> {
    this.total = this.queue.size;
    this.done = 0;
    if (this.walker || this.total >= PROGRESS_THRESHOLD) {
      this.progress ??= new BackgroundProgress(this.ctx, localize({ ja: 'shitei: ワークスペースを検査中', en: 'shitei: checking the workspace' }, this.ctx.locale));
    }
    for (;;) {
      await nextTurn();
      this.work.slices++;
      const deadline = performance.now() + SLICE_MS;
      do {
        if (!this.next()) break;
      } while (performance.now() < deadline);
      // Open documents first: published at every slice's end when their cross-file results may have changed.
      if (this.push) {
        for (const doc of this.ctx.store.all()) {
          if (this.stamps.get(doc.uri) !== this.ctx.index.stampOf(doc.uri)) this.ctx.guard('publishDiagnostics', () => this.publish(doc.uri, false));
        }
      }
      if (this.queue.size === 0 && !this.walker) for (const uri of this.ctx.index.drainAffected()) this.dirty.add(uri);
      if (this.queue.size === 0 && !this.walker) {
        if (this.dirty.size === 0) break;
        if (!this.push) {
          this.dirty.clear();
          if (this.ctx.client.refreshPull) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
          break;
        }
      }
      this.progress?.report(`${this.done}/${Math.max(this.total, this.done)}`, this.total ? (100 * this.done) / this.total : undefined);
    }
    this.progress?.done();
    this.progress = undefined;
    this.reportSkipped();
  }

  private reportedSkipped = '';

  /** Says (counts only, no names or content) which files the workspace rules could not read. */
  private reportSkipped(): void {
    const counts = new Map<string, number>();
    for (const why of this.ctx.files.skipped.values()) counts.set(why, (counts.get(why) ?? 0) + 1);
    const summary = [...counts].map(([why, n]) => `${n} ${why}`).join(', ');
    if (summary === this.reportedSkipped) return;
    this.reportedSkipped = summary;
    if (summary) this.connection.console.warn(`shitei: workspace files not checked: ${summary}`);
  }

  /** One unit of background work; false when there is none left. */
  private next(): boolean {
    const first = this.queue.entries().next();
    if (!first.done) {
      const [uri, read] = first.value;
      this.queue.delete(uri);
      this.done++;
      this.ctx.guard('diagnostics', () => {
        if (read && !this.ctx.store.has(uri) && this.ctx.files.load(uri) !== 'loaded' && this.push && this.published.delete(uri)) {
          // It was shown before and cannot be read now (gone, no longer a regular file, too large): clear it.
          this.connection.sendDiagnostics({ uri, diagnostics: [] });
        }
        // Published when the queue is drained (open documents at every slice's end): a group
        // filling up during a scan is then checked once, not once per member joining.
        this.step(uri);
      });
      return true;
    }
    if (this.walker) {
      const step = this.walker.next();
      if (step.done) this.walker = undefined;
      else for (const uri of step.value) if (!this.queue.has(uri)) {
        this.queue.set(uri, true);
        this.total++;
      }
      return true;
    }
    const dirty = this.dirty.values().next();
    if (!dirty.done) {
      if (!this.push) return false;
      this.ctx.guard('publishDiagnostics', () => this.publish(dirty.value, false));
      this.dirty.delete(dirty.value);
      return true;
    }
    return false;
  }

  /** Pull mode answers with retriggerRequest on failure, so the client asks again. */
  static retrigger<T>(answer: T | ResponseError<void>): T | ResponseError<{ retriggerRequest: boolean }> {
    return answer instanceof ResponseError ? new ResponseError(answer.code, answer.message, { retriggerRequest: true }) : answer;
  }
}
