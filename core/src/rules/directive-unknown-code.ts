import { defineRule } from './types';
import { ALL_CODES } from './codes';
import { nearest } from './support/util';

export default defineRule({
  meta: {
    code: 'directive-unknown-code',
    category: 'structure',
    defaultSeverity: 'warning',
    basis: 'format.md (Line kinds)',
    fixable: true,
    needsTokens: false,
    description: { ja: '無効化指示が未知の規則コードを挙げている', en: 'a disable directive names no known rule' },
  },
  check({ sheet, report }) {
    for (const d of sheet.syntax.directives) {
      for (const c of d.codes) {
        if (ALL_CODES.has(c.code)) continue;
        const guess = nearest(c.code, [...ALL_CODES]);
        report({
          span: c.span,
          message: guess
            ? { ja: `無効化指示の規則コード「${c.code}」は存在しません。「${guess}」のことですか`, en: `the directive names an unknown rule "${c.code}"; did you mean "${guess}"?` }
            : { ja: `無効化指示の規則コード「${c.code}」は存在しません`, en: `the directive names an unknown rule "${c.code}"` },
          fixes: guess ? [{ title: { ja: `「${guess}」に直す`, en: `Change to ${guess}` }, edits: [{ span: c.span, newText: guess }], isPreferred: true }] : [],
        });
      }
    }
  },
});
