/**
 * `path:line:col: severity: message [code]`, severity always in English so editors' problem
 * matchers (the extension's `$shitei`) can read it whatever the message language.
 */
import type { RunReport } from '../report';
import { escapeControlChars as esc } from '../../../core/out/index';
import { ChunkBuffer, escapedOnce, joinChunks } from './chunks';

// One problem per line, whatever a file name or a message holds: a line break in either would
// start a new line the problem matcher reads as another problem (and ESC would reach the terminal).

export function* formatUnixChunks(report: RunReport): Generator<string, void, undefined> {
  const message = escapedOnce();
  const out = new ChunkBuffer();
  for (const f of report.files) {
    const shown = esc(f.path);
    if (f.error) out.add(`${shown}:1:1: error: ${esc(f.error)} [read-error]\n`);
    for (const d of f.diagnostics ?? []) {
      if (out.add(`${shown}:${d.line}:${d.column}: ${d.severity}: ${message(d.message)} [${d.code}]\n`)) yield out.take();
    }
  }
  yield out.take();
}

/** The whole output as one string (for small runs and tests; the CLI writes the chunks). */
export function formatUnix(report: RunReport): string {
  return joinChunks(formatUnixChunks(report));
}
