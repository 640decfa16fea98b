/** What is at an offset of a sheet: the field value, field name, heading or section content. */
import type { SheetModel } from '../analysis/sheet';
import type { FieldNode, SectionNode } from '../syntax/ast';
import { lookupField, type FieldName } from '../domain/format';

export type Location =
  | { kind: 'field-value'; field: FieldNode; name?: FieldName }
  | { kind: 'field-name'; field: FieldNode; name?: FieldName }
  | { kind: 'header-line-start'; line: number }
  | { kind: 'heading'; section: SectionNode }
  | { kind: 'content'; section: SectionNode }
  | { kind: 'other' };

export function locate(sheet: SheetModel, offset: number): Location {
  const idx = sheet.syntax.lineIndex;
  const line = idx.lineOf(offset);
  const source = sheet.syntax.lines[line];
  if (!source) return { kind: 'other' };
  const field = sheet.syntax.fields.find((f) => f.line === line);
  if (field) {
    const name = lookupField(field.name)?.name;
    if (offset > field.separatorSpan.start) return { kind: 'field-value', field, name };
    return { kind: 'field-name', field, name };
  }
  const section = sheet.syntax.sections.find((s) => s.heading.line === line);
  if (section) return offset <= section.heading.span.end ? { kind: 'heading', section } : { kind: 'content', section };
  const firstHeading = sheet.syntax.sections[0]?.heading.line ?? Infinity;
  if (line < firstHeading && (source.kind === 'blank' || source.kind === 'stray')) return { kind: 'header-line-start', line };
  const owner = [...sheet.syntax.sections].reverse().find((s) => s.heading.line < line);
  if (owner) return { kind: 'content', section: owner };
  return { kind: 'other' };
}
