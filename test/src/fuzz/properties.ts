/**
 * The properties every document must satisfy, whatever its text: the parser and analysis never
 * throw and finish in time; every span lies inside the document; every offered fix repairs
 * what it says, adds no error and keeps the line endings; fix-all is idempotent; the editor
 * services (hover, completion, outline, inlay hints, disable actions) never throw.
 *
 * Each check throws an Error whose message says what broke, on which diagnostic and with the
 * text after the edit, so a shrunk counterexample reads on its own.
 */
import { analyzeText, type AnalysisResult, type Diagnostic } from '../../../core/out/analysis/analyze';
import type { ResolvedConfig } from '../../../core/out/analysis/config';
import { parseSheet } from '../../../core/out/syntax/parser';
import type { TokenCache } from '../../../core/out/nlp/tokenCache';
import type { TextEdit } from '../../../core/out/types';
import { disableForFileEdit, disableForLineEdit, fixAllEdits, fixAllToFixpoint } from '../../../core/out/service/actions';
import { hoverAt } from '../../../core/out/service/hover';
import { completionsAt } from '../../../core/out/service/completion';
import { documentSymbols, foldingRanges } from '../../../core/out/service/outline';
import { inlayHints } from '../../../core/out/service/inlayHints';
import { hasDuplicateSection, knownIssueFor, type Violation } from './known';

/** Per-document time bound for one analysis (the brief's "never hangs"). */
export const DOC_TIME_BOUND_MS = Number(process.env.SHITEI_FUZZ_DOC_MS ?? 2000);

const KINDS = new Set(['blank', 'comment', 'heading', 'field', 'stray', 'content']);

export class PropertyError extends Error {}

function fail(what: string, text: string, extra = ''): never {
  throw new PropertyError(`${what}${extra ? `\n${extra}` : ''}\ntext: ${JSON.stringify(text)}`);
}

/** A violation that may be an instance of a known, reported bug (known.ts): counted, not thrown. */
function violation(v: Violation, what: string, extra = ''): void {
  if (!knownIssueFor(v)) fail(what, v.text, extra);
}

export function describe(text: string, d: Diagnostic): string {
  return `${d.code}[${d.span.start},${d.span.end}) ${JSON.stringify(text.slice(d.span.start, d.span.end))}`;
}

/** The parser: never throws, one kind per line, lines cover the text in order. */
export function checkParse(text: string): void {
  let syntax;
  try {
    syntax = parseSheet(text);
  } catch (error) {
    fail(`parseSheet threw ${(error as Error)?.stack ?? error}`, text);
  }
  const { lines, lineIndex } = syntax;
  if (lines.length !== lineIndex.lineCount) fail(`parser gave ${lines.length} lines for ${lineIndex.lineCount}`, text);
  lines.forEach((l, i) => {
    if (!KINDS.has(l.kind)) fail(`line ${i} has no kind (${String(l.kind)})`, text);
    if (l.line !== i || l.start !== lineIndex.lineStarts[i] || l.start > l.end || l.end > text.length) fail(`line ${i} has a bad span [${l.start},${l.end})`, text);
    if (i > 0 && l.start < lines[i - 1].end) fail(`line ${i} overlaps the previous line`, text);
  });
  const spans = [
    ...syntax.fields.flatMap((f) => [f.nameSpan, f.valueSpan, f.lineSpan, f.separatorSpan]),
    ...syntax.sections.flatMap((s) => [s.heading.span, s.heading.nameSpan, ...s.content.map((c) => c.span)]),
    ...syntax.directives.flatMap((d) => [d.span, ...d.codes.map((c) => c.span)]),
    syntax.firstLineSpan,
  ];
  for (const s of spans) if (!(0 <= s.start && s.start <= s.end && s.end <= text.length)) fail(`parser span [${s.start},${s.end}) outside the document`, text);
}

export function timedAnalyze(text: string, config: ResolvedConfig, tokens?: TokenCache): AnalysisResult {
  const started = performance.now();
  let result: AnalysisResult;
  try {
    result = analyzeText(text, { config, tokens });
  } catch (error) {
    fail(`analyzeText threw ${(error as Error)?.stack ?? error}`, text);
  }
  const ms = performance.now() - started;
  if (ms > DOC_TIME_BOUND_MS) fail(`analyzeText took ${Math.round(ms)} ms (bound ${DOC_TIME_BOUND_MS} ms) on ${text.length} characters`, text);
  return result;
}

/** Spans inside the document, start ≤ end, messages in both languages, no rule crashed. */
export function checkDiagnostics(text: string, result: AnalysisResult): void {
  for (const d of result.diagnostics) {
    if (!(Number.isInteger(d.span.start) && Number.isInteger(d.span.end) && 0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= text.length)) {
      fail(`diagnostic span outside the document: ${d.code} [${d.span.start},${d.span.end}) in ${text.length}`, text);
    }
    if (d.code === 'internal-error') violation({ kind: 'rule-crashed', text, rule: /rule (\S+)/.exec(d.message.en)?.[1] }, `a rule crashed: ${d.message.en}`);
    if (!d.message.ja || !d.message.en) fail(`diagnostic ${d.code} has an empty message`, text);
    for (const fix of d.fixes) checkEditsInside(text, fix.edits, `fix "${fix.title.en}" of ${describe(text, d)}`);
  }
}

function checkEditsInside(text: string, edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  sorted.forEach((e, i) => {
    if (!(0 <= e.span.start && e.span.start <= e.span.end && e.span.end <= text.length)) fail(`${what}: edit [${e.span.start},${e.span.end}) outside the document`, text);
    if (i > 0 && e.span.start < sorted[i - 1].span.end) fail(`${what}: overlapping edits`, text);
    for (const at of [e.span.start, e.span.end]) {
      if (at > 0 && text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10) fail(`${what}: edit boundary at ${at} splits a CRLF`, text);
    }
  });
}

/** Applies non-overlapping edits made against the same text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // Last first; inserts at one position keep their array order in the result (as LSP says).
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.span.start - a.e.span.start || b.e.span.end - a.e.span.end || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

type Break = '\n' | '\r\n' | '\r';
function breaksOf(text: string): Set<Break> {
  return new Set((text.match(/\r\n|\r|\n/g) ?? []) as Break[]);
}

function breakCounts(text: string): Map<Break, number> {
  const counts = new Map<Break, number>();
  for (const b of (text.match(/\r\n|\r|\n/g) ?? []) as Break[]) counts.set(b, (counts.get(b) ?? 0) + 1);
  return counts;
}

/**
 * The line endings a fix must keep: the only kind of line break it may add is the document's
 * own (its dominant one), so a CRLF document gets no LF-only line, an LF one no CR, and a mixed
 * one no more of its minority kinds. With `strict`, each edit's own text must use that break.
 */
export function checkLineEndings(original: string, fixed: string, edits: readonly TextEdit[], what: string, strict = true): void {
  const problem = lineEndingProblem(original, fixed, edits, strict);
  if (problem) fail(`${what}: ${problem}`, original, `after: ${JSON.stringify(fixed)}`);
}

export function lineEndingProblem(original: string, fixed: string, edits: readonly TextEdit[], strict = true): string | undefined {
  // Nothing lost: a leading BOM stays first, and none appears.
  if (original.startsWith('\uFEFF') !== fixed.startsWith('\uFEFF')) return original.startsWith('\uFEFF') ? 'the BOM is no longer first' : 'a BOM appeared';
  const dominant = parseSheet(original).eol;
  if (strict) {
    for (const e of edits) {
      for (const b of breaksOf(e.newText)) {
        if (b !== dominant) return `inserts ${JSON.stringify(b)} into a document whose line ending is ${JSON.stringify(dominant)}`;
      }
    }
  }
  const before = breakCounts(original);
  for (const [b, n] of breakCounts(fixed)) {
    if (b !== dominant && n > (before.get(b) ?? 0)) return `adds a ${JSON.stringify(b)} line break to a document whose line ending is ${JSON.stringify(dominant)}`;
  }
  return undefined;
}

function errorCodes(ds: readonly Diagnostic[]): Set<string> {
  return new Set(ds.filter((d) => d.severity === 'error').map((d) => d.code));
}
const countOf = (ds: readonly Diagnostic[], code: string) => ds.filter((d) => d.code === code).length;

/**
 * A rename (field-unknown → 有効期間, section-unknown → 【概要】) does not create problems in the
 * value or content it names, it reveals them: they were there under the unknown name. So an
 * error that appears only inside the renamed field's line or the renamed section is allowed
 * (except where the rename lands on a name already used: field-duplicate, or a section shadowing another).
 */
function revealedByRename(fixedCode: string, code: string, text: string, fixed: string, edits: readonly TextEdit[], after: readonly Diagnostic[]): boolean {
  if ((fixedCode !== 'field-unknown' && fixedCode !== 'section-unknown') || code === 'field-duplicate' || edits.length !== 1) return false;
  // A rename onto a section already there shadows it (a duplicate the document did not have).
  if (fixedCode === 'section-unknown' && hasDuplicateSection(fixed) && !hasDuplicateSection(text)) return false;
  const at = edits[0].span.start; // a rename edit starts at the same offset after applying it
  const syntax = parseSheet(fixed);
  let region: { start: number; end: number } | undefined;
  if (fixedCode === 'field-unknown') {
    const line = syntax.lineIndex.lineOf(at);
    region = { start: syntax.lineIndex.lineStarts[line], end: syntax.lineIndex.lineEnd(line) };
  } else {
    const i = syntax.sections.findIndex((s) => s.heading.span.start <= at && at <= s.heading.span.end);
    if (i >= 0) region = { start: syntax.sections[i].heading.span.start, end: syntax.sections[i + 1]?.heading.span.start ?? fixed.length };
  }
  if (!region) return false;
  const r = region;
  return after.filter((d) => d.code === code).every((d) => d.span.start >= r.start && d.span.end <= r.end);
}

/**
 * A fix that makes 指定年月日 or 有効期間 readable (or renames a field onto them) lets the period
 * and the 延長 chain be computed for the first time, so problems already in the text show:
 * a 満了日 that never matched, a period or 延長 that was always too long. Revealed, not added.
 */
const DATE_FIXES = new Set(['validity-missing', 'validity-invalid', 'date-invalid', 'validity-too-long', 'field-unknown']);
const DATE_CHECKS = new Set(['extension-too-long', 'extension-over-30-years', 'extension-over-60-years', 'expiry-mismatch', 'expired', 'validity-too-long',
  // v1.1: judged against 指定年月日 and the expiries, once they can be read.
  'extension-decided-late', 'lifecycle-date-invalid', 'review-overdue']);
const revealedByReadableDates = (fixedCode: string, code: string) => DATE_FIXES.has(fixedCode) && DATE_CHECKS.has(code);

/**
 * Document-level diagnostics (field-missing …) sit on the first content line; a directive
 * `# shitei-disable-next-line CODE` aimed at that line silences them only while that line
 * stays first, so a fix that inserts a line above it lets them show again. Not the fix's doing.
 */
function suppressedAtAnchor(text: string, code: string): boolean {
  const syntax = parseSheet(text);
  const anchor = syntax.lineIndex.lineOf(syntax.firstLineSpan.start);
  return syntax.directives.some((d) => d.kind === 'disable-next-line' && d.targetLine === anchor && (d.codes.length === 0 || d.codes.some((c) => c.code === code)));
}

/** Every fix offered: applied, its diagnostic is gone, no new error, line endings kept. */
export function checkFixes(text: string, result: AnalysisResult, config: ResolvedConfig, tokens?: TokenCache): void {
  const beforeErrors = errorCodes(result.diagnostics);
  for (const d of result.diagnostics) {
    for (const fix of d.fixes) {
      const what = `fix "${fix.title.en}" of ${describe(text, d)}`;
      const fixed = applyEdits(text, fix.edits);
      const eolProblem = lineEndingProblem(text, fixed, fix.edits);
      if (eolProblem) violation({ kind: 'fix-line-endings', text, fixed, fixCode: d.code, fixTitle: fix.title.en }, `${what}: ${eolProblem}`, `after: ${JSON.stringify(fixed)}`);
      const after = timedAnalyze(fixed, config, tokens);
      checkDiagnostics(fixed, after);
      if (countOf(after.diagnostics, d.code) >= countOf(result.diagnostics, d.code)) {
        violation({ kind: 'fix-not-removed', text, fixed, fixCode: d.code, fixTitle: fix.title.en }, `${what} did not remove it`, `after: ${JSON.stringify(fixed)}\nnow: ${after.diagnostics.map((x) => describe(fixed, x)).join(' | ')}`);
      }
      const added = [...errorCodes(after.diagnostics)].filter((c) => c !== d.code && !beforeErrors.has(c) && !revealedByRename(d.code, c, text, fixed, fix.edits, after.diagnostics) && !revealedByReadableDates(d.code, c) && !suppressedAtAnchor(text, c));
      if (added.length) violation({ kind: 'fix-added-error', text, fixed, fixCode: d.code, fixTitle: fix.title.en, added }, `${what} added error(s) ${added.join(', ')}`, `after: ${JSON.stringify(fixed)}`);
    }
  }
}

/** The editor's "disable for this line / file" actions take the diagnostic away. */
export function checkDisableActions(text: string, result: AnalysisResult, config: ResolvedConfig, tokens?: TokenCache): void {
  const sheet = result.sheet;
  if (!sheet) return;
  const seen = new Set<string>();
  for (const d of result.diagnostics) {
    if (seen.has(d.code)) continue; // one per code keeps the run short
    seen.add(d.code);
    const variants: [string, TextEdit | undefined][] = [
      ['disable for this line', disableForLineEdit(sheet, d.span.start, d.code)],
      ['disable for the file', disableForFileEdit(sheet, d.code)],
    ];
    for (const [name, edit] of variants) {
      if (!edit) continue;
      const what = `"${name}" of ${describe(text, d)}`;
      checkEditsInside(text, [edit], what);
      const fixed = applyEdits(text, [edit]);
      checkLineEndings(text, fixed, [edit], what);
      const after = timedAnalyze(fixed, config, tokens);
      checkDiagnostics(fixed, after);
      if (countOf(after.diagnostics, d.code) >= countOf(result.diagnostics, d.code)) {
        fail(`${what} did not remove it`, text, `after: ${JSON.stringify(fixed)}\nnow: ${after.diagnostics.map((x) => describe(fixed, x)).join(' | ')}`);
      }
    }
  }
}

/**
 * Fix-all applied twice equals once. What the editor applies is fixAllToFixpoint (one pass of
 * fixAllEdits leaves out overlapping fixes, so it alone cannot be idempotent): its result must
 * offer no further fix-all edit. Each single pass keeps the edits inside and the line endings.
 */
export function checkFixAll(text: string, result: AnalysisResult, config: ResolvedConfig, tokens?: TokenCache): void {
  const pass = fixAllEdits(result.diagnostics);
  checkEditsInside(text, pass, 'fix-all (one pass)');
  checkLineEndings(text, applyEdits(text, pass), pass, 'fix-all (one pass)');
  const reanalyze = (t: string) => timedAnalyze(t, config, tokens).diagnostics;
  const edits = fixAllToFixpoint(text, result.diagnostics, reanalyze);
  checkEditsInside(text, edits, 'fix-all');
  const once = applyEdits(text, edits);
  checkLineEndings(text, once, edits, 'fix-all', false); // one edit spanning original lines too
  const again = timedAnalyze(once, config, tokens);
  checkDiagnostics(once, again);
  const more = fixAllToFixpoint(once, again.diagnostics, reanalyze);
  const twice = applyEdits(once, more);
  if (twice !== once) {
    const left = again.diagnostics.filter((d) => d.fixes.some((f) => f.safe));
    fail('fix-all is not idempotent: applied to its own result it changes the text again', text, `once: ${JSON.stringify(once)}\ntwice: ${JSON.stringify(twice)}\nsafe fixes left: ${left.map((d) => describe(once, d)).join(' | ')}`);
  }
}

/** Hover, completion, outline, folding and inlay hints never throw and stay inside the text. */
export function checkServices(text: string, result: AnalysisResult, config: ResolvedConfig, offsets: readonly number[]): void {
  const sheet = result.sheet;
  if (!sheet) return;
  const inside = (s: { start: number; end: number }, what: string) => {
    if (!(0 <= s.start && s.start <= s.end && s.end <= text.length)) fail(`${what} span [${s.start},${s.end}) outside the document`, text);
  };
  const guard = <T>(what: string, f: () => T): T => {
    try {
      return f();
    } catch (error) {
      fail(`${what} threw ${(error as Error)?.stack ?? error}`, text);
    }
  };
  for (const offset of offsets) {
    for (const locale of ['ja', 'en'] as const) {
      const hover = guard(`hoverAt(${offset})`, () => hoverAt(sheet, offset, locale));
      if (hover) inside(hover.span, `hover at ${offset}`);
    }
    for (const c of guard(`completionsAt(${offset})`, () => completionsAt(sheet, offset, config, 'ja'))) inside(c.span, `completion at ${offset}`);
  }
  const symbols = guard('documentSymbols', () => documentSymbols(sheet));
  const walk = (s: (typeof symbols)[number]): void => {
    inside(s.span, 'symbol');
    inside(s.selectionSpan, 'symbol selection');
    s.children.forEach(walk);
  };
  symbols.forEach(walk);
  const lineCount = sheet.syntax.lineIndex.lineCount;
  for (const r of guard('foldingRanges', () => foldingRanges(sheet))) {
    if (!(0 <= r.startLine && r.startLine <= r.endLine && r.endLine < lineCount)) fail(`folding range ${r.startLine}-${r.endLine} outside ${lineCount} lines`, text);
  }
  for (const h of guard('inlayHints', () => inlayHints(sheet, 'ja'))) if (!(0 <= h.offset && h.offset <= text.length)) fail(`inlay hint at ${h.offset} outside the document`, text);
}

/** Offsets worth probing: every line start and end, field value edges, and a few in between. */
export function probeOffsets(text: string, result: AnalysisResult): number[] {
  const out = new Set<number>([0, text.length]);
  const syntax = result.sheet?.syntax;
  if (syntax) {
    for (const l of syntax.lines) {
      out.add(l.start);
      out.add(l.end);
      out.add((l.start + l.end) >> 1);
    }
    for (const f of syntax.fields) for (const o of [f.valueSpan.start, f.valueSpan.end, f.separatorSpan.end, f.nameSpan.start + 1]) out.add(o);
  }
  return [...out].filter((o) => o >= 0 && o <= text.length);
}

/** Everything, for one document. */
export function checkDocument(text: string, config: ResolvedConfig, tokens?: TokenCache, options: { services?: boolean; disable?: boolean } = {}): void {
  checkParse(text);
  const structural = timedAnalyze(text, config);
  checkDiagnostics(text, structural);
  const result = tokens ? timedAnalyze(text, config, tokens) : structural;
  if (tokens) checkDiagnostics(text, result);
  checkFixes(text, result, config, tokens);
  checkFixAll(text, result, config, tokens);
  if (options.disable !== false) checkDisableActions(text, result, config, tokens);
  if (options.services !== false) checkServices(text, result, config, probeOffsets(text, result));
}
