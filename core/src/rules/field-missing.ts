import { defineRule, type Fix } from './types';
import { FIELDS, type FieldName } from '../domain/format';
import { formatDate } from '../domain/dates';
import { MEASURES } from '../domain/format';

/** Fields with rules of their own for absence: validity-missing and beppyo-missing. */
const OWN_CODES: ReadonlySet<FieldName> = new Set(['有効期間', '別表']);

export default defineRule({
  meta: {
    code: 'field-missing',
    category: 'structure',
    defaultSeverity: 'error',
    basis: '令第4条; 基準 II 3(5)',
    fixable: true,
    needsTokens: false,
    description: { ja: '必須の欄がない、又は空である', en: 'a required field is absent or empty' },
  },
  check({ sheet, report }) {
    for (const spec of FIELDS) {
      if (!spec.required || OWN_CODES.has(spec.name) || sheet.field(spec.name)) continue;
      const empty = sheet.fieldLine(spec.name);
      const fixes: Fix[] = [];
      const insert = (value: string) =>
        empty
          ? { span: { start: empty.valueSpan.start, end: empty.lineSpan.end }, newText: value }
          : sheet.insertFieldLine(spec.name, value);
      if (spec.name === '満了日' && sheet.computedExpiry) {
        const value = formatDate(sheet.computedExpiry, sheet.dateStyle);
        fixes.push({
          title: { ja: `満了日「${value}」を記入する`, en: `Insert 満了日 ${value}` },
          edits: [insert(value)],
          isPreferred: true,
          safe: true,
        });
      } else if (spec.name === '措置') {
        for (const m of MEASURES) {
          fixes.push({
            title: { ja: `措置「${m.value}」(${m.basis})を記入する`, en: `Insert 措置 ${m.value} (${m.basis})` },
            edits: [insert(m.value)],
          });
        }
      }
      report({
        span: empty ? empty.lineSpan : sheet.syntax.firstLineSpan,
        message: empty
          ? { ja: `「${spec.name}」が空です`, en: `the field ${spec.name} (${spec.en}) is empty` }
          : { ja: `必須の欄「${spec.name}」がありません`, en: `the required field ${spec.name} (${spec.en}) is missing` },
        fixes,
      });
    }
  },
});
