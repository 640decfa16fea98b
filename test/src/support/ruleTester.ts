/**
 * textlint/ESLint-style rule tester. Valid cases must give no diagnostic of the rule; invalid
 * cases must give exactly the expected ones; and every fix offered is applied and re-checked:
 * that diagnostic is gone, no new error appears, and the line endings are the document's own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ShiteiConfigFile } from '../../../core/out/analysis/config';
import type { Diagnostic } from '../../../core/out/analysis/analyze';
import { analyze, applyEdits, lineOf, TEST_CONFIG } from './analysis';
import { DOCUMENT_RULES } from '../../../core/out/rules/index';
import type { Rule } from '../../../core/out/rules/types';

export interface ValidCase {
  name: string;
  text: string;
  config?: ShiteiConfigFile;
}

export interface ExpectedDiagnostic {
  /** 1-based line where the diagnostic starts. */
  line: number;
  /** The exact text the diagnostic's range covers, when the test pins it. */
  covers?: string;
  /** Substrings the Japanese message must contain. */
  ja?: string[];
  /** Substrings the English message must contain. */
  en?: string[];
  /** Expected number of fixes, when the test pins it. */
  fixCount?: number;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedDiagnostic[];
  /** Expected full text after applying the first diagnostic's fix number `index` (default 0). */
  output?: string;
  outputFix?: number;
}

/** What the tester needs of a rule: its module's default export (`import rule from '…/rules/<code>'`). */
export interface TestedRule {
  meta: { code: string };
}

const registrationTested = new Set<string>();

/**
 * Runs a rule's cases. Pass the rule module itself (`ruleTests(rule, …)`), so the test cannot
 * name a code the rule does not have. A code string is still accepted during the transition to
 * the module form (tests written in parallel use it); new tests should pass the module.
 */
export function ruleTests(rule: TestedRule | string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const code = typeof rule === 'string' ? rule : rule.meta.code;
  if (typeof rule !== 'string' && !registrationTested.has(code)) {
    registrationTested.add(code);
    test(`${code}: the rule is registered, so the analysis runs it`, () => {
      assert.ok(DOCUMENT_RULES.includes(rule as Rule), `${code} is not in DOCUMENT_RULES (core/src/rules/index.ts)`);
    });
  }
  for (const c of cases.valid) {
    test(`${code}: valid: ${c.name}`, async () => {
      const result = await analyze(c.text, c.config ?? TEST_CONFIG);
      const own = result.diagnostics.filter((d) => d.code === code);
      assert.deepEqual(own.map((d) => describe(c.text, d)), [], `expected no ${code}`);
    });
  }
  for (const c of cases.invalid) {
    test(`${code}: invalid: ${c.name}`, async () => {
      const config = c.config ?? TEST_CONFIG;
      const result = await analyze(c.text, config);
      const own = result.diagnostics.filter((d) => d.code === code);
      assert.deepEqual(own.map((d) => lineOf(c.text, d)), c.errors.map((e) => e.line), `lines of ${code}: ${own.map((d) => describe(c.text, d)).join(' | ')}`);
      own.forEach((d, i) => {
        const e = c.errors[i];
        if (e.covers !== undefined) assert.equal(c.text.slice(d.span.start, d.span.end), e.covers);
        for (const s of e.ja ?? []) assert.ok(d.message.ja.includes(s), `ja message "${d.message.ja}" lacks "${s}"`);
        for (const s of e.en ?? []) assert.ok(d.message.en.includes(s), `en message "${d.message.en}" lacks "${s}"`);
        if (e.fixCount !== undefined) assert.equal(d.fixes.length, e.fixCount, 'number of fixes');
        assert.ok(d.message.ja.length > 0 && d.message.en.length > 0);
        assert.ok(d.span.start >= 0 && d.span.end <= c.text.length && d.span.start <= d.span.end);
      });
      if (c.output !== undefined) {
        const fix = own[0]?.fixes[c.outputFix ?? 0];
        assert.ok(fix, 'expected a fix');
        assert.equal(applyEdits(c.text, fix.edits), c.output);
      }
      for (const d of own) {
        for (const fix of d.fixes) await assertFixRepairs(c.text, d, fix.edits, config, code);
      }
    });
  }
}

async function assertFixRepairs(text: string, d: Diagnostic, edits: Diagnostic['fixes'][number]['edits'], config: ShiteiConfigFile, code: string): Promise<void> {
  const fixed = applyEdits(text, edits);
  const before = await analyze(text, config);
  const after = await analyze(fixed, config);
  const count = (ds: Diagnostic[]) => ds.filter((x) => x.code === code).length;
  assert.ok(count(after.diagnostics) < count(before.diagnostics), `fix for ${code} on line ${lineOf(text, d)} did not remove it:\n${fixed}`);
  const errorCodes = (ds: Diagnostic[]) => ds.filter((x) => x.severity === 'error').map((x) => x.code);
  const newErrors = errorCodes(after.diagnostics).filter((c) => c !== code && !errorCodes(before.diagnostics).includes(c));
  assert.deepEqual(newErrors, [], `fix for ${code} added errors:\n${fixed}`);
  if (text.includes('\r\n')) assert.ok(!/(?<!\r)\n/.test(fixed), 'fix broke CRLF line endings');
  else assert.ok(!fixed.includes('\r'), 'fix introduced CR');
}

function describe(text: string, d: Diagnostic): string {
  return `${d.code}@${lineOf(text, d)} "${text.slice(d.span.start, d.span.end)}": ${d.message.en}`;
}
