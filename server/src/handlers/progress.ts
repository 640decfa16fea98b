/**
 * Server-initiated work-done progress that never holds up the work: the create request is sent
 * and the work starts at once; the begin/report/end notifications follow if and when the client
 * answers. A client that never answers (or does not support progress) sees nothing, and the
 * work runs all the same.
 */
import { WorkDoneProgress, WorkDoneProgressCreateRequest } from 'vscode-languageserver';
import type { ServerContext } from '../context';

let counter = 0;

export class BackgroundProgress {
  private state: 'waiting' | 'begun' | 'done' | 'none' = 'waiting';
  private last?: { message?: string; percentage?: number };
  private readonly token = `shitei-progress-${++counter}`;

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

  report(message: string, percentage?: number): void {
    this.last = { message, ...(percentage === undefined ? {} : { percentage: Math.max(0, Math.min(100, Math.round(percentage))) }) };
    if (this.state === 'begun') this.send({ kind: 'report', ...this.last });
  }

  done(message?: string): void {
    if (this.state === 'begun') this.send({ kind: 'end', ...(message ? { message } : {}) });
    if (this.state !== 'none') this.state = 'done';
  }

  private send(value: object): void {
    void this.ctx.connection.sendProgress(WorkDoneProgress.type, this.token, value as never);
  }
}
