/** Fix builders shared by several rules. */
import type { TextEdit } from '../../types';
import type { SheetModel } from '../../analysis/sheet';
import { computeExpiry, formatPeriod, type Period } from '../../domain/periods';
import { formatDate } from '../../domain/dates';
import type { Fix } from '../types';
import type { SectionName } from '../../domain/format';

/** Edits setting a field's value: replace it, fill an empty line, or insert the line. */
export function setFieldValue(sheet: SheetModel, name: '有効期間' | '満了日' | '別表', value: string): TextEdit {
  const line = sheet.fieldLine(name);
  if (line) return { span: line.value ? line.valueSpan : { start: line.valueSpan.start, end: line.lineSpan.end }, newText: value };
  return sheet.insertFieldLine(name, value);
}

/**
 * A fix writing 有効期間 = `years`年 and, when 指定年月日 can be read, the computed 満了日.
 * When both lines must be inserted they go in as one edit, so the two never compete for one spot.
 */
export function setValidityFix(sheet: SheetModel, years: number, months = 0, preferred = false): Fix {
  const digits = sheet.dateStyle.digits;
  const periodText = formatPeriod(years, months, digits);
  const start = sheet.designationDate;
  const period: Period = { kind: 'duration', years, months };
  const expiryText = start ? formatDate(computeExpiry(start, period), sheet.expiryStyle) : undefined;
  const edits: TextEdit[] = [];
  const validityLine = sheet.fieldLine('有効期間');
  const expiryLine = sheet.fieldLine('満了日');
  if (!validityLine && !expiryLine && expiryText) {
    edits.push(sheet.insertFieldLine('有効期間', `${periodText}${sheet.eol}満了日：${expiryText}`));
  } else {
    edits.push(setFieldValue(sheet, '有効期間', periodText));
    if (expiryText) edits.push(setFieldValue(sheet, '満了日', expiryText));
  }
  return {
    title: expiryText
      ? { ja: `有効期間を${periodText}、満了日を${expiryText}にする`, en: `Set 有効期間 to ${periodText} and 満了日 to ${expiryText}` }
      : { ja: `有効期間を${periodText}にする`, en: `Set 有効期間 to ${periodText}` },
    edits,
    isPreferred: preferred,
  };
}

/**
 * An edit giving an optional section content: the placeholder lines after the heading of an
 * empty section that is there, else the whole section appended.
 */
export function fillOrAppendSection(sheet: SheetModel, name: SectionName, lines: string[]): TextEdit {
  const section = sheet.section(name);
  if (!section) return sheet.appendSection(name, lines);
  const at = section.heading.span.end;
  return { span: { start: at, end: at }, newText: lines.map((l) => sheet.eol + l).join('') };
}
