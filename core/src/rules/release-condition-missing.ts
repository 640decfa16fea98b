import { defineRule } from './types';
import { compareDates } from '../domain/dates';
import { computeExpiry } from '../domain/periods';
import type { SheetModel } from '../analysis/sheet';
import { fillOrAppendSection } from './support/fixes';

/** Whether the sheet states a condition for release anywhere (基準 II 3(4), II 4(2)). */
export function statesReleaseCondition(sheet: SheetModel): boolean {
  if (sheet.sectionContent('解除の条件')) return true;
  const reason = sheet.sectionContent('指定の理由')?.text ?? '';
  return /解除/.test(reason);
}

/** Whether the validity is exactly 5 years from the designation day. */
function isFiveYears(sheet: SheetModel): boolean {
  const period = sheet.validity?.period;
  if (!period) return false;
  if (period.kind === 'duration') return period.years * 12 + period.months === 60;
  const start = sheet.designationDate;
  return !!start && compareDates(period.date, computeExpiry(start, { kind: 'duration', years: 5, months: 0 })) === 0;
}

export default defineRule({
  meta: {
    code: 'release-condition-missing',
    category: 'validity',
    defaultSeverity: 'warning',
    basis: '基準 II 4(2); 基準 II 3(4)',
    fixable: true,
    needsTokens: false,
    description: { ja: '5年の指定や交渉・災害・避難に関する指定で、解除の条件が示されていない', en: 'a 5-year, negotiation or disaster/evacuation designation states no condition for release' },
  },
  check({ sheet, report }) {
    if (statesReleaseCondition(sheet)) return;
    const fix = {
      title: { ja: '【解除の条件】を追加する', en: 'Append 【解除の条件】' },
      edits: [fillOrAppendSection(sheet, '解除の条件', ['○○'])],
    };
    const validity = sheet.validity;
    if (validity && isFiveYears(sheet)) {
      report({
        span: validity.node.valueSpan,
        message: {
          ja: '有効期間が5年ですが、指定を解除する条件が示されていません(年数で定め難い場合は5年とし、解除の条件を指定の理由の中で明らかにします。運用基準 II 4(2))',
          en: 'the validity is 5 years but no condition for release is stated (where a period is hard to set in years, use 5 years and state the release condition; 運用基準 II 4(2))',
        },
        fixes: [fix],
      });
      return;
    }
    const description = sheet.sectionContent('対象情報の記述');
    if (!description) return;
    // 基準 II 3(4) names both: 交渉の終了, and 災害時の住民の避難等.
    const m = /交渉|災害|避難/.exec(description.text);
    if (!m) return;
    const start = description.span.start + m.index;
    const negotiation = m[0] === '交渉';
    report({
      span: { start, end: start + m[0].length },
      message: negotiation
        ? {
            ja: '交渉に関する情報ですが、交渉の終了など指定を解除する条件が示されていません(運用基準 II 3(4))',
            en: 'the information concerns a negotiation, but no condition for release (such as the end of the negotiation) is stated (運用基準 II 3(4))',
          }
        : {
            ja: `${m[0]}に関する情報ですが、災害時の住民の避難など指定を解除する条件が示されていません(運用基準 II 3(4))`,
            en: `the information concerns ${m[0] === '災害' ? 'a disaster' : 'an evacuation'}, but no condition for release (such as the evacuation of residents in a disaster) is stated (運用基準 II 3(4))`,
          },
      fixes: [fix],
    });
  },
});
