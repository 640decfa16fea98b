#!/usr/bin/env node
'use strict';
// The runnable entry: the compiled CLI (built by `npm ci` through the `prepare` script).
const { main } = require('../cli/out/main.js');

main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
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
