import { defineRule } from './types';
import { compareDates, formatDate } from '../domain/dates';
import type { SimpleDate, Span } from '../types';

export default defineRule({
  meta: {
    code: 'lifecycle-date-invalid',
    category: 'lifecycle',
    defaultSeverity: 'error',
    basis: '法第4条第2項・第7項; 基準 III',
    fixable: false,
    needsTokens: false,
    description: { ja: '点検・延長の決定・解除の日付が指定の期間と矛盾する', en: 'a review, extension decision or release date contradicts the designation’s period' },
  },
  check({ sheet, report }) {
    const designated = sheet.designationDate;
    const release = sheet.release?.parsed?.date;
    const style = sheet.dateStyle;
    const dates: { date: SimpleDate; span: Span; label: { ja: string; en: string } }[] = [];
    for (const ext of sheet.extensions) {
      const d = ext.decision?.parsed.date;
      if (d) dates.push({ date: d, span: ext.decision!.span, label: { ja: '延長の決定日', en: 'the extension decision date' } });
    }
    for (const r of sheet.reviews) if (r.parsed?.date) dates.push({ date: r.parsed.date, span: r.node.valueSpan, label: { ja: '点検の日', en: 'the review date' } });
    for (const d of dates) {
      if (designated && compareDates(d.date, designated) < 0) {
        const at = formatDate(designated, style);
        report({ span: d.span, message: { ja: `${d.label.ja}が指定年月日(${at})より前です`, en: `${d.label.en} is before the designation date (${at})` } });
      } else if (release && compareDates(d.date, release) > 0) {
        const at = formatDate(release, style);
        report({ span: d.span, message: { ja: `${d.label.ja}が解除の日(${at})より後です(解除された指定は点検も延長もされません)`, en: `${d.label.en} is after the release (${at}); a released designation is neither reviewed nor extended` } });
      }
    }
    const rel = sheet.release;
    if (release && rel) {
      const last = sheet.lastExpiry();
      if (designated && compareDates(release, designated) < 0) {
        const at = formatDate(designated, style);
        report({ span: rel.node.valueSpan, message: { ja: `解除の日が指定年月日(${at})より前です`, en: `the release is before the designation date (${at})` } });
      } else if (last && compareDates(release, last) > 0) {
        const at = formatDate(last, sheet.expiryStyle);
        report({
          span: rel.node.valueSpan,
          message: {
            ja: `解除の日が有効期間の満了日(${at})より後です。満了した指定は満了により効力を失っており、解除するものではありません`,
            en: `the release is after the last expiry (${at}); a lapsed designation has ended by lapse and is not released`,
          },
        });
      }
    }
  },
});
