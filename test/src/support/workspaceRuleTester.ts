/**
 * Workspace rules compare sheets, so their cases are sets of files: each case names the files
 * of one folder and the diagnostics of the rule it expects on each (by 1-based line), through
 * the same analyzeWorkspace the CLI and the server call.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../core/out/workspace/analyzeWorkspace';
import { resolveConfig, type ShiteiConfigFile } from '../../../core/out/analysis/config';
import type { WorkspaceRule } from '../../../core/out/workspace/workspaceRules';
import type { Diagnostic } from '../../../core/out/analysis/analyze';
import { analyze, lineOf, TEST_CONFIG } from './analysis';

export interface WorkspaceCase {
  name: string;
  /** File name → text; the files of one folder. */
  files: Record<string, string>;
  config?: ShiteiConfigFile;
  /** File name → the lines the rule's diagnostics start on (files not named: none). */
  expect: Record<string, number[]>;
  /** Substrings the messages on a file must contain, per language. */
  messages?: Record<string, { ja?: string[]; en?: string[] }>;
}

export async function analyzeFolder(files: Record<string, string>, config: ShiteiConfigFile = TEST_CONFIG): Promise<Map<string, Diagnostic[]>> {
  const entries = [];
  for (const [name, text] of Object.entries(files)) {
    const { sheet } = await analyze(text, config);
    assert.ok(sheet, `${name} was not analysed`);
    entries.push({ id: name, path: `/folder/${name}`, label: name, sheet, config: resolveConfig(config) });
  }
  return analyzeWorkspace(entries);
}

export function workspaceRuleTests(rule: WorkspaceRule, cases: WorkspaceCase[]): void {
  const code = rule.meta.code;
  for (const c of cases) {
    test(`${code}: ${c.name}`, async () => {
      const found = await analyzeFolder(c.files, c.config);
      for (const [name, text] of Object.entries(c.files)) {
        const own = (found.get(name) ?? []).filter((d) => d.code === code);
        assert.deepEqual(own.map((d) => lineOf(text, d)), c.expect[name] ?? [], `lines of ${code} in ${name}: ${own.map((d) => d.message.en).join(' | ')}`);
        for (const d of own) {
          assert.ok(d.message.ja.length > 0 && d.message.en.length > 0);
          for (const s of c.messages?.[name]?.ja ?? []) assert.ok(d.message.ja.includes(s), `ja message "${d.message.ja}" lacks "${s}"`);
          for (const s of c.messages?.[name]?.en ?? []) assert.ok(d.message.en.includes(s), `en message "${d.message.en}" lacks "${s}"`);
        }
      }
    });
  }
}
