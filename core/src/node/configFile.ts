/**
 * Finding and reading `.shiteirc.json` from disk: the checked file's folder upwards, the way
 * the CLI and the language server both do it, so both see the same config for the same file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig, validateConfig, type ResolvedConfig, type ShiteiConfigFile } from '../analysis/config';
import { ALL_CODES } from '../rules/codes';
import type { Localized } from '../types';

export const CONFIG_FILE_NAME = '.shiteirc.json';

export class ConfigError extends Error {
  constructor(readonly file: string, readonly problems: Localized[]) {
    super(`${file}: ${problems.map((p) => p.en).join('; ')}`);
  }
}

/** The nearest `.shiteirc.json` in `dir` or a folder above it. */
export function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Reads and validates a config file; throws ConfigError naming every problem. */
export function readConfigFile(file: string): ShiteiConfigFile {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(file, [{ ja: `設定ファイルを読めません: ${reason}`, en: `cannot read the configuration: ${reason}` }]);
  }
  const { config, problems } = validateConfig(json, ALL_CODES);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return config;
}

/** Loads configs once per file, for runs over many files in few folders. */
export class ConfigLoader {
  private readonly byFile = new Map<string, ShiteiConfigFile>();

  constructor(private readonly overrides?: ShiteiConfigFile) {}

  /** The config for a document: an explicit file if given, else the nearest one above `documentPath`. */
  forDocument(documentPath: string, explicitFile?: string): { config: ResolvedConfig; file?: string } {
    const file = explicitFile ?? findConfigFile(path.dirname(path.resolve(documentPath)));
    if (!file) return { config: resolveConfig(this.overrides) };
    let loaded = this.byFile.get(file);
    if (!loaded) {
      loaded = readConfigFile(file);
      this.byFile.set(file, loaded);
    }
    return { config: resolveConfig(loaded, this.overrides), file };
  }

  invalidate(file?: string): void {
    if (file) this.byFile.delete(file);
    else this.byFile.clear();
  }
}
