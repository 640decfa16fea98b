#!/usr/bin/env node
'use strict';
// The runnable entry. `shitei lsp` starts the bundled server (dist/server.js, built by `npm ci`
// through the prepare script): one file loads faster than the compiled module tree, and it is
// what the VS Code extension runs; its code cache (scripts/build-code-cache.js) halves that load.
// Everything else goes to the compiled CLI.
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const bundledServer = path.join(__dirname, '../dist/server.js');
// An installed npm package (`npm pack`) ships the bundles in dist/, not the compiled tree or the
// dependencies: there this file hands over to dist/cli.js, the bundle of this very file (where
// SHITEI_CLI_BUNDLE is defined, so the bundle never hands over to itself).
const installedPackage = typeof SHITEI_CLI_BUNDLE === 'undefined' && !fs.existsSync(path.join(__dirname, '../cli/out/main.js'));
if (installedPackage) {
  require(path.join(__dirname, '../dist/cli.js'));
} else if (args[0] === 'lsp') {
  if (fs.existsSync(bundledServer)) {
    // Through the V8 code cache the build wrote beside the bundle, when it fits this Node.
    require('../server/out/codeCache.js').requireWithCodeCache(bundledServer).exports.runServer();
  } else {
    require('../server/out/main.js').runServer();
  }
} else {
  const { main } = require('../cli/out/main.js');
  main(args, {
    stdout: (s) => process.stdout.write(s),
    // A large report is written chunk by chunk: wait while the reader (a pipe) catches up, so
    // the output is not queued whole in memory. A closed stdout ends the wait too.
    drained: () => new Promise((resolve) => {
      const done = () => {
        process.stdout.off('drain', done).off('close', done);
        resolve();
      };
      process.stdout.on('drain', done).on('close', done);
    }),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: !!process.stdout.isTTY,
  }).then(
    (code) => { process.exitCode = code; },
    (error) => {
      // An internal failure: say so without echoing document text, and exit 2.
      process.stderr.write(`shitei: internal error: ${error && error.name ? error.name + ': ' + error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
