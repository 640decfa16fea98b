/**
 * What `shitei export` and `shitei import` share: option parsing with flags, reading an input
 * file within a byte limit, and writing outputs without ever replacing an existing file
 * silently (only with --force), all in the run's language.
 */
import * as fs from 'node:fs';
import { localize, type Locale, type Localized } from '../../core/out/index';
import { parseOptions, UsageError, type OptionSpec } from './options';

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

/**
 * The commands' one option parser (./options.ts: given twice, empty value, choices), with the
 * flags as booleans and FILE arguments left to the command to check.
 */
export function parseDocumentArgs(argv: readonly string[], strings: Record<string, { short?: string; choices?: readonly string[] }>, flags: string[]): ParsedArgs {
  const specs: Record<string, OptionSpec> = { ...strings };
  for (const name of flags) specs[name] = { flag: true };
  const { values, paths } = parseOptions(argv, specs, true);
  const out: Record<string, string | boolean | undefined> = { ...values };
  for (const name of flags) out[name] = values[name] === 'true' ? true : undefined;
  return { values: out, positionals: paths };
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
