/** Core values (UTF-16 spans, localized messages) to LSP values in the negotiated encoding. */
import {
  DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range, type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import {
  type Diagnostic, type ColumnEncoding, type LineIndex, localize, type Locale, PositionCursor, type Severity, type Span, type TextEdit,
} from '../../core/out/index';

export const SOURCE = 'shitei';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(index: LineIndex, span: Span, encoding: ColumnEncoding): Range {
  return { start: index.position(span.start, encoding), end: index.position(span.end, encoding) };
}

/**
 * Positions for the diagnostics of one document converted in their order: counted on from one to
 * the next (PositionCursor), not from the start of the line each time — a thousand diagnostics on
 * one 2,000,000-character line cost its length once in a UTF-8 or UTF-32 client.
 */
export class RangeCursor {
  private readonly starts: PositionCursor;
  private readonly ends: PositionCursor;
  constructor(index: LineIndex, encoding: ColumnEncoding) {
    this.starts = new PositionCursor(index, encoding);
    this.ends = new PositionCursor(index, encoding);
  }

  range(span: Span): Range {
    return { start: this.starts.position(span.start), end: this.ends.position(span.end) };
  }
}

export function toLspDiagnostic(d: Diagnostic, index: LineIndex, encoding: ColumnEncoding, locale: Locale, docUrl: (code: string) => string | undefined, cursor?: RangeCursor): LspDiagnostic {
  const href = docUrl(d.code);
  return {
    range: cursor ? cursor.range(d.span) : toRange(index, d.span, encoding),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: SOURCE,
    message: localize(d.message, locale),
    ...(href ? { codeDescription: { href } } : {}),
  };
}

export function toLspEdits(edits: readonly TextEdit[], index: LineIndex, encoding: ColumnEncoding): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(index, e.span, encoding), newText: e.newText }));
}

/**
 * Markdown as plain text, for clients that accept only plaintext (eglot shows `**` raw):
 * emphasis and code marks dropped, links as "text (url)", headings and quotes unmarked.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]\n]*)\]\(([^)\s]*)\)/g, '$1 ($2)')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/(^|[^*])\*([^*\n]+)\*/g, '$1$2')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/^#{1,6}[ \t]+/gm, '')
    .replace(/^>[ \t]?/gm, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
}
