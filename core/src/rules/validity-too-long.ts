import { defineRule } from './types';
import { setValidityFix } from './support/fixes';
import { exceedsYears } from '../domain/periods';

export default defineRule({
  meta: {
    code: 'validity-too-long',
    category: 'validity',
    defaultSeverity: 'error',
    basis: '法第4条第1項',
    fixable: true,
    needsTokens: false,
    description: { ja: '有効期間が指定の日から5年を超える', en: 'the validity period exceeds 5 years from the designation day' },
  },
  check({ sheet, report }) {
    const validity = sheet.validity;
    const period = validity?.period;
    if (!validity || !period) return;
    let tooLong: boolean;
    if (period.kind === 'duration') tooLong = period.years * 12 + period.months > 60;
    else {
      const start = sheet.designationDate;
      if (!start) return;
      tooLong = exceedsYears(start, period, 5);
    }
    if (!tooLong) return;
    report({
      span: validity.node.valueSpan,
      message: {
        ja: `有効期間「${validity.node.value}」は指定の日から起算して5年を超えています(法第4条第1項)`,
        en: `the validity period "${validity.node.value}" exceeds 5 years from the designation day (法第4条第1項)`,
      },
      fixes: [setValidityFix(sheet, 5, 0, true)],
    });
  },
});
