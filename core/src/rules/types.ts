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

/**
 * The sections of the rule catalog, in the order the rule index (docs/rules/README.md) shows
 * them. A rule names its section in `meta.category`; `npm run catalog` groups the index by it.
 */
export const RULE_CATEGORIES = [
  { id: 'structure', title: { ja: '構造', en: 'Structure' }, basis: '' },
  { id: 'validity', title: { ja: '日付と有効期間', en: 'Dates and validity' }, basis: '法第4条第1項; 運用基準 II 4' },
  { id: 'beppyo', title: { ja: '別表', en: 'Schedule' }, basis: '法第3条第1項, 別表; 運用基準 II 1(1); 令第4条第4号' },
  { id: 'description', title: { ja: '対象情報の記述', en: 'Description of the target information' }, basis: '運用基準 II 3(2)(3), II 1(4)' },
  { id: 'reason', title: { ja: '指定の理由', en: 'Reason' }, basis: '運用基準 II 3(2)' },
  { id: 'agency', title: { ja: '行政機関と措置', en: 'Agency and measure' }, basis: '' },
  { id: 'workspace', title: { ja: 'ワークスペース', en: 'Workspace' }, basis: 'フォルダまたはワークスペース内のすべての .shitei ファイル' },
  { id: 'extensions', title: { ja: '延長', en: 'Extensions' }, basis: '法第4条第2項〜第4項' },
  { id: 'lifecycle', title: { ja: '延長・点検・解除', en: 'Lifecycle' }, basis: '法第4条; 運用基準 III' },
  { id: 'oversight', title: { ja: '監視機関の指摘', en: 'What the oversight bodies flagged' }, basis: '運用基準 II 1, II 3' },
  { id: 'project', title: { ja: 'プロジェクト追加', en: 'Project-added' }, basis: 'ルール仕様の一覧にはないコード' },
] as const satisfies readonly { id: string; title: Localized; basis: string }[];

export type RuleCategory = (typeof RULE_CATEGORIES)[number]['id'];

/**
 * What the catalog knows of every code the tool can report — document rules, workspace rules
 * and the engine's own diagnostics. The settings in package.json, the JSON Schema, the rule
 * tables of README.md and docs/rules/README.md and the SARIF rule list are all made from it.
 */
export interface CatalogMeta {
  code: string;
  defaultSeverity: Severity;
  /** The legal basis, in the catalog's abbreviations (法 / 令 / 基準). */
  basis: string;
  /** One-line description, for listings, settings and SARIF. */
  description: Localized;
  /** The section of the rule index it is listed under (a rule without one is listed under "Other"). */
  category?: RuleCategory;
}

export interface RuleMeta extends CatalogMeta {
  fixable: boolean;
  /** Rules that read tokens run only once the kuromoji dictionary has loaded. */
  needsTokens: boolean;
}

/**
 * The engine's own diagnostics: not rules (no module checks a sheet for them), but codes a user
 * sees, configures and looks up like any rule's.
 */
export const ENGINE_DIAGNOSTICS: readonly CatalogMeta[] = [
  {
    code: 'internal-error',
    defaultSeverity: 'error',
    basis: '—',
    category: 'project',
    description: { ja: 'この文書で規則が異常終了した(ほかの規則は実行済み)', en: 'a rule crashed on this document (the others still ran)' },
  },
  {
    code: 'document-too-large',
    defaultSeverity: 'error',
    basis: '—',
    category: 'project',
    description: { ja: '文書が上限の文字数を超え、解析されない', en: 'the document exceeds the size limit and is not analysed' },
  },
  {
    code: 'problems-truncated',
    defaultSeverity: 'info',
    basis: '—',
    category: 'project',
    description: { ja: '一つの規則の問題が多すぎ、エディタには最初の一部だけを表示した', en: 'a rule found too many problems; the editor shows the first ones only' },
  },
  {
    code: 'encoding-suspect',
    defaultSeverity: 'error',
    basis: '—',
    category: 'project',
    description: { ja: '文書が別の文字コードで読み込まれているようだ', en: 'the text looks read with the wrong encoding' },
  },
];

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
