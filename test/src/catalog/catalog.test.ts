/**
 * The rule catalog has one source, the rules' meta (core/src/rules/catalog.ts). Every copy of it
 * — codes.ts, the VS Code settings in package.json, the .shiteirc.json schema, the README and
 * docs/rules rule tables — is made by `npm run catalog`, and these tests fail when one drifts.
 * Every code also needs its four files: a module, a test, a documentation page and a sample.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleCatalog } from '../../../core/out/rules/catalog';
import { DOCUMENT_RULES } from '../../../core/out/rules/index';
import { ALL_CODES } from '../../../core/out/rules/codes';
import { WORKSPACE_RULES } from '../../../core/out/workspace/workspaceRules';
import { resolveConfig, SEVERITY_SETTINGS } from '../../../core/out/analysis/config';
import { analyzeText } from '../../../core/out/analysis/analyze';

const REPO = path.resolve(__dirname, '../../..');
// The generator is a plain Node script (it runs before and without the test build).
const generator = require(path.join(REPO, 'scripts/generate-catalog.js')) as {
  renderCatalog(io?: { read?: (file: string) => string }): Map<string, string>;
  BEGIN: string;
  END: string;
};

const catalog = ruleCatalog();
const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');

test('every copy of the rule catalog matches the rules\' meta', () => {
  const rendered = generator.renderCatalog();
  assert.deepEqual([...rendered.keys()].sort(), ['README.md', 'core/src/rules/codes.ts', 'core/src/rules/index.ts', 'docs/rules/README.md', 'package.json', 'schemas/shiteirc.schema.json']);
  for (const [file, expected] of rendered) {
    assert.ok(read(file) === expected, `${file} is out of date with the rules' meta: run npm run catalog (and commit the result)`);
  }
});

test('the generator is idempotent: rendering its own output changes nothing', () => {
  const first = generator.renderCatalog();
  const second = generator.renderCatalog({ read: (file) => first.get(file) ?? read(file) });
  for (const [file, text] of first) assert.equal(second.get(file), text, file);
});

test('the generated copies list exactly the catalog\'s codes', () => {
  const codes = catalog.map((e) => e.code);
  assert.equal(new Set(codes).size, codes.length, 'a code is defined twice');
  assert.deepEqual([...ALL_CODES], codes, 'core/out/rules/codes.js is stale: run npm run catalog');
  const pkg = JSON.parse(read('package.json'));
  const settings = pkg.contributes.configuration.properties['shitei.rules'].properties;
  assert.deepEqual(Object.keys(settings), codes);
  const schema = JSON.parse(read('schemas/shiteirc.schema.json'));
  assert.deepEqual(Object.keys(schema.properties.rules.properties), codes);
  for (const code of codes) {
    assert.deepEqual(settings[code].enum, SEVERITY_SETTINGS, `package.json ${code}`);
    assert.deepEqual(schema.properties.rules.properties[code].enum, SEVERITY_SETTINGS, `schema ${code}`);
  }
  // The tables sit between the markers, one row per code: a stray blank line would end a table.
  for (const [file, rows] of [['README.md', catalog.filter((e) => e.kind !== 'engine')], ['docs/rules/README.md', catalog]] as const) {
    const text = read(file);
    const section = text.slice(text.indexOf(generator.BEGIN), text.indexOf(generator.END));
    // A link ends in `/<code>.md)` or `(<code>.md)`: `date-invalid` must not count `lifecycle-date-invalid`'s row.
    for (const e of rows) assert.equal(section.match(new RegExp(`[(/]${e.code}\\.md\\)`, 'g'))?.length ?? 0, 1, `${file}: one row for ${e.code}`);
  }
});

test('every rule module in core/src/rules is registered, and named after its code', () => {
  // The sources decide (a stale compiled file of a deleted module must not count); each is loaded compiled.
  const dir = path.join(REPO, 'core/out/rules');
  for (const file of fs.readdirSync(path.join(REPO, 'core/src/rules')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '.js'))) {
    // Every compiled module is loaded to find the ones that default-export a rule.
    const exported = require(path.join(dir, file)) as { default?: { meta?: { code?: unknown }; check?: unknown } };
    const rule = exported.default;
    if (!rule || typeof rule.check !== 'function' || !rule.meta) continue;
    assert.equal(rule.meta.code, file.replace(/\.js$/, ''), `core/src/rules/${file.replace(/\.js$/, '.ts')} defines the rule ${String(rule.meta.code)}: name the file after the code`);
    assert.ok((DOCUMENT_RULES as readonly unknown[]).includes(rule), `core/src/rules/${file.replace(/\.js$/, '.ts')} is not registered in core/src/rules/index.ts: run npm run catalog`);
  }
});

const camelCase = (code: string) => code.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Where a rule whose code is not its file's name is defined (workspace rules share a module today). */
function definingModule(code: string, kind: string): string | undefined {
  if (kind === 'document') return `core/src/rules/${code}.ts`;
  const folder = kind === 'workspace' ? 'core/src/workspace' : 'core/src/rules';
  const files = fs.readdirSync(path.join(REPO, folder), { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
  const found = files.find((f) => read(path.join(folder, f)).includes(`code: '${code}'`));
  return found && path.join(folder, found);
}

/**
 * The engine's diagnostics are not rules: no module checks a sheet for them and no sample can
 * provoke them (a crashing rule; a 2,000,000-character file; a mis-decoded file, which a sample cannot be without being mis-decoded itself). They are tested where they arise.
 */
const ENGINE_TESTS: Record<string, string> = {
  'internal-error': 'test/src/badinput/crash.test.ts',
  'document-too-large': 'test/src/badinput/badinput.test.ts',
  'encoding-suspect': 'test/src/text/encodingSuspect.test.ts',
  'problems-truncated': 'test/src/lsp/problemsTruncated.test.ts',
};

/** The codes of a sample's `# expect: CODE, CODE` markers (test/src/cli/samples.test.ts checks them against the output). */
function markedCodes(text: string): string[] {
  return [...text.matchAll(/^[ \t\u3000]*#[ \t]*expect:(.*)$/gm)].flatMap((m) => m[1].split(/[,、\s]+/).filter(Boolean));
}

function samplesWithMarkers(): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.shitei')) {
        for (const code of markedCodes(fs.readFileSync(full, 'utf8'))) {
          byCode.set(code, [...(byCode.get(code) ?? []), path.relative(REPO, full)]);
        }
      }
    }
  };
  walk(path.join(REPO, 'samples'));
  return byCode;
}

test('every code has its module, its test, its documentation page and a sample', () => {
  const samples = samplesWithMarkers();
  const missing: string[] = [];
  for (const e of catalog) {
    const module = definingModule(e.code, e.kind);
    if (!module || !fs.existsSync(path.join(REPO, module))) missing.push(`${e.code}: no module defines it (core/src/rules/${e.code}.ts)`);
    const testFile = e.kind === 'engine' ? ENGINE_TESTS[e.code] : `test/src/rules/${e.code}.test.ts`;
    if (!testFile || !fs.existsSync(path.join(REPO, testFile))) missing.push(`${e.code}: no test (test/src/rules/${e.code}.test.ts)`);
    else if (![e.code, camelCase(e.code)].some((name) => read(testFile).includes(name))) missing.push(`${e.code}: ${testFile} does not name it`);
    const page = `docs/rules/${e.code}.md`;
    if (!fs.existsSync(path.join(REPO, page))) missing.push(`${e.code}: no documentation page (${page})`);
    else if (read(page).split('\n')[0].trim() !== `# ${e.code}`) missing.push(`${e.code}: ${page} does not start with "# ${e.code}"`);
    if (e.kind !== 'engine' && !samples.has(e.code)) missing.push(`${e.code}: no sample under samples/ with the marker "# expect: ${e.code}"`);
    if (!e.description.ja || !e.description.en || !e.basis) missing.push(`${e.code}: meta lacks a description or basis`);
  }
  assert.deepEqual(missing, [], 'a rule is four files (docs: CONTRIBUTING.md "Adding a rule")');
});

test('workspace rules and engine diagnostics carry the same metadata as document rules', () => {
  assert.deepEqual(catalog.filter((e) => e.kind === 'workspace').map((e) => e.code), WORKSPACE_RULES.map((r) => r.meta.code));
  assert.deepEqual(catalog.filter((e) => e.kind === 'engine').map((e) => e.code), ['internal-error', 'document-too-large', 'problems-truncated', 'encoding-suspect']);
  for (const e of catalog) assert.ok(['error', 'warning', 'info', 'hint'].includes(e.defaultSeverity), e.code);
});

test('the engine\'s diagnostics are configured like rules (docs/rules/internal-error.md, document-too-large.md)', () => {
  const text = '整理番号：1\n'.repeat(20);
  const tooLarge = (rules: Record<string, 'off' | 'warning'> = {}) =>
    analyzeText(text, { config: resolveConfig({ maxDocumentChars: 100, rules }) }).diagnostics.map((d) => [d.code, d.severity]);
  assert.deepEqual(tooLarge(), [['document-too-large', 'error']]);
  assert.deepEqual(tooLarge({ 'document-too-large': 'warning' }), [['document-too-large', 'warning']]);
  assert.deepEqual(tooLarge({ 'document-too-large': 'off' }), [], 'off: silent, and the document is still not analysed');

  const crashing = { meta: { ...DOCUMENT_RULES[0].meta, code: 'crashes' }, check: () => { throw new Error('boom'); } };
  const crashes = (rules: Record<string, 'off' | 'warning'> = {}) =>
    analyzeText(text, { config: resolveConfig({ rules }), rules: [crashing] }).diagnostics.map((d) => [d.code, d.severity]);
  assert.deepEqual(crashes(), [['internal-error', 'error']]);
  assert.deepEqual(crashes({ 'internal-error': 'warning' }), [['internal-error', 'warning']]);
  assert.deepEqual(crashes({ 'internal-error': 'off' }), []);
});

test('each rule page states the meta\'s default severity and whether it has a quick fix', () => {
  const wrong: string[] = [];
  for (const e of catalog) {
    const page = `docs/rules/${e.code}.md`;
    if (!fs.existsSync(path.join(REPO, page))) continue; // reported by the four-files test
    const text = read(page);
    const severity = /^\| 既定の重大度 \/ Default severity \| `?(\w+)`? \|/m.exec(text)?.[1];
    if (severity !== undefined && severity !== e.defaultSeverity) wrong.push(`${page}: default severity ${severity}, meta says ${e.defaultSeverity}`);
    const fix = /^\| 自動修正 \/ Quick fix \| (あり|なし)/m.exec(text)?.[1];
    if (fix !== undefined && (fix === 'あり') !== e.fixable) wrong.push(`${page}: quick fix "${fix}", meta says fixable: ${e.fixable}`);
  }
  assert.deepEqual(wrong, []);
});
