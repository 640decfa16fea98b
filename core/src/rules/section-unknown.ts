import { defineRule } from './types';
import { SECTIONS, lookupSection } from '../domain/format';
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
    for (const s of sheet.syntax.sections) {
      // An unclosed heading's name runs to the end of the line: heading-unclosed reports it.
      if (!s.heading.closed || lookupSection(s.heading.name)) continue;
      const guess = nearest(s.heading.name, NAMES);
      const canonical = guess ? lookupSection(guess)!.name : undefined;
      // A second heading of a section that is there would shadow the real one.
      const renamable = canonical && !sheet.section(canonical);
      const name = s.heading.name;
      report({
        span: s.heading.span,
        message: canonical
          ? { ja: `未知の節【${name}】です。【${canonical}】のことですか`, en: `unknown section 【${name}】; did you mean 【${canonical}】?` }
          : { ja: `未知の節【${name}】です`, en: `unknown section 【${name}】` },
        fixes: renamable
          ? [{ title: { ja: `【${canonical}】に直す`, en: `Rename to 【${canonical}】` }, edits: [{ span: s.heading.nameSpan, newText: canonical }], isPreferred: true }]
          : [],
      });
    }
  },
});
