import { defineRule } from './types';
import { isExcludedAgency } from '../domain/agencies';

export default defineRule({
  meta: {
    code: 'agency-not-authorized',
    category: 'agency',
    defaultSeverity: 'error',
    basis: '法第3条第1項ただし書; 令第3条',
    fixable: false,
    needsTokens: false,
    description: { ja: '令第3条により特定秘密を指定できない行政機関', en: 'the agency may not designate (令第3条)' },
  },
  check({ sheet, report }) {
    const node = sheet.field('行政機関');
    if (!node || !isExcludedAgency(node.value)) return;
    report({
      span: node.valueSpan,
      message: {
        ja: `${node.value}は特定秘密を指定できない行政機関です(法第3条第1項ただし書、施行令第3条)`,
        en: `${node.value} is excluded from designating 特定秘密 (法第3条第1項 proviso; 施行令第3条)`,
      },
    });
  },
});
