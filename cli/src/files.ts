/** Expanding the CLI's PATH arguments (files, folders, globs) into files to check. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { SHEET_EXTENSION, walkSheets, type SkippedEntry, pathKey, pathText, type FsPath } from '../../core/out/node/index';
import { escapeControlChars } from '../../core/out/index';

export const EXTENSION = SHEET_EXTENSION;
export type { SkippedEntry, FsPath } from '../../core/out/node/index';

export class PathError extends Error {}

export interface WalkOptions {
  /** Collects what was passed over; without it, an unreadable folder throws PathError. */
  skipped?: SkippedEntry[];
  /** A file never to list (e.g. the output file being written). */
  exclude?: string;
}

/**
 * Files named by `args`: a file as given (whatever its extension), a folder's `.shitei` files
 * recursively (core/src/node/walk.ts), a glob's matches. A path that names nothing throws
 * PathError. A file whose name is not UTF-8 comes back as a Buffer path.
 */
export function expandPaths(args: readonly string[], cwd = process.cwd(), options: WalkOptions = {}): FsPath[] {
  const files: FsPath[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const walked = walkSheets(abs, { exclude: options.exclude });
      const unreadable = walked.skipped.find((s) => s.kind === 'unreadable-folder');
      if (unreadable && !options.skipped) throw new PathError(`${displayPath(unreadable.file, cwd)}: cannot read the folder (${unreadable.code})`);
      options.skipped?.push(...walked.skipped);
      for (const f of walked.files) files.push(f);
    } else if (stat) {
      files.push(abs);
    } else if (/[*?[\]{}]/.test(arg)) {
      const matches = globSync(arg, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] }).sort().filter((f) => f !== options.exclude);
      if (matches.length === 0) throw new PathError(`${escapeControlChars(arg)}: no file matches this pattern`);
      for (const m of matches) files.push(path.normalize(m));
    } else {
      throw new PathError(`${escapeControlChars(arg)}: no such file or folder`);
    }
  }
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(pathKey(f)) && (seen.add(pathKey(f)), true));
}

/**
 * The path as the output shows it: relative to the working folder, with forward slashes; a
 * name that is not UTF-8 with its odd bytes as `\xHH`. Control characters are left as they are
 * (JSON and SARIF escape them themselves); human formats pass it through escapeControlChars.
 */
export function displayPath(file: FsPath, cwd = process.cwd()): string {
  const text = pathText(file);
  const rel = path.relative(cwd, text);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? text : rel).split(path.sep).join('/');
}
