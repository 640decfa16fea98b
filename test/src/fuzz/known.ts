/**
 * Known bugs in code this suite does not own (rules, tokenizer), found by the fuzzer and
 * reported to their owners. While one is listed, a violation that matches it exactly is
 * counted instead of failing the run, so the fuzzer keeps looking for new problems; every
 * entry also has a `todo` test (known.test.ts) that reproduces it, visible in every run.
 *
 * Delete an entry once its owner has fixed it (its todo test then passes). Run with
 * SHITEI_FUZZ_STRICT=1 to ignore this list entirely.
 */
import { parseSheet } from '../../../core/out/syntax/parser';
import { lookupSection } from '../../../core/out/domain/format';

export type ViolationKind = 'rule-crashed' | 'fix-not-removed' | 'fix-added-error' | 'fix-line-endings';

export interface Violation {
  kind: ViolationKind;
  text: string;
  /** The text after the fix. */
  fixed?: string;
  /** The diagnostic whose fix was applied. */
  fixCode?: string;
  fixTitle?: string;
  /** For fix-added-error: the error codes that appeared. */
  added?: string[];
  /** For rule-crashed: the rule. */
  rule?: string;
}

export interface KnownIssue {
  id: string;
  /** The file to fix. */
  where: string;
  summary: string;
  matches(v: Violation): boolean;
}

export const KNOWN_ISSUES: readonly KnownIssue[] = [];

/** Two headings naming the same section (by canonical name). */
export function hasDuplicateSection(text: string): boolean {
  const names = parseSheet(text).sections.map((s) => lookupSection(s.heading.name)?.name).filter((n) => n !== undefined);
  return new Set(names).size < names.length;
}


let strict = process.env.SHITEI_FUZZ_STRICT === '1';
export const knownHits = new Map<string, number>();

/** Runs `f` with the list ignored: every violation fails (known.test.ts reproduces each entry so). */
export function strictly<T>(f: () => T): T {
  const was = strict;
  strict = true;
  try {
    return f();
  } finally {
    strict = was;
  }
}

/** The known issue this violation is an instance of, if any (none in strict mode). */
export function knownIssueFor(v: Violation): KnownIssue | undefined {
  if (strict) return undefined;
  const issue = KNOWN_ISSUES.find((k) => k.matches(v));
  if (issue) knownHits.set(issue.id, (knownHits.get(issue.id) ?? 0) + 1);
  return issue;
}
