/** The registry of document rules, in catalog order. */
import type { Rule } from './types';
import fieldMissing from './field-missing';
import fieldDuplicate from './field-duplicate';
import fieldUnknown from './field-unknown';
import sectionMissing from './section-missing';
import sectionEmpty from './section-empty';
import sectionUnknown from './section-unknown';
import headingUnclosed from './heading-unclosed';
import syntaxStrayText from './syntax-stray-text';
import directiveUnknownCode from './directive-unknown-code';
import placeholderUnfilled from './placeholder-unfilled';
import dateInvalid from './date-invalid';
import validityMissing from './validity-missing';
import validityTooLong from './validity-too-long';
import validityInvalid from './validity-invalid';
import expiryMismatch from './expiry-mismatch';
import releaseConditionMissing from './release-condition-missing';
import validityLongerThanUsual from './validity-longer-than-usual';
import beppyoMissing from './beppyo-missing';
import beppyoInvalid from './beppyo-invalid';
import beppyoSaimokuMissing from './beppyo-saimoku-missing';
import beppyoMismatch from './beppyo-mismatch';
import periodUnscoped from './period-unscoped';
import scopeVague from './scope-vague';
import reasonRequirementMissing from './reason-requirement-missing';
import agencyNotAuthorized from './agency-not-authorized';
import agencyUnknown from './agency-unknown';
import measureInvalid from './measure-invalid';
import expirySoon from './expiry-soon';
import expired from './expired';
import extensionTooLong from './extension-too-long';
import extensionOver30Years from './extension-over-30-years';
import extensionOver60Years from './extension-over-60-years';
import extensionDecidedLate from './extension-decided-late';
import extensionReasonMissing from './extension-reason-missing';
import reviewOverdue from './review-overdue';
import lifecycleDateInvalid from './lifecycle-date-invalid';
import releaseReasonMissing from './release-reason-missing';
import summaryPeriodUnscoped from './summary-period-unscoped';
import summaryPeriodMismatch from './summary-period-mismatch';
import beppyoOverlap from './beppyo-overlap';
import measureNoticeUnjustified from './measure-notice-unjustified';
import conjunctionLevel from './conjunction-level';
import conjunctionKana from './conjunction-kana';
import sectionDuplicate from './section-duplicate';

export const DOCUMENT_RULES: readonly Rule[] = [
  fieldMissing, fieldDuplicate, fieldUnknown, sectionMissing, sectionEmpty, sectionUnknown, headingUnclosed,
  syntaxStrayText, directiveUnknownCode, placeholderUnfilled,
  dateInvalid, validityMissing, validityTooLong, validityInvalid, expiryMismatch, releaseConditionMissing,
  validityLongerThanUsual,
  beppyoMissing, beppyoInvalid, beppyoSaimokuMissing, beppyoMismatch,
  periodUnscoped, scopeVague, reasonRequirementMissing,
  agencyNotAuthorized, agencyUnknown, measureInvalid,
  expirySoon, expired, extensionTooLong, extensionOver30Years, extensionOver60Years,
  extensionDecidedLate, extensionReasonMissing, reviewOverdue, lifecycleDateInvalid, releaseReasonMissing,
  summaryPeriodUnscoped, summaryPeriodMismatch, beppyoOverlap, measureNoticeUnjustified,
  conjunctionLevel, conjunctionKana,
  sectionDuplicate,
];

export function ruleByCode(code: string): Rule | undefined {
  return DOCUMENT_RULES.find((r) => r.meta.code === code);
}
