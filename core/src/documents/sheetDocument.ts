/**
 * The sheet as a document sees it: a list of labelled fields and a list of sections with
 * their lines. Export builds it from a parsed sheet; import builds it from a Word document or
 * a register row and writes it back as `.shitei` text. Pure.
 */
import type { SheetSyntax } from '../syntax/ast';
import { canonicalFieldName, canonicalOrder, canonicalSectionName } from './labels';

export interface DocField {
  /** The canonical name when the field is known, else the name as written; '' for a header line that is not a field. */
  label: string;
  value: string;
}

export interface DocSection {
  /** The canonical heading (without 【】) when known, else as written. */
  heading: string;
  lines: string[];
}

export interface SheetDocument {
  fields: DocField[];
  sections: DocSection[];
}

/** Sorts by the catalog's order; unknown names after the known ones, each keeping its order. */
function canonicalSort<T>(items: readonly T[], nameOf: (item: T) => string, known: readonly string[]): T[] {
  const rank = (item: T) => {
    const i = known.indexOf(nameOf(item));
    return i < 0 ? known.length : i;
  };
  return items.map((item, index) => ({ item, index, rank: rank(item) })).sort((a, b) => a.rank - b.rank || a.index - b.index).map((x) => x.item);
}

export function sortDocument(doc: SheetDocument): SheetDocument {
  const { fields, sections } = canonicalOrder();
  return {
    // Header lines that are not fields go last: they have no name to place them by.
    fields: canonicalSort(doc.fields, (f) => (f.label === '' ? '\u0000stray' : f.label), fields),
    sections: canonicalSort(doc.sections, (s) => s.heading, sections),
  };
}

/**
 * Everything of a sheet a document carries: every field (repeated 延長 and 点検 included, in
 * order), every header line that is not a field, every section with its lines. Comments (`#`
 * lines, directives included) are notes for the drafter and the tool, not part of the 指定書.
 */
export function sheetToDocument(syntax: SheetSyntax): SheetDocument {
  const text = syntax.text;
  const fields: DocField[] = syntax.fields.map((f) => ({ label: canonicalFieldName(f.name) ?? f.name, value: f.value }));
  for (const stray of syntax.strayLines) fields.push({ label: '', value: text.slice(stray.start, stray.end).trim() });
  const sections: DocSection[] = syntax.sections.map((s) => ({
    heading: canonicalSectionName(s.heading.name) ?? s.heading.name,
    lines: s.content.map((c) => text.slice(c.span.start, c.span.end)),
  }));
  return sortDocument({ fields, sections });
}

/** A content line that .shitei would read as a comment or a heading gets a full-width first character. */
function safeContentLine(line: string): string {
  if (line.startsWith('#')) return `＃${line.slice(1)}`;
  return line;
}

/** One line of a field value: line breaks inside a cell are joined (Japanese needs no blank; words do). */
export function oneLine(value: string): string {
  const parts = value.split(/\r\n|\r|\n/).map((p) => p.trim()).filter((p) => p !== '');
  let out = '';
  for (const p of parts) {
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(p)) out += ' ';
    out += p;
  }
  return out;
}

/** The `.shitei` text of a document: fields in canonical order, then the sections. LF line ends. */
export function documentToShitei(doc: SheetDocument, headerComments: readonly string[] = []): string {
  const sorted = sortDocument(doc);
  const out: string[] = [];
  for (const c of headerComments) out.push(`# ${c.replace(/[\r\n]+/g, ' ')}`);
  for (const f of sorted.fields) {
    const value = oneLine(f.value);
    if (f.label === '') {
      if (value) out.push(safeContentLine(value));
      continue;
    }
    out.push(`${f.label}：${value}`);
  }
  for (const s of sorted.sections) {
    out.push('', `【${s.heading}】`);
    for (const line of s.lines) {
      for (const part of line.split(/\r\n|\r|\n/)) {
        const t = part.trim();
        if (t) out.push(safeContentLine(t));
      }
    }
  }
  return out.join('\n') + '\n';
}
