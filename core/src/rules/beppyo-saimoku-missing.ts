import { defineRule } from './types';
import { checkReference, parseReferenceList } from '../domain/beppyo/reference';

export default defineRule({
  meta: {
    code: 'beppyo-saimoku-missing',
    category: 'beppyo',
    defaultSeverity: 'warning',
    basis: '基準 II 1(1)',
    fixable: true,
    needsTokens: false,
    description: { ja: '細目がある事項なのに細目を挙げていない', en: 'the item has several 細目 and the reference names none' },
  },
  check({ sheet, report }) {
    const node = sheet.field('別表');
    if (!node) return;
    const base = node.valueSpan.start;
    for (const ref of parseReferenceList(node.value).refs) {
      const result = checkReference(ref);
      if (result.status !== 'saimoku-missing') continue;
      const span = { start: base + ref.span.start, end: base + ref.span.end };
      const written = node.value.slice(ref.span.start, ref.span.end);
      report({
        span,
        message: {
          ja: `「${written}」には細目があります。該当する細目(${result.options.join('、')})を挙げてください(運用基準 II 1(1))`,
          en: `"${written}" has 細目; name the one that applies (${result.options.join(', ')}) (運用基準 II 1(1))`,
        },
        fixes: result.options.map((option) => ({
          title: { ja: `「${option}」にする`, en: `Change to ${option}` },
          edits: [{ span, newText: option }],
        })),
      });
    }
  },
});
