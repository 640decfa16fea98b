/**
 * What `shitei export` and `shitei import` share: option parsing with flags, reading an input
 * file within a byte limit, and writing outputs without ever replacing an existing file
 * silently (only with --force), all in the run's language.
 */
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { localize, type Locale, type Localized } from '../../core/out/index';
import { UsageError } from './options';

export { UsageError };

/** The most bytes an input document may have before it is even unzipped. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** The sheet's own limit (README: documents over 2,000,000 characters are not analysed). */
export const MAX_SHEET_CHARS = 2_000_000;

export interface DocumentIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A failure that names its file; the command prints it and exits 2 having written nothing. */
export class FileProblem extends Error {
  constructor(readonly file: string, readonly reason: Localized) {
    super(reason.en);
  }
}

export function say(locale: Locale, ja: string, en: string): string {
  return locale === 'ja' ? ja : en;
}

export function problemText(p: FileProblem, locale: Locale): string {
  return `${p.file}: ${localize(p.reason, locale)}`;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Node's parseArgs, with the same checks as the other commands (given twice, empty value, choices). */
export function parseDocumentArgs(argv: readonly string[], strings: Record<string, { short?: string; choices?: readonly string[] }>, flags: string[]): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(strings)) options[name] = { type: 'string', ...(spec.short ? { short: spec.short } : {}) };
  for (const name of flags) options[name] = { type: 'boolean' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} given twice`);
    seen.add(token.name);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const [name, spec] of Object.entries(strings)) {
    const v = values[name];
    if (v === undefined) continue;
    if (v === '') throw new UsageError(`--${name} needs a value`);
    if (spec.choices && !spec.choices.includes(v as string)) throw new UsageError(`unknown ${name} "${v}" (${spec.choices.join(', ')})`);
  }
  return { values, positionals: parsed.positionals };
}

function errno(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** The input's bytes; a missing, unreadable, folder or oversized input is a FileProblem. */
export function readInput(file: string, shown: string, maxBytes = MAX_INPUT_BYTES): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new FileProblem(shown, { ja: `読み込めません(${errno(error)})`, en: `cannot read the file (${errno(error)})` });
  }
  if (stat.isDirectory()) throw new FileProblem(shown, { ja: 'フォルダです', en: 'is a folder' });
  if (stat.size > maxBytes) {
    throw new FileProblem(shown, { ja: `ファイルが大きすぎます(${stat.size} バイト、上限 ${maxBytes} バイト)`, en: `the file is too large (${stat.size} bytes; the limit is ${maxBytes})` });
  }
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new FileProblem(shown, { ja: `読み込めません(${errno(error)})`, en: `cannot read the file (${errno(error)})` });
  }
}

/** Refuses a target that exists (unless --force) or whose folder does not; checked before anything is written. */
export function checkTarget(file: string, shown: string, force: boolean): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) throw new FileProblem(shown, { ja: 'フォルダです', en: 'is a folder' });
  if (stat && !force) throw new FileProblem(shown, { ja: 'すでにあります(上書きするには --force を付けてください)', en: 'already exists (add --force to overwrite it)' });
}

/** Writes a file; without --force it must not exist (checked again at the moment of writing). */
export function writeOutput(file: string, shown: string, data: string | Uint8Array, force: boolean): void {
  try {
    fs.writeFileSync(file, data, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    if (errno(error) === 'EEXIST') throw new FileProblem(shown, { ja: 'すでにあります(上書きするには --force を付けてください)', en: 'already exists (add --force to overwrite it)' });
    throw new FileProblem(shown, { ja: `書き込めません(${errno(error)})`, en: `cannot write (${errno(error)})` });
  }
}
