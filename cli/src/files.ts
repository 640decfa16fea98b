/** Expanding the CLI's PATH arguments (files, folders, globs) into files to check. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';

export const EXTENSION = '.shitei';
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export class PathError extends Error {}

/** What a folder walk passed over: a file that is not `.shitei`, or an entry that could not be read. */
export interface SkippedEntry {
  file: string;
  kind: 'not-shitei' | 'unreadable-file' | 'unreadable-folder';
  /** The errno code for unreadable entries. */
  code?: string;
}

export interface WalkOptions {
  /** Collects what was passed over; without it, an unreadable folder throws PathError. */
  skipped?: SkippedEntry[];
  /** A file never to list (e.g. the output file being written). */
  exclude?: string;
}

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/**
 * A folder's `.shitei` files, recursively, in name order; hidden entries, node_modules and .git
 * are left out, and a link to a folder is not followed (it could loop).
 */
function walk(dir: string, out: string[], options: WalkOptions): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (!options.skipped) throw new PathError(`${dir}: cannot read the folder (${errno(error)})`);
    options.skipped.push({ file: dir, kind: 'unreadable-folder', code: errno(error) });
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (full === options.exclude) continue;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = fs.statSync(full);
        isFile = st.isFile();
        isDir = false;
      } catch (error) {
        options.skipped?.push({ file: full, kind: 'unreadable-file', code: errno(error) });
        continue;
      }
    }
    if (isDir) walk(full, out, options);
    else if (isFile && entry.name.endsWith(EXTENSION)) out.push(full);
    else if (isFile) options.skipped?.push({ file: full, kind: 'not-shitei' });
  }
}

/**
 * Files named by `args`: a file as given (whatever its extension), a folder's `.shitei` files
 * recursively, a glob's matches. A path that names nothing throws PathError.
 */
export function expandPaths(args: readonly string[], cwd = process.cwd(), options: WalkOptions = {}): string[] {
  const files: string[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      walk(abs, files, options);
    } else if (stat) {
      files.push(abs);
    } else if (/[*?[\]{}]/.test(arg)) {
      const matches = globSync(arg, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] }).sort().filter((f) => f !== options.exclude);
      if (matches.length === 0) throw new PathError(`${arg}: no file matches this pattern`);
      files.push(...matches);
    } else {
      throw new PathError(`${arg}: no such file or folder`);
    }
  }
  return [...new Set(files)];
}

/** The path as the output shows it: relative to the working folder, with forward slashes. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}
