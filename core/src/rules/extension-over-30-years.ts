import { defineRule } from './types';
import { firstStepBeyond } from './support/extensionTotal';
import { formatDate } from '../domain/dates';

export default defineRule({
  meta: {
    code: 'extension-over-30-years',
    category: 'extensions',
    defaultSeverity: 'warning',
    basis: '法第4条第3項・第4項',
    fixable: false,
    needsTokens: false,
    description: { ja: '延長により通じて30年を超える(内閣の承認が必要)', en: 'extended beyond 30 years in total (needs the Cabinet’s approval)' },
  },
  check({ sheet, report }) {
    const step = firstStepBeyond(sheet, 30);
    if (!step) return;
    const until = formatDate(step.expiry, sheet.expiryStyle);
    report({
      span: step.node!.valueSpan,
      message: {
        ja: `この延長で有効期間が通じて30年を超えます(満了日 ${until})。内閣の承認が必要です(法第4条第3項・第4項)`,
        en: `with this extension the validity exceeds 30 years in total (expiry ${until}); the Cabinet's approval is required (法第4条第3項, 第4項)`,
      },
    });
  },
});
