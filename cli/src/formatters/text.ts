/** eslint-like terminal output: `path:line:col  severity  message  code`. */
import { localize, type Locale, escapeControlChars as esc } from '../../../core/out/index';
import type { RunReport } from '../report';
import { ChunkBuffer, escapedOnce, joinChunks } from './chunks';

const LABEL: Record<string, { ja: string; en: string }> = {
  error: { ja: 'エラー', en: 'error' },
  warning: { ja: '警告', en: 'warning' },
  info: { ja: '情報', en: 'info' },
  hint: { ja: 'ヒント', en: 'hint' },
};

/** The text output in chunks (chunks.ts): one line per diagnostic, then the summary line. */
export function* formatTextChunks(report: RunReport, locale: Locale, color: boolean): Generator<string, void, undefined> {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sevColor: Record<string, string> = { error: '31', warning: '33', info: '36', hint: '2' };
  const severity = Object.fromEntries(Object.entries(LABEL).map(([sev, label]) => [sev, paint(sevColor[sev], label[locale])]));
  // A name or a value can hold ESC sequences or line breaks: written visibly, never passed to the terminal.
  const message = escapedOnce();
  const out = new ChunkBuffer();
  let any = false;
  for (const file of report.files) {
    const shown = esc(file.path);
    if (file.error) {
      any = true;
      if (out.add(`${shown}  ${paint('31', localize({ ja: '読み込みエラー', en: 'read error' }, locale))}  ${esc(file.error)}\n`)) yield out.take();
      continue;
    }
    for (const d of file.diagnostics ?? []) {
      any = true;
      if (out.add(`${shown}:${d.line}:${d.column}  ${severity[d.severity]}  ${message(d.message)}  ${paint('2', d.code)}\n`)) yield out.take();
    }
  }
  const s = report.summary;
  const total = s.errors + s.warnings + s.infos + s.hints;
  const unreadable = report.files.filter((f) => f.error).length;
  const tail = localize({
    ja: `${s.files}ファイル: ${total}件(エラー${s.errors}、警告${s.warnings}、情報${s.infos}、ヒント${s.hints})${unreadable ? `、読めないファイル${unreadable}` : ''}`,
    en: `${s.files} file(s): ${total} problem(s) (${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos, ${s.hints} hints)${unreadable ? `, ${unreadable} unreadable` : ''}`,
  }, locale);
  if (any) out.add('\n');
  out.add((total || unreadable ? paint(s.errors || unreadable ? '31' : '33', tail) : tail) + '\n');
  yield out.take();
}

/** The whole text output as one string (for small runs and tests; the CLI writes the chunks). */
export function formatText(report: RunReport, locale: Locale, color: boolean): string {
  return joinChunks(formatTextChunks(report, locale, color));
}
