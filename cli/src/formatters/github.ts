/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation on its line
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`).
 */
import type { RunReport } from '../report';
import { escapeControlChars } from '../../../core/out/index';
import { ChunkBuffer, escapedOnce, joinChunks } from './chunks';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

// Workflow-command escaping: data escapes %, CR, LF; properties also : and ,. Other controls
// (ESC: the log viewer renders ANSI sequences) are written visibly first; CR and LF are kept
// for the %0D/%0A that the annotation shows as a line break.
const data = (s: string) => escapeControlChars(s, ['\r', '\n']).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function* formatGithubChunks(report: RunReport): Generator<string, void, undefined> {
  const message = escapedOnce(data);
  const out = new ChunkBuffer();
  for (const f of report.files) {
    const file = prop(f.path);
    if (f.error) {
      out.add(`::error file=${file},title=${prop('shitei: unreadable file')}::${data(f.error)}\n`);
      continue;
    }
    for (const d of f.diagnostics ?? []) {
      if (out.add(`::${COMMAND[d.severity]} file=${file},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${prop(`shitei ${d.code}`)}::${message(d.message)}\n`)) yield out.take();
    }
  }
  const s = report.summary;
  out.add(`shitei: ${s.files} file(s), ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info(s), ${s.hints} hint(s)\n`);
  yield out.take();
}

/** The whole output as one string (for small runs and tests; the CLI writes the chunks). */
export function formatGithub(report: RunReport): string {
  return joinChunks(formatGithubChunks(report));
}
