import type { Localized, Severity, Span, TextEdit } from '../types';
import type { SheetModel } from '../analysis/sheet';
import type { ResolvedConfig } from '../analysis/config';
import type { Token } from '../nlp/tokenizer';

/** A quick fix: edits to the document's text, never anything else. */
export interface Fix {
  title: Localized;
  edits: TextEdit[];
  /** The one clearly right fix, where there is one (LSP isPreferred). */
  isPreferred?: boolean;
  /** Safe to apply unattended (fix-all / `--fix`): deterministic and never a guess between options. */
  safe?: boolean;
}

export interface RuleMeta {
  code: string;
  defaultSeverity: Severity;
  /** The legal basis, in the catalog's abbreviations (法 / 令 / 基準). */
  basis: string;
  fixable: boolean;
  /** Rules that read tokens run only once the kuromoji dictionary has loaded. */
  needsTokens: boolean;
  /** One-line description, for listings and SARIF. */
  description: Localized;
}

export interface Report {
  span: Span;
  message: Localized;
  fixes?: Fix[];
}

/** What a rule sees. Tokens are there only for rules whose meta says needsTokens. */
export interface RuleContext {
  readonly sheet: SheetModel;
  readonly config: ResolvedConfig;
  /** Tokens of a span of the document, offsets in document coordinates (cached per paragraph). */
  tokens(span: Span): Token[];
  /** Tokens of a text that is not the document (e.g. 別表 text), cached like the document's. */
  tokenizeText(text: string): Token[];
  /** True when tokens are available (always, for rules that declare needsTokens). */
  readonly hasTokens: boolean;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
