/**
 * `shitei ledger PATH... [--format csv|md|json|html] [--out FILE] [--config FILE] [--locale ja|en]`:
 * the 特定秘密指定管理簿 of the sheets named, with its summaries.
 *
 * Every readable sheet gives a row, diagnostics or not; a file that cannot be read, decoded or
 * recognised as a sheet, and (in a folder) a file that is not `.shitei`, is named once on stderr
 * and in the output's skipped list. Exit 0 when the ledger is written (skipped files or not);
 * 2 on bad arguments, a path that names nothing, a bad config, or no readable sheet at all.
 * `--out FILE` writes that one file and nothing else; without it the ledger goes to stdout.
 */
import { LOCALES, localeOf, parseOptions } from './options';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildLedger, isDesignationSheet, type LedgerSheet, type SkippedFile } from '../../core/out/ledger/index';
import { SheetModel, resolveConfig, type ResolvedConfig, parseSheet, localize, type Locale, escapeControlChars } from '../../core/out/index';
import { ConfigError, findConfigFile, readConfigFile, readSheetFile, pathKey } from '../../core/out/node/index';
import { EXTENSION, PathError, displayPath, expandPaths, type FsPath, type SkippedEntry } from './files';
import { formatLedgerCsv } from './formatters/ledger-csv';
import { formatLedgerHtml, type SheetCheck } from './formatters/ledger-html';
import { runCheck } from './check';
import { formatLedgerJson } from './formatters/ledger-json';
import { formatLedgerMarkdown } from './formatters/ledger-md';
import { formatLedgerXlsx } from './formatters/ledger-xlsx';

export const LEDGER_USAGE = `Usage:
  shitei ledger [--format csv|md|json|html|xlsx] [--out FILE] [--config FILE] [--locale ja|en] PATH...
      The 特定秘密指定管理簿 of the sheets (files, folders, globs): one row per designation,
      summaries by 行政機関 × 別表 号, by validity, and designations expiring within 12 months.
      Default format md; without --out, to stdout (xlsx needs --out). Exit 0: written (skipped files are listed);
      2: bad arguments, a missing path, or no readable sheet.`;

export type LedgerFormat = 'csv' | 'md' | 'json' | 'html' | 'xlsx';
const FORMATS: readonly LedgerFormat[] = ['csv', 'md', 'json', 'html', 'xlsx'];

export interface LedgerArgs {
  format: LedgerFormat;
  out?: string;
  config?: string;
  locale: Locale;
  paths: string[];
}

export interface LedgerIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Kept as the ledger's name for a usage error (tests and main.ts catch it). */
export { UsageError as LedgerUsageError } from './options';

export function parseLedgerArgs(argv: readonly string[], env: NodeJS.ProcessEnv): LedgerArgs {
  const { values, paths } = parseOptions(argv, {
    format: { short: 'f', choices: FORMATS },
    out: { short: 'o' },
    config: { short: 'c' },
    locale: { choices: LOCALES },
  });
  return { format: (values.format as LedgerFormat | undefined) ?? 'md', out: values.out, config: values.config, locale: localeOf(values.locale, env), paths };
}

function errnoText(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

function reason(locale: Locale, ja: string, en: string): string {
  return localize({ ja, en }, locale);
}

/** What a walk passed over, said in the reader's language. */
function skippedReason(s: SkippedEntry, locale: Locale): string {
  switch (s.kind) {
    case 'not-shitei':
      return reason(locale, '.shitei ファイルではありません', 'not a .shitei file');
    case 'unreadable-folder':
      return reason(locale, `フォルダを読み込めません(${s.code})`, `cannot read the folder (${s.code})`);
    default:
      return reason(locale, `読み込めません(${s.code})`, `cannot read the file (${s.code})`);
  }
}

/**
 * The files of the PATHs, like `check`, except that what `check` passes over silently is kept
 * as skipped: files that are not `.shitei`, links that lead nowhere, folders that cannot be listed.
 */
export function collect(paths: readonly string[], cwd: string, locale: Locale, exclude: string | undefined): { files: FsPath[]; skipped: { file: FsPath; reason: string }[] } {
  const found: SkippedEntry[] = [];
  const files = expandPaths(paths, cwd, { skipped: found, exclude });
  const seen = new Set<string>(files.map(pathKey));
  const skipped = found.filter((s) => !seen.has(pathKey(s.file)) && seen.add(pathKey(s.file))).map((s) => ({ file: s.file, reason: skippedReason(s, locale) }));
  return { files, skipped };
}

/** The config whose `today` the summaries count from: --config, else the one nearest the first PATH. */
export function ledgerConfig(args: Pick<LedgerArgs, 'config' | 'paths'>, cwd: string): ResolvedConfig {
  if (args.config) return resolveConfig(readConfigFile(path.resolve(cwd, args.config)));
  const first = path.resolve(cwd, args.paths[0]);
  let dir = cwd;
  try {
    dir = fs.statSync(first).isDirectory() ? first : path.dirname(first);
  } catch {
    dir = cwd; // a glob: look from the working folder
  }
  const file = findConfigFile(dir, { roots: [cwd] });
  return resolveConfig(file ? readConfigFile(file) : undefined);
}

type ReadResult = { sheet: SheetModel } | { reason: string };

/** Reads one file into a sheet, or says why not (shared with `shitei report`). */
export function readSheet(file: FsPath, config: ResolvedConfig, locale: Locale): ReadResult {
  // A regular file within the byte limit only (core/src/node/readFile.ts), then decoded.
  const read = readSheetFile(file, config);
  if (!read.ok) return { reason: 'error' in read ? localize(read.error, locale) : localize(read.tooLarge.message, locale) };
  if (read.text.length > config.maxDocumentChars) {
    return { reason: reason(locale, `文書が大きすぎます(${read.text.length}文字、上限${config.maxDocumentChars}文字)`, `the document is too large (${read.text.length} characters; the limit is ${config.maxDocumentChars})`) };
  }
  const sheet = new SheetModel(parseSheet(read.text));
  if (!isDesignationSheet(sheet)) {
    return { reason: reason(locale, '指定書として読み取れる項目も見出しもありません', 'no field or section of a designation sheet') };
  }
  return { sheet };
}

export function formatLedger(format: LedgerFormat, ledger: ReturnType<typeof buildLedger>, locale: Locale, checks?: ReadonlyMap<string, SheetCheck>): string {
  switch (format) {
    case 'csv':
      return formatLedgerCsv(ledger, locale);
    case 'json':
      return formatLedgerJson(ledger);
    case 'html':
      return formatLedgerHtml(ledger, locale, checks);
    case 'md':
      return formatLedgerMarkdown(ledger, locale);
    case 'xlsx':
      throw new Error('xlsx is binary: use formatLedgerXlsx');
  }
}

/**
 * The sheets of the PATHs for `ledger` and `report`: the config, every readable sheet, and what
 * was skipped (named on stderr, in path order). Undefined, after saying why on stderr, when the
 * PATHs or the config are wrong (exit 2).
 */
export function loadSheets(
  args: Pick<LedgerArgs, 'paths' | 'config'>, io: Pick<LedgerIo, 'stderr' | 'cwd'>, locale: Locale, out: string | undefined,
): { config: ResolvedConfig; sheets: LedgerSheet[]; skipped: SkippedFile[] } | undefined {
  let config: ResolvedConfig;
  let found: ReturnType<typeof collect>;
  try {
    config = ledgerConfig(args, io.cwd);
    found = collect(args.paths, io.cwd, locale, out);
  } catch (error) {
    if (error instanceof PathError) {
      io.stderr(`shitei: ${escapeControlChars(error.message)}\n`);
      return undefined;
    }
    if (error instanceof ConfigError) {
      io.stderr(`shitei: ${escapeControlChars(error.file)}: ${escapeControlChars(error.problems.map((p) => localize(p, locale)).join('; '))}\n`);
      return undefined;
    }
    throw error;
  }
  const sheets: LedgerSheet[] = [];
  const skipped: SkippedFile[] = found.skipped.map((s) => ({ path: displayPath(s.file, io.cwd), reason: s.reason }));
  for (const file of found.files) {
    const shown = displayPath(file, io.cwd);
    const read = readSheet(file, config, locale);
    if ('sheet' in read) sheets.push({ path: shown, sheet: read.sheet });
    else skipped.push({ path: shown, reason: read.reason });
  }
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const s of skipped) io.stderr(`shitei: ${escapeControlChars(s.path)}: ${escapeControlChars(s.reason)}\n`);
  return { config, sheets, skipped };
}

export async function runLedgerCommand(argv: readonly string[], io: LedgerIo): Promise<number> {
  let args: LedgerArgs;
  try {
    args = parseLedgerArgs(argv, io.env);
  } catch (error) {
    io.stderr(`shitei ledger: ${(error as Error).message}\n${LEDGER_USAGE}\n`);
    return 2;
  }
  const locale = args.locale;
  const out = args.out ? path.resolve(io.cwd, args.out) : undefined;
  if (args.format === 'xlsx' && !out) {
    io.stderr(`shitei ledger: --format xlsx needs --out FILE.xlsx (a workbook is not printed on a terminal)\n${LEDGER_USAGE}\n`);
    return 2;
  }
  if (out) {
    let problem: string | undefined;
    if (out.endsWith(EXTENSION)) problem = reason(locale, '.shitei ファイルには書き出しません(指定書を上書きしないため)', 'will not write to a .shitei file (it could overwrite a sheet)');
    else try {
      if (fs.statSync(out).isDirectory()) problem = reason(locale, 'フォルダです', 'is a folder');
    } catch {
      if (!fs.existsSync(path.dirname(out))) problem = reason(locale, '書き込み先のフォルダがありません', 'its folder does not exist');
    }
    if (problem) {
      io.stderr(`shitei ledger: --out ${args.out}: ${problem}\n`);
      return 2;
    }
  }
  const loaded = loadSheets(args, io, locale, out);
  if (!loaded) return 2;
  const { config, sheets, skipped } = loaded;

  if (sheets.length === 0) {
    io.stderr(
      `shitei ledger: ${reason(locale, '読み込める指定書がありません。台帳は作成しませんでした', 'no readable sheet; no ledger was written')}\n`,
    );
    return 2;
  }
  const ledger = buildLedger(sheets, config.today, skipped);
  // The HTML register flags the sheets with errors or warnings: what `shitei check` says of them.
  const checks = args.format === 'html' ? await sheetChecks(sheets.map((s) => path.resolve(io.cwd, s.path)), args, io.cwd) : undefined;
  const text = args.format === 'xlsx' ? formatLedgerXlsx(ledger, locale) : formatLedger(args.format, ledger, locale, checks);
  if (out) {
    try {
      fs.writeFileSync(out, text);
    } catch (error) {
      io.stderr(`shitei ledger: --out ${args.out}: ${reason(locale, `書き込めません(${errnoText(error)})`, `cannot write (${errnoText(error)})`)}\n`);
      return 2;
    }
    const n = ledger.rows.length;
    io.stderr(
      reason(
        locale,
        `shitei ledger: ${displayPath(out, io.cwd)} に ${n} 件の指定を書き出しました${skipped.length ? `(読み込まなかったファイル ${skipped.length} 件)` : ''}\n`,
        `shitei ledger: wrote ${n} designation${n === 1 ? '' : 's'} to ${displayPath(out, io.cwd)}${skipped.length ? ` (${skipped.length} file${skipped.length === 1 ? '' : 's'} skipped)` : ''}\n`,
      ),
    );
  } else {
    io.stdout(text as string);
  }
  return 0;
}

async function sheetChecks(files: string[], args: LedgerArgs, cwd: string): Promise<Map<string, SheetCheck>> {
  const report = await runCheck({ files, locale: args.locale, cwd, ...(args.config ? { configFile: path.resolve(cwd, args.config) } : {}) });
  const checks = new Map<string, SheetCheck>();
  for (const f of report.files) {
    const ds = f.diagnostics ?? [];
    checks.set(f.path, { errors: ds.filter((d) => d.severity === 'error').length, warnings: ds.filter((d) => d.severity === 'warning').length });
  }
  return checks;
}
