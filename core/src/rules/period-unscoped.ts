import { defineRule, type Fix } from './types';
import { documentSpan } from '../analysis/sheet';
import { fiscalYear, formatYear } from '../domain/dates';

/** Descriptions of collected information (基準 II 3(3): 「平成○○年中に入手した衛星画像情報」). */
const COLLECTED = /収集|入手|提供を受け|提供され|傍受|画像情報|電波情報/;
/** 別表 items that are collected information: 1号ロ, 2号ハ, 3号ロ, 4号ロ. */
const COLLECTED_ITEM = /第\s*[1１一]\s*号\s*ロ|第\s*[2２二]\s*号\s*ハ|第\s*[3３三]\s*号\s*ロ|第\s*[4４四]\s*号\s*ロ/;

export default defineRule({
  meta: {
    code: 'period-unscoped',
    category: 'description',
    defaultSeverity: 'warning',
    basis: '基準 II 3(3); 基準 II 1(4)ウ',
    fixable: true,
    needsTokens: false,
    description: { ja: '対象情報の記述に期間の限定がない', en: 'the description has no period expression' },
  },
  check({ sheet, config, report }) {
    const description = sheet.sectionContent('対象情報の記述');
    if (!description) return;
    const lines = sheet.periodLines('対象情報の記述');
    if (lines.some((l) => l.scoped.length > 0)) return;
    const style = sheet.dateStyle;
    const day = sheet.designationDate ?? config.today;
    const insertAt = description.span.start;
    const fy = formatYear(fiscalYear(day), style, '年度');
    const fixes: Fix[] = [{
      title: { ja: `先頭に「${fy}の」を入れる`, en: `Insert ${fy}の at the start` },
      edits: [{ span: { start: insertAt, end: insertAt }, newText: `${fy}の` }],
      isPreferred: true,
    }];
    // Read only when there is no period (then the rule reports, and a fix is built once).
    const collected = COLLECTED.test(description.text) || COLLECTED_ITEM.test(sheet.field('別表')?.value ?? '');
    if (collected) {
      const year = formatYear(day.year, style, '年中に入手した');
      fixes.push({
        title: { ja: `先頭に「${year}」を入れる`, en: `Insert ${year} at the start` },
        edits: [{ span: { start: insertAt, end: insertAt }, newText: year }],
      });
    }
    const withOpenEnd = lines.find((l) => l.openEnded.length > 0);
    if (withOpenEnd) {
      const open = withOpenEnd.openEnded[0];
      report({
        span: documentSpan(withOpenEnd, open),
        message: {
          ja: `「${open.word}」は終わりのない期間で、範囲を区切っていません。「令和8年度」「令和8年4月から令和9年3月まで」のように期間を区切ってください(運用基準 II 3(3))`,
          en: `"${open.word}" leaves the period open-ended, which does not scope it; close it, e.g. 令和8年度 or 令和8年4月から令和9年3月まで (運用基準 II 3(3))`,
        },
        fixes,
      });
      return;
    }
    const first = description.section.content[0].span;
    report({
      span: first,
      message: {
        ja: '対象情報の記述に期間の限定がありません。「令和8年度○○計画」「令和8年中に入手した○○」のように期間を区切ってください(運用基準 II 3(3))',
        en: 'the description is not scoped to a period; scope it, e.g. 令和8年度○○計画 or 令和8年中に入手した○○ (運用基準 II 3(3))',
      },
      fixes,
    });
  },
});
