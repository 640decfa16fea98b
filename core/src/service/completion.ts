/**
 * Completion: field names at the start of a header line, headings after 【, 別表 references
 * with their text, 措置 values, known agencies, and today's date in the document's style.
 */
import type { SheetModel } from '../analysis/sheet';
import type { ResolvedConfig } from '../analysis/config';
import type { Locale, Span } from '../types';
import { FIELDS, MEASURES, SECTIONS } from '../domain/format';
import { allReferenceTargets } from '../domain/beppyo/reference';
import { knownAgencies, isExcludedAgency } from '../domain/agencies';
import { formatDate } from '../domain/dates';
import { locate } from './locate';

export type CompletionKind = 'field' | 'section' | 'reference' | 'value' | 'agency' | 'date';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** The text to write over `span`. */
  insertText: string;
  span: Span;
  detail?: string;
  documentation?: string;
  sortText?: string;
}

export function completionsAt(sheet: SheetModel, offset: number, config: ResolvedConfig, locale: Locale): CompletionEntry[] {
  const text = sheet.text;
  const idx = sheet.syntax.lineIndex;
  const line = idx.lineOf(offset);
  const lineStart = idx.lineStarts[line];
  const before = text.slice(lineStart, offset);

  // After 【 at the start of a line: headings (before the first heading too: it starts the body).
  const bracket = /^[ \t\u3000]*【([^】]*)$/.exec(before);
  if (bracket) {
    const start = offset - bracket[1].length;
    const lineEnd = idx.lineEnd(line);
    const closeAt = text.indexOf('】', offset);
    const end = closeAt >= 0 && closeAt < lineEnd ? closeAt + 1 : offset;
    return SECTIONS.map((s, i) => ({
      label: s.name,
      kind: 'section' as const,
      insertText: `${s.name}】`,
      span: { start, end },
      detail: s.required ? (locale === 'ja' ? '必須の節' : 'required section') : (locale === 'ja' ? '任意の節' : 'optional section'),
      documentation: s.en,
      sortText: String(i).padStart(2, '0'),
    }));
  }

  const at = locate(sheet, offset);
  if ((at.kind === 'header-line-start' || (at.kind === 'field-name' && !at.name)) && !/[：:]/.test(before)) {
    const present = new Set([...sheet.fieldsByName.keys()]);
    // The word before the cursor, found from the end: `/[^ \t\u3000]*$/` retried every start
    // of a long word and read it to the end (quadratic, docs/regular-expressions.md).
    let wordStart = offset;
    while (wordStart > lineStart && !' \t\u3000'.includes(text[wordStart - 1])) wordStart--;
    return FIELDS.filter((f) => f.repeatable || !present.has(f.name)).map((f, i) => ({
      label: f.name,
      kind: 'field' as const,
      insertText: `${f.name}：`,
      span: { start: wordStart, end: offset },
      detail: f.required ? (locale === 'ja' ? '必須' : 'required') : (locale === 'ja' ? '任意' : 'optional'),
      documentation: f.en,
      sortText: String(i).padStart(2, '0'),
    }));
  }

  if (at.kind !== 'field-value' || !at.name) return [];
  const field = at.field;
  // Replace the value piece under the cursor (for 別表, the reference after the last separator).
  const valueStart = Math.min(field.valueSpan.start, offset);
  const typed = text.slice(valueStart, offset);
  const whole = { start: valueStart, end: Math.max(field.valueSpan.end, offset) };
  switch (at.name) {
    case '別表': {
      const sep = Math.max(typed.lastIndexOf('、'), typed.lastIndexOf(','), typed.lastIndexOf('，'));
      const start = valueStart + sep + 1;
      return allReferenceTargets().map((t, i) => ({
        label: t.ref,
        kind: 'reference' as const,
        insertText: t.ref,
        span: { start, end: sep >= 0 ? offset : whole.end },
        detail: t.text.split(' ').slice(-1)[0],
        documentation: t.text.split(' ').join('\n\n'),
        sortText: String(i).padStart(3, '0'),
      }));
    }
    case '措置':
      return MEASURES.map((m) => ({ label: m.value, kind: 'value' as const, insertText: m.value, span: whole, detail: m.basis }));
    case '行政機関':
      return knownAgencies(config.agencies)
        .filter((a) => !isExcludedAgency(a))
        .map((a, i) => ({ label: a, kind: 'agency' as const, insertText: a, span: whole, sortText: String(i).padStart(3, '0') }));
    case '指定年月日':
    case '満了日': {
      const today = formatDate(config.today, sheet.dateStyle);
      return [{ label: today, kind: 'date' as const, insertText: today, span: whole, detail: locale === 'ja' ? '今日' : 'today' }];
    }
    default:
      return [];
  }
}
