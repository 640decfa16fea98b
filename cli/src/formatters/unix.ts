/**
 * `path:line:col: severity: message [code]`, severity always in English so editors' problem
 * matchers (the extension's `$shitei`) can read it whatever the message language.
 */
import type { RunReport } from '../report';

export function formatUnix(report: RunReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    if (f.error) lines.push(`${f.path}:1:1: error: ${f.error} [read-error]`);
    for (const d of f.diagnostics ?? []) lines.push(`${f.path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
