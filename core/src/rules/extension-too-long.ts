import { defineRule } from './types';
import { exceedsYears } from '../domain/periods';

export default defineRule({
  meta: {
    code: 'extension-too-long',
    category: 'extensions',
    defaultSeverity: 'error',
    basis: '法第4条第2項',
    fixable: false,
    needsTokens: false,
    description: { ja: '一回の延長が5年を超える', en: 'one extension exceeds 5 years' },
  },
  check({ sheet, report }) {
    for (const step of sheet.expiryChain.slice(1)) {
      if (!exceedsYears(step.start, step.period, 5)) continue;
      report({
        span: step.node!.valueSpan,
        message: {
          ja: `延長「${step.node!.value}」は5年を超えています(有効期間の延長は5年を超えない範囲で行います。法第4条第2項)`,
          en: `the extension "${step.node!.value}" exceeds 5 years (each extension is at most 5 years; 法第4条第2項)`,
        },
      });
    }
  },
});
