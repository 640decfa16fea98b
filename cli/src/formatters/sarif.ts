/**
 * SARIF 2.1.0 (what code-scanning platforms read): one rule entry per rule of the catalog with
 * its help page, one result per diagnostic, unreadable files as tool notifications.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl, toolVersion } from '../../../core/out/node/installation';
import { DOCUMENT_RULES } from '../../../core/out/rules/index';
import { WORKSPACE_RULES } from '../../../core/out/workspace/workspaceRules';
import { DOCUMENT_TOO_LARGE, ENCODING_SUSPECT, INTERNAL_ERROR } from '../../../core/out/rules/codes';
import { localize, type Locale, type Severity } from '../../../core/out/types';
import type { RunReport } from '../report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

interface RuleEntry {
  code: string;
  severity: Severity;
  basis: string;
  description: { ja: string; en: string };
}

function catalog(): RuleEntry[] {
  return [
    ...DOCUMENT_RULES.map((r) => ({ code: r.meta.code, severity: r.meta.defaultSeverity, basis: r.meta.basis, description: r.meta.description })),
    ...WORKSPACE_RULES.map((r) => ({ code: r.meta.code, severity: r.meta.defaultSeverity, basis: r.meta.basis, description: r.meta.description })),
    { code: INTERNAL_ERROR, severity: 'error', basis: '—', description: { ja: '規則の内部エラー', en: 'a rule failed with an internal error' } },
    { code: DOCUMENT_TOO_LARGE, severity: 'error', basis: '—', description: { ja: '文書が大きすぎて検査しない', en: 'the document is too large to check' } },
    { code: ENCODING_SUSPECT, severity: 'error', basis: '—', description: { ja: '文書が別の文字コードで読み込まれているようだ', en: 'the text looks read with the wrong encoding' } },
  ];
}

/** Where rule pages live: `--docs-url`/SHITEI_DOCS_URL, else the pages shipped with the tool. */
export function docsBase(override?: string): string {
  if (override) return override.replace(/\/$/, '');
  return ruleDocsUrl() ?? 'https://example.invalid/shitei/docs/rules';
}

export function formatSarif(report: RunReport, locale: Locale, cwd: string, docsUrl?: string): string {
  const rules = catalog();
  const base = docsBase(docsUrl);
  const index = new Map(rules.map((r, i) => [r.code, i]));
  const results = report.files.flatMap((f) =>
    (f.diagnostics ?? []).map((d) => ({
      ruleId: d.code,
      ruleIndex: index.get(d.code) ?? -1,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: encodeURI(f.path), uriBaseId: 'SRCROOT' },
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
      }],
    })).map((r) => (r.ruleIndex < 0 ? { ...r, ruleIndex: undefined } : r)));
  const notifications = report.files.filter((f) => f.error).map((f) => ({
    level: 'error' as const,
    message: { text: `${f.path}: ${f.error}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.path), uriBaseId: 'SRCROOT' } } }],
  }));
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
      results,
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
