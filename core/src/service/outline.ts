/** Document symbols (the header's fields, the sections) and folding ranges. */
import type { SheetModel } from '../analysis/sheet';
import type { Span } from '../types';
import { lookupField, lookupSection } from '../domain/format';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: 'header' | 'field' | 'section';
  span: Span;
  selectionSpan: Span;
  children: OutlineSymbol[];
}

export function documentSymbols(sheet: SheetModel): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  const fields = sheet.syntax.fields;
  if (fields.length > 0) {
    const span = { start: fields[0].lineSpan.start, end: fields[fields.length - 1].lineSpan.end };
    // v1.1: the life of the designation at a glance (延長, 点検, 解除).
    const life = [
      sheet.extensions.length ? `延長${sheet.extensions.length}回` : '',
      sheet.reviews.length ? `点検${sheet.reviews.length}回` : '',
      sheet.release ? '解除' : '',
    ].filter(Boolean).join('・');
    out.push({
      name: 'ヘッダ',
      ...(life ? { detail: life } : {}),
      kind: 'header',
      span,
      selectionSpan: fields[0].nameSpan,
      children: fields.map((f) => ({
        name: lookupField(f.name)?.name ?? f.name,
        detail: f.value,
        kind: 'field' as const,
        span: f.lineSpan,
        selectionSpan: f.nameSpan,
        children: [],
      })),
    });
  }
  for (const s of sheet.syntax.sections) {
    const last = s.content[s.content.length - 1];
    out.push({
      name: `【${lookupSection(s.heading.name)?.name ?? s.heading.name}】`,
      kind: 'section',
      span: { start: s.heading.span.start, end: last ? last.span.end : s.heading.span.end },
      selectionSpan: s.heading.span,
      children: [],
    });
  }
  return out;
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

export function foldingRanges(sheet: SheetModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  const fields = sheet.syntax.fields;
  if (fields.length > 1) out.push({ startLine: fields[0].line, endLine: fields[fields.length - 1].line, kind: 'region' });
  for (const s of sheet.syntax.sections) {
    const last = s.content[s.content.length - 1];
    if (last && last.line > s.heading.line) out.push({ startLine: s.heading.line, endLine: last.line, kind: 'region' });
  }
  let start = -1;
  const lines = sheet.syntax.lines;
  for (let i = 0; i <= lines.length; i++) {
    const isComment = i < lines.length && lines[i].kind === 'comment';
    if (isComment && start < 0) start = i;
    if (!isComment && start >= 0) {
      if (i - 1 > start) out.push({ startLine: start, endLine: i - 1, kind: 'comment' });
      start = -1;
    }
  }
  return out;
}
