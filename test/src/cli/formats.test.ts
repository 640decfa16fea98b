import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
// The OASIS SARIF 2.1.0 schema (draft-04), vendored from @microsoft/jest-sarif so the check runs offline.
import Ajv from 'ajv-draft-04';
import { REPO, runCli } from '../support/cli';
import { ALL_CODES } from '../../../core/out/rules/codes';
import { analyzeText, LineIndex, TokenCache } from '../../../core/out/index';
import { ConfigLoader, loadTokenizer } from '../../../core/out/node/index';
import { WORKSPACE_RULES } from '../../../core/out/workspace/workspaceRules';
import { toJsonDiagnostics, type JsonDiagnostic } from '../../../cli/out/report';

const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/sarif-2.1.0-rtm.5.json'), 'utf8'));
const isUri = (s: string) => {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
};
const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, formats: { uri: isUri, 'uri-reference': true, 'date-time': true } }).compile(schema);

test('--format sarif is valid SARIF 2.1.0 with one rule per rule and help pages that exist', () => {
  const r = runCli(['check', '--format', 'sarif', 'samples/']);
  assert.equal(r.status, 1);
  const sarif = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; level: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
  assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  const run = sarif.runs[0];
  const ids = run.tool.driver.rules.map((x) => x.id);
  assert.deepEqual([...ids].sort(), [...ALL_CODES].sort());
  for (const rule of run.tool.driver.rules) assert.ok(fs.existsSync(fileURLToPath(rule.helpUri)), rule.helpUri);
  const json = JSON.parse(runCli(['check', '--format', 'json', 'samples/']).stdout);
  const total = json.files.reduce((n: number, f: { diagnostics?: unknown[] }) => n + (f.diagnostics?.length ?? 0), 0);
  assert.equal(run.results.length, total);
  const result = run.results.find((x) => x.ruleId === 'measure-invalid')!;
  assert.equal(result.level, 'error');
  assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'measure-invalid');
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'samples/rules/measure-invalid.shitei');
  assert.equal(result.locations[0].physicalLocation.region.startLine, 9);
});

test('--docs-url points help URIs at a published site', () => {
  const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '--docs-url', 'https://docs.example/rules/', 'samples/clean']).stdout);
  assert.equal(sarif.runs[0].tool.driver.rules[0].helpUri, 'https://docs.example/rules/field-missing.md');
  assert.ok(validate(sarif));
});

test('--format github annotates the lines with escaped workflow commands', () => {
  const r = runCli(['check', '--format', 'github', 'samples/rules/measure-invalid.shitei', 'samples/rules/scope-vague.shitei']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^::error file=samples\/rules\/measure-invalid\.shitei,line=9,col=4,endLine=9,endColumn=6,title=shitei measure-invalid::措置/m);
  assert.match(r.stdout, /^::notice file=samples\/rules\/scope-vague\.shitei,line=\d+,col=\d+,.*title=shitei scope-vague::/m);
  for (const line of r.stdout.trim().split('\n').slice(0, -1)) assert.match(line, /^::(error|warning|notice) file=[^,]+/);
});

test('--max-warnings: exit 1 past the limit, 0 within it', () => {
  const file = 'samples/rules/placeholder-unfilled.shitei';
  const json = JSON.parse(runCli(['check', '--format', 'json', file]).stdout);
  assert.equal(json.summary.errors, 0, 'the sample has warnings only');
  const warnings = json.summary.warnings;
  assert.ok(warnings > 0);
  assert.equal(runCli(['check', '--max-warnings', String(warnings), file]).status, 0);
  const over = runCli(['check', '--max-warnings', String(warnings - 1), file]);
  assert.equal(over.status, 1);
  assert.match(over.stderr, /more than --max-warnings/);
  assert.equal(runCli(['check', '--max-warnings', 'x', file]).status, 2);
});

test('every rule code has a documentation page', () => {
  for (const code of ALL_CODES) assert.ok(fs.existsSync(path.join(REPO, 'docs/rules', `${code}.md`)), code);
});

test('the extension\'s $shitei problem matcher reads every line of --format unix', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const matcher = manifest.contributes.problemMatchers.find((m: { name: string }) => m.name === 'shitei');
  const re = new RegExp(matcher.pattern.regexp);
  const r = runCli(['check', '--format', 'unix', 'samples/rules']);
  const json = JSON.parse(runCli(['check', '--format', 'json', 'samples/rules']).stdout);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, json.summary.errors + json.summary.warnings + json.summary.infos + json.summary.hints);
  for (const line of lines) {
    const m = re.exec(line);
    assert.ok(m, line);
    assert.ok(fs.existsSync(path.join(REPO, m[matcher.pattern.file])));
    assert.match(m[matcher.pattern.severity], /^(error|warning|info|hint)$/);
  }
});

test('--format json marks as fixable exactly the diagnostics the editor offers a fix for (the CLI keeps no fix objects)', async () => {
  const cli = JSON.parse(runCli(['check', '--format', 'json', 'samples/']).stdout) as { files: { path: string; diagnostics?: JsonDiagnostic[] }[] };
  const tokens = new TokenCache(await loadTokenizer());
  const loader = new ConfigLoader(undefined, { roots: [REPO] });
  const workspaceCodes = new Set(WORKSPACE_RULES.map((r) => r.meta.code));
  let fixable = 0;
  let notFixable = 0;
  for (const f of cli.files) {
    const file = path.join(REPO, f.path);
    const text = fs.readFileSync(file, 'utf8');
    // The editor's analysis: every fix object kept (the code actions are made from them).
    const own = analyzeText(text, { config: loader.forDocument(file).config, tokens }).diagnostics;
    assert.deepEqual(f.diagnostics!.filter((d) => !workspaceCodes.has(d.code)), toJsonDiagnostics(own, new LineIndex(text), 'ja'), f.path);
    for (const d of own) d.fixes.length > 0 ? fixable++ : notFixable++;
  }
  assert.ok(fixable > 20 && notFixable > 20, `${fixable} fixable, ${notFixable} not`);
});
