/**
 * The layering ARCHITECTURE.md promises: the core imports no LSP or VS Code module, and only its
 * node/ (config file, installation) and nlp/ (the dictionary) folders reach the file system; the
 * adapters reach the core only through its declared entry points, and the CLI does not import the
 * server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const CORE = path.join(REPO, 'core/src');
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
/** Imports that load nothing at run time (`import type`, `export type`), which the closure below skips. */
const TYPE_ONLY = /^\s*(?:import|export)\s+type\s/;

/** The core's entry points (core/src/index.ts says what each holds), as adapters name them. */
const ENTRY_POINTS = ['index', 'node/index', 'service/index', 'ledger/index', 'report/index', 'documents/index'];
/**
 * Deep imports an adapter may keep, each for a reason. server/src/codeCache.ts runs unbundled
 * before the server bundle (bin/shitei.js → `shitei lsp`): through node/index it would load the
 * config and dictionary modules twice, once unbundled and once in the bundle.
 */
const ALLOWED_DEEP = new Map([['server/src/codeCache.ts', ['node/readFile']]]);

interface SourceFile { file: string; specifiers: string[]; runtimeSpecifiers: string[] }

function readSource(root: string, file: string): SourceFile {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const runtime = text.split('\n').filter((line) => !TYPE_ONLY.test(line)).join('\n');
  return {
    file: file.split(path.sep).join('/'),
    specifiers: [...text.matchAll(IMPORT)].map((m) => m[1]),
    runtimeSpecifiers: [...runtime.matchAll(IMPORT)].map((m) => m[1]),
  };
}

function sourceFiles(folder: string, extension: RegExp, recursive = true): SourceFile[] {
  const root = path.join(REPO, folder);
  return fs.readdirSync(root, { recursive }).map(String).filter((f) => extension.test(f)).sort()
    .map((f) => ({ ...readSource(root, f), file: `${folder}/${f.split(path.sep).join('/')}` }));
}

function coreFiles(): SourceFile[] {
  return sourceFiles('core/src', /\.ts$/).map((f) => ({ ...f, file: f.file.slice('core/src/'.length) }));
}

/** The adapters: everything outside the core that runs, plus the build scripts. */
function adapterFiles(): SourceFile[] {
  return [
    ...sourceFiles('cli/src', /\.ts$/),
    ...sourceFiles('server/src', /\.ts$/),
    ...sourceFiles('client/src', /\.ts$/),
    ...sourceFiles('scripts', /\.js$/, false),
    ...sourceFiles('bin', /\.js$/, false),
  ];
}

/** `../../core/out/node/index` → `node/index`; undefined when the specifier is not the core. */
function coreModule(specifier: string): string | undefined {
  const m = /(?:^|\/)core\/(?:out|src)\/(.+?)(?:\.js|\.ts)?$/.exec(specifier);
  return m?.[1];
}

test('the core imports no LSP or VS Code module', () => {
  const files = coreFiles();
  assert.ok(files.length > 50, 'expected to read the core');
  const offending = files.flatMap(({ file, specifiers }) => specifiers.filter((s) => /^vscode(-|$)/.test(s)).map((s) => `${file}: ${s}`));
  assert.deepEqual(offending, []);
});

test('only core/src/node/ and core/src/nlp/ reach the file system', () => {
  const FILE_SYSTEM = /^(node:)?(fs|fs\/promises|os|child_process)$/;
  const offending = coreFiles()
    .filter(({ file }) => !file.startsWith('node/') && !file.startsWith('nlp/'))
    .flatMap(({ file, specifiers }) => specifiers.filter((s) => FILE_SYSTEM.test(s)).map((s) => `${file}: ${s}`));
  assert.deepEqual(offending, []);
});

test('the adapters import the core only through its entry points', () => {
  const files = adapterFiles();
  assert.ok(files.some((f) => f.file === 'cli/src/check.ts') && files.some((f) => f.file === 'server/src/analysisService.ts'), 'expected to read the adapters');
  const seen = new Set<string>();
  const offending = files.flatMap(({ file, specifiers }) => specifiers.flatMap((s) => {
    const mod = coreModule(s);
    if (mod === undefined || mod.startsWith('dict-prepared')) return [];
    seen.add(mod);
    return ENTRY_POINTS.includes(mod) || ALLOWED_DEEP.get(file)?.includes(mod) ? [] : [`${file}: ${s}`];
  }));
  assert.deepEqual(offending, [], `import from ${ENTRY_POINTS.map((e) => `core/out/${e}`).join(', ')} (core/src/index.ts)`);
  assert.ok(seen.has('index') && seen.has('node/index') && seen.has('service/index'), 'expected the adapters to use the entry points');
});

test('every entry point exists and ARCHITECTURE.md names it', () => {
  const architecture = fs.readFileSync(path.join(REPO, 'ARCHITECTURE.md'), 'utf8');
  for (const entry of ENTRY_POINTS) {
    assert.ok(fs.existsSync(path.join(CORE, `${entry}.ts`)), `core/src/${entry}.ts`);
    assert.ok(architecture.includes(`core/src/${entry}.ts`), `ARCHITECTURE.md names core/src/${entry}.ts`);
  }
});

test('the pure entry point loads neither the file system nor the kuromoji loader', () => {
  // The closure of run-time imports from core/src/index.ts, followed through relative specifiers.
  const reached = new Set<string>();
  const builtins = new Set<string>();
  const visit = (file: string): void => {
    if (reached.has(file)) return;
    reached.add(file);
    const { runtimeSpecifiers } = readSource(CORE, file);
    for (const s of runtimeSpecifiers) {
      if (!s.startsWith('.')) {
        builtins.add(s);
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), s));
      const candidates = [`${target}.ts`, `${target}/index.ts`, target];
      const found = candidates.find((c) => fs.existsSync(path.join(CORE, c)) && fs.statSync(path.join(CORE, c)).isFile());
      assert.ok(found, `${file}: cannot resolve ${s}`);
      if (found.endsWith('.ts')) visit(found);
    }
  };
  visit('index.ts');
  assert.ok(reached.has('analysis/analyze.ts') && reached.size > 50, 'expected to follow the imports');
  const offending = [...reached].filter((f) => f.startsWith('node/') || /^nlp\/(tokenizer|dictionary|dictionaryTrie)\.ts$/.test(f));
  assert.deepEqual(offending, []);
  assert.deepEqual([...builtins].filter((s) => /^(node:)?(fs|fs\/promises|os|child_process|kuromoji)(\/|$)/.test(s)), []);
});

test('the CLI does not import the language server', () => {
  const offending = sourceFiles('cli/src', /\.ts$/)
    .flatMap(({ file, specifiers }) => specifiers.filter((s) => /(^|\/)server\/(out|src)\//.test(s) || /^vscode-languageserver/.test(s)).map((s) => `${file}: ${s}`));
  assert.deepEqual(offending, [], 'bin/shitei.js starts the server for `shitei lsp`');
});
