import { defineRule } from './types';
import { yearsNamed } from '../domain/periodYears';
import { documentSpan } from '../analysis/sheet';
import type { Span } from '../types';

export default defineRule({
  meta: {
    code: 'summary-period-unscoped',
    category: 'oversight',
    defaultSeverity: 'warning',
    basis: '基準 II 3(3); 令第4条第3号',
    fixable: true,
    needsTokens: false,
    description: { ja: '対象情報の記述には期間の限定があるのに、概要にはない', en: 'the description is scoped to a period but the summary is not' },
  },
  check({ sheet, report }) {
    const description = sheet.sectionContent('対象情報の記述');
    const summary = sheet.sectionContent('概要');
    if (!description || !summary) return;
    // A placeholder period (令和○○年度) is not finished: placeholder-unfilled says so, and there is nothing to copy yet.
    let own: Span | undefined;
    for (const line of sheet.periodLines('対象情報の記述')) {
      const p = line.scoped.find((e) => e.kind !== 'placeholder');
      if (p) {
        own = documentSpan(line, p);
        break;
      }
    }
    if (!own) return; // period-unscoped says so
    if (sheet.periodLines('概要').some((l) => l.scoped.length > 0)) return;
    // The 概要 is a terse title: a year written in it (令和8年3月策定の…) scopes it too.
    if (yearsNamed(summary.text).length > 0) return;
    const first = sheet.text.slice(own.start, own.end);
    const at = summary.span.start;
    report({
      span: summary.section.content[0].span,
      message: {
        ja: `対象情報の記述は「${first}」と期間を区切っていますが、概要(管理簿に記載する概要)には期間の限定がありません。概要も記述と同じように期間を区切ってください(運用基準 II 3(3))`,
        en: `the description is scoped to a period ("${first}") but the summary (the register's 概要) is not; scope it the same way (運用基準 II 3(3))`,
      },
      fixes: [{
        title: { ja: `概要の先頭に「${first}の」を入れる`, en: `Insert ${first}の at the start of the summary` },
        edits: [{ span: { start: at, end: at }, newText: `${first}の` }],
        isPreferred: true,
      }],
    });
  },
});
