/**
 * Finding and reading `.shiteirc.json` from disk: the checked file's folder upwards, the way
 * the CLI and the language server both do it, so both see the same config for the same file.
 *
 * The search stops at the workspace: the nearest folder above the file that holds `.git` or a
 * `package.json`, or one of the roots the caller names (the editor's workspace folders, the
 * CLI's working folder), whichever comes first. Without any of them above the file, only the
 * file's own folder is searched. A `.shiteirc.json` in a shared parent (`/tmp`, a home folder
 * above a repository) therefore never applies to a workspace below it.
 *
 * The file is read as any file is (./readFile.ts: a regular file only, at most
 * MAX_CONFIG_BYTES), and no message quotes its content: a link to another file (/etc/shadow)
 * must not print that file in a CI log. Problems name at most a short, escaped key.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig, validateConfig, type ResolvedConfig, type ShiteiConfigFile } from '../analysis/config';
import { ALL_CODES } from '../rules/codes';
import type { Localized } from '../types';
import { MAX_CONFIG_BYTES, readFailureText, readRegularFile } from './readFile';

export const CONFIG_FILE_NAME = '.shiteirc.json';
/** What marks a workspace (repository) root: the config search goes no higher. */
export const WORKSPACE_ROOT_MARKERS = ['.git', 'package.json'] as const;

export class ConfigError extends Error {
  constructor(readonly file: string, readonly problems: Localized[]) {
    super(`${file}: ${problems.map((p) => p.en).join('; ')}`);
  }
}

export interface ConfigSearchOptions {
  /** Folders where the search stops (workspace folders; the CLI's working folder). */
  roots?: readonly string[];
}

function isWorkspaceRoot(dir: string, roots: ReadonlySet<string>): boolean {
  return roots.has(dir) || WORKSPACE_ROOT_MARKERS.some((marker) => fs.existsSync(path.join(dir, marker)));
}

/**
 * The folders searched for `dir`: from `dir` up to and including its workspace root, or `dir`
 * alone when no root is above it.
 */
export function configSearchFolders(dir: string, options: ConfigSearchOptions = {}): string[] {
  const roots = new Set((options.roots ?? []).map((r) => path.resolve(r)));
  const folders: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    folders.push(current);
    if (isWorkspaceRoot(current, roots)) return folders;
    const parent = path.dirname(current);
    if (parent === current) return [path.resolve(dir)];
    current = parent;
  }
}

/** The nearest `.shiteirc.json` in `dir` or a folder above it, within its workspace. */
export function findConfigFile(dir: string, options: ConfigSearchOptions = {}): string | undefined {
  for (const folder of configSearchFolders(dir, options)) {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Where JSON.parse stopped, as "line L, column C", from the position in its message. */
function syntaxErrorPlace(error: SyntaxError, text: string): { ja: string; en: string } {
  const at = /position (\d+)/.exec(error.message);
  if (!at) return { ja: '', en: '' };
  const offset = Math.min(Number(at[1]), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const column = offset - lineStart + 1;
  return { ja: `(${line}行${column}列)`, en: ` (line ${line}, column ${column})` };
}

/** Reads and validates a config file; throws ConfigError naming every problem. */
export function readConfigFile(file: string): ShiteiConfigFile {
  const read = readRegularFile(file, MAX_CONFIG_BYTES);
  if (!read.ok) {
    const why = readFailureText(read);
    throw new ConfigError(file, [{ ja: `設定ファイルを読めません: ${why.ja}`, en: `cannot read the configuration: ${why.en}` }]);
  }
  const text = new TextDecoder('utf-8').decode(read.bytes).replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // JSON.parse's own message quotes the text around the error: only the place is kept.
    const place = error instanceof SyntaxError ? syntaxErrorPlace(error, text) : { ja: '', en: '' };
    throw new ConfigError(file, [{ ja: `設定ファイルが JSON として読めません${place.ja}`, en: `the configuration is not valid JSON${place.en}` }]);
  }
  const { config, problems } = validateConfig(json, ALL_CODES);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return config;
}

/** Loads configs once per file, for runs over many files in few folders. */
export class ConfigLoader {
  private readonly byFile = new Map<string, ShiteiConfigFile>();
  /** The config file found for each folder searched from (undefined: none). */
  private readonly byFolder = new Map<string, string | undefined>();
  private roots: readonly string[];

  constructor(private readonly overrides?: ShiteiConfigFile, search: ConfigSearchOptions = {}) {
    this.roots = search.roots ?? [];
  }

  /** The folders where the search stops (the editor's workspace folders, when they change). */
  setRoots(roots: readonly string[]): void {
    this.roots = [...roots];
    this.byFolder.clear();
  }

  /** The config for a document: an explicit file if given, else the nearest one above `documentPath`. */
  forDocument(documentPath: string, explicitFile?: string): { config: ResolvedConfig; file?: string } {
    const file = explicitFile ?? this.findFor(path.dirname(path.resolve(documentPath)));
    if (!file) return { config: resolveConfig(this.overrides) };
    let loaded = this.byFile.get(file);
    if (!loaded) {
      loaded = readConfigFile(file);
      this.byFile.set(file, loaded);
    }
    return { config: resolveConfig(loaded, this.overrides), file };
  }

  private findFor(dir: string): string | undefined {
    if (!this.byFolder.has(dir)) this.byFolder.set(dir, findConfigFile(dir, { roots: this.roots }));
    return this.byFolder.get(dir);
  }

  invalidate(file?: string): void {
    // A file created or deleted anywhere can change what a search finds.
    this.byFolder.clear();
    if (file) this.byFile.delete(file);
    else this.byFile.clear();
  }
}
