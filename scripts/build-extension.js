#!/usr/bin/env node
// @ts-check
'use strict';
// Bundles the extension, the language server and the CLI with esbuild into dist/, and copies the
// prepared dictionary beside them (dist/dict-prepared, where core/src/nlp/dictionary.ts looks).
// One dictionary only: kuromoji's stock dict/*.dat.gz (18 MB, 41 % of the .vsix) is not shipped
// as a fallback any more; the prepared one is compressed by the package itself (the .vsix zip,
// the npm tarball) and loads with no work at install or at run time (docs/performance.md, "Package size").
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

/**
 * vscode-languageserver requires node:crypto and node:child_process when it loads, but uses them
 * only for transports and helpers the server never starts over stdio or IPC (random pipe names,
 * looking up global npm/yarn folders). In the server bundle they are required on first use
 * instead: ≈ 5 ms of every start (docs/performance.md, benchmark 1a).
 */
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?(crypto|child_process)$/ }, (args) =>
      args.namespace === 'lazy-builtin'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' });
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: `
        let loaded;
        const load = () => (loaded ??= require(${JSON.stringify(`node:${args.path}`)}));
        module.exports = new Proxy({}, {
          get: (_, key) => load()[key],
          has: (_, key) => key in load(),
          ownKeys: () => Reflect.ownKeys(load()),
          getOwnPropertyDescriptor: (_, key) => {
            const d = Object.getOwnPropertyDescriptor(load(), key);
            return d && { ...d, configurable: true };
          },
        });`,
    }));
  },
};

/** @type {import('esbuild').BuildOptions} */
const COMMON = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: false, logLevel: 'warning', minify: false };

/**
 * The two bundles VS Code runs: the extension and the language server. `scripts/watch.js` builds
 * the same ones with source maps (for F5 debugging) and rebuilds them on change.
 * @param {{ sourcemap?: boolean }} [options]
 * @returns {import('esbuild').BuildOptions[]}
 */
function editorBundles(options = {}) {
  const common = { ...COMMON, sourcemap: options.sourcemap ?? false };
  return [
    { ...common, entryPoints: [path.join(root, 'client/src/extension.ts')], outfile: path.join(dist, 'extension.js'), external: ['vscode'] },
    { ...common, entryPoints: [path.join(root, 'server/src/main.ts')], outfile: path.join(dist, 'server.js'), plugins: [lazyBuiltins] },
  ];
}

async function main() {
  fs.rmSync(dist, { recursive: true, force: true });
  for (const bundle of editorBundles()) await esbuild.build(bundle);
  // The CLI for the "check the workspace" task, from the compiled output (`npm run bundle` runs tsc first).
  // It is also what an installed npm package runs (bin/shitei.js hands over to it when the compiled tree is absent).
  await esbuild.build({ ...COMMON, entryPoints: [path.join(root, 'bin/shitei.js')], outfile: path.join(dist, 'cli.js'), define: { SHITEI_CLI_BUNDLE: 'true' } });
  // The prepared (decompressed, trimmed) dictionary, which loads in about a third of the time.
  const prepared = path.join(root, 'core/out/dict-prepared');
  if (!fs.existsSync(prepared)) throw new Error('core/out/dict-prepared is missing: run node scripts/build-dictionary.js first');
  fs.cpSync(prepared, path.join(dist, 'dict-prepared'), { recursive: true });
  process.stdout.write(`built ${path.relative(process.cwd(), dist)}/ (extension.js, server.js, cli.js, dict-prepared/)\n`);
}

/**
 * `--vsix`: packages the built dist/ into shitei.vsix with vsce. One allowlist (`files` in
 * package.json) serves the npm tarball and the .vsix, since vsce refuses `files` beside a
 * .vscodeignore; the one difference is the V8 code cache, which only the Node that made it accepts
 * (`shitei lsp` from the tarball can use it; VS Code's own runtime never does, and the extension
 * starts dist/server.js without it): it is set aside while vsce runs and put back afterwards.
 */
function packageVsix() {
  const { spawnSync } = require('node:child_process');
  const cache = path.join(dist, 'server.js.v8cache');
  const aside = path.join(dist, '.server.js.v8cache.aside'); // matched by no `files` entry
  const hadCache = fs.existsSync(cache);
  // The extension's page is client/README.md (--readme-path, packed as extension/readme.md); the
  // developer README, which `files` lists for the npm tarball, would be extension/README.md beside
  // it, and a .vsix cannot hold two names that differ in case only: it too is set aside.
  const readme = path.join(root, 'README.md');
  const readmeAside = path.join(root, '.README.md.aside');
  if (hadCache) fs.renameSync(cache, aside);
  fs.renameSync(readme, readmeAside);
  try {
    const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
    const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-unused-files-pattern', '--readme-path', 'client/README.md', '-o', 'shitei.vsix'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`vsce package failed (exit ${r.status})`);
  } finally {
    fs.renameSync(readmeAside, readme);
    if (hadCache) fs.renameSync(aside, cache);
  }
}

module.exports = { editorBundles };

if (require.main === module) {
  if (process.argv.includes('--vsix')) {
    try {
      packageVsix();
    } catch (error) {
      process.stderr.write(`${/** @type {Error} */ (error).message}\n`);
      process.exit(1);
    }
  } else {
    main().catch((error) => {
      process.stderr.write(`${error.stack || error}\n`);
      process.exit(1);
    });
  }
}
