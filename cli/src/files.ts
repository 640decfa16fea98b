/** Expanding the CLI's PATH arguments (files, folders, globs) into files to check. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';

export const EXTENSION = '.shitei';
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export class PathError extends Error {}

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path.join(dir, entry.name), out);
    } else if (entry.isFile() && entry.name.endsWith(EXTENSION)) {
      out.push(path.join(dir, entry.name));
    }
  }
}

/**
 * Files named by `args`: a file as given (whatever its extension), a folder's `.shitei` files
 * recursively, a glob's matches. A path that names nothing throws PathError.
 */
export function expandPaths(args: readonly string[], cwd = process.cwd()): string[] {
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
      try {
        walk(abs, files);
      } catch (error) {
        throw new PathError(`${arg}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? error})`);
      }
    } else if (stat) {
      files.push(abs);
    } else if (/[*?[\]{}]/.test(arg)) {
      const matches = globSync(arg, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] }).sort();
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
