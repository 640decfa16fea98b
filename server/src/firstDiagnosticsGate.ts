/**
 * Gives a newly opened document's first diagnostics priority over the dictionary load.
 *
 * The structural rules need no tokens, so a drafter should see them as soon as the document is
 * open; the dictionary load (≈ 0.2 s of work in ≈ 10 ms slices) waits at its next slice while any
 * opened document has not had its first answer (a push, or a pull response). A client that never
 * asks (a pull client with the document in a background tab) holds it for at most `maxHoldMs`.
 */
export class FirstDiagnosticsGate {
  private readonly waiting = new Map<string, NodeJS.Timeout>();
  private waiters: Array<() => void> = [];

  constructor(private readonly maxHoldMs = 250) {}

  /** `uri` was opened: hold the load until it has been answered. */
  opened(uri: string): void {
    clearTimeout(this.waiting.get(uri));
    const timer = setTimeout(() => this.answered(uri), this.maxHoldMs);
    timer.unref();
    this.waiting.set(uri, timer);
  }

  /** `uri`'s diagnostics were sent (or it was closed). */
  answered(uri: string): void {
    const timer = this.waiting.get(uri);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.waiting.delete(uri);
    if (this.waiting.size > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Resolves once no opened document is waiting for its first diagnostics. */
  whenClear(): Promise<void> {
    if (this.waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
