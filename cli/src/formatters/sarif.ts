/**
 * SARIF 2.1.0 (what code-scanning platforms read): one rule entry per rule of the catalog with
 * its help page, one result per diagnostic, unreadable files as tool notifications.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl, toolVersion } from '../../../core/out/node/index';
import { ruleCatalog, localize, type Locale, type Severity } from '../../../core/out/index';
import type { RunReport } from '../report';

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

/** Chunks of about this many UTF-16 units are handed to the writer. */
const CHUNK = 1 << 20;

/**
 * The SARIF log as a list of chunks to write in order (their concatenation is one JSON
 * document). A run with millions of results does not fit in one JavaScript string (2,000,000
 * characters of 【 lines crashed with `RangeError: Invalid string length`): the results are
 * serialized one at a time, so memory is bounded by the chunk size plus the report.
 */
export function formatSarifChunks(report: RunReport, locale: Locale, cwd: string, docsUrl?: string): string[] {
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
  const chunks: string[] = [];
  let pending = frame.slice(0, at) + '[';
  let first = true;
  for (const f of report.files) {
    const uri = encodeURI(f.path);
    for (const d of f.diagnostics ?? []) {
      const ruleIndex = index.get(d.code);
      const result = {
        ruleId: d.code,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: LEVEL[d.severity],
        message: { text: boundedMessage(d.message) },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: 'SRCROOT' },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        }],
      };
      pending += (first ? '\n        ' : ',\n        ') + JSON.stringify(result);
      first = false;
      if (pending.length >= CHUNK) {
        chunks.push(pending);
        pending = '';
      }
    }
  }
  pending += (first ? '' : '\n      ') + ']' + frame.slice(at + RESULTS.length) + '\n';
  chunks.push(pending);
  return chunks;
}

