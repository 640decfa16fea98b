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
  for (const item of walkSheetEntries(dir, options)) {
    if ('skipped' in item) result.skipped.push(item.skipped);
    else result.files.push(item.file);
  }
  return result;
}

/**
 * The same walk, one entry at a time, so a caller can go through a huge folder in slices (the
 * language server's workspace scan) and stop between any two entries.
 */
export function* walkSheetEntries(dir: FsPath, options: WalkOptions = {}): Generator<{ file: FsPath } | { skipped: SkippedEntry }> {
  yield* walkInto(dir, options.exclude === undefined ? undefined : pathKey(options.exclude));
}

function* walkInto(dir: FsPath, excluded: string | undefined): Generator<{ file: FsPath } | { skipped: SkippedEntry }> {
  let entries: fs.Dirent<Buffer>[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }) as unknown as fs.Dirent<Buffer>[];
  } catch (error) {
    yield { skipped: { file: dir, kind: 'unreadable-folder', code: errno(error) } };
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
        if (isSheet) yield { file: full };
        else yield { skipped: { file: full, kind: 'unreadable-file', code: errno(error) } };
        continue;
      }
      isDir = false;
    }
    if (isDir) yield* walkInto(full, excluded);
    else if (isSheet) yield { file: full };
    else if (isFile) yield { skipped: { file: full, kind: 'not-shitei' } };
  }
}
