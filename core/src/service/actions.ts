/** Edits behind the editor's non-fix code actions: disable directives and fix-all. */
import type { SheetModel } from '../analysis/sheet';
import type { Diagnostic } from '../analysis/analyze';
import type { TextEdit } from '../types';

const NEXT_LINE = /^([ \t\u3000]*)#\s*shitei-disable-next-line(?=\s|$)(.*)$/;

/**
 * Disables `code` on the line of `offset`: extends a `# shitei-disable-next-line` directly
 * above it, or inserts one with the line's indentation. A comment line cannot be targeted
 * (a directive applies to the next non-comment line), so there is no edit for one.
 */
export function disableForLineEdit(sheet: SheetModel, offset: number, code: string): TextEdit | undefined {
  const idx = sheet.syntax.lineIndex;
  const line = idx.lineOf(offset);
  if (sheet.syntax.lines[line]?.kind === 'comment') return undefined;
  const text = sheet.text;
  if (line > 0) {
    const prevStart = idx.lineStarts[line - 1];
    const prevEnd = idx.lineEnd(line - 1);
    const m = NEXT_LINE.exec(text.slice(prevStart, prevEnd));
    if (m) {
      const codes = m[2].trim();
      if (codes === '' || codes.split(/[\s,，、]+/).includes(code)) return { span: { start: prevEnd, end: prevEnd }, newText: '' };
      return { span: { start: prevEnd, end: prevEnd }, newText: `, ${code}` };
    }
  }
  const start = idx.lineStarts[line];
  const indent = /^[ \t\u3000]*/.exec(text.slice(start, idx.lineEnd(line)))![0];
  return { span: { start, end: start }, newText: `${indent}# shitei-disable-next-line ${code}${sheet.eol}` };
}

const FILE = /^#\s*shitei-disable-file(?=\s|$)(.*)$/;

/** Disables `code` for the whole file: extends an existing file directive or adds one on line 1. */
export function disableForFileEdit(sheet: SheetModel, code: string): TextEdit {
  for (const d of sheet.syntax.directives) {
    if (d.kind !== 'disable-file') continue;
    const end = d.span.end;
    const m = FILE.exec(sheet.text.slice(d.span.start, end));
    if (m && m[1].trim() !== '') return { span: { start: end, end }, newText: `, ${code}` };
  }
  return { span: { start: 0, end: 0 }, newText: `# shitei-disable-file ${code}${sheet.eol}` };
}

/** Every safe fix whose edits overlap no other chosen fix, as one list of edits. */
export function fixAllEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const overlaps = (a: TextEdit, b: TextEdit) =>
    a.span.start < b.span.end && b.span.start < a.span.end || (a.span.start === b.span.start && (a.span.start === a.span.end || b.span.start === b.span.end));
  for (const d of diagnostics) {
    const fix = d.fixes.find((f) => f.safe);
    if (!fix) continue;
    if (fix.edits.some((e) => chosen.some((c) => overlaps(e, c)))) continue;
    chosen.push(...fix.edits);
  }
  return chosen;
}
