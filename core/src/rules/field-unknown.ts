import { defineRule } from './types';
import { FIELDS, lookupField, type FieldName } from '../domain/format';
import type { Localized } from '../types';
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
    // A header can repeat one unknown name hundreds of thousands of times: the nearest name,
    // the message and the fix's title are worked out once per name.
    const known = new Map<string, { canonical?: FieldName; message: Localized; title?: Localized }>();
    for (const f of sheet.syntax.fields) {
      if (lookupField(f.name)) continue;
      let found = known.get(f.name);
      if (!found) {
        const guess = nearest(f.name, NAMES);
        const canonical = guess ? lookupField(guess)!.name : undefined;
        // Renaming onto a field that is already there would only trade this for field-duplicate.
        const renamable = canonical && (lookupField(canonical)!.repeatable || !sheet.fieldsByName.has(canonical));
        found = {
          canonical: renamable ? canonical : undefined,
          message: guess
            ? { ja: `未知の欄「${f.name}」です。「${canonical}」のことですか`, en: `unknown field "${f.name}"; did you mean ${canonical}?` }
            : { ja: `未知の欄「${f.name}」です`, en: `unknown field "${f.name}"` },
          title: renamable ? { ja: `「${canonical}」に直す`, en: `Rename to ${canonical}` } : undefined,
        };
        known.set(f.name, found);
      }
      const { canonical, message, title } = found;
      report({
        span: f.nameSpan,
        message,
        fixes: canonical && title ? [{ title, edits: [{ span: f.nameSpan, newText: canonical }], isPreferred: true }] : [],
      });
    }
  },
});
