/**
 * Every `.shitei` file of the workspace folders, open or not, so the workspace rules cover the
 * whole folder: open documents come from the editor, the rest from disk (re-read when the
 * client reports a change on disk). Only regular files are read, and only up to a byte limit
 * checked before reading: a `.shitei` that is a symlink to /dev/zero, a FIFO or a socket is
 * skipped, whether the scan found it or a file-watch event announced it.
 */
import * as path from 'node:path';
import { fileUrlOf, fsPathOfFileUrl, maxSheetBytes, readRegularFile, readRegularFileAsync, walkSheetEntries, type ReadResult } from '../../core/out/node/index';
import { DEFAULT_MAX_DOCUMENT_CHARS, decodeDocument } from '../../core/out/index';
import { filePathOf } from './analysisService';
import { DiskDocument } from './documents';

/**
 * The most bytes a sheet file may have: 2,000,000 characters (the analysis limit) in the widest
 * encoding the decoder accepts for them (UTF-8, 3 bytes per BMP character, plus a BOM). A larger
 * file cannot hold an analysable sheet; it is left out and counted.
 */
export const MAX_SHEET_BYTES = maxSheetBytes(DEFAULT_MAX_DOCUMENT_CHARS);

/** How many files one step of the walk hands over, so a huge folder is scanned in slices. */
const FILES_PER_STEP = 64;

export type LoadOutcome = 'loaded' | 'not-a-file' | 'too-large' | 'unreadable' | 'undecodable';

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
   * The `.shitei` files under the roots as file: URLs, a few per step, so a caller can walk a huge
   * folder in slices. The CLI's walk (core/src/node/walk.ts): symlinked folders are not followed
   * (a loop cannot trap it), names that are not UTF-8 keep their bytes, and an unlistable
   * folder is passed over without losing the rest.
   */
  *walk(): Generator<string[]> {
    for (const root of this.roots) {
      let files: string[] = [];
      for (const item of walkSheetEntries(root)) {
        if ('skipped' in item) continue;
        files.push(fileUrlOf(item.file));
        if (files.length >= FILES_PER_STEP) {
          yield files;
          files = [];
        }
      }
      yield files;
    }
  }

  /** (Re)reads one file from disk; forgets it when it is gone, not a regular file, too large or unreadable. */
  load(uri: string): LoadOutcome {
    const p = fsPathOfFileUrl(uri);
    return this.accept(uri, p === undefined ? undefined : readRegularFile(p, MAX_SHEET_BYTES));
  }

  /**
   * The bytes of one file, read off the event loop (the server reads while it answers requests);
   * undefined for a URL that names no file. `accept` then decodes and keeps them.
   */
  async read(uri: string): Promise<ReadResult | undefined> {
    const p = fsPathOfFileUrl(uri);
    return p === undefined ? undefined : readRegularFileAsync(p, MAX_SHEET_BYTES);
  }

  /** Takes what `read` gave: decodes and keeps the document, or forgets the file (and says why). */
  accept(uri: string, read: ReadResult | undefined): LoadOutcome {
    if (!read) return 'unreadable';
    if (!read.ok) return this.drop(uri, read.reason === 'not-regular-file' ? 'not-a-file' : read.reason);
    const decoded = decodeDocument(read.bytes);
    if (!decoded.ok) return this.drop(uri, 'undecodable');
    this.skipped.delete(uri);
    // The same text again (a file saved or touched without a change): the document, and with it
    // its cached analysis, stays as it was.
    if (this.disk.get(uri)?.text !== decoded.text) this.disk.set(uri, new DiskDocument(uri, -++this.counter, decoded.text));
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
