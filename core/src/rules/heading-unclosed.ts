import { defineRule } from './types';

export default defineRule({
  meta: {
    code: 'heading-unclosed',
    category: 'project',
    defaultSeverity: 'error',
    basis: 'format.md (Line kinds)',
    fixable: true,
    needsTokens: false,
    description: { ja: '見出しの【に対応する】がない', en: 'a heading has no closing 】' },
  },
  check({ sheet, report }) {
    for (const s of sheet.syntax.sections) {
      if (s.heading.closed) continue;
      const { name, nameSpan, span } = s.heading;
      const written = sheet.text.slice(span.start, span.end);
      // 【概要【 is almost always 】 typed as 【: replace that last bracket. Otherwise close every
      // 【 still open (the parser matches them by depth).
      const typo = name.endsWith('【') && !name.slice(0, -1).includes('【');
      const open = [...written].filter((c) => c === '【').length - [...written].filter((c) => c === '】').length;
      const edit = typo
        ? { span: { start: nameSpan.end - 1, end: nameSpan.end }, newText: '】' }
        : { span: { start: nameSpan.end, end: nameSpan.end }, newText: '】'.repeat(Math.max(1, open)) };
      report({
        span: s.heading.span,
        message: { ja: '見出しの【に対応する】がありません', en: 'the heading has no closing 】' },
        fixes: [{ title: typo ? { ja: '最後の【を】に直す', en: 'Change the last 【 to 】' } : { ja: '】を補う', en: 'Insert 】' }, edits: [edit], isPreferred: true, safe: true }],
      });
    }
  },
});
