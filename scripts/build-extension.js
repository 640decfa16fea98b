#!/usr/bin/env node
// @ts-check
'use strict';
// Bundles the extension and the language server with esbuild into dist/, and copies kuromoji's
// dictionary beside the server bundle, where the tokenizer looks first (path.join(__dirname, 'dict')).
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
  await esbuild.build({ ...COMMON, entryPoints: [path.join(root, 'bin/shitei.js')], outfile: path.join(dist, 'cli.js') });
  const dict = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
  fs.mkdirSync(path.join(dist, 'dict'), { recursive: true });
  for (const f of fs.readdirSync(dict)) fs.copyFileSync(path.join(dict, f), path.join(dist, 'dict', f));
  // The prepared (decompressed, trimmed) dictionary, which loads in about a third of the time.
  const prepared = path.join(root, 'core/out/dict-prepared');
  if (!fs.existsSync(prepared)) throw new Error('core/out/dict-prepared is missing: run node scripts/build-dictionary.js first');
  fs.cpSync(prepared, path.join(dist, 'dict-prepared'), { recursive: true });
  process.stdout.write(`built ${path.relative(process.cwd(), dist)}/ (extension.js, server.js, cli.js, dict/, dict-prepared/)\n`);
}

module.exports = { editorBundles };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
  });
}
