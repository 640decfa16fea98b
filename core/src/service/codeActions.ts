/**
 * The code actions of a sheet, assembled here so every adapter offers the same ones in the same
 * order: for each diagnostic asked about, its fixes first, then "disable for this line",
 * "disable for this file" and "show the documentation" — the last three once per code (two
 * diagnostics of one code on a line get one disable action). The language server only converts
 * spans and titles into LSP shapes.
 */
import type { Diagnostic } from '../analysis/analyze';
import type { SheetModel } from '../analysis/sheet';
import type { Localized, Span, TextEdit } from '../types';
import { disableForFileEdit, disableForLineEdit, fixAllToFixpoint } from './actions';

/** The command that shows a rule's documentation page; its one argument is the rule code. */
export const SHOW_RULE_DOCUMENTATION = 'shitei.showRuleDocumentation';

export interface SheetCodeAction {
  title: Localized;
  kind: 'quickfix';
  /** The diagnostic this action answers. */
  diagnostic: Diagnostic;
  edits?: TextEdit[];
  command?: { command: string; arguments: unknown[] };
  isPreferred?: boolean;
}

/** A diagnostic as the client names it back: its code and where it is. */
export interface DiagnosticSelector {
  code: string;
  span: Span;
}

/**
 * The diagnostics a request is about: those the client sent back (matched by code and span,
 * or by code within the range when the client's copy is stale), else every diagnostic that
 * touches `range`.
 */
export function diagnosticsAsked(diagnostics: readonly Diagnostic[], range: Span, asked?: readonly DiagnosticSelector[]): Diagnostic[] {
  const touches = (d: Diagnostic, span: Span) => d.span.start <= span.end && d.span.end >= span.start;
  if (!asked || asked.length === 0) return diagnostics.filter((d) => touches(d, range));
  const out: Diagnostic[] = [];
  for (const a of asked) {
    const exact = diagnostics.filter((d) => d.code === a.code && d.span.start === a.span.start && d.span.end === a.span.end);
    const found = exact.length ? exact : diagnostics.filter((d) => d.code === a.code && touches(d, a.span));
    for (const d of found) if (!out.includes(d)) out.push(d);
  }
  return out;
}

export function quickFixActions(sheet: SheetModel | undefined, diagnostics: readonly Diagnostic[]): SheetCodeAction[] {
  const actions: SheetCodeAction[] = [];
  const lineDisabled = new Set<string>();
  const fileDisabled = new Set<string>();
  const documented = new Set<string>();
  for (const d of diagnostics) {
    for (const fix of d.fixes) actions.push({ title: fix.title, kind: 'quickfix', diagnostic: d, edits: fix.edits, isPreferred: fix.isPreferred });
    if (sheet) {
      const line = sheet.syntax.lineIndex.lineOf(d.span.start);
      const edit = lineDisabled.has(`${line}:${d.code}`) ? undefined : disableForLineEdit(sheet, d.span.start, d.code);
      if (edit) {
        lineDisabled.add(`${line}:${d.code}`);
        actions.push({ title: { ja: `${d.code} をこの行で無効にする`, en: `Disable ${d.code} for this line` }, kind: 'quickfix', diagnostic: d, edits: [edit] });
      }
      if (!fileDisabled.has(d.code)) {
        fileDisabled.add(d.code);
        actions.push({ title: { ja: `${d.code} をこのファイルで無効にする`, en: `Disable ${d.code} for the entire file` }, kind: 'quickfix', diagnostic: d, edits: [disableForFileEdit(sheet, d.code)] });
      }
    }
    if (!documented.has(d.code)) {
      documented.add(d.code);
      actions.push({
        title: { ja: `${d.code} の説明を表示する`, en: `Show documentation for ${d.code}` },
        kind: 'quickfix',
        diagnostic: d,
        command: { command: SHOW_RULE_DOCUMENTATION, arguments: [d.code] },
      });
    }
  }
  return actions;
}

export const FIX_ALL_TITLE: Localized = { ja: '安全な修正をすべて適用する', en: 'Apply all safe fixes' };

/** Fix-all as one edit (to a fixpoint), or undefined when there is nothing safe to fix. */
export function fixAllAction(text: string, diagnostics: readonly Diagnostic[], analyze: (text: string) => readonly Diagnostic[]): { title: Localized; edits: TextEdit[] } | undefined {
  const edits = fixAllToFixpoint(text, diagnostics, analyze);
  return edits.length ? { title: FIX_ALL_TITLE, edits } : undefined;
}
