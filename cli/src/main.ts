/** The `shitei` command: argument parsing and dispatch; the work is in check.ts and the core. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, ConfigLoader, loadTokenizer, toolVersion } from '../../core/out/node/index';
import { decodeDocument, TokenCache, localize, type Locale, escapeControlChars } from '../../core/out/index';
import { describeFixes, encodeLike, fixFiles, fixText, type FileFix } from './fix';
import { LOCALES, localeOf, parseOptions, UsageError } from './options';
import { exitCodeFor, runCheck } from './check';
import { displayPath, expandPaths, PathError, type FsPath, type SkippedEntry } from './files';
import { formatJsonChunks } from './formatters/json';
import { formatTextChunks } from './formatters/text';
import { formatSarifChunks } from './formatters/sarif';
import { formatGithubChunks } from './formatters/github';
import { formatUnixChunks } from './formatters/unix';

const USAGE = `Usage:
  shitei check [--format text|json|sarif|github|unix] [--config FILE] [--locale ja|en]
               [--max-warnings N] [--docs-url URL] [--fix] PATH...
      Check .shitei files; PATH may be a file, a folder (searched recursively) or a glob.
      Exit 0: no error (and no more than N warnings); 1: errors found (or too many
      warnings); 2: the run failed or a file could not be read.
      --fix: apply the safe fixes in place first (encoding, BOM and line endings kept), say
      what was fixed, then report what remains.
  shitei check --stdin [--stdin-filename PATH] [--fix] [options]
      Check the text on standard input as if it were PATH (its config, its name in the output).
      With --fix: write the fixed text (same encoding) to standard output, nothing else; exit 0,
      or 2 when the input cannot be read or the fix cannot be encoded.
  shitei ledger [--format csv|md|json|html|xlsx] [--out FILE] [--config FILE] [--locale ja|en] PATH...
      Write the 特定秘密指定管理簿 (register) of the sheets, with summaries; exit 2 if none is readable.
  shitei report [--year YYYY] [--format md|csv|json|html|xlsx] [--out FILE] [--config FILE] [--locale ja|en] PATH...
      The yearly counts per 行政機関 × 細目 (運用基準 V 5(1)ア); --year defaults to the year of today.
  shitei export FILE.shitei [--format docx] [--out FILE.docx] [--force]
      Write the sheet as an A4 Word document (default: beside it, .docx).
  shitei import FILE.docx [--out FILE.shitei | -] [--force]
  shitei import REGISTER.xlsx [--out-dir DIR] [--force]
      Read a Word 指定書 (table or paragraphs) or a register workbook (one sheet per row);
      unmatched labels go into 【備考】 and are listed. See docs/documents.md.
  shitei lsp --stdio | --node-ipc | --socket=PORT
      Run the language server (for VS Code, Neovim, Emacs and any LSP client).
  shitei --version
  shitei --help`;

export interface CliIo {
  /** Writes to standard output; false (as from a stream's write) asks the caller to wait for `drained`. */
  stdout: (s: string) => void | boolean;
  /** Resolves when standard output can take more (a stream's 'drain'); without it, writes never wait. */
  drained?: () => Promise<void>;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** Standard input's bytes, for `check --stdin` (default: read file descriptor 0). */
  readStdin?: () => Buffer;
  /** Raw bytes to standard output, for `check --stdin --fix` (default: process.stdout). */
  stdoutBytes?: (bytes: Uint8Array) => void;
}

const FORMATS = ['text', 'json', 'sarif', 'github', 'unix'] as const;

interface CheckArgs {
  format: (typeof FORMATS)[number];
  maxWarnings?: number;
  docsUrl?: string;
  config?: string;
  locale: Locale;
  paths: string[];
  fix: boolean;
  stdin: boolean;
  stdinFilename?: string;
}

function parseCheckArgs(argv: string[], env: NodeJS.ProcessEnv): CheckArgs {
  const { values, paths } = parseOptions(argv, {
    format: { short: 'f', choices: FORMATS },
    config: { short: 'c' },
    locale: { choices: LOCALES },
    'max-warnings': { check: (n) => (/^\d+$/.test(n) ? undefined : `needs a non-negative integer, not "${n}"`) },
    'docs-url': {},
    fix: { flag: true },
    stdin: { flag: true },
    'stdin-filename': {},
  }, true);
  const stdin = values.stdin !== undefined;
  if (stdin && paths.length > 0) throw new UsageError('--stdin takes no PATH (name the text with --stdin-filename PATH)');
  if (!stdin && values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename needs --stdin');
  if (!stdin && paths.length === 0) throw new UsageError('no PATH given');
  return {
    fix: values.fix !== undefined,
    stdin,
    stdinFilename: values['stdin-filename'],
    format: (values.format as CheckArgs['format'] | undefined) ?? 'text',
    config: values.config,
    locale: localeOf(values.locale, env),
    maxWarnings: values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']),
    docsUrl: values['docs-url'],
    paths,
  };
}

/** Prints what --fix changed (text: on stdout before the diagnostics; other formats: on stderr). False when a file was refused. */
function reportFixes(fixes: FileFix[], args: CheckArgs, io: CliIo): boolean {
  const out = args.format === 'text' ? io.stdout : io.stderr;
  let ok = true;
  for (const f of fixes) {
    const shown = displayPath(f.file, io.cwd);
    if (f.error) {
      ok = false;
      io.stderr(`shitei: ${escapeControlChars(shown)}: ${localize(f.error, args.locale)}\n`);
    } else {
      const what = describeFixes(f);
      out(`${escapeControlChars(shown)}: ${localize({ ja: `${f.fixed}件を修正しました${what ? `(${what})` : ''}`, en: `fixed ${f.fixed} problem${f.fixed === 1 ? '' : 's'}${what ? ` (${what})` : ''}` }, args.locale)}\n`);
    }
  }
  return ok;
}

/** `check --stdin --fix`: the fixed text, in the input's encoding, on stdout (what a formatter integration reads). */
async function fixStdin(input: Buffer, file: string, args: CheckArgs, io: CliIo): Promise<number> {
  const decoded = decodeDocument(input);
  if (!decoded.ok) {
    io.stderr(`shitei: ${displayPath(file, io.cwd)}: ${localize(decoded.error, args.locale)}\n`);
    return 2;
  }
  const { config } = new ConfigLoader(undefined, { roots: [io.cwd] }).forDocument(file, args.config);
  const fixed = fixText(decoded.text, config, new TokenCache(await loadTokenizer()));
  const encoded = fixed.text === decoded.text ? { ok: true as const, bytes: input } : encodeLike(input, decoded.text, fixed.text);
  if (!encoded.ok) {
    io.stderr(`shitei: ${displayPath(file, io.cwd)}: ${localize(encoded.error, args.locale)}\n`);
    return 2;
  }
  (io.stdoutBytes ?? ((b: Uint8Array) => process.stdout.write(b)))(encoded.bytes);
  return 0;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  if (command === 'lsp') {
    // bin/shitei.js starts the server (its bundle) before this module is loaded: the CLI does not
    // depend on the server (test/src/architecture/layers.test.ts). Reaching here means main() was
    // called directly.
    io.stderr('shitei: "lsp" is started by bin/shitei.js, not by the CLI module\n');
    return 2;
  }
  if (command === 'ledger') {
    return (require('./ledger') as typeof import('./ledger')).runLedgerCommand(rest, io);
  }
  if (command === 'report') {
    return (require('./yearlyReport') as typeof import('./yearlyReport')).runReportCommand(rest, io);
  }
  if (command === 'export') {
    return (require('./export') as typeof import('./export')).runExportCommand(rest, io);
  }
  if (command === 'import') {
    return (require('./import') as typeof import('./import')).runImportCommand(rest, io);
  }
  if (command !== 'check') {
    io.stderr(`shitei: ${command ? `unknown command "${command}"` : 'no command given'}\n${USAGE}\n`);
    return 2;
  }
  let args: CheckArgs;
  try {
    args = parseCheckArgs(rest, io.env);
  } catch (error) {
    io.stderr(`shitei check: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  try {
    let files: FsPath[];
    let unreadableFolders: SkippedEntry[] = [];
    let allFixesWritten = true;
    let read: ((file: string) => Buffer) | undefined;
    if (args.stdin) {
      let input: Buffer;
      try {
        input = (io.readStdin ?? (() => fs.readFileSync(0)))();
      } catch (error) {
        io.stderr(`shitei: cannot read standard input (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
        return 2;
      }
      const file = path.resolve(io.cwd, args.stdinFilename ?? '<stdin>');
      if (args.fix) return await fixStdin(input, file, args, io);
      files = [file];
      read = () => input;
    } else {
      // An unreadable folder is reported with the files, and every readable sheet is still checked.
      const skipped: SkippedEntry[] = [];
      files = expandPaths(args.paths, io.cwd, { skipped });
      unreadableFolders = skipped.filter((s) => s.kind === 'unreadable-folder');
      if (args.fix) allFixesWritten = reportFixes(await fixFiles(files, args.config, io.cwd), args, io);
    }
    const report = await runCheck({ files, unreadableFolders, configFile: args.config, locale: args.locale, cwd: io.cwd, read });
    for (const f of report.files) if (f.error) io.stderr(`shitei: ${escapeControlChars(f.path)}: ${escapeControlChars(f.error)}\n`);
    // Chunks made one at a time and written as they come (formatters/chunks.ts): a large run's
    // output is hundreds of megabytes, and a slow reader (a pipe) makes the next chunk wait.
    const output = {
      text: () => formatTextChunks(report, args.locale, io.isTTY),
      json: () => formatJsonChunks(report),
      sarif: () => formatSarifChunks(report, args.locale, io.cwd, args.docsUrl ?? io.env.SHITEI_DOCS_URL),
      github: () => formatGithubChunks(report),
      unix: () => formatUnixChunks(report),
    }[args.format]();
    for (const chunk of output) if (io.stdout(chunk) === false && io.drained) await io.drained();
    // A file whose fix could not be written faithfully was left as it was and named: the run failed.
    if (!allFixesWritten) return 2;
    const code = exitCodeFor(report);
    if (code === 0 && args.maxWarnings !== undefined && report.summary.warnings > args.maxWarnings) {
      io.stderr(`shitei: ${report.summary.warnings} warnings (more than --max-warnings ${args.maxWarnings})\n`);
      return 1;
    }
    return code;
  } catch (error) {
    if (error instanceof PathError) {
      io.stderr(`shitei: ${escapeControlChars(error.message)}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr(`shitei: ${escapeControlChars(error.file)}: ${escapeControlChars(error.problems.map((p) => localize(p, args.locale)).join('; '))}\n`);
      return 2;
    }
    throw error;
  }
}
