/** Test support: one tokenizer per test process, and analysis with a fixed config. */
import { analyzeText, type AnalysisResult, type Diagnostic } from '../../../core/out/analysis/analyze';
import { resolveConfig, type ShiteiConfigFile } from '../../../core/out/analysis/config';
import { loadTokenizer } from '../../../core/out/nlp/tokenizer';
import { TokenCache } from '../../../core/out/nlp/tokenCache';
import type { TextEdit } from '../../../core/out/types';

let cache: Promise<TokenCache> | undefined;

export function tokenCache(): Promise<TokenCache> {
  cache ??= loadTokenizer().then((t) => new TokenCache(t));
  return cache;
}

export const TEST_CONFIG: ShiteiConfigFile = { today: '2026-11-23' };

export async function analyze(text: string, config: ShiteiConfigFile = TEST_CONFIG): Promise<AnalysisResult> {
  return analyzeText(text, { config: resolveConfig(config), tokens: await tokenCache() });
}

/** Applies non-overlapping edits (as an editor does: all against the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // Last first; inserts at one position keep their array order in the result, as LSP says.
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.span.start - a.e.span.start || b.e.span.end - a.e.span.end || b.i - a.i).map((x) => x.e);
  let out = text;
  let lastStart = Infinity;
  for (const e of sorted) {
    if (e.span.end > lastStart) throw new Error('overlapping edits');
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    lastStart = e.span.start;
  }
  return out;
}

/** 1-based line of a diagnostic's start. */
export function lineOf(text: string, d: Diagnostic): number {
  let line = 1;
  for (let i = 0; i < d.span.start; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}
