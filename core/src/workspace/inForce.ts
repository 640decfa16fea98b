/**
 * Whether a designation is in force on `today`: neither released (解除) nor lapsed (its last
 * expiry, after every 延長 decided on time, is before today) — the state of format v1.1
 * (designationState in ../analysis/sheet.ts). The workspace rules that compare designations in
 * force (summary-duplicate, description-duplicate) ask this.
 */
import { designationState, type SheetModel } from '../analysis/sheet';
import type { SimpleDate } from '../types';

export function isInForce(sheet: SheetModel, today: SimpleDate): boolean {
  return designationState(sheet, today) === 'in-force';
}
