import { defineRule } from './types';
import { yearsNamed } from '../domain/periodYears';

export default defineRule({
  meta: {
    code: 'summary-period-mismatch',
    category: 'oversight',
    defaultSeverity: 'warning',
    basis: '基準 II 3(3); 令第4条第3号',
    fixable: true,
    needsTokens: false,
    description: { ja: '概要の期間が対象情報の記述の期間と食い違う', en: 'the summary names another period than the description' },
  },
  check({ sheet, report }) {
    const description = sheet.sectionContent('対象情報の記述');
    const summary = sheet.sectionContent('概要');
    if (!description || !summary) return;
    const own = sheet.periodExpressions('対象情報の記述')!.scoped;
    const theirs = sheet.periodExpressions('概要')!.scoped;
    if (own.length === 0 || theirs.length === 0) return;
    // A placeholder year (令和○○年度) names nothing to compare.
    const summaryYears = new Set(theirs.flatMap((p) => yearsNamed(summary.text.slice(p.span.start, p.span.end))));
    if (summaryYears.size === 0) return;
    // The description's expressions are read only until one shares a year with the 概要 (the
    // usual case, and at once): a long description is not read whole on every keystroke.
    let ownNamesYears = false;
    for (const p of own) {
      const years = yearsNamed(description.text.slice(p.span.start, p.span.end));
      if (years.length > 0) ownNamesYears = true;
      if (years.some((y) => summaryYears.has(y))) return;
    }
    if (!ownNamesYears) return;
    const written = summary.text.slice(theirs[0].span.start, theirs[0].span.end);
    const wanted = description.text.slice(own[0].span.start, own[0].span.end);
    const span = { start: summary.span.start + theirs[0].span.start, end: summary.span.start + theirs[0].span.end };
    report({
      span,
      message: {
        ja: `概要の期間「${written}」が、対象情報の記述の期間「${wanted}」と食い違っています(前年の指定書から写したままではありませんか。運用基準 II 3(3))`,
        en: `the summary's period "${written}" differs from the description's "${wanted}" (copied from last year's sheet?; 運用基準 II 3(3))`,
      },
      fixes: [{
        title: { ja: `「${written}」を「${wanted}」にする`, en: `Replace ${written} with ${wanted}` },
        edits: [{ span, newText: wanted }],
        isPreferred: true,
      }],
    });
  },
});
