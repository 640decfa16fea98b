/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation on its line
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`).
 */
import type { RunReport } from '../report';
import { escapeControlChars } from '../../../core/out/index';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

// Workflow-command escaping: data escapes %, CR, LF; properties also : and ,. Other controls
// (ESC: the log viewer renders ANSI sequences) are written visibly first; CR and LF are kept
// for the %0D/%0A that the annotation shows as a line break.
const data = (s: string) => escapeControlChars(s, ['\r', '\n']).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(report: RunReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    if (f.error) {
      lines.push(`::error file=${prop(f.path)},title=${prop('shitei: unreadable file')}::${data(f.error)}`);
      continue;
    }
    for (const d of f.diagnostics ?? []) {
      lines.push(`::${COMMAND[d.severity]} file=${prop(f.path)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${prop(`shitei ${d.code}`)}::${data(d.message)}`);
    }
  }
  const s = report.summary;
  lines.push(`shitei: ${s.files} file(s), ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info(s), ${s.hints} hint(s)`);
  return lines.join('\n') + '\n';
}
