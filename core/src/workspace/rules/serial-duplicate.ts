/** serial-duplicate: two sheets share one 整理番号 (grouped by the normalized number). */
import { normalizeForComparison, othersNamer, type WorkspaceRule } from '../types';

export const serialDuplicate: WorkspaceRule = {
  meta: {
    code: 'serial-duplicate',
    defaultSeverity: 'error',
    basis: '基準 II 3(5)',
    description: { ja: '二つの指定書が同じ整理番号を持つ', en: 'two sheets share one 整理番号' },
  },
  keys(entry) {
    const node = entry.sheet.field('整理番号');
    return node ? [normalizeForComparison(node.value)] : [];
  },
  checkGroup(group, report) {
    // The first few members name each other; the rest are counted (k drafts with a placeholder number: O(k)).
    const othersOf = othersNamer(group);
    for (const s of group) {
      const others = othersOf(s);
      const node = s.sheet.field('整理番号')!;
      report({
        id: s.id,
        span: node.valueSpan,
        message: {
          ja: `整理番号「${node.value}」は ${others.ja} でも使われています(整理番号は指定ごとに一意です)`,
          en: `the serial number "${node.value}" is also used by ${others.en} (each designation needs its own)`,
        },
      });
    }
  },
};
