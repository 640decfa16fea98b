import { defineRule } from './types';
import { setValidityFix } from './support/fixes';
import { exceedsYears } from '../domain/periods';
import type { Localized } from '../types';

/** The kinds of information 基準 II 4(1) gives a usual validity for, and how a description shows them. */
const USUAL_PERIODS: { pattern: RegExp; years: number; kind: Localized }[] = [
  { pattern: /毎年度|年度計画|毎年策定/, years: 2, kind: { ja: '毎年度策定する計画', en: 'a plan made every year' } },
  { pattern: /情報通信技術|ICT/, years: 3, kind: { ja: '情報通信技術に密接に関係する情報', en: 'information closely tied to information and communications technology' } },
  { pattern: /要人の動向|要人動向/, years: 4, kind: { ja: '要人の動向に関する情報', en: 'movements of foreign leaders' } },
];

const SHORTEST_USUAL = Math.min(...USUAL_PERIODS.map((u) => u.years));

export default defineRule({
  meta: {
    code: 'validity-longer-than-usual',
    category: 'validity',
    defaultSeverity: 'info',
    basis: '基準 II 4(1)',
    fixable: true,
    needsTokens: false,
    description: { ja: '情報の種類に応じた通常の有効期間より長い', en: 'the validity is longer than usual for this kind of information' },
  },
  check({ sheet, report }) {
    const description = sheet.sectionContent('対象情報の記述');
    const validity = sheet.validity;
    const start = sheet.designationDate;
    if (!description || !validity?.period || !start) return;
    // Not longer than the shortest usual period: no match can matter, so the text is not searched.
    if (!exceedsYears(start, validity.period, SHORTEST_USUAL)) return;
    const matches = USUAL_PERIODS.filter((u) => u.pattern.test(description.text));
    if (matches.length === 0) return;
    const usual = matches.reduce((a, b) => (b.years < a.years ? b : a));
    if (!exceedsYears(start, validity.period, usual.years)) return;
    report({
      span: validity.node.valueSpan,
      message: {
        ja: `${usual.kind.ja}の有効期間は通常${usual.years}年です(運用基準 II 4(1))。見直しに適切な最も短い期間を定めてください`,
        en: `the usual validity for ${usual.kind.en} is ${usual.years} years (運用基準 II 4(1)); set the shortest period appropriate for review`,
      },
      // Once the designation has been extended or released (format v1.1), its first period is
      // history that later decisions rest on: shortening it would make them late, so no fix.
      fixes: sheet.extensions.length > 0 || sheet.release ? [] : [setValidityFix(sheet, usual.years)],
    });
  },
});
