import { defineRule } from './types';
import { lookupSection } from '../domain/format';
import type { SectionNode } from '../syntax/ast';
import type { SheetModel } from '../analysis/sheet';
import type { Localized, TextEdit } from '../types';

const REMOVE_EMPTY = Object.freeze({ ja: 'この空の見出しを削除する', en: 'Remove this empty heading' });

export default defineRule({
  meta: {
    code: 'section-duplicate',
    category: 'structure',
    defaultSeverity: 'error',
    basis: '令第4条; 基準 II 3(2)',
    fixable: true,
    needsTokens: false,
    description: { ja: '同じ節が二度以上ある', en: 'a section appears twice' },
  },
  check({ sheet, report }) {
    // Per section name: its first heading, and the texts every later one is reported with (a
    // sheet can repeat one heading hundreds of thousands of times; the texts are made once).
    const first = new Map<string, { section: SectionNode; message: Localized; moveTitle: Localized }>();
    for (const section of sheet.syntax.sections) {
      const spec = lookupSection(section.heading.name);
      if (!spec) continue;
      const earlier = first.get(spec.name);
      if (!earlier) {
        const firstLine = section.heading.line + 1;
        first.set(spec.name, {
          section,
          message: {
            ja: `節【${spec.name}】が重複しています(最初は${firstLine}行目)。二つ目の内容は検査にも管理簿にも使われません`,
            en: `the section 【${spec.name}】 appears again (first on line ${firstLine}); the checks and the register read only the first`,
          },
          moveTitle: { ja: `内容を${firstLine}行目の【${spec.name}】の末尾に移す`, en: `Move the content to the end of 【${spec.name}】 on line ${firstLine}` },
        });
        continue;
      }
      report({
        span: section.heading.span,
        message: earlier.message,
        fixes: [section.content.length === 0
          ? {
            title: REMOVE_EMPTY,
            edits: [sheet.removeLine(section.heading.line)],
            isPreferred: true,
            safe: true,
          }
          : {
            title: earlier.moveTitle,
            edits: mergeInto(sheet, earlier.section, section),
            isPreferred: true,
          }],
      });
    }
  },
});

/** Moves `dup`'s content to the end of `target` and removes `dup` (heading and content lines). */
function mergeInto(sheet: SheetModel, target: SectionNode, dup: SectionNode): TextEdit[] {
  const idx = sheet.syntax.lineIndex;
  const text = sheet.text;
  // What moves: from the first content (text after 】, else the first non-blank line under the
  // heading, so comments and directives among the content go along) to the last content line.
  // Moved text takes the document's line ending (a mixed-ending draft gets no new odd break).
  let from = dup.content[0].span.start;
  if (dup.content[0].line !== dup.heading.line) {
    let line = dup.heading.line + 1;
    while (line < dup.content[0].line && sheet.syntax.lines[line]?.kind === 'blank') line++;
    from = idx.lineStarts[line];
  }
  const content = text.slice(from, dup.content[dup.content.length - 1].span.end).replace(/\r\n|\r|\n/g, sheet.eol);
  const lastTargetLine = target.content.length ? target.content[target.content.length - 1].line : target.heading.line;
  const insertAt = idx.lineEnd(lastTargetLine);
  const lastDupLine = dup.content[dup.content.length - 1].line;
  const removeTo = lastDupLine + 1 < idx.lineCount ? idx.lineStarts[lastDupLine + 1] : text.length;
  // The blank lines that separated the removed section go too, when a blank line or the end of
  // the text follows it: else two blank lines would be left where one was.
  const isBlank = (line: number) => sheet.syntax.lines[line]?.kind === 'blank';
  const blankAfter = removeTo >= text.length || isBlank(lastDupLine + 1);
  let fromLine = dup.heading.line;
  while (blankAfter && fromLine - 1 > lastTargetLine && isBlank(fromLine - 1)) fromLine--;
  const removeFrom = idx.lineStarts[fromLine];
  return [
    { span: { start: insertAt, end: insertAt }, newText: sheet.eol + content },
    { span: { start: removeFrom, end: removeTo }, newText: '' },
  ];
}
