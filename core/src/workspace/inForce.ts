/**
 * Whether a designation is in force on `today`: not released (解除) and not lapsed (its last
 * expiry, after every 延長, is not before today). A sheet whose expiry cannot be read counts as
 * in force, so a draft is compared with the others.
 *
 * The parser's lifecycle model (延長 with its decision date, 点検, 解除) is being added
 * separately; until then 解除 is looked up among the raw header fields by name.
 */
import type { SheetModel } from '../analysis/sheet';
import type { SimpleDate } from '../types';
import { compareDates } from '../domain/dates';
import { lastExpiry } from '../rules/expired';

const RELEASE_FIELD = /^(?:指定の)?解除(?:年月日|日)?$/;

export function isReleased(sheet: SheetModel): boolean {
  return sheet.syntax.fields.some((f) => RELEASE_FIELD.test(f.name.normalize('NFKC').replace(/\s+/g, '')) && f.value.trim().length > 0);
}

export function isInForce(sheet: SheetModel, today: SimpleDate): boolean {
  if (isReleased(sheet)) return false;
  const expiry = lastExpiry(sheet);
  return !expiry || compareDates(expiry.date, today) >= 0;
}
