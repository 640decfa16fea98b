/** The expiry in force, which the rules on lapse and on coming expiry both read. */
import type { SheetModel } from '../../analysis/sheet';
import type { SimpleDate, Span } from '../../types';

/**
 * The expiry in force after every 延長 decided on time, and where it shows (that 延長, or 満了日).
 * A 延長 decided after the expiry it extends does not count (extension-decided-late says so).
 */
export function lastExpiry(sheet: SheetModel): { date: SimpleDate; span: Span } | undefined {
  const chain = sheet.effectiveChain;
  const last = chain[chain.length - 1];
  if (last?.node) return { date: last.expiry, span: last.node.valueSpan };
  const written = sheet.date('満了日');
  if (written?.parsed?.date) return { date: written.parsed.date, span: written.node.valueSpan };
  return last ? { date: last.expiry, span: sheet.field('有効期間')!.valueSpan } : undefined;
}
