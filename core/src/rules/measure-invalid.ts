import { defineRule } from './types';
import { MEASURES } from '../domain/format';

export default defineRule({
  meta: {
    code: 'measure-invalid',
    category: 'agency',
    defaultSeverity: 'error',
    basis: '法第3条第2項; 令第4条第5号',
    fixable: true,
    needsTokens: false,
    description: { ja: '措置が「表示」「通知」のいずれでもない', en: '措置 is neither 表示 nor 通知' },
  },
  check({ sheet, report }) {
    const node = sheet.field('措置');
    if (!node) return;
    const value = node.value.replace(/[\s\u3000]/g, '');
    if (MEASURES.some((m) => m.forms.includes(value))) return;
    report({
      span: node.valueSpan,
      message: {
        ja: `措置「${node.value}」は「表示」(法第3条第2項第1号)又は「通知」(同第2号)のいずれかです`,
        en: `措置 "${node.value}" must be 表示 (法第3条第2項第1号) or 通知 (第2号)`,
      },
      fixes: MEASURES.map((m) => ({
        title: { ja: `「${m.value}」にする`, en: `Change to ${m.value}` },
        edits: [{ span: node.valueSpan, newText: m.value }],
      })),
    });
  },
});
