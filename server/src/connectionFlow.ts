/**
 * How background work (the workspace queue, the analysis of edits) shares the event loop with
 * the connection, so that a request is answered within one slice of that work:
 *
 * - vscode-jsonrpc handles one incoming message per turn of the event loop, and writes one
 *   outgoing message per turn (its writer runs each write after a setImmediate, in order). An
 *   answer is therefore written after every message queued before it: a slice that queues 300
 *   publishDiagnostics makes the next hover wait 300 turns, each with a slice of work in it.
 *   `Outbox` counts what the server's background work sent and is not written yet; that work
 *   sends more only while there is room, so an answer waits for a few messages at most.
 * - `IncomingSignal` is raised when a message arrives from the client (before the connection
 *   handles it); background work then gives the connection two turns before its next slice —
 *   one to handle the message, one to write the answer — so requests go ahead of it.
 */

/** One turn of the event loop: immediates queued meanwhile (the connection's) run first. */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** How many background notifications may wait in the connection's writer at once. */
export const OUTBOX_ROOM = 4;

export class Outbox {
  private queued = 0;
  private waiters: (() => void)[] = [];
  /** The most that waited at once (for tests and the benchmark). */
  peak = 0;

  constructor(readonly room = OUTBOX_ROOM) {}

  /** Counts a message the connection is writing (`sent` settles once it is written). */
  track(sent: Promise<unknown> | void): void {
    if (!sent) return;
    this.queued++;
    this.peak = Math.max(this.peak, this.queued);
    const done = () => {
      this.queued--;
      if (this.hasRoom) for (const w of this.waiters.splice(0)) w();
    };
    sent.then(done, done);
  }

  get hasRoom(): boolean {
    return this.queued < this.room;
  }

  get pending(): number {
    return this.queued;
  }

  /** Resolves once there is room again (at once if there is). */
  whenRoom(): Promise<void> {
    return this.hasRoom ? Promise.resolve() : new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

export class IncomingSignal {
  private arrived = false;

  /** A message from the client arrived and is about to be handled. */
  notify(): void {
    this.arrived = true;
  }

  /** Whether a message arrived since the last call (and forgets it). */
  take(): boolean {
    const arrived = this.arrived;
    this.arrived = false;
    return arrived;
  }
}

/**
 * Lets the connection go first: two turns when a message arrived since the last call (one for
 * the connection to handle it, one for its answer to be written), none otherwise.
 */
export async function yieldToIncoming(incoming: IncomingSignal): Promise<boolean> {
  if (!incoming.take()) return false;
  await nextTurn();
  await nextTurn();
  return true;
}
