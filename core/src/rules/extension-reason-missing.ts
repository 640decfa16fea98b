import { defineRule } from './types';
import { reasonSectionReport } from './support/lifecycle';

export default defineRule({
  meta: {
    code: 'extension-reason-missing',
    category: 'lifecycle',
    defaultSeverity: 'warning',
    basis: '法第4条第2項; 基準 III 1',
    fixable: true,
    needsTokens: false,
    description: { ja: '延長があるのに【延長の理由】がない', en: 'an extension without 【延長の理由】' },
  },
  check({ sheet, report }) {
    const first = sheet.extensions[0];
    if (!first) return;
    const r = reasonSectionReport(
      sheet,
      '延長の理由',
      first.node.lineSpan,
      {
        ja: '延長がありますが、【延長の理由】がありません。延長の時点で法第3条第1項の要件(別表該当性・非公知性・特段の秘匿の必要性)を満たすことを記載してください(法第4条第2項)',
        en: 'the sheet has an extension but no 【延長の理由】; state why the requirements of 法第3条第1項 still hold when extending (法第4条第2項)',
      },
      { ja: '【延長の理由】に内容がありません', en: 'the section 【延長の理由】 is empty' },
    );
    if (r) report(r);
  },
});
