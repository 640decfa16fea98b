/**
 * The one analysis path: the CLI and the language server both call analyzeText with the same
 * text and config and get the same diagnostics. Without tokens (dictionary still loading) only
 * the rules that need none run, so structural diagnostics never wait for kuromoji.
 */
import type { Localized, Severity, Span } from '../types';
import { parseSheet } from '../syntax/parser';
import { keepBomFirst } from '../text/normalize';
import { SheetModel } from './sheet';
import type { ResolvedConfig } from './config';
import { ENGINE_DIAGNOSTICS, type Fix, type Report, type Rule, type RuleContext } from '../rules/types';
import { DOCUMENT_RULES } from '../rules/index';
import { INTERNAL_ERROR, DOCUMENT_TOO_LARGE, ENCODING_SUSPECT, PROBLEMS_TRUNCATED } from '../rules/codes';
import type { TokenCache } from '../nlp/tokenCache';
import { countWork } from '../text/workCounter';

export interface Diagnostic {
  code: string;
  severity: Severity;
  span: Span;
  message: Localized;
  fixes: Fix[];
  /**
   * Set when the analysis was told not to keep fixes (AnalyzeOptions.keepFixes false): `fixes`
   * is then empty, and this says whether the rule offered one that fits the text.
   */
  fixable?: boolean;
}

export interface AnalyzeOptions {
  config: ResolvedConfig;
  /** Paragraph-cached tokenizer; without it, rules that need tokens are skipped. */
  tokens?: TokenCache;
  /** The rules to run (default: every document rule). */
  rules?: readonly Rule[];
  /**
   * Asked between rules: when it answers true, the analysis ends there with `cancelled: true`
   * (a cancelled request, a newer edit). Such a result is partial: never cache or publish it.
   */
  shouldStop?: () => boolean;
  /**
   * At most this many diagnostics of each rule (the editor's limit: a sheet of a million broken
   * lines would otherwise cost seconds per keystroke to report and to show). A rule that finds
   * more stops there; one `problems-truncated` diagnostic names the rules cut short. Unset (the
   * CLI): every diagnostic.
   */
  maxReportsPerRule?: number;
  /**
   * False: the diagnostics keep no fix objects, only `fixable` (`shitei check` reports whether a
   * fix exists; a sheet of a million broken headings otherwise keeps a million fixes, each
   * several objects, alive until its report is written). Default true (editors, --fix).
   */
  keepFixes?: boolean;
}

export interface AnalysisResult {
  diagnostics: Diagnostic[];
  sheet?: SheetModel;
  /** False when token-based rules were skipped because no tokenizer was given (or the analysis was cancelled). */
  complete: boolean;
  /** `shouldStop` ended the analysis before its last rule: no diagnostics are given (they would be partial). */
  cancelled?: true;
}

export function analyzeText(text: string, options: AnalyzeOptions): AnalysisResult {
  const steps = analyzeSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same analysis one rule at a time: the generator yields between rules, so a caller (the
 * language server) can let other work run in between — read a cancellation, answer a request —
 * and end it through `shouldStop`. Its return value is analyzeText's result.
 */
export function* analyzeSteps(text: string, options: AnalyzeOptions): Generator<void, AnalysisResult, void> {
  const { config } = options;
  if (text.length > config.maxDocumentChars) {
    // Too large to analyse whatever its setting; "off" only silences the one diagnostic.
    const severity = engineSeverity(config, DOCUMENT_TOO_LARGE);
    return {
      diagnostics: severity === 'off' ? [] : [{
        code: DOCUMENT_TOO_LARGE,
        severity,
        span: { start: 0, end: 0 },
        message: {
          ja: `文書が大きすぎるため検査しません(${text.length.toLocaleString('en-US')}文字、上限${config.maxDocumentChars.toLocaleString('en-US')}文字)`,
          en: `the document is too large to check (${text.length.toLocaleString('en-US')} characters; the limit is ${config.maxDocumentChars.toLocaleString('en-US')})`,
        },
        fixes: [],
      }],
      complete: true,
    };
  }
  const sheet = new SheetModel(parseSheet(text));
  const rules = options.rules ?? DOCUMENT_RULES;
  const diagnostics: Diagnostic[] = [];
  const tokens = options.tokens;
  const cap = options.maxReportsPerRule ?? Infinity;
  const keepFixes = options.keepFixes ?? true;
  const truncated: string[] = [];
  for (const rule of rules) {
    if (options.shouldStop?.()) return { diagnostics: [], sheet, complete: false, cancelled: true };
    const setting = config.rules[rule.meta.code] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    if (rule.meta.needsTokens && !tokens) continue;
    countWork(1);
    // Each report becomes a diagnostic at once (its fix objects, when not kept, die young); they
    // join the others only when the rule has ended, as a rule that throws gives none.
    const found: Diagnostic[] = [];
    const context: RuleContext = {
      sheet,
      config,
      tokens: (span) => (tokens ? tokens.tokenizeSpan(text, span) : []),
      tokenizeText: (t) => (tokens ? tokens.tokenize(t) : []),
      hasTokens: !!tokens,
      report: (r) => {
        if (found.length >= cap) throw ENOUGH; // this rule has said enough; its first reports stand
        found.push(diagnosticOf(r, rule.meta.code, setting, text, keepFixes));
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      if (error === ENOUGH) truncated.push(rule.meta.code);
      else {
        // One broken rule must not take the others down; say which rule, never the text.
        const severity = engineSeverity(config, INTERNAL_ERROR);
        if (severity !== 'off') diagnostics.push(internalError(rule.meta.code, error, sheet.syntax.firstLineSpan, severity));
        continue;
      }
    }
    for (const d of found) diagnostics.push(d);
    yield;
  }
  const encoding = engineSeverity(config, ENCODING_SUSPECT);
  if (encoding !== 'off') {
    const suspect = encodingDiagnostic(sheet, encoding);
    if (suspect) diagnostics.push(suspect);
  }
  if (truncated.length > 0) {
    const severity = engineSeverity(config, PROBLEMS_TRUNCATED);
    if (severity !== 'off') diagnostics.push(truncatedDiagnostic(truncated, cap, sheet.syntax.firstLineSpan, severity));
  }
  const kept = applyDirectives(diagnostics, sheet);
  kept.sort(compareDiagnostics);
  return { diagnostics: kept, sheet, complete: !!tokens || !rules.some((r) => r.meta.needsTokens) };
}

/** The engine's own diagnostics are configured like rules (docs/rules/internal-error.md). */
function engineSeverity(config: ResolvedConfig, code: string): Severity | 'off' {
  return config.rules[code] ?? ENGINE_DIAGNOSTICS.find((m) => m.code === code)?.defaultSeverity ?? 'error';
}

/** The engine's own diagnostic for a text that looks read with the wrong encoding. */
function encodingDiagnostic(sheet: SheetModel, severity: Severity): Diagnostic | undefined {
  const suspect = sheet.encodingSuspicion();
  if (!suspect) return undefined;
  const what: Record<typeof suspect.kind, Localized> = {
    replacement: { ja: `置換文字(U+FFFD)が${suspect.count}個あります`, en: `it holds ${suspect.count} replacement characters (U+FFFD)` },
    latin1: { ja: `「ã€」のような文字化けが${suspect.count}文字あります`, en: `it holds ${suspect.count} characters of mojibake such as "ã€"` },
    'utf8-as-sjis': { ja: `「縺」「繧」のような文字化けが${suspect.count}個あります`, en: `it holds ${suspect.count} characters of mojibake such as 縺 and 繧` },
  };
  return {
    code: ENCODING_SUSPECT,
    severity,
    span: suspect.span,
    message: {
      ja: `ファイルが別の文字コードで読み込まれているようです(${what[suspect.kind].ja})。ほかの診断はこの文字化けによるものかもしれません。保存する前に、正しい文字コード(Shift_JIS など)で開き直してください(VS Code: ステータスバーの文字コード →「エンコード付きで再度開く」)`,
      en: `the file looks read with the wrong encoding (${what[suspect.kind].en}); other diagnostics may come from this. Before saving, reopen it with its encoding (e.g. Shift_JIS; in VS Code: the encoding in the status bar → Reopen with Encoding)`,
    },
    fixes: [],
  };
}

/** Thrown by `report` past the cap, caught at once by the analysis (never seen outside). */
const ENOUGH = Symbol('enough reports');

function truncatedDiagnostic(codes: readonly string[], cap: number, span: Span, severity: Severity): Diagnostic {
  const n = cap.toLocaleString('en-US');
  return {
    code: PROBLEMS_TRUNCATED,
    severity,
    span,
    message: {
      ja: `問題が多すぎるため、規則 ${codes.join('、')} の問題は最初の${n}件だけを表示しています。すべての問題は shitei check で確認できます`,
      en: `too many problems: only the first ${n} of rule ${codes.join(', ')} are shown; shitei check lists them all`,
    },
    fixes: [],
  };
}

function internalError(code: string, error: unknown, span: Span, severity: Severity): Diagnostic {
  let kind: string;
  try {
    kind = error instanceof Error ? String(error.name) : typeof error;
  } catch {
    kind = 'Error'; // even reading the error's name threw
  }
  return {
    code: INTERNAL_ERROR,
    severity,
    span,
    message: {
      ja: `規則 ${code} の実行中に内部エラーが発生しました(${kind})。他の規則の結果は有効です`,
      en: `rule ${code} failed with an internal error (${kind}); the other rules' results stand`,
    },
    fixes: [],
  };
}

/**
 * A rule's report as a diagnostic. A rule's mistakes stop here: spans are kept inside the text,
 * and a fix whose edits do not fit the text (outside it, reversed, overlapping) is dropped
 * rather than offered.
 */
function diagnosticOf(r: Report, code: string, severity: Severity, text: string, keepFixes: boolean): Diagnostic {
  const span = clampSpan(r.span, text.length);
  // The usual case, every fix fitting, keeps the rule's own list (no copy per diagnostic).
  const fixes = r.fixes === undefined || r.fixes.length === 0 ? NO_FIXES
    : r.fixes.every((f) => editsFit(f.edits, text.length)) ? r.fixes : r.fixes.filter((f) => editsFit(f.edits, text.length));
  if (!keepFixes) return { code, severity, span, message: r.message, fixes: NO_FIXES, fixable: fixes.length > 0 };
  // A BOM stays the text's first character whatever a fix inserts at 0.
  const kept = text.charCodeAt(0) === 0xfeff ? fixes.map((f) => ({ ...f, edits: f.edits.map((e) => keepBomFirst(text, e)) })) : fixes;
  return { code, severity, span, message: r.message, fixes: kept.length > 0 ? kept : NO_FIXES };
}

function clampSpan(span: Span, length: number): Span {
  // The usual case, a span already inside the text, is kept as it is (a sheet of a million
  // diagnostics copied a million spans).
  if (Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length) return span;
  const whole = (n: number) => (Number.isNaN(Number(n)) ? 0 : Math.trunc(Number(n)));
  const start = Math.max(0, Math.min(whole(span.start), length));
  return { start, end: Math.max(start, Math.min(whole(span.end), length)) };
}

/** Shared by every diagnostic without fixes (frozen: nothing may add to it). */
const NO_FIXES = Object.freeze([]) as unknown as Fix[];

function editsFit(edits: readonly { span: Span }[], length: number): boolean {
  if (!Array.isArray(edits)) return false;
  if (edits.length === 1) {
    const s = edits[0].span;
    return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length;
  }
  const spans = edits.map((e) => e.span).sort((a, b) => a.start - b.start || a.end - b.end);
  return spans.every((s, i) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length && (i === 0 || s.start >= spans[i - 1].end));
}

/**
 * The order diagnostics are shown in, everywhere (analysis, the CLI, the server): by where they
 * start, then where they end, then by code — so the CLI and the editor list them alike.
 */
export function compareDiagnostics(a: { span: Span; code: string }, b: { span: Span; code: string }): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code);
}

/**
 * `# shitei-disable-next-line` / `# shitei-disable-file` (format.md "Line kinds"). The
 * directives are gathered once into a set per kind (file-wide codes; codes per target line),
 * so each diagnostic costs one lookup whatever the number of directives.
 */
export function applyDirectives(diagnostics: Diagnostic[], sheet: SheetModel): Diagnostic[] {
  const directives = sheet.syntax.directives;
  if (directives.length === 0) return diagnostics;
  const ALL = '';
  const fileWide = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  for (const dir of directives) {
    countWork(1 + dir.codes.length);
    let codes: Set<string>;
    if (dir.kind === 'disable-file') codes = fileWide;
    else if (dir.kind === 'disable-next-line' && dir.targetLine !== undefined) {
      codes = byLine.get(dir.targetLine) ?? new Set<string>();
      byLine.set(dir.targetLine, codes);
    } else continue;
    if (dir.codes.length === 0) codes.add(ALL);
    for (const c of dir.codes) codes.add(c.code);
  }
  const silences = (codes: Set<string> | undefined, code: string) => !!codes && (codes.has(ALL) || codes.has(code));
  const idx = sheet.syntax.lineIndex;
  return diagnostics.filter((d) => {
    countWork(1);
    if (silences(fileWide, d.code)) return false;
    return !(byLine.size > 0 && silences(byLine.get(idx.lineOf(d.span.start)), d.code));
  });
}
