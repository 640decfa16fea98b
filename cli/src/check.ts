/** `shitei check`: every file through the one analysis path, into a RunReport. */
import * as fs from 'node:fs';
import { analyzeText, type Diagnostic } from '../../core/out/analysis/analyze';
import { CrossFileIndex } from '../../core/out/workspace/crossFileIndex';
import type { WorkspaceEntry } from '../../core/out/workspace/types';
import { ConfigLoader } from '../../core/out/node/configFile';
import { decodeDocument } from '../../core/out/text/decode';
import { LineIndex } from '../../core/out/text/lineIndex';
import { loadTokenizer } from '../../core/out/nlp/tokenizer';
import { TokenCache } from '../../core/out/nlp/tokenCache';
import { localize, type Locale } from '../../core/out/types';
import { displayPath } from './files';
import { summarize, toJsonDiagnostic, type FileReport, type RunReport } from './report';

export interface CheckOptions {
  files: string[];
  configFile?: string;
  locale: Locale;
  cwd?: string;
}

export async function runCheck(options: CheckOptions): Promise<RunReport> {
  const loader = new ConfigLoader();
  // The dictionary loads once for the whole run (≈ 1 s); every file shares its paragraph cache.
  const tokens = new TokenCache(await loadTokenizer());
  const reports: FileReport[] = [];
  // Each readable sheet, for the rules that compare the checked files with each other.
  const checked: { entry: WorkspaceEntry; report: FileReport; diagnostics: Diagnostic[]; index: LineIndex }[] = [];
  for (const file of options.files) {
    const shown = displayPath(file, options.cwd);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      reports.push({ path: shown, error: options.locale === 'ja' ? `読み込めません(${code})` : `cannot read the file (${code})` });
      continue;
    }
    const decoded = decodeDocument(bytes);
    if (!decoded.ok) {
      reports.push({ path: shown, error: localize(decoded.error, options.locale) });
      continue;
    }
    const { config } = loader.forDocument(file, options.configFile);
    const result = analyzeText(decoded.text, { config, tokens });
    const report: FileReport = { path: shown, diagnostics: [] };
    reports.push(report);
    const index = new LineIndex(decoded.text);
    if (result.sheet) checked.push({ entry: { id: file, path: file, label: shown, sheet: result.sheet, config }, report, diagnostics: result.diagnostics, index });
    else report.diagnostics = result.diagnostics.map((d) => toJsonDiagnostic(d, index, options.locale));
  }
  // The same incremental index the language server keeps, filled once.
  const across = new CrossFileIndex();
  for (const c of checked) across.set(c.entry);
  for (const c of checked) {
    const all = [...c.diagnostics, ...across.diagnosticsFor(c.entry.id)];
    all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
    c.report.diagnostics = all.map((d) => toJsonDiagnostic(d, c.index, options.locale));
  }
  return { files: reports, summary: summarize(reports) };
}

/** 0: no error diagnostic; 1: at least one; 2: a file could not be read or decoded. */
export function exitCodeFor(report: RunReport): number {
  if (report.files.some((f) => f.error)) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}
