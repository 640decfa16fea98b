import { defineRule } from './types';
import { daysBetween, formatDate } from '../domain/dates';
import { lastExpiry } from './support/expiry';

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
