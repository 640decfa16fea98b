/** The `shitei` command: argument parsing and dispatch; the work is in check.ts and the core. */
import { ConfigError } from '../../core/out/node/configFile';
import { toolVersion } from '../../core/out/node/installation';
import { LOCALES, localeOf, parseOptions } from './options';
import { localize, type Locale } from '../../core/out/types';
import { exitCodeFor, runCheck } from './check';
import { expandPaths, PathError } from './files';
import { formatJson } from './formatters/json';
import { formatText } from './formatters/text';
import { formatSarif } from './formatters/sarif';
import { formatGithub } from './formatters/github';
import { formatUnix } from './formatters/unix';

const USAGE = `Usage:
  shitei check [--format text|json|sarif|github|unix] [--config FILE] [--locale ja|en]
               [--max-warnings N] [--docs-url URL] PATH...
      Check .shitei files; PATH may be a file, a folder (searched recursively) or a glob.
      Exit 0: no error (and no more than N warnings); 1: errors found (or too many
      warnings); 2: the run failed or a file could not be read.
  shitei ledger [--format csv|md|json|html|xlsx] [--out FILE] [--config FILE] [--locale ja|en] PATH...
      Write the 特定秘密指定管理簿 (register) of the sheets, with summaries; exit 2 if none is readable.
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
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

const FORMATS = ['text', 'json', 'sarif', 'github', 'unix'] as const;

interface CheckArgs {
  format: (typeof FORMATS)[number];
  maxWarnings?: number;
  docsUrl?: string;
  config?: string;
  locale: Locale;
  paths: string[];
}

function parseCheckArgs(argv: string[], env: NodeJS.ProcessEnv): CheckArgs {
  const { values, paths } = parseOptions(argv, {
    format: { short: 'f', choices: FORMATS },
    config: { short: 'c' },
    locale: { choices: LOCALES },
    'max-warnings': { check: (n) => (/^\d+$/.test(n) ? undefined : `needs a non-negative integer, not "${n}"`) },
    'docs-url': {},
  });
  return {
    format: (values.format as CheckArgs['format'] | undefined) ?? 'text',
    config: values.config,
    locale: localeOf(values.locale, env),
    maxWarnings: values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']),
    docsUrl: values['docs-url'],
    paths,
  };
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
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('../../server/out/main') as typeof import('../../server/src/main')).runServer();
    return new Promise<number>(() => undefined); // serves until the client exits the process
  }
  if (command === 'ledger') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('./ledger') as typeof import('./ledger')).runLedgerCommand(rest, io);
  }
  if (command === 'export') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('./export') as typeof import('./export')).runExportCommand(rest, io);
  }
  if (command === 'import') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
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
    const files = expandPaths(args.paths, io.cwd);
    const report = await runCheck({ files, configFile: args.config, locale: args.locale, cwd: io.cwd });
    for (const f of report.files) if (f.error) io.stderr(`shitei: ${f.path}: ${f.error}\n`);
    const output = {
      text: () => formatText(report, args.locale, io.isTTY),
      json: () => formatJson(report),
      sarif: () => formatSarif(report, args.locale, io.cwd, args.docsUrl ?? io.env.SHITEI_DOCS_URL),
      github: () => formatGithub(report),
      unix: () => formatUnix(report),
    }[args.format]();
    io.stdout(output);
    const code = exitCodeFor(report);
    if (code === 0 && args.maxWarnings !== undefined && report.summary.warnings > args.maxWarnings) {
      io.stderr(`shitei: ${report.summary.warnings} warnings (more than --max-warnings ${args.maxWarnings})\n`);
      return 1;
    }
    return code;
  } catch (error) {
    if (error instanceof PathError) {
      io.stderr(`shitei: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr(`shitei: ${error.file}: ${error.problems.map((p) => localize(p, args.locale)).join('; ')}\n`);
      return 2;
    }
    throw error;
  }
}
