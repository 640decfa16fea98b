import { defineRule } from './types';

// A sheet of a million 【 lines has a million of these diagnostics: their texts are shared.
const MESSAGE = Object.freeze({ ja: '見出しの【に対応する】がありません', en: 'the heading has no closing 】' });
const CHANGE_LAST = Object.freeze({ ja: '最後の【を】に直す', en: 'Change the last 【 to 】' });
const INSERT = Object.freeze({ ja: '】を補う', en: 'Insert 】' });

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
      // 【概要【 is almost always 】 typed as 【: replace that last bracket. Otherwise close every
      // 【 still open (the parser matches them by depth).
      const typo = name.endsWith('【') && name.indexOf('【') === name.length - 1;
      const edit = typo
        ? { span: { start: nameSpan.end - 1, end: nameSpan.end }, newText: '】' }
        : { span: { start: nameSpan.end, end: nameSpan.end }, newText: closing(openBrackets(sheet.text, span.start, span.end)) };
      report({ span, message: MESSAGE, fixes: [{ title: typo ? CHANGE_LAST : INSERT, edits: [edit], isPreferred: true, safe: true }] });
    }
  },
});

/** The 】 that close `open` brackets (at least one). */
function closing(open: number): string {
  return open <= 1 ? '】' : '】'.repeat(open);
}

/** 【 minus 】 in text[start, end). */
function openBrackets(text: string, start: number, end: number): number {
  let open = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3010) open++;
    else if (c === 0x3011) open--;
  }
  return open;
}
