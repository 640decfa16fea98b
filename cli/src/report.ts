/** The CLI's result model: what the formatters print (JSON per format.md "Headless output"). */
import { countWork, type Diagnostic, type LineIndex, localize, type Locale, type Severity } from '../../core/out/index';

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
 * points). `LineIndex.position` counts a column from the start of its line every time, so k
 * diagnostics on one long line cost k × its length: 600,000 placeholders on one 1.8-million-
 * character line never finished. This remembers the last offset it answered and counts from
 * there (forwards or backwards, whichever is shorter than from the line's start), so offsets
 * asked in order — starts of sorted diagnostics, their ends — cost the distance between them:
 * linear in the text in all, plus a binary search for a new line. The scanned characters are
 * counted (countWork) for the growth tests.
 */
export class CodePointPositions {
  private line = -1;
  private offset = 0;
  private column = 0;

  constructor(private readonly index: LineIndex) {}

  /** The same answer as `index.position(offset, 'utf-32')`. */
  position(offset: number): { line: number; character: number } {
    const { text, lineStarts } = this.index;
    const at = Math.max(0, Math.min(offset, text.length));
    const sameLine = this.line >= 0 && at >= lineStarts[this.line] && (this.line + 1 >= lineStarts.length || at < lineStarts[this.line + 1]);
    if (!sameLine) {
      this.line = this.index.lineOf(at);
      this.offset = lineStarts[this.line];
      this.column = 0;
    }
    const start = lineStarts[this.line];
    if (at >= this.offset) {
      this.column += units(text, this.offset, at, start);
    } else if (this.offset - at <= at - start) {
      this.column -= units(text, at, this.offset, start);
    } else {
      this.column = units(text, start, at, start);
    }
    this.offset = at;
    return { line: this.line, character: this.column };
  }
}

/**
 * Code points that start in [from, to) on a line starting at `lineStart`: every UTF-16 unit
 * except the low half of a pair (a lone surrogate counts as one, as in LineIndex).
 */
function units(text: string, from: number, to: number, lineStart: number): number {
  countWork(to - from + 1);
  let n = to - from;
  for (let i = Math.max(from, lineStart + 1); i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) n--;
    }
  }
  return n;
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
    fixable: d.fixes.length > 0,
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
