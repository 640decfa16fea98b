/** The CLI's result model: what the formatters print (JSON per format.md "Headless output"). */
import { PositionCursor, type Diagnostic, type LineIndex, localize, type Locale, type Severity } from '../../core/out/index';

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

/**
 * One text's offsets as 0-based lines and code-point columns (format.md: columns count code
 * points), each counted on from the offset asked before it (core's PositionCursor), so k
 * diagnostics on one long line cost its length once, not k times.
 */
export class CodePointPositions extends PositionCursor {
  constructor(index: LineIndex) {
    super(index, 'utf-32');
  }
}

/**
 * 1-based line and 1-based code-point column, as the JSON contract says. Give the same
 * `starts` and `ends` for the diagnostics of one text, in their order (see CodePointPositions).
 */
export function toJsonDiagnostic(d: Diagnostic, index: LineIndex, locale: Locale, starts = new CodePointPositions(index), ends = starts): JsonDiagnostic {
  const start = starts.position(d.span.start);
  const end = ends.position(d.span.end);
  return {
    code: d.code,
    severity: d.severity,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    message: localize(d.message, locale),
    fixable: d.fixable ?? d.fixes.length > 0,
  };
}

/** Each diagnostic of one text in the JSON model, in linear work however many share a line. */
export function toJsonDiagnostics(diagnostics: readonly Diagnostic[], index: LineIndex, locale: Locale): JsonDiagnostic[] {
  const starts = new CodePointPositions(index);
  const ends = new CodePointPositions(index);
  return diagnostics.map((d) => toJsonDiagnostic(d, index, locale, starts, ends));
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
