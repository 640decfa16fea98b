import { defineRule } from './types';
import { checkReference, parseReferenceList } from '../domain/beppyo/reference';

export default defineRule({
  meta: {
    code: 'beppyo-invalid',
    category: 'beppyo',
    defaultSeverity: 'error',
    basis: '法別表; 令第4条第4号; 基準 II 1(1)',
    fixable: true,
    needsTokens: false,
    description: { ja: '存在しない号・事項・細目を挙げている', en: 'a reference names a 号, item, 細目 or sub-item that does not exist' },
  },
  check({ sheet, report }) {
    const node = sheet.field('別表');
    if (!node) return;
    const base = node.valueSpan.start;
    const { refs, unreadable } = parseReferenceList(node.value);
    for (const span of unreadable) {
      const text = node.value.slice(span.start, span.end);
      report({
        span: { start: base + span.start, end: base + span.end },
        message: {
          ja: `「${text}」は別表の事項として読めません(「別表第1号イa(a)」のように書きます)`,
          en: `"${text}" cannot be read as a 別表 reference (write e.g. 別表第1号イa(a))`,
        },
      });
    }
    for (const ref of refs) {
      const result = checkReference(ref);
      if (result.status !== 'invalid') continue;
      const span = { start: base + ref.span.start, end: base + ref.span.end };
      report({
        span,
        message: result.message,
        fixes: result.suggestion
          ? [{ title: { ja: `「${result.suggestion}」に直す`, en: `Change to ${result.suggestion}` }, edits: [{ span, newText: result.suggestion }], isPreferred: true }]
          : [],
      });
    }
  },
});
