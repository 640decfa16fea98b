import { defineRule } from './types';
import { FIELDS, lookupField } from '../domain/format';
import { nearest } from './support/util';

const NAMES = FIELDS.flatMap((f) => [f.name, ...f.aliases]);

export default defineRule({
  meta: {
    code: 'field-unknown',
    category: 'structure',
    defaultSeverity: 'warning',
    basis: '令第4条; 基準 II 3(5)',
    fixable: true,
    needsTokens: false,
    description: { ja: '欄の名前が正式名称でも別名でもない', en: 'a field name is neither canonical nor an alias' },
  },
  check({ sheet, report }) {
    for (const f of sheet.syntax.fields) {
      if (lookupField(f.name)) continue;
      const guess = nearest(f.name, NAMES);
      const canonical = guess ? lookupField(guess)!.name : undefined;
      // Renaming onto a field that is already there would only trade this for field-duplicate.
      const renamable = canonical && (lookupField(canonical)!.repeatable || !sheet.fieldsByName.has(canonical));
      report({
        span: f.nameSpan,
        message: guess
          ? { ja: `未知の欄「${f.name}」です。「${canonical}」のことですか`, en: `unknown field "${f.name}"; did you mean ${canonical}?` }
          : { ja: `未知の欄「${f.name}」です`, en: `unknown field "${f.name}"` },
        fixes: renamable
          ? [{ title: { ja: `「${canonical}」に直す`, en: `Rename to ${canonical}` }, edits: [{ span: f.nameSpan, newText: canonical }], isPreferred: true }]
          : [],
      });
    }
  },
});
