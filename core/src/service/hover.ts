/**
 * Hover: a 別表 reference shows its legal text and 細目; a date the other calendar and the
 * weekday; 有効期間 the computed 満了日 (and the expiry after each 延長). v1.1: each 延長 the
 * day it takes effect and the day it was decided; 点検 and 解除 their dates; and, given
 * `today`, the state (有効 / 解除 / 満了) and the days since the last review.
 */
import type { SheetModel } from '../analysis/sheet';
import { localize, type Locale, type SimpleDate, type Span } from '../types';
import { compareDates, daysBetween, formatDate, parseDate, toIso, weekdayName, type DateStyle } from '../domain/dates';
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
  return localize({ ja: `${same} (${weekdayName(date, 'ja')}曜日) ⇔ ${other}`, en: `${same} (${weekdayName(date, 'en')}) ⇔ ${other}` }, locale);
}

const STATE_TEXT = {
  'in-force': { ja: '有効', en: 'in force' },
  released: { ja: '解除', en: 'released' },
  lapsed: { ja: '満了', en: 'lapsed' },
} as const;

/**
 * The lifecycle lines under a date hover (given `today`): the state, and the days since the
 * latest of the designation, the last 延長 decided and the last 点検 (運用基準 III 2(1)).
 */
export function lifecycleLines(sheet: SheetModel, today: SimpleDate, locale: Locale): string[] {
  const state = sheet.state(today);
  const lines = [localize({ ja: `**状態**: ${STATE_TEXT[state].ja}(${formatDate(today, sheet.dateStyle)}現在)`, en: `**State**: ${STATE_TEXT[state].en} (as of ${toIso(today)})` }, locale)];
  if (state !== 'in-force') return lines;
  const review = sheet.latestReview;
  if (review) {
    const days = daysBetween(review, today);
    lines.push(localize({ ja: `最後の点検: ${formatDate(review, sheet.dateStyle)}(${days}日前)`, en: `Last review: ${formatDate(review, sheet.dateStyle)} (${days} days ago)` }, locale));
  } else {
    lines.push(localize({ ja: '点検の記録なし(指定の理由は1年に1回以上点検します。運用基準 III 2(1))', en: 'No review recorded (the reason is reviewed at least once a year; 運用基準 III 2(1))' }, locale));
  }
  return lines;
}

export function hoverAt(sheet: SheetModel, offset: number, locale: Locale, today?: SimpleDate): HoverResult | undefined {
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
    case '満了日':
    case '点検':
    case '解除': {
      const parsed = parseDate(field.value);
      if (!parsed?.date) return undefined;
      const lines = [describeDate(parsed.date, parsed.style, locale)];
      if (today && at.name === '点検') {
        const days = daysBetween(parsed.date, today);
        lines.push('', days >= 0 ? localize({ ja: `この点検から${days}日`, en: `${days} days since this review` }, locale) : localize({ ja: `${-days}日後の点検`, en: `a review ${-days} days ahead` }, locale));
      }
      if (today) lines.push('', ...lifecycleLines(sheet, today, locale));
      return { span: field.valueSpan, contents: lines.join('\n') };
    }
    case '有効期間':
    case '延長': {
      const chain = sheet.expiryChain;
      const index = at.name === '有効期間' ? 0 : chain.findIndex((s) => s.node === field);
      const step = chain[index];
      if (!step) return undefined;
      const lines = [
        `${localize({ ja: '**満了日**', en: '**Expires**' }, locale)}: ${describeDate(step.expiry, sheet.expiryStyle, locale)}`,
        localize({
          ja: `(${formatDate(step.start, sheet.dateStyle)}を初日として計算。法第4条第1項、民法第143条)`,
          en: `(counted from ${formatDate(step.start, sheet.dateStyle)} as day one; 法第4条第1項, 民法第143条)`,
        }, locale),
      ];
      const last = chain[chain.length - 1];
      if (index === 0 && chain.length > 1) {
        lines.push('', `${localize({ ja: '延長後の満了日', en: 'Expiry after extensions' }, locale)}: ${formatDate(last.expiry, sheet.expiryStyle)}`);
      }
      if (index > 0) {
        // v1.1: when this extension takes effect, and when it was decided.
        const previous = chain[index - 1].expiry;
        lines.push('', localize({ ja: `**効力発生日**: ${formatDate(step.start, sheet.dateStyle)}(前の満了日 ${formatDate(previous, sheet.expiryStyle)} の翌日)`, en: `**Takes effect**: ${formatDate(step.start, sheet.dateStyle)} (the day after the previous expiry, ${formatDate(previous, sheet.expiryStyle)})` }, locale));
        if (step.decided) {
          const late = compareDates(step.decided, previous) > 0;
          lines.push(locale === 'ja'
            ? `決定日: ${formatDate(step.decided, sheet.dateStyle)}${late ? '(満了日より後の決定のため、延長は効力を持ちません。法第4条第2項)' : ''}`
            : `Decided on: ${formatDate(step.decided, sheet.dateStyle)}${late ? ' (after the expiry it extends: the extension has no effect; 法第4条第2項)' : ''}`);
        }
      }
      if (today) lines.push('', ...lifecycleLines(sheet, today, locale));
      return { span: field.valueSpan, contents: lines.join('\n') };
    }
    default:
      return undefined;
  }
}
