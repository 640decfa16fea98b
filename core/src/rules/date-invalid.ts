import { defineRule } from './types';
import { formatDate, parseDate } from '../domain/dates';
import { lookupField } from '../domain/format';
import type { Localized, Span } from '../types';
import { endDatePart } from './support/fieldValues';

export default defineRule({
  meta: {
    code: 'date-invalid',
    category: 'validity',
    defaultSeverity: 'error',
    basis: '法第4条第1項; 令第4条第1号・第2号',
    fixable: true,
    needsTokens: false,
    description: { ja: '存在しない日付、又は読めない日付', en: 'a date does not exist or cannot be read' },
  },
  check({ sheet, report }) {
    const check = (text: string, span: Span, label: string) => {
      const parsed = parseDate(text);
      if (parsed?.date) return;
      const reason: Localized = parsed?.error ?? { ja: '日付として読めません', en: 'cannot be read as a date' };
      const fix = parsed?.fix;
      const replacement = fix ? formatDate(fix.date, { ...parsed.style, calendar: 'era' }) : undefined;
      report({
        span,
        message: { ja: `${label}「${text}」: ${reason.ja}`, en: `${label} "${text}": ${reason.en}` },
        fixes: replacement
          ? [{ title: { ja: `同じ日の令和表記「${replacement}」にする`, en: `Use the same day in 令和: ${replacement}` }, edits: [{ span, newText: replacement }], isPreferred: true, safe: true }]
          : [],
      });
    };
    for (const name of ['指定年月日', '満了日'] as const) {
      const node = sheet.field(name);
      if (node) check(node.value, node.valueSpan, name);
    }
    // End dates written as periods are dates too; an unreadable period is validity-invalid's.
    const validity = sheet.field('有効期間');
    if (validity && !sheet.period(validity).period) {
      const part = endDatePart(validity);
      if (part && parseDate(part.text)) check(part.text, part.span, validity.name);
    }
    for (const ext of sheet.extensions) {
      if (!sheet.period(ext.node).period) {
        const part = endDatePart({ value: ext.periodText, valueSpan: ext.periodSpan });
        if (part && parseDate(part.text)) check(part.text, part.span, '延長');
      }
      // v1.1: the decision day in parentheses, 5年(令和13年3月25日).
      if (ext.decision) check(ext.decision.text, ext.decision.span, '延長の決定日');
      else if (ext.notADate) {
        report({
          span: ext.notADate.span,
          message: {
            ja: `延長の括弧内「${ext.notADate.text}」は決定日として読めません(括弧には延長を決定した日を書きます。例: 5年(令和13年3月25日決定))。延長は「${ext.periodText}」として扱います`,
            en: `the parentheses of the extension, "${ext.notADate.text}", are not a decision date (they hold the day the extension was decided, e.g. 5年(令和13年3月25日決定)); the extension counts as "${ext.periodText}"`,
          },
        });
      }
    }
    // v1.1: 点検 and 解除 are dates.
    for (const r of [...sheet.reviews, ...(sheet.release ? [sheet.release] : [])]) check(r.node.value, r.node.valueSpan, lookupField(r.node.name)?.name ?? r.node.name);
  },
});
