/** The CLI's result model: what the formatters print (JSON per format.md "Headless output"). */
import { type Diagnostic, type LineIndex, localize, type Locale, type Severity } from '../../core/out/index';

export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fixable?: boolean;
}

export interface FileReport {
  path: string;
  diagnostics?: JsonDiagnostic[];
  error?: string;
}

export interface RunReport {
  files: FileReport[];
  summary: { files: number; errors: number; warnings: number; infos: number; hints: number };
}

/** 1-based line and 1-based code-point column, as the JSON contract says. */
export function toJsonDiagnostic(d: Diagnostic, index: LineIndex, locale: Locale): JsonDiagnostic {
  const start = index.position(d.span.start, 'utf-32');
  const end = index.position(d.span.end, 'utf-32');
  return {
    code: d.code,
    severity: d.severity,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    message: localize(d.message, locale),
    fixable: d.fixes.length > 0,
  };
}

export function summarize(files: FileReport[]): RunReport['summary'] {
  const summary = { files: files.length, errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const f of files) {
    for (const d of f.diagnostics ?? []) {
      if (d.severity === 'error') summary.errors++;
      else if (d.severity === 'warning') summary.warnings++;
      else if (d.severity === 'info') summary.infos++;
      else summary.hints++;
    }
  }
  return summary;
}
