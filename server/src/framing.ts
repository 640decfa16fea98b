/**
 * Base-protocol framing that survives a wrong Content-Length. vscode-jsonrpc trusts the header:
 * a length too large swallows the next messages while it waits, one too small leaves the rest
 * of the body to be read as a header, and the connection is wedged without a word. This stream
 * sits between stdin and the reader: it checks that each body is one JSON value, says on stderr
 * when a header was wrong (never the content), and recovers at the next header where it can —
 * a body that is valid JSON up to the next header is passed on with the right length.
 */
import { Transform, type TransformCallback } from 'node:stream';

const HEADER = Buffer.from('Content-Length:', 'latin1');
const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
/** How long a body shorter than its header says may wait before it is judged on what arrived. */
const BODY_WAIT_MS = 1000;

export class ResyncingFramer extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  private waitTimer?: NodeJS.Timeout;
  /** Counted for tests: how many headers were wrong. */
  problems = 0;

  constructor(private readonly report: (message: string) => void = (m) => process.stderr.write(`${m}\n`)) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    this.drain(false);
    done();
  }

  override _flush(done: TransformCallback): void {
    clearTimeout(this.waitTimer);
    this.drain(true);
    done();
  }

  private drain(final: boolean): void {
    clearTimeout(this.waitTimer);
    for (;;) {
      if (this.buffer.length === 0) return;
      const start = indexOfHeader(this.buffer, 0);
      if (start < 0) {
        // No header start yet: keep a tail that may be the beginning of one.
        if (this.buffer.length > HEADER.length * 4 && !startsLikeHeader(this.buffer)) this.skip(this.buffer.length - HEADER.length, 'bytes outside any message');
        return;
      }
      if (start > 0) {
        this.skip(start, 'bytes outside any message');
        continue;
      }
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const length = contentLength(this.buffer.subarray(0, headerEnd).toString('latin1'));
      const bodyStart = headerEnd + HEADER_END.length;
      if (length === undefined) {
        this.problem('a header without a valid Content-Length');
        this.skipToNextHeader(1);
        continue;
      }
      if (this.buffer.length >= bodyStart + length && isJson(this.buffer.subarray(bodyStart, bodyStart + length))) {
        const next = bodyStart + length;
        this.pass(this.buffer.subarray(0, next));
        this.buffer = this.buffer.subarray(next);
        continue;
      }
      // Wrong length (or not JSON): is the body valid up to the next header?
      const nextHeader = indexOfHeader(this.buffer, bodyStart);
      if (nextHeader >= 0) {
        const body = this.buffer.subarray(bodyStart, trimEnd(this.buffer, bodyStart, nextHeader));
        this.problem(`a Content-Length of ${length} that does not match its message`);
        if (isJson(body)) this.passBody(body);
        this.buffer = this.buffer.subarray(nextHeader);
        continue;
      }
      if (this.buffer.length >= bodyStart + length) {
        // The full length arrived but is not JSON, and no next header yet: wait for one.
        if (final) this.skip(this.buffer.length, 'a message that is not JSON');
        else this.waitTimer = setTimeout(() => this.judgeWaiting(bodyStart, length), BODY_WAIT_MS);
        return;
      }
      // Shorter than announced: more may come; if nothing comes, judge what arrived.
      if (final) this.judgeWaiting(bodyStart, length);
      else this.waitTimer = setTimeout(() => this.judgeWaiting(bodyStart, length), BODY_WAIT_MS);
      return;
    }
  }

  /** Nothing more arrived for a while: a complete JSON body is passed on, else dropped. */
  private judgeWaiting(bodyStart: number, length: number): void {
    const body = this.buffer.subarray(bodyStart);
    if (body.length === length) return; // complete after all
    this.problem(`a Content-Length of ${length} that does not match its message`);
    if (isJson(body)) this.passBody(body);
    this.buffer = Buffer.alloc(0);
  }

  private passBody(body: Buffer): void {
    this.pass(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body]));
  }

  private pass(frame: Buffer): void {
    this.push(Buffer.from(frame));
  }

  private skip(bytes: number, what: string): void {
    this.problem(`${bytes} ${what}`);
    this.buffer = this.buffer.subarray(bytes);
  }

  private skipToNextHeader(from: number): void {
    const next = indexOfHeader(this.buffer, from);
    this.buffer = next < 0 ? Buffer.alloc(0) : this.buffer.subarray(next);
  }

  private problem(what: string): void {
    this.problems++;
    this.report(`shitei: protocol error: ${what}; reading on from the next header`);
  }
}

function indexOfHeader(buffer: Buffer, from: number): number {
  // Case-insensitive enough for real clients: "Content-Length" or "content-length".
  const a = buffer.indexOf(HEADER, from);
  const b = buffer.indexOf('content-length:', from, 'latin1');
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

function startsLikeHeader(buffer: Buffer): boolean {
  return /^content-/i.test(buffer.subarray(0, 8).toString('latin1'));
}

function contentLength(header: string): number | undefined {
  const m = /(?:^|\r\n)content-length:[ \t]*(\d{1,12})[ \t]*(?:\r\n|$)/i.exec(header);
  return m ? Number(m[1]) : undefined;
}

/** The end of a body that runs up to the next header, without the blank lines a client may put between. */
function trimEnd(buffer: Buffer, start: number, end: number): number {
  while (end > start && (buffer[end - 1] === 10 || buffer[end - 1] === 13)) end--;
  return end;
}

function isJson(body: Buffer): boolean {
  if (body.length === 0) return false;
  try {
    const value = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}
