/**
 * The one way shitei reads a file from disk (a sheet, a config): only a regular file, and never
 * more than a byte limit, checked while reading and before anything is decoded. A path from a
 * folder walk, a glob, an argument, a config search or an editor's file-watch event can name a
 * link to /dev/zero or /dev/urandom (endless), a FIFO (blocks until someone writes) or a socket:
 * those are refused without reading a byte, and a regular file that grows while it is read is
 * cut off at the limit. The language server's workspace scan reads through readRegularFileAsync,
 * the same checks off the event loop.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A path as the file system gives it: a string, or the raw bytes of a name that is not UTF-8. */
export type FsPath = string | Buffer;

export type ReadFailure =
  /** Not a regular file: a device, FIFO, socket or folder (`what` says which). */
  | { ok: false; reason: 'not-regular-file'; what: 'folder' | 'device' | 'fifo' | 'socket' | 'other' }
  /** More than the limit: `atLeast` bytes were seen (the size, or limit + 1 for a growing file). */
  | { ok: false; reason: 'too-large'; atLeast: number; limit: number }
  /** The system refused: `code` is the errno code (ENOENT, EACCES, EISDIR, ELOOP…). */
  | { ok: false; reason: 'unreadable'; code: string };

export type ReadResult = { ok: true; bytes: Buffer } | ReadFailure;

function kindOf(st: fs.Stats): 'folder' | 'device' | 'fifo' | 'socket' | 'other' {
  if (st.isDirectory()) return 'folder';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  return 'other';
}

const errnoCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'EIO';

/**
 * The bytes of `file` if it is a regular file (a link is followed to its target) of at most
 * `maxBytes` bytes. Opened non-blocking, so a FIFO cannot stall the open; its type is then
 * taken from the open descriptor (fstat), so a swap of the path after a check changes nothing.
 */
export function readRegularFile(file: FsPath, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: 'unreadable', code: errnoCode(error) };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'not-regular-file', what: kindOf(st) };
    if (st.size > maxBytes) return { ok: false, reason: 'too-large', atLeast: st.size, limit: maxBytes };
    // The size is a hint (a file can grow while read): read up to the limit + 1 and no further.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(st.size + 1, 64 * 1024)));
    let length = 0;
    let chunk = buffer;
    for (;;) {
      if (length === chunk.length) {
        if (chunk.length > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, length);
        chunk = bigger;
      }
      const n = fs.readSync(fd, chunk, length, chunk.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { ok: false, reason: 'too-large', atLeast: length, limit: maxBytes };
    return { ok: true, bytes: chunk.subarray(0, length) };
  } catch (error) {
    return { ok: false, reason: 'unreadable', code: errnoCode(error) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * readRegularFile without holding the event loop: the same checks (opened non-blocking, the type
 * from the open descriptor, the limit checked before and while reading), each step a request to
 * the thread pool, for a server that reads many files while it answers requests. Callbacks, not
 * fs.promises: a FileHandle and a promise per step cost the event loop about twice as much CPU.
 */
export function readRegularFileAsync(file: FsPath, maxBytes: number): Promise<ReadResult> {
  return new Promise((resolve) => {
    const failed = (error: unknown): ReadResult => ({ ok: false, reason: 'unreadable', code: errnoCode(error) });
    fs.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0), (openError, fd) => {
      if (openError) return resolve(failed(openError));
      // Closed in the background: the bytes are there already.
      const finish = (result: ReadResult) => {
        fs.close(fd, () => undefined);
        resolve(result);
      };
      fs.fstat(fd, (statError, st) => {
        if (statError) return finish(failed(statError));
        if (!st.isFile()) return finish({ ok: false, reason: 'not-regular-file', what: kindOf(st) });
        if (st.size > maxBytes) return finish({ ok: false, reason: 'too-large', atLeast: st.size, limit: maxBytes });
        // The size and one byte more, so a file that grew since is seen (and read on, up to the limit + 1).
        let chunk = Buffer.allocUnsafe(Math.min(maxBytes + 1, st.size + 1));
        let length = 0;
        const readMore = (): void => {
          if (length === chunk.length) {
            if (chunk.length > maxBytes) return finish({ ok: false, reason: 'too-large', atLeast: length, limit: maxBytes });
            const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(chunk.length * 2, 64 * 1024)));
            chunk.copy(bigger, 0, 0, length);
            chunk = bigger;
          }
          const wanted = chunk.length - length;
          fs.read(fd, chunk, length, wanted, null, (readError, bytesRead) => {
            if (readError) return finish(failed(readError));
            length += bytesRead;
            // A regular file reads short only at its end.
            if (bytesRead === 0 || bytesRead < wanted) return finish({ ok: true, bytes: chunk.subarray(0, length) });
            readMore();
          });
        };
        readMore();
      });
    });
  });
}

/** Why a read failed, in a few words for a message (no file content, only the kind and the sizes). */
export function readFailureText(failure: ReadFailure): { ja: string; en: string } {
  switch (failure.reason) {
    case 'not-regular-file': {
      const what = { folder: ['フォルダ', 'a folder'], device: ['デバイス', 'a device'], fifo: ['名前付きパイプ', 'a named pipe (FIFO)'], socket: ['ソケット', 'a socket'], other: ['特殊ファイル', 'a special file'] }[failure.what];
      return { ja: `通常のファイルではないため読み込みません(${what[0]})`, en: `not a regular file (${what[1]}); not read` };
    }
    case 'too-large':
      return {
        ja: `ファイルが大きすぎるため読み込みません(上限${failure.limit.toLocaleString('en-US')}バイト)`,
        en: `the file is too large to read (the limit is ${failure.limit.toLocaleString('en-US')} bytes)`,
      };
    case 'unreadable':
      return { ja: `読み込めません(${failure.code})`, en: `cannot read the file (${failure.code})` };
  }
}

/**
 * A path for people to read: a Buffer path (a name that is not UTF-8) decoded as UTF-8 with
 * every byte that does not decode written `\xHH`, so two such names stay apart and nothing
 * is passed on raw.
 */
export function pathText(file: FsPath): string {
  return decodeEscaping(file, (byte) => `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * The path as a string that stands for its bytes one to one, for matching it against a glob
 * pattern: UTF-8 as itself, and every byte that does not decode as the lone surrogate U+DC80–
 * U+DCFF (the "surrogateescape" of Python), which no UTF-8 name can hold. `*.shitei` matches a
 * Shift_JIS name given so (each odd byte one character), and pathOfMatchable gives back the
 * very bytes.
 */
export function matchablePath(file: FsPath): string {
  return decodeEscaping(file, (byte) => String.fromCharCode(0xdc00 + byte));
}

/** The path that matchablePath(path) stands for: a string when it is UTF-8, else its bytes. */
export function pathOfMatchable(text: string): FsPath {
  // A lone low surrogate stands for a byte; one after a high surrogate is half of a character.
  if (!/(?<![\ud800-\udbff])[\udc80-\udcff]/.test(text)) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xdc80 && c <= 0xdcff) bytes.push(c - 0xdc00);
    else if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      for (const b of Buffer.from(text.slice(i, i + 2), 'utf8')) bytes.push(b);
      i++;
    } else for (const b of Buffer.from(text[i], 'utf8')) bytes.push(b);
  }
  return Buffer.from(bytes);
}

/** `file` decoded as UTF-8, each byte that is not part of a valid sequence written by `escape`. */
function decodeEscaping(file: FsPath, escape: (byte: number) => string): string {
  if (typeof file === 'string') return file;
  const text = file.toString('utf8');
  if (!text.includes('\uFFFD') || Buffer.from(text, 'utf8').equals(file)) return text;
  let out = '';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  while (i < file.length) {
    // The valid UTF-8 sequence (1–4 bytes) at i, else one byte escaped.
    let step = 0;
    for (let n = 1; n <= 4 && i + n <= file.length; n++) {
      try {
        decoder.decode(file.subarray(i, i + n));
        step = n;
        break;
      } catch {
        // not complete or not valid at this length
      }
    }
    if (step) {
      out += decoder.decode(file.subarray(i, i + step));
      i += step;
    } else {
      out += escape(file[i]);
      i++;
    }
  }
  return out;
}

/** A key that tells paths apart (Buffer paths by their bytes), for de-duplication. */
export function pathKey(file: FsPath): string {
  return typeof file === 'string' ? file : `\0${file.toString('hex')}`;
}

/**
 * The byte limit for a sheet whose config allows `maxDocumentChars` characters. Every encoding
 * shitei decodes gives at least one UTF-16 unit per 3 bytes (UTF-8's 3-byte characters are the
 * densest; UTF-16 and Shift_JIS give one per 2), so a file of more bytes than this is over the
 * character limit for certain and need not be read to say so. The BOM is the 3 extra bytes.
 */
export function maxSheetBytes(maxDocumentChars: number): number {
  return 3 * maxDocumentChars + 3;
}

/** The byte limit of `.shiteirc.json`: a real one is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The file: URL of a path, byte-exact: a Buffer path's bytes are percent-encoded as they are
 * (RFC 8089 allows any octet), so a Shift_JIS name keeps its identity through an LSP client.
 */
export function fileUrlOf(file: FsPath): string {
  const bytes = typeof file === 'string' ? Buffer.from(path.resolve(file), 'utf8') : file;
  let out = 'file://';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~/!$&'()*+,;=:@]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The path of a file: URL, byte-exact: a string when its percent-decoded bytes are UTF-8 (the
 * usual case), else the bytes as a Buffer path that opens the very file (where
 * url.fileURLToPath would decode them lossily and name a file that does not exist).
 * Undefined for other schemes and for URLs with a host (POSIX paths only).
 */
export function fsPathOfFileUrl(url: string): FsPath | undefined {
  const m = /^file:\/\/(localhost)?(\/[^?#]*)$/i.exec(url);
  if (!m) return undefined;
  const bytes: number[] = [];
  const s = m[2];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const ch = String.fromCodePoint(s.codePointAt(i)!);
      for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
      i += ch.length - 1;
    }
  }
  const buffer = Buffer.from(bytes);
  const text = buffer.toString('utf8');
  return Buffer.from(text, 'utf8').equals(buffer) ? text : buffer;
}
