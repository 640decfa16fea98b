/** Edits behind the editor's non-fix code actions: disable directives and fix-all. */
import type { SheetModel } from '../analysis/sheet';
import type { Diagnostic } from '../analysis/analyze';
import type { TextEdit } from '../types';
import { keepBomFirst } from '../text/normalize';

/**
 * Disables `code` on the line of `offset`: extends a `# shitei-disable-next-line` directly
 * above it, or inserts one with the line's indentation. A comment line cannot be targeted
 * (a directive applies to the next non-comment line), nor can a blank one, so there is no
 * edit for those.
 */
export function disableForLineEdit(sheet: SheetModel, offset: number, code: string): TextEdit | undefined {
  const idx = sheet.syntax.lineIndex;
  const line = idx.lineOf(offset);
  const kind = sheet.syntax.lines[line]?.kind;
  if (kind === 'comment' || kind === 'blank') return undefined;
  const text = sheet.text;
  const above = sheet.syntax.directives.find((d) => d.kind === 'disable-next-line' && d.line === line - 1);
  if (above) {
    // Already covered (no codes = every rule): nothing to add. Else the code goes after the
    // last one named, before any `-- justification`, where the parser reads codes.
    if (above.codes.length === 0 || above.codes.some((c) => c.code === code)) return { span: { start: above.span.end, end: above.span.end }, newText: '' };
    const at = above.codes[above.codes.length - 1].span.end;
    return { span: { start: at, end: at }, newText: `, ${code}` };
  }
  const start = idx.lineStarts[line];
  const indent = /^[ \t\u3000]*/.exec(text.slice(start, idx.lineEnd(line)))![0];
  return keepBomFirst(text, { span: { start, end: start }, newText: `${indent}# shitei-disable-next-line ${code}${sheet.eol}` });
}

/** Disables `code` for the whole file: extends an existing file directive or adds one on line 1. */
export function disableForFileEdit(sheet: SheetModel, code: string): TextEdit {
  for (const d of sheet.syntax.directives) {
    if (d.kind !== 'disable-file' || d.codes.length === 0) continue;
    // After the last code named, before any `-- justification`.
    const at = d.codes[d.codes.length - 1].span.end;
    return { span: { start: at, end: at }, newText: `, ${code}` };
  }
  // A lone-CR document that starts with an LF: the line goes after that LF, or its CR and the
  // LF would make a CRLF (a line break of a kind the document does not use).
  const at = sheet.eol === '\r' && sheet.text.replace(/^\uFEFF/, '').startsWith('\n') ? (sheet.text.startsWith('\uFEFF') ? 2 : 1) : 0;
  return keepBomFirst(sheet.text, { span: { start: at, end: at }, newText: `# shitei-disable-file ${code}${sheet.eol}` });
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

/** The most passes fixAllToFixpoint makes (ESLint uses 10 too). */
export const MAX_FIX_PASSES = 10;

/**
 * Fix-all as the editor applies it: idempotent. One pass (fixAllEdits) leaves out fixes that
 * overlap a chosen one, so a second pass could still change the text; passes are repeated on
 * the re-analysed text until no safe fix is left (at most MAX_FIX_PASSES), and the result is
 * one edit from the first changed character to the last (never inside a CRLF or a surrogate
 * pair), so that applying fix-all to its own result changes nothing.
 */
export function fixAllToFixpoint(
  text: string,
  diagnostics: readonly Diagnostic[],
  analyze: (text: string) => readonly Diagnostic[],
  maxPasses = MAX_FIX_PASSES,
): TextEdit[] {
  let current = text;
  let edits = fixAllEdits(diagnostics);
  for (let pass = 0; pass < maxPasses && edits.length > 0; pass++) {
    const next = applyTextEdits(current, edits);
    if (next === current) break;
    current = next;
    edits = fixAllEdits(analyze(current));
  }
  return current === text ? [] : [diffEdit(text, current)];
}

function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  // Last first; inserts at one position keep their array order in the result (as LSP says).
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.span.start - a.e.span.start || b.e.span.end - a.e.span.end || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** The one edit turning `a` into `b`: the differing middle, widened so no boundary splits a CRLF or surrogate pair. */
function diffEdit(a: string, b: string): TextEdit {
  let prefix = 0;
  const max = Math.min(a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  const splits = (s: string, at: number) => at > 0 && at < s.length && (
    (s.charCodeAt(at - 1) === 13 && s.charCodeAt(at) === 10) ||
    (isHigh(s.charCodeAt(at - 1)) && isLow(s.charCodeAt(at))));
  while (prefix > 0 && (splits(a, prefix) || splits(b, prefix))) prefix--;
  while (suffix > 0 && (splits(a, a.length - suffix) || splits(b, b.length - suffix))) suffix--;
  return { span: { start: prefix, end: a.length - suffix }, newText: b.slice(prefix, b.length - suffix) };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
