import { defineRule } from './types';
import { yearsNamed } from '../domain/periodYears';
import { documentSpan, type LinePeriods, type PeriodLines } from '../analysis/sheet';
import { LineFact } from '../analysis/lineFacts';

/** The years each scoped expression of a line names, in order (kept with the line's facts). */
const YEARS = new LineFact<readonly (readonly number[])[]>('summary-period-mismatch:years');

function yearsOf(line: LinePeriods): readonly (readonly number[])[] {
  return line.facts.get(YEARS, (text) => line.scoped.map((p) => yearsNamed(text.slice(p.span.start, p.span.end))));
}

/** The lines that hold scoped period expressions, read as far as the caller iterates. */
function* scopedLines(lines: PeriodLines): Generator<LinePeriods, void, undefined> {
  for (const line of lines) if (line.scoped.length > 0) yield line;
}

/** Whether `a` yields at most as many lines as `b`, reading `b` no further than `a`'s length (plus one). */
function atMostAsMany(a: Iterator<LinePeriods>, b: Iterator<LinePeriods>): boolean {
  for (;;) {
    if (a.next().done) return true;
    if (b.next().done) return false;
  }
}

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
    if (!sheet.sectionContent('対象情報の記述') || !sheet.sectionContent('概要')) return;
    const ownLines = sheet.periodLines('対象情報の記述');
    const theirLines = sheet.periodLines('概要');
    const ownFirst = scopedLines(ownLines).next().value;
    const theirFirst = scopedLines(theirLines).next().value;
    if (!ownFirst || !theirFirst) return;
    // They agree when some year named in the one is named in the other. The side with fewer
    // lines of expressions is read whole (counted in step with the other, which is read only as
    // far), the other only until a shared year turns up (the usual case, and at once): a long
    // description or 概要 is not read whole on every keystroke.
    const theirsFewer = atMostAsMany(scopedLines(theirLines), scopedLines(ownLines));
    const [few, many] = theirsFewer ? [scopedLines(theirLines), scopedLines(ownLines)] : [scopedLines(ownLines), scopedLines(theirLines)];
    const named = new Set<number>();
    for (const line of few) for (const years of yearsOf(line)) for (const y of years) named.add(y);
    // A placeholder year (令和○○年度) names nothing to compare.
    if (named.size === 0) return;
    let manyNamesYears = false;
    for (const line of many) {
      for (const years of yearsOf(line)) {
        if (years.length > 0) manyNamesYears = true;
        if (years.some((y) => named.has(y))) return;
      }
    }
    if (!manyNamesYears) return;
    const span = documentSpan(theirFirst, theirFirst.scoped[0]);
    const ownSpan = documentSpan(ownFirst, ownFirst.scoped[0]);
    const written = sheet.text.slice(span.start, span.end);
    const wanted = sheet.text.slice(ownSpan.start, ownSpan.end);
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
