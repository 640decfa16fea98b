#!/usr/bin/env node
// @ts-check
/**
 * `npm run watch`: recompiles on every change — `tsc -b --watch` for every project (core, cli,
 * server, client, test), and esbuild's watch for the two bundles VS Code runs (dist/extension.js,
 * dist/server.js), with source maps so breakpoints in the TypeScript sources bind when debugging
 * (CONTRIBUTING.md, "Debugging the extension"). Needs one full `npm run build` first (the
 * dictionary and the CLI bundle are not rebuilt here). Stop it with Ctrl+C.
 */
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const esbuild = require('esbuild');
const { editorBundles } = require('./build-extension');

const root = path.resolve(__dirname, '..');

async function main() {
  // tsc first: the server bundle reads the core's compiled output, and esbuild's watch rebuilds
  // the bundles whenever tsc rewrites it.
  const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', '--watch', '--preserveWatchOutput'], { cwd: root, stdio: 'inherit' });
  const contexts = await Promise.all(editorBundles({ sourcemap: true }).map((options) => esbuild.context({ ...options, logLevel: 'info' })));
  await Promise.all(contexts.map((c) => c.watch()));
  const stop = async () => {
    tsc.kill();
    await Promise.all(contexts.map((c) => c.dispose()));
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  tsc.on('exit', (code) => {
    if (code) process.stderr.write(`tsc exited with ${code}\n`);
    void stop();
  });
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
