/**
 * Held-out acceptance: the v1.1 rule codes are configuration like every v1 code (rules.md "Configuration"):
 * `.shiteirc.json` can turn them off or change their severity, its JSON Schema and the VS Code settings know them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, runCli } from '../support/cli';
import { FIXTURES } from './support';

const CODES = ['extension-decided-late', 'extension-reason-missing', 'review-overdue', 'lifecycle-date-invalid', 'release-reason-missing', 'summary-period-unscoped',
  'summary-period-mismatch', 'beppyo-overlap', 'measure-notice-unjustified', 'conjunction-level', 'conjunction-kana', 'summary-duplicate', 'description-duplicate'];
const PRESENT = CODES.filter((c) => c !== 'summary-duplicate' && c !== 'description-duplicate');

function schemaRules(): Record<string, unknown> {
  const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas/shiteirc.schema.json'), 'utf8')) as { properties: { rules: { properties: Record<string, unknown> } } };
  return schema.properties.rules.properties;
}

function settingsRules(): Record<string, unknown> {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { properties: Record<string, unknown> }> } } };
  return pkg.contributes.configuration.properties['shitei.rules'].properties;
}

test('the JSON Schema of .shiteirc.json and the VS Code settings list every v1.1 rule present', () => {
  for (const code of PRESENT) {
    assert.ok(code in schemaRules(), `schema: ${code}`);
    assert.ok(code in settingsRules(), `settings: ${code}`);
  }
});

test('the JSON Schema and the settings list summary-duplicate and description-duplicate', () => {
  for (const code of ['summary-duplicate', 'description-duplicate']) {
    assert.ok(code in schemaRules(), `schema: ${code}`);
    assert.ok(code in settingsRules(), `settings: ${code}`);
  }
});

test('.shiteirc.json turns a v1.1 rule off and changes another one\'s severity', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-accept-config-'));
  for (const f of ['review-none.shitei', 'ext-late.shitei', 'ck-oyobi.shitei']) fs.copyFileSync(path.join(FIXTURES, 'rules', f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, '.shiteirc.json'), JSON.stringify({ today: '2026-11-30', rules: { 'review-overdue': 'off', 'extension-decided-late': 'warning', 'conjunction-kana': 'error' } }));
  const r = runCli(['check', '--format', 'json', '.'], dir);
  assert.notEqual(r.status, 2, r.stderr);
  const json = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string; severity: string }[] }[] };
  const all = json.files.flatMap((f) => f.diagnostics);
  assert.ok(!all.some((d) => d.code === 'review-overdue'), 'review-overdue off');
  assert.deepEqual([...new Set(all.filter((d) => d.code === 'extension-decided-late').map((d) => d.severity))], ['warning']);
  assert.deepEqual([...new Set(all.filter((d) => d.code === 'conjunction-kana').map((d) => d.severity))], ['error']);
});
