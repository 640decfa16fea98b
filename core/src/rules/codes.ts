/**
 * Every rule code the tool knows, document and workspace rules alike, plus the codes of the
 * engine's own diagnostics. Directives and the config file are checked against this list;
 * a test keeps it in step with the rule modules.
 */
export const DOCUMENT_RULE_CODES = [
  'field-missing', 'field-duplicate', 'field-unknown', 'section-missing', 'section-empty', 'section-unknown',
  'heading-unclosed', 'syntax-stray-text', 'directive-unknown-code', 'placeholder-unfilled',
  'date-invalid', 'validity-missing', 'validity-too-long', 'validity-invalid', 'expiry-mismatch',
  'release-condition-missing', 'validity-longer-than-usual',
  'beppyo-missing', 'beppyo-invalid', 'beppyo-saimoku-missing', 'beppyo-mismatch',
  'period-unscoped', 'scope-vague', 'reason-requirement-missing',
  'agency-not-authorized', 'agency-unknown', 'measure-invalid',
  // Catalog sections Workspace and Extensions, judged from one sheet and `today`.
  'expiry-soon', 'expired', 'extension-too-long', 'extension-over-30-years', 'extension-over-60-years',
] as const;

/** Rules that compare sheets with each other (every `.shitei` file of the folder or workspace). */
export const WORKSPACE_RULE_CODES = ['serial-duplicate', 'series-inconsistent', 'summary-duplicate', 'description-duplicate'] as const;

export const INTERNAL_ERROR = 'internal-error';
export const DOCUMENT_TOO_LARGE = 'document-too-large';

export const ALL_CODES: ReadonlySet<string> = new Set<string>([
  ...DOCUMENT_RULE_CODES, ...WORKSPACE_RULE_CODES, INTERNAL_ERROR, DOCUMENT_TOO_LARGE,
]);
