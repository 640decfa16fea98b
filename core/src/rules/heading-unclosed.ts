import { defineRule } from './types';

export default defineRule({
  meta: {
    code: 'heading-unclosed',
    defaultSeverity: 'error',
    basis: 'format.md (Line kinds)',
    fixable: true,
    needsTokens: false,
    description: { ja: '見出しの【に対応する】がない', en: 'a heading has no closing 】' },
  },
  check({ sheet, report }) {
    for (const s of sheet.syntax.sections) {
      if (s.heading.closed) continue;
      const at = s.heading.nameSpan.end;
      report({
        span: s.heading.span,
        message: { ja: '見出しの【に対応する】がありません', en: 'the heading has no closing 】' },
        fixes: [{ title: { ja: '】を補う', en: 'Insert 】' }, edits: [{ span: { start: at, end: at }, newText: '】' }], isPreferred: true, safe: true }],
      });
    }
  },
});
