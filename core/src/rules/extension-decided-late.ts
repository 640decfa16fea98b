import { defineRule } from './types';
import { formatDate } from '../domain/dates';

export default defineRule({
  meta: {
    code: 'extension-decided-late',
    category: 'lifecycle',
    defaultSeverity: 'error',
    basis: '法第4条第2項',
    fixable: false,
    needsTokens: false,
    description: { ja: '延長の決定日が、延長する有効期間の満了日より後である', en: 'an extension was decided after the expiry it extends' },
  },
  check({ sheet, report }) {
    const chain = sheet.expiryChain;
    for (let i = 1; i < chain.length; i++) {
      const step = chain[i];
      if (!step.late || !step.node) continue;
      const decision = sheet.extension(step.node).decision!;
      const expiry = formatDate(chain[i - 1].expiry, sheet.expiryStyle);
      report({
        span: decision.span,
        message: {
          ja: `延長の決定日「${decision.text}」は、延長する有効期間の満了日(${expiry})より後です。指定は${expiry}の満了で効力を失っており、その後に延長することはできません(法第4条第2項「満了する時において」)`,
          en: `the extension was decided on ${decision.text}, after the expiry it extends (${expiry}); the designation lapsed then and cannot be extended afterwards (法第4条第2項)`,
        },
      });
    }
  },
});
