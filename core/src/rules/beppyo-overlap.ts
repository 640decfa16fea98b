import { defineRule, type Fix } from './types';
import { formatReference, parseReferenceList, type BeppyoRef } from '../domain/beppyo/reference';

/**
 * The 別表's own exclusions (「…に掲げるものを除く。」): the general item on the left does not
 * cover what the items on the right name, so one designation cannot fall under both.
 */
const EXCLUSIONS: { general: [number, string]; specific: [number, string][] }[] = [
  { general: [2, 'ロ'], specific: [[1, 'イ'], [1, 'ニ'], [3, 'イ'], [4, 'イ']] },
  { general: [2, 'ハ'], specific: [[1, 'ロ'], [3, 'ロ'], [4, 'ロ']] },
  { general: [1, 'ヌ'], specific: [[1, 'ヘ']] },
];

const is = (r: BeppyoRef, [gou, kana]: [number, string]) => r.gou === gou && r.kana === kana;
const itemName = ([gou, kana]: [number, string]) => `第${gou}号${kana}`;

export default defineRule({
  meta: {
    code: 'beppyo-overlap',
    category: 'oversight',
    defaultSeverity: 'warning',
    basis: '法別表(「…に掲げるものを除く。」); 基準 II 1(1)',
    fixable: true,
    needsTokens: false,
    description: { ja: '別表自身が互いに除外している事項を併せて挙げている', en: 'the 別表 field names two items the law’s 別表 excludes from each other' },
  },
  check({ sheet, report }) {
    const field = sheet.field('別表');
    if (!field) return;
    const { refs, unreadable } = parseReferenceList(field.value);
    const base = field.valueSpan.start;
    for (const rule of EXCLUSIONS) {
      const general = refs.filter((r) => is(r, rule.general));
      if (general.length === 0) continue;
      const specific = rule.specific.filter((item) => refs.some((r) => is(r, item)));
      if (specific.length === 0) continue;
      const names = specific.map(itemName).join('・');
      const fixes: Fix[] = [];
      // Rewriting the list is safe only when nothing unreadable would be lost.
      if (unreadable.length === 0) {
        const kept = refs.filter((r) => !is(r, rule.general));
        const sep = /[,，]/.test(field.value) && !field.value.includes('、') ? ',' : '、';
        const text = (r: BeppyoRef) => (r.parts.gou && r.text ? r.text : formatReference(r, r.text));
        fixes.push({
          title: { ja: `${itemName(rule.general)}を除き、${names}を残す`, en: `Remove ${itemName(rule.general)}, keeping ${names}` },
          edits: [{ span: field.valueSpan, newText: kept.map(text).join(sep) }],
          isPreferred: true,
        });
      }
      const first = general[0];
      report({
        span: { start: base + first.span.start, end: base + first.span.end },
        message: {
          ja: `別表${itemName(rule.general)}は${names}に掲げるものを除いています(法別表)。一つの指定が両方に当たることはないため、より具体的な${names}だけを挙げてください`,
          en: `the 別表 excludes ${names} from ${itemName(rule.general)} (「…に掲げるものを除く。」); one designation cannot fall under both, so name only the more specific ${names}`,
        },
        fixes,
      });
    }
  },
});
