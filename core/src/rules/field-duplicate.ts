import { defineRule } from './types';
import { lookupField } from '../domain/format';

export default defineRule({
  meta: {
    code: 'field-duplicate',
    defaultSeverity: 'error',
    basis: '令第4条',
    fixable: true,
    needsTokens: false,
    description: { ja: '繰り返せない欄が二度以上ある', en: 'a non-repeatable field appears twice' },
  },
  check({ sheet, report }) {
    for (const [name, nodes] of sheet.fieldsByName) {
      if (lookupField(name)?.repeatable) continue;
      const idx = sheet.syntax.lineIndex;
      for (const dup of nodes.slice(1)) {
        // Remove the whole line including its line break, so nothing else moves.
        const start = idx.lineStarts[dup.line];
        const end = dup.line + 1 < idx.lineCount ? idx.lineStarts[dup.line + 1] : sheet.text.length;
        report({
          span: dup.lineSpan,
          message: {
            ja: `「${name}」が重複しています(最初は${nodes[0].line + 1}行目)`,
            en: `the field ${name} appears again (first on line ${nodes[0].line + 1})`,
          },
          fixes: [{
            title: { ja: 'この行を削除する', en: 'Remove this line' },
            edits: [{ span: { start, end }, newText: '' }],
            isPreferred: true,
          }],
        });
      }
    }
  },
});
