#!/usr/bin/env node
// @ts-check
/**
 * `npm run catalog`: writes every copy of the rule catalog from the rules' `meta`
 * (core/src/rules/catalog.ts, read through the core's entry point core/out/index.js):
 *
 *   - core/src/rules/codes.ts (the code lists directives and the config file are checked against)
 *   - package.json            contributes.configuration → shitei.rules (the VS Code settings)
 *   - schemas/shiteirc.schema.json  properties.rules (the .shiteirc.json schema)
 *   - README.md               the rules table, between the generated-section markers
 *   - docs/rules/README.md    the rule index, between the generated-section markers
 *
 * Deterministic and idempotent: the output depends on the metadata only, and a second run
 * changes nothing. `node scripts/generate-catalog.js --check` writes nothing and exits 1 when a
 * copy differs; test/src/catalog/catalog.test.ts does the same inside `npm test`.
 * Needs the core built (`tsc -b`); `npm run catalog` builds before and after.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];
const BEGIN = '<!-- BEGIN GENERATED: rule catalog (npm run catalog; do not edit by hand) -->';
const END = '<!-- END GENERATED: rule catalog -->';
const OTHER = { id: 'other', title: { ja: 'その他', en: 'Other' }, basis: '' };

/**
 * @typedef {{ ja: string, en: string }} Localized
 * @typedef {{ code: string, kind: 'document' | 'workspace' | 'engine', category?: string, defaultSeverity: string,
 *   basis: string, description: Localized, fixable: boolean }} Entry
 * @typedef {{ id: string, title: Localized, basis: string }} Category
 */

/** @returns {{ entries: Entry[], categories: readonly Category[] }} */
function loadCatalog() {
  if (!fs.existsSync(path.join(ROOT, 'core', 'out', 'index.js'))) throw new Error('core/out/index.js is missing: build first (npx tsc -b)');
  const { ruleCatalog, RULE_CATEGORIES } = require('../core/out/index.js');
  /** @type {Entry[]} */
  const entries = ruleCatalog();
  const seen = new Set();
  for (const e of entries) {
    if (seen.has(e.code)) throw new Error(`the code ${e.code} is defined twice`);
    seen.add(e.code);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.code)) throw new Error(`the code "${e.code}" is not kebab-case`);
  }
  return { entries, categories: RULE_CATEGORIES };
}

/** @param {Entry} e */
const settingDescription = (e) => `${e.description.ja} / ${e.description.en} (既定 / default: \`${e.defaultSeverity}\`)`;

/** @param {Entry[]} entries */
function settingsProperties(entries) {
  /** @type {Record<string, unknown>} */
  const props = {};
  for (const e of entries) props[e.code] = { type: 'string', enum: SEVERITIES, markdownDescription: settingDescription(e) };
  return props;
}

/** @param {Entry[]} entries */
function schemaProperties(entries) {
  /** @type {Record<string, unknown>} */
  const props = {};
  for (const e of entries) props[e.code] = { enum: SEVERITIES, description: `${e.description.ja} / ${e.description.en} (default: ${e.defaultSeverity})` };
  return props;
}

/** @param {string} s */
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The README's table: one row per rule (the engine's diagnostics are named in the prose below it). */
/** @param {Entry[]} entries */
function readmeTable(entries) {
  const rows = entries.filter((e) => e.kind !== 'engine').map((e) =>
    `| [${e.code}](docs/rules/${e.code}.md) | ${e.defaultSeverity} | ${cell(e.description.en)} |`);
  return ['| code | severity | fires when |', '|---|---|---|', ...rows].join('\n');
}

/** The rule index: one table per catalog section, in the sections' order. */
/** @param {Entry[]} entries @param {readonly Category[]} categories */
function docsIndex(entries, categories) {
  const known = new Set(categories.map((c) => c.id));
  const parts = [];
  for (const category of [...categories, OTHER]) {
    const own = entries.filter((e) => (e.category && known.has(e.category) ? e.category : 'other') === category.id);
    if (own.length === 0) continue;
    const basis = category.basis ? `（${category.basis}）` : '';
    parts.push([
      `## ${category.title.ja} / ${category.title.en}${basis}`,
      '',
      '| コード / Code | 重大度 / Severity | 説明 | Description |',
      '|---|---|---|---|',
      ...own.map((e) => `| [\`${e.code}\`](${e.code}.md) | ${e.defaultSeverity} | ${cell(e.description.ja)} | ${cell(capitalize(e.description.en))} |`),
    ].join('\n'));
  }
  return parts.join('\n\n');
}

/** @param {string} s */
const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** @param {Entry[]} entries */
function codesModule(entries) {
  /** @param {Entry['kind']} kind */
  const list = (kind) => entries.filter((e) => e.kind === kind).map((e) => `  '${e.code}',`).join('\n');
  const engine = entries.filter((e) => e.kind === 'engine');
  const constName = (/** @type {string} */ code) => code.toUpperCase().replace(/-/g, '_');
  return `// Generated by \`npm run catalog\` (scripts/generate-catalog.js) from the rules' meta: do not edit.
// A new rule is registered in ./index.ts (document rules) or core/src/workspace/ (workspace rules).
/**
 * Every rule code the tool knows, document and workspace rules alike, plus the codes of the
 * engine's own diagnostics. Directives and the config file are checked against this list. It is a
 * plain list (not read from the rule modules) so that rules and the config reader can import it
 * without importing every rule.
 */
export const DOCUMENT_RULE_CODES = [
${list('document')}
] as const;

/** Rules that compare sheets with each other (every \`.shitei\` file of the folder or workspace). */
export const WORKSPACE_RULE_CODES = [
${list('workspace')}
] as const;

/** The engine's own diagnostics (core/src/rules/types.ts ENGINE_DIAGNOSTICS). */
export const ENGINE_CODES = [
${list('engine')}
] as const;

${engine.map((e) => `export const ${constName(e.code)} = '${e.code}';`).join('\n')}

export const ALL_CODES: ReadonlySet<string> = new Set<string>([
  ...DOCUMENT_RULE_CODES, ...WORKSPACE_RULE_CODES, ...ENGINE_CODES,
]);
`;
}

/**
 * Replaces the generated section of a Markdown file. The markers are added once by hand; a file
 * without them is an error rather than a guess where the table goes.
 * @param {string} text @param {string} body @param {string} file
 */
function replaceSection(text, body, file) {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file}: the generated-section markers are missing (${BEGIN} … ${END})`);
  return text.slice(0, start + BEGIN.length) + '\n' + body + '\n' + text.slice(end);
}

/**
 * Every catalog copy as it should be: file (relative to the root) → full expected text.
 * @param {{ read?: (file: string) => string }} [io]
 * @returns {Map<string, string>}
 */
function renderCatalog(io = {}) {
  const read = io.read ?? ((/** @type {string} */ file) => fs.readFileSync(path.join(ROOT, file), 'utf8'));
  const { entries, categories } = loadCatalog();
  const files = new Map();

  files.set('core/src/rules/codes.ts', codesModule(entries));

  const pkg = JSON.parse(read('package.json'));
  const rulesSetting = pkg.contributes.configuration.properties['shitei.rules'];
  rulesSetting.properties = settingsProperties(entries);
  files.set('package.json', JSON.stringify(pkg, null, 2) + '\n');

  const schema = JSON.parse(read('schemas/shiteirc.schema.json'));
  schema.properties.rules.properties = schemaProperties(entries);
  files.set('schemas/shiteirc.schema.json', JSON.stringify(schema, null, 2) + '\n');

  files.set('README.md', replaceSection(read('README.md'), readmeTable(entries), 'README.md'));
  files.set('docs/rules/README.md', replaceSection(read('docs/rules/README.md'), docsIndex(entries, categories), 'docs/rules/README.md'));
  return files;
}

/** The files whose text differs from what the catalog makes of them. */
function staleFiles() {
  const stale = [];
  for (const [file, text] of renderCatalog()) {
    if (fs.readFileSync(path.join(ROOT, file), 'utf8') !== text) stale.push(file);
  }
  return stale;
}

function main() {
  const check = process.argv.includes('--check');
  if (check) {
    const stale = staleFiles();
    if (stale.length) {
      process.stderr.write(`rule catalog copies out of date: ${stale.join(', ')} — run npm run catalog\n`);
      process.exitCode = 1;
    }
    return;
  }
  let written = 0;
  for (const [file, text] of renderCatalog()) {
    const full = path.join(ROOT, file);
    if (fs.readFileSync(full, 'utf8') === text) continue;
    fs.writeFileSync(full, text);
    process.stdout.write(`wrote ${file}\n`);
    written++;
  }
  if (written === 0) process.stdout.write('rule catalog: every copy is up to date\n');
}

module.exports = { renderCatalog, staleFiles, BEGIN, END };

if (require.main === module) main();
