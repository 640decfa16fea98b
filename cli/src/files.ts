/** Expanding the CLI's PATH arguments (files, folders, globs) into files to check. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, type GlobOptions } from 'tinyglobby';
import { SHEET_EXTENSION, walkSheets, type SkippedEntry, matchablePath, pathKey, pathOfMatchable, pathText, type FsPath } from '../../core/out/node/index';
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
      const matches = globSync(arg, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'], fs: BYTE_EXACT_FS }).sort().filter((f) => f !== options.exclude);
      if (matches.length === 0) throw new PathError(`${escapeControlChars(arg)}: no file matches this pattern`);
      for (const m of matches) files.push(pathOfMatchable(path.normalize(m)));
    } else {
      throw new PathError(`${escapeControlChars(arg)}: no such file or folder`);
    }
  }
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(pathKey(f)) && (seen.add(pathKey(f)), true));
}

/**
 * The fs functions tinyglobby lists folders with (its `fs` option), reading names as bytes the way
 * the folder walk does (core/src/node/walk.ts). A name that is not UTF-8 (a Shift_JIS name from an
 * old file server) reaches the pattern as matchablePath gives it — UTF-8 as itself, each odd byte
 * one character U+DC80–U+DCFF — so `*.shitei` matches it, a folder so named is entered, and the
 * path that comes back (pathOfMatchable) opens the very file. Decoded the usual way, such a name
 * became U+FFFD and named a file that does not exist.
 */
const BYTE_EXACT_FS = {
  readdirSync: (dir: string) =>
    fs.readdirSync(pathOfMatchable(dir), { withFileTypes: true, encoding: 'buffer' }).map((entry) => ({
      name: matchablePath(entry.name),
      isFile: () => entry.isFile(),
      isDirectory: () => entry.isDirectory(),
      isSymbolicLink: () => entry.isSymbolicLink(),
    })),
  realpathSync: (file: string) => matchablePath(fs.realpathSync(pathOfMatchable(file), { encoding: 'buffer' })),
  statSync: (file: string) => fs.statSync(pathOfMatchable(file)),
} as unknown as GlobOptions['fs'];

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
