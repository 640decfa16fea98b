/** `shitei check`: every file through the one analysis path, into a RunReport. */
import {
  analyzeText, compareDiagnostics, type Diagnostic, CrossFileIndex, type WorkspaceEntry, LineIndex, TokenCache, localize, type Locale,
} from '../../core/out/index';
import { ConfigLoader, readSheetFile, sheetFromBytes, type SkippedEntry, loadTokenizer } from '../../core/out/node/index';
import { displayPath, type FsPath } from './files';
import { summarize, toJsonDiagnostic, toJsonDiagnostics, type FileReport, type JsonDiagnostic, type RunReport } from './report';

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
  const checked: { entry: WorkspaceEntry; report: FileReport & { diagnostics: JsonDiagnostic[] }; spans: Float64Array; index: LineIndex }[] = [];
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
    // The report says whether a fix exists, nothing more: the fix objects are not kept.
    const result = analyzeText(read.text, { config, tokens, keepFixes: false });
    const index = new LineIndex(read.text);
    // The report's form at once: the analysis' own objects (a million for a sheet of 【 lines,
    // each with its fix) are not kept while the other files are checked. Their offsets are, to
    // place the cross-file diagnostics among them.
    const report = { path: shown, diagnostics: toJsonDiagnostics(result.diagnostics, index, options.locale) };
    reports.push(report);
    if (result.sheet) checked.push({ entry: { id, path: id, label: shown, sheet: result.sheet, config }, report, spans: spanOffsets(result.diagnostics), index });
  }
  // The same incremental index the language server keeps, filled once.
  const across = new CrossFileIndex();
  for (const c of checked) across.set(c.entry);
  for (const c of checked) {
    const acrossFiles = across.diagnosticsFor(c.entry.id);
    if (acrossFiles.length > 0) c.report.diagnostics = placeAmong(c.report.diagnostics, c.spans, [...acrossFiles].sort(compareDiagnostics), c.index, options.locale);
  }
  return { files: reports, summary: summarize(reports) };
}

/** Each diagnostic's start and end offsets, in its order. */
function spanOffsets(diagnostics: readonly Diagnostic[]): Float64Array {
  const spans = new Float64Array(diagnostics.length * 2);
  diagnostics.forEach((d, i) => {
    spans[2 * i] = d.span.start;
    spans[2 * i + 1] = d.span.end;
  });
  return spans;
}

/**
 * A sheet's own diagnostics (sorted by the analysis; `spans` their offsets) with `added` (sorted)
 * placed among them: the order compareDiagnostics gives the whole list, own ones first on a tie,
 * as a stable sort of the two lists one after the other would.
 */
function placeAmong(own: readonly JsonDiagnostic[], spans: Float64Array, added: readonly Diagnostic[], index: LineIndex, locale: Locale): JsonDiagnostic[] {
  const addedJson = toJsonDiagnostics(added, index, locale);
  const merged: JsonDiagnostic[] = [];
  const probe = { span: { start: 0, end: 0 }, code: '' };
  let i = 0;
  added.forEach((d, j) => {
    for (; i < own.length; i++) {
      probe.span.start = spans[2 * i];
      probe.span.end = spans[2 * i + 1];
      probe.code = own[i].code;
      if (compareDiagnostics(probe, d) > 0) break;
      merged.push(own[i]);
    }
    merged.push(addedJson[j]);
  });
  for (; i < own.length; i++) merged.push(own[i]);
  return merged;
}

/** 0: no error diagnostic; 1: at least one; 2: a file could not be read or decoded. */
export function exitCodeFor(report: RunReport): number {
  if (report.files.some((f) => f.error)) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}
