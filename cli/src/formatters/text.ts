/** eslint-like terminal output: `path:line:col  severity  message  code`. */
import { localize, type Locale, escapeControlChars as esc } from '../../../core/out/index';
import type { RunReport } from '../report';

const LABEL: Record<string, { ja: string; en: string }> = {
  error: { ja: 'エラー', en: 'error' },
  warning: { ja: '警告', en: 'warning' },
  info: { ja: '情報', en: 'info' },
  hint: { ja: 'ヒント', en: 'hint' },
};

export function formatText(report: RunReport, locale: Locale, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sevColor: Record<string, string> = { error: '31', warning: '33', info: '36', hint: '2' };
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.error) {
      lines.push(`${esc(file.path)}  ${paint('31', localize({ ja: '読み込みエラー', en: 'read error' }, locale))}  ${esc(file.error)}`);
      continue;
    }
    for (const d of file.diagnostics ?? []) {
      const sev = LABEL[d.severity][locale];
      // A name or a value can hold ESC sequences or line breaks: written visibly, never passed to the terminal.
      lines.push(`${esc(file.path)}:${d.line}:${d.column}  ${paint(sevColor[d.severity], sev)}  ${esc(d.message)}  ${paint('2', d.code)}`);
    }
  }
  const s = report.summary;
  const total = s.errors + s.warnings + s.infos + s.hints;
  const unreadable = report.files.filter((f) => f.error).length;
  const tail = localize({
    ja: `${s.files}ファイル: ${total}件(エラー${s.errors}、警告${s.warnings}、情報${s.infos}、ヒント${s.hints})${unreadable ? `、読めないファイル${unreadable}` : ''}`,
    en: `${s.files} file(s): ${total} problem(s) (${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos, ${s.hints} hints)${unreadable ? `, ${unreadable} unreadable` : ''}`,
  }, locale);
  if (lines.length > 0) lines.push('');
  lines.push(total || unreadable ? paint(s.errors || unreadable ? '31' : '33', tail) : tail);
  return lines.join('\n') + '\n';
}
