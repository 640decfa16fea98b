/**
 * summary-duplicate and description-duplicate: two sheets in force with the same 【概要】 /
 * 【対象情報の記述】 once full/half width, blanks and comments are ignored.
 */
import type { SectionName } from '../../domain/format';
import type { Localized, Severity } from '../../types';
import { isInForce } from '../inForce';
import { othersNamer, type WorkspaceRule } from '../types';
import { comparableText, confirmGroups } from '../comparableText';

function textDuplicateRule(options: {
  code: string;
  section: SectionName;
  defaultSeverity: Severity;
  basis: string;
  description: Localized;
  message: (others: Localized) => Localized;
}): WorkspaceRule {
  return {
    meta: { code: options.code, defaultSeverity: options.defaultSeverity, basis: options.basis, description: options.description },
    keys(entry) {
      if (!entry.sheet.sectionContent(options.section) || !isInForce(entry.sheet, entry.config.today)) return [];
      const text = comparableText(entry.sheet, options.section);
      return text ? [text.digest] : [];
    },
    checkGroup(digestGroup, report) {
      // Sheets that share a digest, confirmed by their texts (comparableText.ts).
      for (const group of confirmGroups(digestGroup, (s) => comparableText(s.sheet, options.section)?.text())) {
        if (group.length < 2) continue;
        const othersOf = othersNamer(group);
        for (const s of group) {
          const heading = s.sheet.section(options.section)!.heading;
          report({ id: s.id, span: heading.span, message: options.message(othersOf(s)) });
        }
      }
    },
  };
}

export const summaryDuplicate = textDuplicateRule({
  code: 'summary-duplicate',
  section: '概要',
  defaultSeverity: 'warning',
  basis: '基準 II 3(2); 参議院情報監視審査会(2016)',
  description: { ja: '有効な二つの指定書の【概要】が同じ', en: 'two sheets in force share one 【概要】' },
  message: (others) => ({
    ja: `【概要】が ${others.ja} と同じです(管理簿で指定を区別できるよう、指定ごとに書き分けてください)`,
    en: `the 【概要】 is the same as in ${others.en} (each designation must be distinguishable in the register)`,
  }),
});

export const descriptionDuplicate = textDuplicateRule({
  code: 'description-duplicate',
  section: '対象情報の記述',
  defaultSeverity: 'error',
  basis: '法第3条第1項; 基準 II 1(2)',
  description: { ja: '有効な二つの指定書の【対象情報の記述】が同じ', en: 'two sheets in force share one 【対象情報の記述】' },
  message: (others) => ({
    ja: `【対象情報の記述】が ${others.ja} と同じです(同じ情報を二重に指定しています)`,
    en: `the 【対象情報の記述】 is the same as in ${others.en} (one information designated twice)`,
  }),
});
