import { defineRule } from './types';
import { SECTIONS } from '../domain/format';

export default defineRule({
  meta: {
    code: 'section-empty',
    category: 'structure',
    defaultSeverity: 'error',
    basis: '基準 II 3(2); 令第4条第3号',
    fixable: false,
    needsTokens: false,
    description: { ja: '必須の節に内容がない', en: 'a required section has no content' },
  },
  check({ sheet, report }) {
    for (const spec of SECTIONS) {
      const section = sheet.section(spec.name);
      if (!spec.required || !section || section.content.length > 0) continue;
      report({
        span: section.heading.span,
        message: { ja: `節【${spec.name}】に内容がありません`, en: `the section 【${spec.name}】 (${spec.en}) is empty` },
      });
    }
  },
});
