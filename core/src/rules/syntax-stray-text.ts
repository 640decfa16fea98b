import { defineRule } from './types';
import { trimSpan } from '../text/normalize';

export default defineRule({
  meta: {
    code: 'syntax-stray-text',
    category: 'structure',
    defaultSeverity: 'error',
    basis: 'format.md (Line kinds)',
    fixable: false,
    needsTokens: false,
    description: { ja: 'ヘッダの行が欄・注釈・空行のいずれでもない', en: 'a header line is neither field, comment nor blank' },
  },
  check({ sheet, report }) {
    for (const line of sheet.syntax.strayLines) {
      report({
        span: trimSpan(sheet.text, line.start, line.end),
        message: {
          ja: 'ヘッダ(最初の見出しより前)の行は「名前：値」の形で書いてください',
          en: 'header lines (before the first heading) must be fields written as 名前：値',
        },
      });
    }
  },
});
