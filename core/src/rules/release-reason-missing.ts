import { defineRule } from './types';
import { reasonSectionReport } from './support/lifecycle';

export default defineRule({
  meta: {
    code: 'release-reason-missing',
    category: 'lifecycle',
    defaultSeverity: 'warning',
    basis: '法第4条第7項; 基準 III 3',
    fixable: true,
    needsTokens: false,
    description: { ja: '解除があるのに【解除の理由】がない', en: 'a release without 【解除の理由】' },
  },
  check({ sheet, report }) {
    const release = sheet.release;
    if (!release) return;
    const r = reasonSectionReport(
      sheet,
      '解除の理由',
      release.node.lineSpan,
      {
        ja: '解除がありますが、【解除の理由】がありません。指定の要件を欠くに至った理由を記載してください(法第4条第7項)',
        en: 'the sheet has a release (解除) but no 【解除の理由】; state why the requirements no longer hold (法第4条第7項)',
      },
      { ja: '【解除の理由】に内容がありません', en: 'the section 【解除の理由】 is empty' },
    );
    if (r) report(r);
  },
});
