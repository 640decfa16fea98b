import { defineRule } from './types';
import { SECTIONS } from '../domain/format';

export default defineRule({
  meta: {
    code: 'section-missing',
    category: 'structure',
    defaultSeverity: 'error',
    basis: '基準 II 3(2); 令第4条第3号',
    fixable: true,
    needsTokens: false,
    description: { ja: '必須の節がない', en: 'a required section is absent' },
  },
  check({ sheet, report }) {
    for (const spec of SECTIONS) {
      if (!spec.required || sheet.section(spec.name)) continue;
      report({
        span: sheet.syntax.firstLineSpan,
        message: { ja: `必須の節【${spec.name}】がありません`, en: `the required section 【${spec.name}】 (${spec.en}) is missing` },
        fixes: [{
          title: { ja: `【${spec.name}】を末尾に追加する`, en: `Append 【${spec.name}】` },
          edits: [sheet.appendSection(spec.name, ['○○'])],
        }],
      });
    }
  },
});
