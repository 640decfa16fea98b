/**
 * Hover: a 別表 reference shows its legal text and 細目; a date the other calendar and the
 * weekday; 有効期間 the computed 満了日 (and the expiry after each 延長).
 */
import type { SheetModel } from '../analysis/sheet';
import { localize, type Locale, type Span } from '../types';
import { formatDate, parseDate, toIso, weekdayName, type DateStyle } from '../domain/dates';
import { checkReference, parseReferenceList, referenceLegalText } from '../domain/beppyo/reference';
import { fieldSpec } from '../domain/format';
import { locate } from './locate';
import { ALIASES, fieldLabel } from './labels';

export interface HoverResult {
  span: Span;
  /** Markdown. */
  contents: string;
}

const ERA_STYLE: DateStyle = { calendar: 'era', digits: 'half' };

export function describeDate(date: { year: number; month: number; day: number }, written: DateStyle, locale: Locale): string {
  const other = written.calendar === 'era' ? toIso(date) : formatDate(date, ERA_STYLE);
  const same = formatDate(date, { ...written, digits: 'half' });
  return locale === 'ja'
    ? `${same} (${weekdayName(date, 'ja')}曜日) ⇔ ${other}`
    : `${same} (${weekdayName(date, 'en')}) ⇔ ${other}`;
}

export function hoverAt(sheet: SheetModel, offset: number, locale: Locale): HoverResult | undefined {
  const at = locate(sheet, offset);
  if (at.kind === 'field-name' && at.name) {
    const spec = fieldSpec(at.name);
    return { span: at.field.nameSpan, contents: `**${spec.name}** — ${localize(fieldLabel(spec), locale)}${spec.aliases.length ? `\n\n${localize(ALIASES, locale)}: ${spec.aliases.join('、')}` : ''}` };
  }
  if (at.kind !== 'field-value' || !at.name) return undefined;
  const field = at.field;
  const inValue = offset >= field.valueSpan.start && offset <= field.valueSpan.end;
  if (!inValue) return undefined;
  const rel = offset - field.valueSpan.start;
  switch (at.name) {
    case '別表': {
      const ref = parseReferenceList(field.value).refs.find((r) => rel >= r.span.start && rel <= r.span.end);
      if (!ref || checkReference(ref).status === 'invalid') return undefined;
      const legal = referenceLegalText(ref);
      const span = { start: field.valueSpan.start + ref.span.start, end: field.valueSpan.start + ref.span.end };
      return { span, contents: [`**${legal.heading}**`, '', ...legal.lines.map((l) => `${l.startsWith(' ') ? '    ' : ''}- ${l.trim()}`)].join('\n') };
    }
    case '指定年月日':
    case '満了日': {
      const parsed = parseDate(field.value);
      if (!parsed?.date) return undefined;
      return { span: field.valueSpan, contents: describeDate(parsed.date, parsed.style, locale) };
    }
    case '有効期間':
    case '延長': {
      const chain = sheet.expiryChain;
      const index = at.name === '有効期間' ? 0 : chain.findIndex((s) => s.node === field);
      const step = chain[index];
      if (!step) return undefined;
      const lines = [
        locale === 'ja'
          ? `**満了日**: ${describeDate(step.expiry, sheet.expiryStyle, locale)}`
          : `**Expires**: ${describeDate(step.expiry, sheet.expiryStyle, locale)}`,
        locale === 'ja'
          ? `(${formatDate(step.start, sheet.dateStyle)}を初日として計算。法第4条第1項、民法第143条)`
          : `(counted from ${formatDate(step.start, sheet.dateStyle)} as day one; 法第4条第1項, 民法第143条)`,
      ];
      const last = chain[chain.length - 1];
      if (index === 0 && chain.length > 1) {
        lines.push('', locale === 'ja' ? `延長後の満了日: ${formatDate(last.expiry, sheet.expiryStyle)}` : `Expiry after extensions: ${formatDate(last.expiry, sheet.expiryStyle)}`);
      }
      return { span: field.valueSpan, contents: lines.join('\n') };
    }
    default:
      return undefined;
  }
}
