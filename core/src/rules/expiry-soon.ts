import { defineRule } from './types';
import { daysBetween, formatDate } from '../domain/dates';
import { lastExpiry } from './support/expiry';

export default defineRule({
  meta: {
    code: 'expiry-soon',
    category: 'workspace',
    defaultSeverity: 'info',
    basis: '法第4条第2項; 基準 II 4',
    fixable: false,
    needsTokens: false,
    description: { ja: '満了が近い(延長の要否を判断する時期)', en: 'the designation expires soon' },
  },
  check({ sheet, config, report }) {
    if (sheet.release) return; // released: nothing left to extend
    const last = lastExpiry(sheet);
    if (!last) return;
    const days = daysBetween(config.today, last.date);
    if (days < 0 || days > config.expirySoonDays) return;
    const date = formatDate(last.date, sheet.expiryStyle);
    report({
      span: last.span,
      message: {
        ja: `${date}に満了します(残り${days}日)。延長するか、満了させるかを判断してください`,
        en: `expires on ${date} (${days} days left); decide whether to extend it or let it expire`,
      },
    });
  },
});
