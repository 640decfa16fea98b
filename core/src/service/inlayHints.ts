/**
 * Inlay hints: after 有効期間 (and each 延長) the computed 満了日; after the expiry in force
 * (満了日, or the last 延長 decided on time) the days left until it, counted from `today`.
 * v1.1: a released designation says so after its 解除 instead of counting days.
 */
import type { SheetModel } from '../analysis/sheet';
import { localize, type Locale, type SimpleDate } from '../types';
import { daysBetween, formatDate } from '../domain/dates';

export interface InlayHintEntry {
  offset: number;
  label: string;
  tooltip: string;
}

export function inlayHints(sheet: SheetModel, locale: Locale, today?: SimpleDate): InlayHintEntry[] {
  const chain = sheet.expiryChain;
  const hints: InlayHintEntry[] = chain.map((step, i) => {
    const node = step.node ?? sheet.field('有効期間')!;
    const date = formatDate(step.expiry, sheet.expiryStyle);
    return {
      offset: node.valueSpan.end,
      label: localize({ ja: ` → 満了日 ${date}`, en: ` → expires ${date}` }, locale),
      tooltip: localize(i === 0
        ? { ja: '指定年月日から起算(法第4条第1項、民法第143条)', en: 'counted from the designation day (法第4条第1項; 民法第143条)' }
        : { ja: '前の満了日の翌日から起算(法第4条第1項、民法第143条)', en: 'counted from the day after the previous expiry (法第4条第1項; 民法第143条)' }, locale),
    };
  });
  if (!today) return hints;
  const release = sheet.release;
  if (release) {
    hints.push({
      offset: release.node.valueSpan.end,
      label: localize({ ja: ' 解除済み', en: ' released' }, locale),
      tooltip: localize({ ja: '解除された指定です(満了までの日数は数えません)', en: 'the designation was released (no days left to count)' }, locale),
    });
    return hints;
  }
  // The expiry in force: a 延長 decided after the expiry it extends does not count.
  const effective = sheet.effectiveChain;
  const last = effective[effective.length - 1];
  const written = sheet.date('満了日');
  const expiry = last?.node ? last.expiry : written?.parsed?.date ?? last?.expiry;
  const node = last?.node ?? written?.node;
  if (!expiry || !node) return hints;
  const days = daysBetween(today, expiry);
  hints.push({
    offset: node.valueSpan.end,
    label: localize(days >= 0 ? { ja: ` 残り${days}日`, en: ` ${days} days left` } : { ja: ` 満了済み(${-days}日前)`, en: ` expired ${-days} days ago` }, locale),
    tooltip: localize({ ja: `${formatDate(today, sheet.dateStyle)}現在`, en: `as of ${formatDate(today, sheet.dateStyle)}` }, locale),
  });
  return hints;
}
