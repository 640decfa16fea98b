'use strict';
/*
 * Entry point of the extension tests (--extensionTestsPath): VS Code's extension host requires this
 * module and awaits run(). No mocha here: a tiny sequential runner over node:assert with a time limit
 * per test and for the whole run. Prints one line per test and a closing "N passed, N failed".
 * Runs the same in desktop VS Code (runTests' download) and in code-server (launcher.js).
 */
const { performance } = require('node:perf_hooks');

const TEST_TIMEOUT_MS = Number(process.env.SHITEI_TEST_TIMEOUT_MS || 30_000);
const RUN_TIMEOUT_MS = Number(process.env.SHITEI_RUN_TIMEOUT_MS || 180_000);

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}

async function runTests(tests) {
  const started = performance.now();
  let passed = 0;
  let failed = 0;
  const failures = [];
  for (const t of tests) {
    if (performance.now() - started > RUN_TIMEOUT_MS) {
      failed++;
      failures.push(t.name);
      console.log(`✖ ${t.name} (not run: the run exceeded ${RUN_TIMEOUT_MS} ms)`);
      continue;
    }
    const t0 = performance.now();
    try {
      await withTimeout(t.fn(), t.timeout || TEST_TIMEOUT_MS, t.name);
      passed++;
      console.log(`✔ ${t.name} (${Math.round(performance.now() - t0)} ms)`);
    } catch (e) {
      failed++;
      failures.push(t.name);
      console.log(`✖ ${t.name} (${Math.round(performance.now() - t0)} ms)\n${indent(e && e.stack ? e.stack : String(e))}`);
      if (t.bail) {
        console.log('  (later tests depend on this one: stopping)');
        break;
      }
    }
  }
  const skipped = tests.length - passed - failed;
  console.log(`vscode: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return { passed, failed, failures };
}

function indent(s) {
  return s.split('\n').map((l) => `    ${l}`).join('\n');
}

async function run() {
  const tests = require('./extension.test.js');
  const { failed, failures } = await runTests(tests);
  if (failed) throw new Error(`${failed} test(s) failed: ${failures.join('; ')}`);
}

module.exports = { run };
