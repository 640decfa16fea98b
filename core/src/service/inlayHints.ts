/** An inlay hint after 有効期間 (and each 延長) with the computed 満了日. */
import type { SheetModel } from '../analysis/sheet';
import type { Locale } from '../types';
import { formatDate } from '../domain/dates';

export interface InlayHintEntry {
  offset: number;
  label: string;
  tooltip: string;
}

export function inlayHints(sheet: SheetModel, locale: Locale): InlayHintEntry[] {
  return sheet.expiryChain.map((step, i) => {
    const node = step.node ?? sheet.field('有効期間')!;
    const date = formatDate(step.expiry, sheet.expiryStyle);
    return {
      offset: node.valueSpan.end,
      label: locale === 'ja' ? ` → 満了日 ${date}` : ` → expires ${date}`,
      tooltip: locale === 'ja'
        ? `${i === 0 ? '指定年月日' : '前の満了日の翌日'}から起算(法第4条第1項、民法第143条)`
        : `counted from ${i === 0 ? 'the designation day' : 'the day after the previous expiry'} (法第4条第1項; 民法第143条)`,
    };
  });
}
