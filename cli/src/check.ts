/** `shitei check`: every file through the one analysis path, into a RunReport. */
import {
  analyzeText, compareDiagnostics, type Diagnostic, CrossFileIndex, type WorkspaceEntry, LineIndex, TokenCache, localize, type Locale,
} from '../../core/out/index';
import { ConfigLoader, readSheetFile, sheetFromBytes, type SkippedEntry, loadTokenizer } from '../../core/out/node/index';
import { displayPath, type FsPath } from './files';
import { summarize, toJsonDiagnostic, type FileReport, type RunReport } from './report';

export interface CheckOptions {
  files: FsPath[];
  /** Folders a walk could not list: each is reported as an unreadable entry (exit 2). */
  unreadableFolders?: readonly SkippedEntry[];
  configFile?: string;
  locale: Locale;
  cwd?: string;
  /** Reads a file's bytes (default: from disk); `check --stdin` gives the text from standard input for its one path. */
  read?: (file: string) => Buffer;
}

export async function runCheck(options: CheckOptions): Promise<RunReport> {
  // The config search stops at the repository root (.git, package.json) or the working folder.
  const loader = new ConfigLoader(undefined, { roots: [options.cwd ?? process.cwd()] });
  // The dictionary loads once for the whole run (≈ 1 s); every file shares its paragraph cache.
  const tokens = new TokenCache(await loadTokenizer());
  const reports: FileReport[] = [];
  // Each readable sheet, for the rules that compare the checked files with each other.
  const checked: { entry: WorkspaceEntry; report: FileReport; diagnostics: Diagnostic[]; index: LineIndex }[] = [];
  for (const folder of options.unreadableFolders ?? []) {
    const path = displayPath(folder.file, options.cwd);
    reports.push({ path, error: localize({ ja: `フォルダを読み込めません(${folder.code})`, en: `cannot read the folder (${folder.code})` }, options.locale) });
  }
  for (const file of options.files) {
    const shown = displayPath(file, options.cwd);
    // A path that is not UTF-8 is known by its shown form (its odd bytes as \xHH) from here on.
    const id = typeof file === 'string' ? file : shown;
    // The config first: its maxDocumentChars sets how many bytes are read at most.
    const { config } = loader.forDocument(id, options.configFile);
    // Standard input (`--stdin`) comes as bytes, bounded and decoded like a file's.
    const read = options.read ? sheetFromBytes(options.read(id), config) : readSheetFile(file, config);
    if (!read.ok) {
      if ('error' in read) reports.push({ path: shown, error: localize(read.error, options.locale) });
      else reports.push({ path: shown, diagnostics: [toJsonDiagnostic(read.tooLarge, new LineIndex(''), options.locale)] });
      continue;
    }
    const result = analyzeText(read.text, { config, tokens });
    const report: FileReport = { path: shown, diagnostics: [] };
    reports.push(report);
    const index = new LineIndex(read.text);
    if (result.sheet) checked.push({ entry: { id, path: id, label: shown, sheet: result.sheet, config }, report, diagnostics: result.diagnostics, index });
    else report.diagnostics = result.diagnostics.map((d) => toJsonDiagnostic(d, index, options.locale));
  }
  // The same incremental index the language server keeps, filled once.
  const across = new CrossFileIndex();
  for (const c of checked) across.set(c.entry);
  for (const c of checked) {
    const all = [...c.diagnostics, ...across.diagnosticsFor(c.entry.id)];
    all.sort(compareDiagnostics);
    c.report.diagnostics = all.map((d) => toJsonDiagnostic(d, c.index, options.locale));
  }
  return { files: reports, summary: summarize(reports) };
}

/** 0: no error diagnostic; 1: at least one; 2: a file could not be read or decoded. */
export function exitCodeFor(report: RunReport): number {
  if (report.files.some((f) => f.error)) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}
