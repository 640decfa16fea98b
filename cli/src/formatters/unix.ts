/**
 * `path:line:col: severity: message [code]`, severity always in English so editors' problem
 * matchers (the extension's `$shitei`) can read it whatever the message language.
 */
import type { RunReport } from '../report';
import { escapeControlChars as esc } from '../../../core/out/index';

// One problem per line, whatever a file name or a message holds: a line break in either would
// start a new line the problem matcher reads as another problem (and ESC would reach the terminal).

export function formatUnix(report: RunReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    if (f.error) lines.push(`${esc(f.path)}:1:1: error: ${esc(f.error)} [read-error]`);
    for (const d of f.diagnostics ?? []) lines.push(`${esc(f.path)}:${d.line}:${d.column}: ${d.severity}: ${esc(d.message)} [${d.code}]`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
