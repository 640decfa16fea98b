import { defineRule } from './types';
import { parseDate } from '../domain/dates';
import { endDatePart } from './support/fieldValues';

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
    // A 延長 is a period too; one that cannot be read would silently end the chain of expiries.
    for (const ext of sheet.extensions) {
      const parsed = sheet.period(ext.node);
      if (parsed.period) continue;
      const part = endDatePart({ value: ext.periodText, valueSpan: ext.periodSpan });
      if (part && parseDate(part.text)) continue; // date-invalid says so
      report({
        span: ext.periodSpan,
        message: parsed.zero
          ? { ja: '延長の期間が0です', en: 'the extension period is zero' }
          : {
              ja: `延長の期間「${ext.periodText}」が読めません(「5年」「5年(令和13年3月25日決定)」のように書きます)。これ以降の延長は満了日の計算に入りません`,
              en: `the extension period "${ext.periodText}" cannot be read (write e.g. 5年 or 5年(令和13年3月25日決定)); later extensions are left out of the expiry`,
            },
      });
    }
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
