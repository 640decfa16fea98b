import { defineRule } from './types';
import type { Localized } from '../types';
import { SECTIONS, lookupSection, type SectionName } from '../domain/format';
import { nearest } from './support/util';

const NAMES = SECTIONS.flatMap((s) => [s.name, ...s.aliases]);

export default defineRule({
  meta: {
    code: 'section-unknown',
    category: 'structure',
    defaultSeverity: 'warning',
    basis: '基準 II 3(2)',
    fixable: true,
    needsTokens: false,
    description: { ja: '見出しが既知の節名でない', en: 'a heading is not a known section' },
  },
  check({ sheet, report }) {
    // A sheet can repeat one unknown heading hundreds of thousands of times: the nearest name,
    // the message and the fix's title are worked out once per name.
    const known = new Map<string, { canonical?: SectionName; message: Localized; title?: Localized }>();
    for (const s of sheet.syntax.sections) {
      // An unclosed heading's name runs to the end of the line: heading-unclosed reports it.
      if (!s.heading.closed || lookupSection(s.heading.name)) continue;
      const name = s.heading.name;
      let found = known.get(name);
      if (!found) {
        const guess = nearest(name, NAMES);
        const canonical = guess ? lookupSection(guess)!.name : undefined;
        found = canonical
          ? {
            canonical,
            message: { ja: `未知の節【${name}】です。【${canonical}】のことですか`, en: `unknown section 【${name}】; did you mean 【${canonical}】?` },
            title: { ja: `【${canonical}】に直す`, en: `Rename to 【${canonical}】` },
          }
          : { message: { ja: `未知の節【${name}】です`, en: `unknown section 【${name}】` } };
        known.set(name, found);
      }
      const { canonical, message, title } = found;
      // A second heading of a section that is there would shadow the real one.
      const renamable = canonical && title && !sheet.section(canonical);
      report({
        span: s.heading.span,
        message,
        fixes: renamable ? [{ title, edits: [{ span: s.heading.nameSpan, newText: canonical }], isPreferred: true }] : [],
      });
    }
  },
});
