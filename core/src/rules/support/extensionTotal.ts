/** Shared by the 30- and 60-year rules: the first 延長 that takes the total past `years`. */
import type { SheetModel, ExpiryStep } from '../../analysis/sheet';
import { compareDates } from '../../domain/dates';
import { computeExpiry } from '../../domain/periods';

export function firstStepBeyond(sheet: SheetModel, years: number): ExpiryStep | undefined {
  const chain = sheet.expiryChain;
  const start = sheet.designationDate;
  if (!start || chain.length < 2) return undefined;
  const limit = computeExpiry(start, { kind: 'duration', years, months: 0 });
  return chain.slice(1).find((s) => compareDates(s.expiry, limit) > 0);
}
