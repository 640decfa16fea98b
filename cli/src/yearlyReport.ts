/**
 * `shitei report [--year YYYY] [--format md|csv|json|html|xlsx] [--out FILE] [--config FILE] [--locale ja|en] PATH...`:
 * the yearly counts per 行政機関 × 細目 that 運用基準 V 5(1)ア asks each agency for (format.md v1.1).
 *
 * Files are found and read as for `shitei ledger` (unreadable ones named on stderr and left out).
 * `--year` defaults to the year of `today` (the config's, else the clock's). Exit 0: written;
 * 2: bad arguments (a `--year` that is not a year gets one line saying so), a missing path, a
 * bad config, or no readable sheet.
 * (Not `report.ts`: that is the check command's result model.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LOCALES, UsageError, localeOf, parseOptions } from './options';
import { loadSheets, type LedgerIo } from './ledger';
import { EXTENSION, displayPath } from './files';
import { buildYearlyReport, type YearlyReport } from '../../core/out/report/index';
import { escapeControlChars, type Locale } from '../../core/out/index';
import { formatReportCsv } from './formatters/report-csv';
import { formatReportHtml } from './formatters/report-html';
import { formatReportJson } from './formatters/report-json';
import { formatReportMarkdown } from './formatters/report-md';
import { formatReportXlsx } from './formatters/report-xlsx';

export const REPORT_USAGE = `Usage:
  shitei report [--year YYYY] [--format md|csv|json|html|xlsx] [--out FILE] [--config FILE] [--locale ja|en] PATH...
      The yearly counts per 行政機関 × 細目 (運用基準 V 5(1)ア): in force at the end of the year,
      designated, extended and released during it. --year: a calendar year (default: the year
      of today). Default format md; without --out, to stdout (xlsx needs --out).`;

export type ReportFormat = 'md' | 'csv' | 'json' | 'html' | 'xlsx';
const FORMATS: readonly ReportFormat[] = ['md', 'csv', 'json', 'html', 'xlsx'];

export interface ReportArgs {
  year?: number;
  format: ReportFormat;
  out?: string;
  config?: string;
  locale: Locale;
  paths: string[];
}

/** What the command needs of the process: the ledger's (the two commands run alike). */
export type ReportIo = LedgerIo;

/** A --year that is not a calendar year: reported on one line, without the usage text. */
export class YearError extends UsageError {}

export function parseYear(value: string): number {
  const folded = value.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^[0-9]{4}$/.test(folded) || Number(folded) < 1000) throw new YearError(`--year needs a calendar year such as 2026, not "${value}"`);
  return Number(folded);
}

export function parseReportArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ReportArgs {
  // The year is checked first, so a bad year is the one thing said even when PATH is missing too.
  const yearAt = argv.findIndex((a) => a === '--year' || a.startsWith('--year='));
  if (yearAt >= 0) {
    const raw = argv[yearAt].startsWith('--year=') ? argv[yearAt].slice('--year='.length) : argv[yearAt + 1];
    if (raw === undefined || raw.startsWith('--')) throw new YearError('--year needs a calendar year such as 2026');
    parseYear(raw);
  }
  const { values, paths } = parseOptions(argv, {
    year: {},
    format: { short: 'f', choices: FORMATS },
    out: { short: 'o' },
    config: { short: 'c' },
    locale: { choices: LOCALES },
  });
  return {
    year: values.year === undefined ? undefined : parseYear(values.year),
    format: (values.format as ReportFormat | undefined) ?? 'md',
    out: values.out,
    config: values.config,
    locale: localeOf(values.locale, env),
    paths,
  };
}

export function formatReport(format: ReportFormat, report: YearlyReport, locale: Locale): string {
  switch (format) {
    case 'csv':
      return formatReportCsv(report, locale);
    case 'json':
      return formatReportJson(report);
    case 'html':
      return formatReportHtml(report, locale);
    case 'md':
      return formatReportMarkdown(report, locale);
    case 'xlsx':
      throw new Error('xlsx is binary: use formatReportXlsx');
  }
}

const say = (locale: Locale, ja: string, en: string) => (locale === 'ja' ? ja : en);

export async function runReportCommand(argv: readonly string[], io: ReportIo): Promise<number> {
  let args: ReportArgs;
  try {
    args = parseReportArgs(argv, io.env);
  } catch (error) {
    if (error instanceof YearError) io.stderr(`shitei report: ${escapeControlChars(error.message)}\n`);
    else io.stderr(`shitei report: ${escapeControlChars((error as Error).message)}\n${REPORT_USAGE}\n`);
    return 2;
  }
  const locale = args.locale;
  const out = args.out ? path.resolve(io.cwd, args.out) : undefined;
  if (out && out.endsWith(EXTENSION)) {
    io.stderr(`shitei report: --out ${escapeControlChars(args.out ?? '')}: ${say(locale, '.shitei ファイルには書き出しません(指定書を上書きしないため)', 'will not write to a .shitei file (it could overwrite a sheet)')}\n`);
    return 2;
  }
  if (args.format === 'xlsx' && !out) {
    io.stderr(`shitei report: --format xlsx needs --out FILE.xlsx (a workbook is not printed on a terminal)\n${REPORT_USAGE}\n`);
    return 2;
  }
  const loaded = loadSheets(args, io, locale, out);
  if (!loaded) return 2;
  const { config, sheets } = loaded;
  if (sheets.length === 0) {
    io.stderr(`shitei report: ${say(locale, '読み込める指定書がありません', 'no readable sheet')}\n`);
    return 2;
  }
  const report = buildYearlyReport(sheets, args.year ?? config.today.year);
  const text = args.format === 'xlsx' ? formatReportXlsx(report, locale) : formatReport(args.format, report, locale);
  if (!out) {
    if (typeof text === 'string') io.stdout(text);
    return 0;
  }
  try {
    fs.writeFileSync(out, text);
  } catch (error) {
    io.stderr(`shitei report: --out ${escapeControlChars(args.out ?? '')}: ${say(locale, '書き込めません', 'cannot write')} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return 2;
  }
  io.stderr(say(locale, `shitei report: ${escapeControlChars(displayPath(out, io.cwd))} に書き出しました\n`, `shitei report: wrote ${escapeControlChars(displayPath(out, io.cwd))}\n`));
  return 0;
}
