/**
 * Diagnostics scheduling and publishing. Every document — open, or a workspace file on disk —
 * goes through one queue: read from disk off the event loop, analysed one rule at a time
 * (cached per version), entered into the cross-file index, and published (push) or announced by a
 * refresh (pull). The queue runs in slices of a few milliseconds and no unit of it is longer than
 * one rule of one sheet, so requests are answered between slices however large the workspace or
 * the change; a message that arrives goes before the next slice, and publications wait for room
 * in the connection's writer (connectionFlow.ts), so an answer is never queued behind hundreds of
 * them. A change re-publishes only the documents whose cross-file results it touched.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { compareDiagnostics, localize, type Diagnostic, type AnalysisResult } from '../../../core/out/index';
import { cancelled, type ServerContext } from '../context';
import type { SheetDocument } from '../documents';
import { RangeCursor, toLspDiagnostic } from '../convert';
import { BackgroundProgress } from './progress';
import type { ConfigWarnings } from './configuration';
import type { AnalysisJob } from '../analysisService';
import { nextTurn, yieldToIncoming } from '../connectionFlow';
import type { ReadResult } from '../../../core/out/node/index';

/** The longest a slice of background work holds the event loop before requests get a turn. */
export const SLICE_MS = 5;
/** Below this many queued documents, work is not announced with progress. */
const PROGRESS_THRESHOLD = 50;
/**
 * How many workspace files are being read from disk at once (off the event loop), and at most
 * waiting to be analysed: enough that the analyses never wait for the disk on a busy machine (the
 * thread pool's reads complete in bursts); the bytes waiting are bounded too (a folder of
 * 2,000,000-character sheets).
 */
const READS_IN_FLIGHT = 32;
const MAX_BYTES_WAITING = 32 * 1024 * 1024;
/**
 * While background work runs, an open document whose cross-file results keep changing (its group
 * is filling up) is published again at most this often; once the work is done, at once.
 */
const OPEN_REPUBLISH_MS = 50;

type UnitOutcome = 'worked' | 'waiting' | 'idle';

export class DiagnosticsScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** What was last published per URI, so only changed results are sent again. */
  private readonly published = new Map<string, string>();
  /** Workspace files to (re)read from disk, then analyse and index; repeated events for one file are one entry. */
  private readonly toRead = new Set<string>();
  /** Documents to analyse and index as they are (the dictionary loaded, a config or the settings changed). */
  private readonly toAnalyze = new Set<string>();
  /** Reads running off the event loop: URI → the request they answer. */
  private readonly reading = new Map<string, number>();
  /** Reads done, waiting for a slice to decode, analyse and index them, and their bytes. */
  private readonly arrived = new Map<string, ReadResult | undefined>();
  private bytesWaiting = 0;
  /** The latest request to read each URI: a read that answers an older one (or a forgotten file) is dropped. */
  private readonly requested = new Map<string, number>();
  private requests = 0;
  /** The analysis the queue is running, one rule at a time across slices. */
  private job?: { uri: string; doc: SheetDocument; analysis: AnalysisJob };
  /** Documents whose cross-file results may have changed since they were last published. */
  private readonly dirty = new Set<string>();
  /** The index stamp of each open document when it was last published (push). */
  private readonly stamps = new Map<string, string>();
  /** When each open document was last published (push). */
  private readonly openPublishedAt = new Map<string, number>();
  private walker?: Generator<string[]>;
  private running = false;
  /** Resumes the queue when it waits for a read or for room in the outbox. */
  private resume?: () => void;
  private progress?: BackgroundProgress;
  private total = 0;
  private done = 0;
  /**
   * Counted work, for tests and the benchmark: documents indexed, publications, slices, analyses
   * superseded by a newer version, files read, reads dropped because a newer one was asked for,
   * and turns given to incoming messages.
   */
  readonly work = { steps: 0, publishes: 0, slices: 0, superseded: 0, reads: 0, staleReads: 0, yields: 0 };

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
    for (const doc of this.ctx.store.all()) this.queueAnalysis(doc.uri);
    for (const uri of this.ctx.files.uris()) this.queueAnalysis(uri);
    this.kick();
  }

  private queueAnalysis(uri: string): void {
    // Already on its way (a read, or the analysis under way, which starts again with the new config itself).
    if (this.isQueued(uri)) return;
    this.toAnalyze.add(uri);
    this.total++;
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
      this.toAnalyze.delete(uri);
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

  /**
   * A workspace file changed on disk (or an unsaved sheet was closed): read again, then analysed
   * and indexed. Events for a file already waiting are one entry; a read or an analysis of an
   * older version still running is dropped.
   */
  reread(uri: string): void {
    this.requested.set(uri, ++this.requests);
    this.takeArrived(uri);
    this.toAnalyze.delete(uri);
    if (this.job?.uri === uri) this.job = undefined;
    if (!this.toRead.has(uri)) {
      this.toRead.add(uri);
      this.total++;
    }
    this.kick();
  }

  /** A document is gone (deleted on disk, or closed and not a workspace file). */
  removed(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    this.toRead.delete(uri);
    this.toAnalyze.delete(uri);
    this.takeArrived(uri);
    this.requested.delete(uri);
    if (this.job?.uri === uri) this.job = undefined;
    this.dirty.delete(uri);
    this.published.delete(uri);
    this.ctx.analysis.forget(uri);
    this.ctx.index.remove(uri);
    if (this.push) this.ctx.outbox.track(this.connection.sendDiagnostics({ uri, diagnostics: [] }));
    this.kick();
  }

  /** The document's analysis, entered into the cross-file index (cheap when nothing changed). */
  step(uri: string): { doc: SheetDocument; result: AnalysisResult } | undefined {
    const doc = this.ctx.documentFor(uri);
    if (!doc) {
      this.work.steps++;
      this.ctx.index.remove(uri);
      return undefined;
    }
    const result = this.ctx.analysis.analyze(doc);
    this.enter(uri, result);
    return { doc, result };
  }

  /** Enters an analysed document into the cross-file index (or takes it out when it has no sheet). */
  private enter(uri: string, result: AnalysisResult): void {
    this.work.steps++;
    const config = this.ctx.analysis.lastConfig(uri);
    // Who else is affected is expanded when the queue drains (index.drainAffected): a group
    // filling up during a scan is walked once, not once per member joining.
    if (result.sheet && config) this.ctx.index.update({ id: uri, path: this.ctx.path(uri), label: this.ctx.label(uri), sheet: result.sheet, config });
    else this.ctx.index.remove(uri);
  }

  /** The LSP diagnostics of a document: its own and its cross-file ones, in document order. */
  diagnosticsOf(doc: SheetDocument, result: AnalysisResult) {
    this.warnings.report(doc.uri);
    const cross = this.ctx.index.diagnosticsFor(doc.uri);
    const all: Diagnostic[] = cross.length ? [...result.diagnostics, ...cross].sort(compareDiagnostics) : result.diagnostics;
    // The analysis' own line index when it was made from this very text (no second pass over a 2 MB sheet per keystroke).
    const index = result.sheet && result.sheet.text === doc.text ? result.sheet.syntax.lineIndex : doc.lineIndex;
    const cursor = new RangeCursor(index, this.ctx.encoding);
    return all.map((d) => toLspDiagnostic(d, index, this.ctx.encoding, this.ctx.locale, this.ctx.docUrl, cursor));
  }

  /**
   * Push mode: sends `uri`'s diagnostics if they changed since last sent (always when `force`).
   * Only an analysed version is published: one being analysed publishes when its analysis ends.
   */
  publish(uri: string, force = true): void {
    const doc = this.ctx.documentFor(uri);
    if (!doc) return;
    const result = this.ctx.analysis.cached(doc);
    if (!result) return;
    const cross = this.ctx.index.diagnosticsFor(uri);
    const key = `${doc.version}:${result.diagnostics.length}:${JSON.stringify(cross.map((d) => [d.code, d.severity, d.span.start, d.span.end, d.message.ja]))}`;
    this.dirty.delete(uri);
    this.stamps.set(uri, this.ctx.index.stampOf(uri));
    if (this.ctx.store.has(uri)) this.openPublishedAt.set(uri, performance.now());
    if (!force && this.published.get(uri) === key) return;
    this.published.set(uri, key);
    this.ctx.firstDiagnostics.answered(uri);
    this.work.publishes++;
    this.ctx.outbox.track(this.connection.sendDiagnostics({ uri, version: doc.version >= 0 ? doc.version : undefined, diagnostics: this.diagnosticsOf(doc, result) }));
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

  /**
   * Pull mode: the workspace files not open, as far as they are analysed; the rest follow with a
   * refresh. Built in slices (a large workspace's report is thousands of files), with requests
   * answered in between. Each report has a result id; a file whose id the client sends back is
   * answered `unchanged` while its analysis and its cross-file results are the same, so after a
   * change only what it touched is sent again.
   */
  async pullWorkspace(previousResultIds: readonly { uri: string; value: string }[] = [], token?: CancellationToken) {
    const previous = new Map(previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    let deadline = performance.now() + SLICE_MS;
    for (const uri of [...this.ctx.files.uris()]) {
      if (performance.now() >= deadline) {
        await nextTurn();
        await yieldToIncoming(this.ctx.incoming);
        if (token?.isCancellationRequested) return cancelled();
        deadline = performance.now() + SLICE_MS;
      }
      if (this.ctx.store.has(uri) || this.isQueued(uri)) continue;
      const doc = this.ctx.files.get(uri);
      const result = doc && this.ctx.analysis.cached(doc);
      if (!doc || !result) continue;
      const resultId = this.resultIdOf(uri, result);
      if (previous.get(uri) === resultId) items.push({ uri, kind: 'unchanged', resultId, version: null });
      else items.push({ uri, kind: 'full', resultId, version: null, items: this.diagnosticsOf(doc, result) });
    }
    return { items };
  }

  private readonly resultSerials = new WeakMap<AnalysisResult, number>();
  private resultSerial = 0;

  /** Names what a report is made of: this analysis of the document, and the cross-file results as stamped now. */
  private resultIdOf(uri: string, result: AnalysisResult): string {
    let serial = this.resultSerials.get(result);
    if (serial === undefined) this.resultSerials.set(result, (serial = ++this.resultSerial));
    return `${serial}.${this.ctx.index.stampOf(uri)}`;
  }

  /** Whether `uri` waits in the queue (to be read, analysed or indexed). */
  private isQueued(uri: string): boolean {
    return this.toRead.has(uri) || this.toAnalyze.has(uri) || this.reading.has(uri) || this.arrived.has(uri) || this.job?.uri === uri;
  }

  /** Nothing left to read, analyse or index (publishing may remain). */
  private get drained(): boolean {
    return !this.walker && !this.job && this.toRead.size === 0 && this.toAnalyze.size === 0 && this.reading.size === 0 && this.arrived.size === 0;
  }

  private kick(): void {
    if (this.running) {
      this.wake();
      return;
    }
    if (this.drained && this.dirty.size === 0 && !this.ctx.index.hasPending) return;
    this.running = true;
    void this.run().finally(() => {
      this.running = false;
      // Work that came in while the last slice was ending.
      this.kick();
    });
  }

  private wake(): void {
    const resume = this.resume;
    this.resume = undefined;
    resume?.();
  }

  /** Until a read arrives, or (push) the outbox has room for the next publication. */
  private waitForWork(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.resume = resolve;
      if (this.push && this.dirty.size > 0) void this.ctx.outbox.whenRoom().then(() => this.wake());
    });
  }

  private async run(): Promise<void> {
    this.done = 0;
    for (;;) {
      await nextTurn();
      // A request that arrived goes first: handled and answered before this slice.
      if (await yieldToIncoming(this.ctx.incoming)) this.work.yields++;
      this.work.slices++;
      const deadline = performance.now() + SLICE_MS;
      let outcome: UnitOutcome;
      do outcome = this.next(deadline);
      while (outcome === 'worked' && performance.now() < deadline);
      const drained = this.drained;
      // Open documents first: published at a slice's end when their cross-file results may have changed.
      if (this.push) this.publishOpen(drained);
      if (drained) for (const uri of this.ctx.index.drainAffected()) this.dirty.add(uri);
      if (drained) {
        if (this.dirty.size === 0) break;
        if (!this.push) {
          this.dirty.clear();
          if (this.ctx.client.refreshPull) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
          break;
        }
      }
      if (this.walker || this.total >= PROGRESS_THRESHOLD) {
        this.progress ??= new BackgroundProgress(this.ctx, localize({ ja: 'shitei: ワークスペースを検査中', en: 'shitei: checking the workspace' }, this.ctx.locale));
      }
      this.progress?.report(`${this.done}/${Math.max(this.total, this.done)}`, this.total ? (100 * this.done) / this.total : undefined);
      if (outcome === 'waiting') await this.waitForWork();
    }
    this.total = 0;
    this.progress?.done();
    this.progress = undefined;
    this.reportSkipped();
  }

  /** Push: open documents whose cross-file results may have changed (at most every OPEN_REPUBLISH_MS while work remains). */
  private publishOpen(drained: boolean): void {
    const now = performance.now();
    for (const doc of this.ctx.store.all()) {
      if (this.stamps.get(doc.uri) === this.ctx.index.stampOf(doc.uri)) continue;
      if (!drained && now - (this.openPublishedAt.get(doc.uri) ?? -Infinity) < OPEN_REPUBLISH_MS) continue;
      this.ctx.guard('publishDiagnostics', () => this.publish(doc.uri, false));
    }
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

  /**
   * One unit of background work, none longer than a rule of one sheet's analysis: 'worked', or
   * 'waiting' (for a read, or for room in the outbox) or 'idle' when there is nothing to do now.
   * In order: a file to read (while few reads are under way), the analysis under way, a file
   * read, a document to analyse, the folder walk, a publication.
   */
  private next(deadline: number): UnitOutcome {
    // Reads first (starting one is cheap): the disk works while the analyses below run, with as
    // many read ahead as are being read (the bytes waiting are bounded too).
    if (this.toRead.size && this.reading.size < READS_IN_FLIGHT && this.arrived.size < READS_IN_FLIGHT && this.bytesWaiting < MAX_BYTES_WAITING) {
      const uri = this.toRead.values().next().value!;
      this.toRead.delete(uri);
      // Open in the editor: its text is the editor's, not the file's.
      if (this.ctx.store.has(uri)) this.toAnalyze.add(uri);
      else this.startRead(uri);
      return 'worked';
    }
    const job = this.job;
    if (job) {
      if (this.ctx.documentFor(job.uri) !== job.doc) {
        // A newer version (an edit, a newer read) replaced it: that one is analysed instead.
        this.job = undefined;
        this.work.superseded++;
        return 'worked';
      }
      let result: AnalysisResult | undefined;
      let failed = true;
      this.ctx.guard('diagnostics', () => {
        result = job.analysis.advance(deadline);
        failed = false;
      });
      if (failed || result) {
        this.job = undefined;
        this.done++;
      }
      if (result) this.ctx.guard('diagnostics', () => this.enter(job.uri, result!));
      return 'worked';
    }
    const arrived = this.arrived.entries().next();
    if (!arrived.done) {
      const [uri, read] = arrived.value;
      this.takeArrived(uri);
      this.ctx.guard('diagnostics', () => this.accept(uri, read));
      return 'worked';
    }
    const analyze = this.toAnalyze.values().next();
    if (!analyze.done) {
      this.toAnalyze.delete(analyze.value);
      this.ctx.guard('diagnostics', () => this.begin(analyze.value));
      return 'worked';
    }
    if (this.walker && this.toRead.size < 4 * READS_IN_FLIGHT) {
      const step = this.walker.next();
      if (step.done) this.walker = undefined;
      else for (const uri of step.value) if (!this.toRead.has(uri)) {
        this.toRead.add(uri);
        this.total++;
      }
      return 'worked';
    }
    const dirty = this.dirty.values().next();
    if (!dirty.done && this.push) {
      if (!this.ctx.outbox.hasRoom) return 'waiting';
      this.dirty.delete(dirty.value);
      this.ctx.guard('publishDiagnostics', () => this.publish(dirty.value, false));
      return 'worked';
    }
    return this.reading.size > 0 ? 'waiting' : 'idle';
  }

  /** Takes a read's bytes out of those waiting (they are being used, or no longer wanted). */
  private takeArrived(uri: string): void {
    const read = this.arrived.get(uri);
    if (read?.ok) this.bytesWaiting -= read.bytes.length;
    this.arrived.delete(uri);
  }

  /** Reads a file off the event loop; a slice takes the bytes when they are there. */
  private startRead(uri: string): void {
    let request = this.requested.get(uri);
    if (request === undefined) this.requested.set(uri, (request = ++this.requests));
    this.reading.set(uri, request);
    this.work.reads++;
    const arrive = (read: ReadResult | undefined) => {
      if (this.reading.get(uri) === request) this.reading.delete(uri);
      if (this.requested.get(uri) !== request) {
        // Asked again (or forgotten) meanwhile: the newer request reads it again.
        this.work.staleReads++;
      } else {
        this.requested.delete(uri);
        this.takeArrived(uri);
        this.arrived.set(uri, read);
        this.bytesWaiting += read?.ok ? read.bytes.length : 0;
      }
      this.kick();
    };
    this.ctx.files.read(uri).then(arrive, () => arrive({ ok: false, reason: 'unreadable', code: 'EIO' }));
  }

  /** A file's bytes arrived: decoded and kept (then analysed), or forgotten when it cannot be read now. */
  private accept(uri: string, read: ReadResult | undefined): void {
    if (this.ctx.store.has(uri)) {
      // Opened in the editor meanwhile: the editor's text counts.
      this.begin(uri);
      return;
    }
    if (this.ctx.files.accept(uri, read) !== 'loaded') {
      this.done++;
      this.ctx.index.remove(uri);
      this.dirty.delete(uri);
      if (this.push && this.published.delete(uri)) {
        // It was shown before and cannot be read now (gone, no longer a regular file, too large): clear it.
        this.ctx.outbox.track(this.connection.sendDiagnostics({ uri, diagnostics: [] }));
      }
      return;
    }
    this.begin(uri);
  }

  /** Starts the analysis of a document in slices (at once when its version is analysed already). */
  private begin(uri: string): void {
    const doc = this.ctx.documentFor(uri);
    if (!doc) {
      this.done++;
      this.ctx.index.remove(uri);
      return;
    }
    if (this.ctx.store.has(uri) && !this.ctx.analysis.cached(doc) && this.ctx.analysis.isRunning(doc)) {
      // An edit's analysis is under way: it indexes and publishes the document when it ends.
      this.done++;
      return;
    }
    this.job = { uri, doc, analysis: this.ctx.analysis.begin(doc) };
  }

  /** Pull mode answers with retriggerRequest on failure, so the client asks again. */
  static retrigger<T>(answer: T | ResponseError<void>): T | ResponseError<{ retriggerRequest: boolean }> {
    return answer instanceof ResponseError ? new ResponseError(answer.code, answer.message, { retriggerRequest: true }) : answer;
  }
}
