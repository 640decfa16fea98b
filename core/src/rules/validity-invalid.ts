import { defineRule } from './types';
import { parseDate } from '../domain/dates';
import { endDatePart } from './date-invalid';

export default defineRule({
  meta: {
    code: 'validity-invalid',
    category: 'validity',
    defaultSeverity: 'error',
    basis: '法第4条第1項',
    fixable: false,
    needsTokens: false,
    description: { ja: '有効期間が読めない、又は0である', en: '有効期間 cannot be read, or is zero' },
  },
  check({ sheet, report }) {
    const validity = sheet.validity;
    if (!validity || validity.period) return;
    const part = endDatePart(validity.node);
    if (part && parseDate(part.text)) return; // an end date that does not exist: date-invalid says so
    const { node } = validity;
    report({
      span: node.valueSpan,
      message: validity.zero
        ? { ja: '有効期間が0です', en: 'the validity period is zero' }
        : {
            ja: `有効期間「${node.value}」が読めません(「5年」「3年6か月」「令和13年3月31日まで」のように書きます)`,
            en: `the validity period "${node.value}" cannot be read (write e.g. 5年, 3年6か月 or 令和13年3月31日まで)`,
          },
    });
  },
});
