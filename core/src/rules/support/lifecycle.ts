/** What the lifecycle rules (format.md v1.1: 延長, 点検, 解除) share. */
import type { SheetModel } from '../../analysis/sheet';
import type { SectionName } from '../../domain/format';
import type { Localized, Span } from '../../types';
import type { Report } from '../types';
import { fillOrAppendSection } from './fixes';

/**
 * A missing or empty reason section: missing → at `where` (the first 延長 / the 解除 line);
 * empty → at its heading. The fix appends the section (or fills the empty one) with ○○.
 */
export function reasonSectionReport(sheet: SheetModel, name: SectionName, where: Span, missing: Localized, empty: Localized): Report | undefined {
  const section = sheet.section(name);
  if (section && section.content.length > 0) return undefined;
  return {
    span: section ? section.heading.span : where,
    message: section ? empty : missing,
    fixes: [{ title: { ja: `【${name}】を追加する`, en: `Append 【${name}】` }, edits: [fillOrAppendSection(sheet, name, ['○○'])] }],
  };
}
