/**
 * Server-initiated work-done progress that never holds up the work: the create request is sent
 * and the work starts at once; the begin/report/end notifications follow if and when the client
 * answers. A client that never answers (or does not support progress) sees nothing, and the
 * work runs all the same.
 */
import { WorkDoneProgress, WorkDoneProgressCreateRequest } from 'vscode-languageserver';
import type { ServerContext } from '../context';

let counter = 0;
/** The least time between two progress reports. */
const REPORT_EVERY_MS = 200;

export class BackgroundProgress {
  private state: 'waiting' | 'begun' | 'done' | 'none' = 'waiting';
  private last?: { message?: string; percentage?: number };
  private readonly token = `shitei-progress-${++counter}`;
  private reportedAt = -Infinity;

  constructor(private readonly ctx: ServerContext, private readonly title: string) {
    if (!ctx.client.workDoneProgress) {
      this.state = 'none';
      return;
    }
    ctx.connection.sendRequest(WorkDoneProgressCreateRequest.type, { token: this.token }).then(() => {
      const finished = this.state === 'done';
      this.state = 'begun';
      this.send({ kind: 'begin', title: this.title, cancellable: false, ...(this.last ?? {}) });
      if (finished) this.done();
    }, () => {
      this.state = 'none';
    });
  }

  /**
   * Says how far the work is, at most every REPORT_EVERY_MS (one report per slice would put a
   * message in the writer's queue ahead of every answer); the latest is sent with `begin` if the
   * client answers late.
   */
  report(message: string, percentage?: number): void {
    this.last = { message, ...(percentage === undefined ? {} : { percentage: Math.max(0, Math.min(100, Math.round(percentage))) }) };
    const now = performance.now();
    if (this.state !== 'begun' || now - this.reportedAt < REPORT_EVERY_MS) return;
    this.reportedAt = now;
    this.send({ kind: 'report', ...this.last });
  }

  done(message?: string): void {
    if (this.state === 'begun') this.send({ kind: 'end', ...(message ? { message } : {}) });
    if (this.state !== 'none') this.state = 'done';
  }

  private send(value: object): void {
    this.ctx.outbox.track(this.ctx.connection.sendProgress(WorkDoneProgress.type, this.token, value as never));
  }
}
