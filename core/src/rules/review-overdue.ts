import { defineRule } from './types';
import { compareDates, daysBetween, formatDate } from '../domain/dates';
import type { SimpleDate, Span } from '../types';

/** 運用基準 III 2(1) (2020 revision): the 指定の理由 is reviewed at least once a year. */
const REVIEW_INTERVAL_DAYS = 365;

export default defineRule({
  meta: {
    code: 'review-overdue',
    category: 'lifecycle',
    defaultSeverity: 'warning',
    basis: '基準 III 2(1)',
    fixable: false,
    needsTokens: false,
    description: { ja: '指定の理由の点検が1年以上行われていない', en: 'the reason has not been reviewed for over a year' },
  },
  check({ sheet, config, report }) {
    if (sheet.state(config.today) !== 'in-force') return;
    const designated = sheet.date('指定年月日');
    if (!designated?.parsed?.date) return;
    // The latest of: the designation, each 延長 (its decision, else the day it takes effect), each 点検.
    let latest: { date: SimpleDate; span: Span; kind: 'designation' | 'extension' | 'review' } = {
      date: designated.parsed.date, span: designated.node.valueSpan, kind: 'designation',
    };
    const consider = (date: SimpleDate, span: Span, kind: typeof latest.kind) => {
      if (compareDates(date, latest.date) >= 0) latest = { date, span, kind };
    };
    for (const step of sheet.expiryChain.slice(1)) consider(step.decided ?? step.start, step.node!.valueSpan, 'extension');
    for (const r of sheet.reviews) if (r.parsed?.date) consider(r.parsed.date, r.node.valueSpan, 'review');
    const days = daysBetween(latest.date, config.today);
    if (days <= REVIEW_INTERVAL_DAYS) return;
    const date = formatDate(latest.date, sheet.dateStyle);
    const what = { designation: { ja: '指定', en: 'the designation' }, extension: { ja: '延長', en: 'the last extension' }, review: { ja: '最後の点検', en: 'the last review' } }[latest.kind];
    report({
      span: latest.span,
      message: {
        ja: `${what.ja}(${date})から${days}日が経過していますが、その後の点検(指定の理由の点検)の記載がありません。指定の理由は少なくとも1年に1回点検します(運用基準 III 2(1))`,
        en: `${days} days have passed since ${what.en} (${date}) with no later review (点検) recorded; the reason for designation is reviewed at least once a year (運用基準 III 2(1))`,
      },
    });
  },
});
