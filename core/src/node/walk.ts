/**
 * The folder walk of the CLI (and, at merge, of the language server's workspace scan): every
 * `.shitei` entry below a folder, in name order. Hidden entries, node_modules and .git are left
 * out; a link to a folder is not followed (it could loop). What cannot be listed is recorded
 * and the walk goes on, so one unreadable subfolder loses nothing else.
 *
 * Names are read as bytes: a name that is not UTF-8 (a Shift_JIS name from an old file server)
 * comes back as a Buffer path that opens the very file, where a decoded string would name a
 * file that does not exist. Whether an entry is a regular file is left to the reader
 * (./readFile.ts), which refuses anything else wherever the path came from.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathKey, type FsPath } from './readFile';

export const SHEET_EXTENSION = '.shitei';
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const EXTENSION_BYTES = Buffer.from(SHEET_EXTENSION, 'latin1');

/** What a walk passed over: a file that is not `.shitei`, or an entry that could not be read. */
export interface SkippedEntry {
  file: FsPath;
  kind: 'not-shitei' | 'unreadable-file' | 'unreadable-folder';
  /** The errno code for unreadable entries. */
  code?: string;
}

export interface WalkResult {
  /** The `.shitei` entries (files, and anything else so named, which the reader then refuses). */
  files: FsPath[];
  skipped: SkippedEntry[];
}

export interface WalkOptions {
  /** A file never to list (e.g. the output file being written). */
  exclude?: string;
}

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** A name as a string when it is UTF-8 (so the usual string paths work), else its bytes. */
function joinName(dir: FsPath, name: Buffer): FsPath {
  const text = name.toString('utf8');
  if (typeof dir === 'string' && Buffer.from(text, 'utf8').equals(name)) return path.join(dir, text);
  const dirBytes = typeof dir === 'string' ? Buffer.from(dir, 'utf8') : dir;
  const sep = dirBytes.length > 0 && dirBytes[dirBytes.length - 1] === path.sep.charCodeAt(0) ? [] : [Buffer.from(path.sep)];
  return Buffer.concat([dirBytes, ...sep, name]);
}

/** Name order as before the walk read bytes (localeCompare), bytes breaking ties. */
function compareNames(a: fs.Dirent<Buffer>, b: fs.Dirent<Buffer>): number {
  return a.name.toString('utf8').localeCompare(b.name.toString('utf8')) || Buffer.compare(a.name, b.name);
}

/** Walks `dir` recursively; nothing in it throws. */
export function walkSheets(dir: FsPath, options: WalkOptions = {}): WalkResult {
  const result: WalkResult = { files: [], skipped: [] };
  walkInto(dir, result, options.exclude === undefined ? undefined : pathKey(options.exclude));
  return result;
}

function walkInto(dir: FsPath, result: WalkResult, excluded: string | undefined): void {
  let entries: fs.Dirent<Buffer>[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }) as unknown as fs.Dirent<Buffer>[];
  } catch (error) {
    result.skipped.push({ file: dir, kind: 'unreadable-folder', code: errno(error) });
    return;
  }
  for (const entry of entries.sort(compareNames)) {
    const name = entry.name;
    if (name[0] === 0x2e /* . */ || SKIPPED_DIRS.has(name.toString('latin1'))) continue;
    const full = joinName(dir, name);
    if (pathKey(full) === excluded) continue;
    const isSheet = name.length >= EXTENSION_BYTES.length && name.subarray(name.length - EXTENSION_BYTES.length).equals(EXTENSION_BYTES);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        isFile = fs.statSync(full).isFile();
      } catch (error) {
        // A link that leads nowhere: a `.shitei` one goes to the reader, which names it as unreadable.
        if (isSheet) result.files.push(full);
        else result.skipped.push({ file: full, kind: 'unreadable-file', code: errno(error) });
        continue;
      }
      isDir = false;
    }
    if (isDir) walkInto(full, result, excluded);
    else if (isSheet) result.files.push(full);
    else if (isFile) result.skipped.push({ file: full, kind: 'not-shitei' });
  }
}
