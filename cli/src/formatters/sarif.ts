/**
 * SARIF 2.1.0 (what code-scanning platforms read): one rule entry per rule of the catalog with
 * its help page, one result per diagnostic, unreadable files as tool notifications.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl, toolVersion } from '../../../core/out/node/index';
import { ruleCatalog, localize, type Locale, type Severity } from '../../../core/out/index';
import type { RunReport } from '../report';
import { ChunkBuffer, joinChunks } from './chunks';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** One entry per code of the rule catalog (document and workspace rules, engine diagnostics), from the rules' meta. */
function catalog() {
  return ruleCatalog().map((r) => ({ code: r.code, severity: r.defaultSeverity, basis: r.basis, description: r.description }));
}

/** Where rule pages live: `--docs-url`/SHITEI_DOCS_URL, else the pages shipped with the tool. */
export function docsBase(override?: string): string {
  if (override) return override.replace(/\/$/, '');
  return ruleDocsUrl() ?? 'https://example.invalid/shitei/docs/rules';
}

/**
 * The longest message text one result carries, in code points. A message may quote a value
 * (an unknown agency of a million characters); the result keeps the start and says how much
 * was left out, so one result stays small and the log stays readable.
 */
export const MAX_SARIF_MESSAGE = 1000;

function boundedMessage(text: string): string {
  if (text.length <= MAX_SARIF_MESSAGE) return text;
  const points = Array.from(text);
  if (points.length <= MAX_SARIF_MESSAGE) return text;
  return `${points.slice(0, MAX_SARIF_MESSAGE).join('')}… (${(points.length - MAX_SARIF_MESSAGE).toLocaleString('en-US')} more characters)`;
}

/** What `JSON.stringify` writes for a number (the positions are integers; anything else stays valid JSON). */
const jsonNumber = (n: number) => (Number.isFinite(n) ? String(n) : 'null');

/** Remembers up to `limit` computed strings (a run repeats few codes and messages many times). */
function cached<K>(compute: (key: K) => string, limit = 4096): (key: K) => string {
  const seen = new Map<K, string>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      if (seen.size >= limit) seen.clear();
      value = compute(key);
      seen.set(key, value);
    }
    return value;
  };
}

/**
 * The SARIF log in chunks to write in order (their concatenation is one JSON document; see
 * chunks.ts). The frame is one `JSON.stringify`; each result is written from strings that a run
 * repeats (its rule and level, its message, its file's location) and its four numbers — the same
 * text `JSON.stringify` gives for the result object, at a fraction of the cost per result (the
 * 2,000,000-character sheet of 【 lines has 1,000,011).
 */
export function* formatSarifChunks(report: RunReport, locale: Locale, cwd: string, docsUrl?: string): Generator<string, void, undefined> {
  const rules = catalog();
  const base = docsBase(docsUrl);
  const index = new Map(rules.map((r, i) => [r.code, i]));
  const notifications = report.files.filter((f) => f.error).map((f) => ({
    level: 'error' as const,
    message: { text: boundedMessage(`${f.path}: ${f.error}`) },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.path), uriBaseId: 'SRCROOT' } } }],
  }));
  const RESULTS = '"__shitei_results__"';
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'shitei',
          version: toolVersion(),
          informationUri: `${base}/README.md`,
          rules: rules.map((r) => ({
            id: r.code,
            name: r.code.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
            shortDescription: { text: localize(r.description, locale) },
            fullDescription: { text: `${localize(r.description, locale)} (${r.basis})` },
            helpUri: `${base}/${r.code}.md`,
            defaultConfiguration: { level: LEVEL[r.severity] },
            properties: { basis: r.basis, tags: ['特定秘密保護法'] },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
      columnKind: 'unicodeCodePoints',
      invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      results: '__shitei_results__',
    }],
  };
  const frame = JSON.stringify(sarif, null, 2);
  const at = frame.lastIndexOf(RESULTS);
  // `{"ruleId":…,"ruleIndex":…,"level":…,"message":{"text":` for one code and severity.
  const head = cached((key: string) => {
    const [code, severity] = key.split('\0') as [string, Severity];
    const ruleIndex = index.get(code);
    return `{"ruleId":${JSON.stringify(code)},${ruleIndex === undefined ? '' : `"ruleIndex":${ruleIndex},`}"level":${JSON.stringify(LEVEL[severity])},"message":{"text":`;
  });
  const text = cached((message: string) => JSON.stringify(boundedMessage(message)));
  const out = new ChunkBuffer();
  out.add(frame.slice(0, at) + '[');
  let first = true;
  for (const f of report.files) {
    const location = `},"locations":[{"physicalLocation":{"artifactLocation":${JSON.stringify({ uri: encodeURI(f.path), uriBaseId: 'SRCROOT' })},"region":{"startLine":`;
    for (const d of f.diagnostics ?? []) {
      const result = `${first ? '\n        ' : ',\n        '}${head(`${d.code}\0${d.severity}`)}${text(d.message)}${location}${jsonNumber(d.line)},"startColumn":${jsonNumber(d.column)},"endLine":${jsonNumber(d.endLine)},"endColumn":${jsonNumber(d.endColumn)}}}}]}`;
      first = false;
      if (out.add(result)) yield out.take();
    }
  }
  out.add((first ? '' : '\n      ') + ']' + frame.slice(at + RESULTS.length) + '\n');
  yield out.take();
}

/** The whole SARIF log as one string (for small runs and tests; the CLI writes the chunks). */
export function formatSarif(report: RunReport, locale: Locale, cwd: string, docsUrl?: string): string {
  return joinChunks(formatSarifChunks(report, locale, cwd, docsUrl));
}
