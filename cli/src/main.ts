/** The `shitei` command: argument parsing and dispatch; the work is in check.ts and the core. */
import { ConfigError } from '../../core/out/node/configFile';
import { toolVersion } from '../../core/out/node/installation';
import { LOCALES, localeOf, parseOptions } from './options';
import { localize, type Locale } from '../../core/out/types';
import { exitCodeFor, runCheck } from './check';
import { expandPaths, PathError, type SkippedEntry } from './files';
import { escapeControlChars } from '../../core/out/text/controlChars';
import { formatJson } from './formatters/json';
import { formatText } from './formatters/text';
import { formatSarifChunks } from './formatters/sarif';
import { formatGithub } from './formatters/github';
import { formatUnix } from './formatters/unix';

const USAGE = `Usage:
  shitei check [--format text|json|sarif|github|unix] [--config FILE] [--locale ja|en]
               [--max-warnings N] [--docs-url URL] PATH...
      Check .shitei files; PATH may be a file, a folder (searched recursively) or a glob.
      Exit 0: no error (and no more than N warnings); 1: errors found (or too many
      warnings); 2: the run failed or a file could not be read.
  shitei ledger [--format csv|md|json|html] [--out FILE] [--config FILE] [--locale ja|en] PATH...
      Write the 特定秘密指定管理簿 (register) of the sheets, with summaries; exit 2 if none is readable.
  shitei report [--year YYYY] [--format md|csv|json|html] [--out FILE] [--config FILE] [--locale ja|en] PATH...
      The yearly counts per 行政機関 × 細目 (運用基準 V 5(1)ア); --year defaults to the year of today.
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
    (require('../../server/out/main') as typeof import('../../server/src/main')).runServer();
    return new Promise<number>(() => undefined); // serves until the client exits the process
  }
  if (command === 'ledger') {
    return (require('./ledger') as typeof import('./ledger')).runLedgerCommand(rest, io);
  }
  if (command === 'report') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('./yearlyReport') as typeof import('./yearlyReport')).runReportCommand(rest, io);
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
    // An unreadable folder is reported with the files, and every readable sheet is still checked.
    const skipped: SkippedEntry[] = [];
    const files = expandPaths(args.paths, io.cwd, { skipped });
    const unreadableFolders = skipped.filter((s) => s.kind === 'unreadable-folder');
    const report = await runCheck({ files, unreadableFolders, configFile: args.config, locale: args.locale, cwd: io.cwd });
    for (const f of report.files) if (f.error) io.stderr(`shitei: ${escapeControlChars(f.path)}: ${escapeControlChars(f.error)}\n`);
    const output = {
      text: () => formatText(report, args.locale, io.isTTY),
      json: () => formatJson(report),
      // A list of chunks: a large run's log does not fit in one string.
      sarif: () => formatSarifChunks(report, args.locale, io.cwd, args.docsUrl ?? io.env.SHITEI_DOCS_URL),
      github: () => formatGithub(report),
      unix: () => formatUnix(report),
    }[args.format]();
    for (const chunk of typeof output === 'string' ? [output] : output) io.stdout(chunk);
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
