import { defineRule } from './types';
import { setValidityFix } from './support/fixes';

export default defineRule({
  meta: {
    code: 'validity-missing',
    category: 'validity',
    defaultSeverity: 'error',
    basis: '法第4条第1項; 令第4条第2号',
    fixable: true,
    needsTokens: false,
    description: { ja: '有効期間がない、又は空である', en: '有効期間 (validity period) is absent or empty' },
  },
  check({ sheet, report }) {
    if (sheet.field('有効期間')) return;
    const line = sheet.fieldLine('有効期間');
    report({
      span: line ? line.lineSpan : sheet.syntax.firstLineSpan,
      message: {
        ja: '有効期間がありません(指定の日から起算して5年を超えない範囲で定めます。法第4条第1項)',
        en: 'the validity period (有効期間) is missing; it must be set, at most 5 years from the designation day (法第4条第1項)',
      },
      fixes: [1, 2, 3, 4, 5].map((y) => setValidityFix(sheet, y)),
    });
  },
});
