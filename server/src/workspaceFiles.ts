/**
 * Every `.shitei` file of the workspace folders, open or not, so the workspace rules cover the
 * whole folder: open documents come from the editor, the rest from disk (re-read when the
 * client reports a change on disk). Only regular files are read, and only up to a byte limit
 * checked before reading: a `.shitei` that is a symlink to /dev/zero, a FIFO or a socket is
 * skipped, whether the scan found it or a file-watch event announced it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeDocument } from '../../core/out/text/decode';
import { filePathOf } from './analysisService';
import { DiskDocument } from './documents';

const SKIPPED = new Set(['node_modules', '.git']);

/**
 * The most bytes a sheet file may have: 2,000,000 characters (the analysis limit) in the widest
 * encoding the decoder accepts for them (UTF-8, 3 bytes per BMP character, plus a BOM). A larger
 * file cannot hold an analysable sheet; it is left out and counted.
 */
export const MAX_SHEET_BYTES = 6_000_003;

export type LoadOutcome = 'loaded' | 'not-a-file' | 'too-large' | 'unreadable' | 'undecodable';

/**
 * Reads `file` if it is a regular file of at most `maxBytes` (checked on the open descriptor,
 * so a file swapped for a device after a stat is not read either). Never blocks on a FIFO.
 */
export function readRegularFile(file: string, maxBytes = MAX_SHEET_BYTES): { bytes: Buffer } | { skipped: Exclude<LoadOutcome, 'loaded' | 'undecodable'> } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch {
    return { skipped: 'unreadable' };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { skipped: 'not-a-file' };
    if (stat.size > maxBytes) return { skipped: 'too-large' };
    // One byte more than allowed: a file that grew past the limit since the stat is caught too.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, stat.size + 1));
    let read = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
      if (read === buffer.length) break;
    }
    if (read > maxBytes) return { skipped: 'too-large' };
    return { bytes: buffer.subarray(0, read) };
  } catch {
    return { skipped: 'unreadable' };
  } finally {
    fs.closeSync(fd);
  }
}

export class WorkspaceFiles {
  private readonly disk = new Map<string, DiskDocument>();
  private readonly roots: string[] = [];
  private counter = 0;
  /** Files left out, by reason, so the server can say what the workspace rules did not see. */
  readonly skipped = new Map<string, LoadOutcome>();

  setRoots(uris: string[]): void {
    this.roots.length = 0;
    for (const uri of uris) {
      const p = filePathOf(uri);
      if (p) this.roots.push(p);
    }
  }

  /**
   * The `.shitei` files under the roots, one folder per step, so a caller can walk a huge
   * folder in slices. Symlinked folders are not followed (a loop cannot trap the walk).
   */
  *walk(): Generator<string[]> {
    const folders = [...this.roots];
    while (folders.length > 0) {
      const dir = folders.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        yield [];
        continue;
      }
      const files: string[] = [];
      for (const e of entries) {
        if (e.isDirectory()) {
          if (!SKIPPED.has(e.name) && !e.name.startsWith('.')) folders.push(path.join(dir, e.name));
        } else if ((e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.shitei')) {
          files.push(pathToFileURL(path.join(dir, e.name)).href);
        }
      }
      yield files;
    }
  }

  /** (Re)reads one file from disk; forgets it when it is gone, not a regular file, too large or unreadable. */
  load(uri: string): LoadOutcome {
    const p = filePathOf(uri);
    if (!p) return 'unreadable';
    const read = readRegularFile(p);
    if ('skipped' in read) return this.drop(uri, read.skipped);
    const decoded = decodeDocument(read.bytes);
    if (!decoded.ok) return this.drop(uri, 'undecodable');
    this.skipped.delete(uri);
    this.disk.set(uri, new DiskDocument(uri, -++this.counter, decoded.text));
    return 'loaded';
  }

  private drop(uri: string, why: LoadOutcome): LoadOutcome {
    this.disk.delete(uri);
    this.skipped.set(uri, why);
    return why;
  }

  remove(uri: string): void {
    this.disk.delete(uri);
    this.skipped.delete(uri);
  }

  get(uri: string): DiskDocument | undefined {
    return this.disk.get(uri);
  }

  isInWorkspace(uri: string): boolean {
    const p = filePathOf(uri);
    return !!p && this.roots.some((r) => p === r || p.startsWith(r + path.sep));
  }

  uris(): IterableIterator<string> {
    return this.disk.keys();
  }

  get size(): number {
    return this.disk.size;
  }

  label(uri: string): string {
    const p = filePathOf(uri);
    if (!p) return uri;
    const root = this.roots.find((r) => p.startsWith(r + path.sep));
    return (root ? path.relative(root, p) : path.basename(p)).split(path.sep).join('/');
  }
}
