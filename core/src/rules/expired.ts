import { defineRule } from './types';
import { daysBetween, formatDate } from '../domain/dates';
import type { SheetModel } from '../analysis/sheet';
import type { SimpleDate, Span } from '../types';

/**
 * The expiry in force after every 延長 decided on time, and where it shows (that 延長, or 満了日).
 * A 延長 decided after the expiry it extends does not count (extension-decided-late says so).
 */
export function lastExpiry(sheet: SheetModel): { date: SimpleDate; span: Span } | undefined {
  const chain = sheet.effectiveChain;
  const last = chain[chain.length - 1];
  if (last?.node) return { date: last.expiry, span: last.node.valueSpan };
  const written = sheet.date('満了日');
  if (written?.parsed?.date) return { date: written.parsed.date, span: written.node.valueSpan };
  return last ? { date: last.expiry, span: sheet.field('有効期間')!.valueSpan } : undefined;
}

export default defineRule({
  meta: {
    code: 'expired',
    category: 'workspace',
    defaultSeverity: 'warning',
    basis: '法第4条第1項・第2項',
    fixable: false,
    needsTokens: false,
    description: { ja: '有効期間が満了している', en: 'the designation has lapsed' },
  },
  check({ sheet, config, report }) {
    // A released designation has ended by 解除, not by lapse (format.md v1.1).
    if (sheet.release) return;
    const last = lastExpiry(sheet);
    if (!last) return;
    const days = daysBetween(last.date, config.today);
    if (days <= 0) return;
    const date = formatDate(last.date, sheet.expiryStyle);
    report({
      span: last.span,
      message: {
        ja: `有効期間は${date}に満了しています(${days}日前)`,
        en: `the designation lapsed: it expired on ${date} (${days} days ago)`,
      },
    });
  },
});
