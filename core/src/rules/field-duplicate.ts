import { defineRule } from './types';
import { lookupField } from '../domain/format';

export default defineRule({
  meta: {
    code: 'field-duplicate',
    category: 'structure',
    defaultSeverity: 'error',
    basis: '令第4条',
    fixable: true,
    needsTokens: false,
    description: { ja: '繰り返せない欄が二度以上ある', en: 'a non-repeatable field appears twice' },
  },
  check({ sheet, report }) {
    for (const [name, nodes] of sheet.fieldsByName) {
      if (lookupField(name)?.repeatable) continue;
      for (const dup of nodes.slice(1)) {
        // Remove this line, unless the first occurrence is the empty one: then that one goes,
        // so the value written here is kept.
        const removed = !nodes[0].value && dup.value ? nodes[0] : dup;
        report({
          span: dup.lineSpan,
          message: {
            ja: `「${name}」が重複しています(最初は${nodes[0].line + 1}行目)`,
            en: `the field ${name} appears again (first on line ${nodes[0].line + 1})`,
          },
          fixes: [{
            title: removed === dup ? { ja: 'この行を削除する', en: 'Remove this line' } : { ja: `空の${nodes[0].line + 1}行目を削除する`, en: `Remove the empty line ${nodes[0].line + 1}` },
            edits: [sheet.removeLine(removed.line)],
            isPreferred: true,
          }],
        });
      }
    }
  },
});
