import { defineRule } from './types';
import { compareDates, formatDate } from '../domain/dates';

export default defineRule({
  meta: {
    code: 'expiry-mismatch',
    category: 'validity',
    defaultSeverity: 'error',
    basis: '法第4条第1項; 民法第143条; 令第4条第2号',
    fixable: true,
    needsTokens: false,
    description: { ja: '満了日が指定年月日と有効期間から計算した日と異なる', en: '満了日 differs from the expiry computed from 指定年月日 and 有効期間' },
  },
  check({ sheet, report }) {
    const expiry = sheet.date('満了日');
    const written = expiry?.parsed?.date;
    const computed = sheet.computedExpiry;
    if (!expiry || !written || !computed || compareDates(written, computed) === 0) return;
    const value = formatDate(computed, expiry.parsed!.style);
    report({
      span: expiry.node.valueSpan,
      message: {
        ja: `満了日は${value}です(指定年月日を初日として有効期間を数えた末日。法第4条第1項、民法第143条)`,
        en: `the expiry date should be ${value}: the last day of the period counted from the designation day as day one (法第4条第1項; 民法第143条)`,
      },
      fixes: [{ title: { ja: `満了日を${value}に直す`, en: `Change 満了日 to ${value}` }, edits: [{ span: expiry.node.valueSpan, newText: value }], isPreferred: true, safe: true }],
    });
  },
});
