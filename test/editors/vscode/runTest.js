#!/usr/bin/env node
'use strict';
/*
 * Runs the extension tests (suite/) in a real VS Code with @vscode/test-electron's runTests().
 *
 *   node test/editors/vscode/runTest.js
 *
 * Here (no internet but the npm registry): VS Code is code-server's workbench in headless Chromium,
 * through launcher.js, given to runTests as `vscodeExecutablePath`. Provision it once with
 * test/editors/vscode/setup.sh.
 *
 * Elsewhere (with internet): SHITEI_VSCODE_DOWNLOAD=1 lets runTests download desktop VS Code as usual
 * (SHITEI_VSCODE_VERSION picks the version, default "stable"; on a Linux machine without a display run
 * it under `xvfb-run -a`). The Japanese Language Pack (MS-CEINTL.vscode-language-pack-ja) is installed
 * into the throw-away profile first, since the suite checks the Japanese messages and VS Code reports
 * vscode.env.language = "ja" only with a pack.
 *
 * Before launching it runs `npm run bundle`, so the extension runs from dist/ (dist/extension.js,
 * dist/server.js, dist/dict-prepared/) as it is packaged; SHITEI_SKIP_BUNDLE=1 skips that.
 * The workspace is a temp folder holding .shiteirc.json {"today":"2026-11-23"} only (the suite writes
 * its sheets from fixtures/).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const HERE = __dirname;
const REPO = path.resolve(HERE, '../../..');
const DOWNLOAD = process.env.SHITEI_VSCODE_DOWNLOAD === '1';

function log(...a) {
  process.stderr.write(`[runTest] ${a.join(' ')}\n`);
}

async function main() {
  const t0 = Date.now();
  let testElectron;
  try {
    testElectron = require(require.resolve('@vscode/test-electron', { paths: [REPO] }));
  } catch {
    log('@vscode/test-electron is missing: run `npm ci` at the repository root');
    return 2;
  }

  if (process.env.SHITEI_SKIP_BUNDLE !== '1') {
    log('npm run bundle');
    execFileSync('npm', ['run', '--silent', 'bundle'], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'], timeout: 180_000 });
    log(`bundled in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const t1 = Date.now();
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/dict-prepared/manifest.json']) {
    if (!fs.existsSync(path.join(REPO, f))) {
      log(`${f} is missing: run \`npm run bundle\``);
      return 2;
    }
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-vscode-test-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, '.shiteirc.json'), JSON.stringify({ today: '2026-11-23' }, null, 2) + '\n');

  const options = {
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(HERE, 'suite', 'index.js'),
    launchArgs: [workspace, '--locale=ja', `--user-data-dir=${path.join(tmp, 'user-data')}`, `--extensions-dir=${path.join(tmp, 'extensions')}`],
    extensionTestsEnv: { SHITEI_VSCODE_TEST: '1' },
  };

  try {
    if (DOWNLOAD) {
      const version = process.env.SHITEI_VSCODE_VERSION || 'stable';
      const exe = await testElectron.downloadAndUnzipVSCode(version);
      const [cli, ...cliArgs] = testElectron.resolveCliArgsFromVSCodeExecutablePath(exe);
      log('installing MS-CEINTL.vscode-language-pack-ja');
      execFileSync(cli, [...cliArgs, `--user-data-dir=${path.join(tmp, 'user-data')}`, `--extensions-dir=${path.join(tmp, 'extensions')}`, '--install-extension', 'MS-CEINTL.vscode-language-pack-ja'], {
        stdio: 'inherit',
        shell: process.platform === 'win32',
        timeout: 180_000,
      });
      options.vscodeExecutablePath = exe;
    } else {
      const launcher = path.join(HERE, 'launcher.js');
      fs.chmodSync(launcher, 0o755); // runTests spawns it directly (git may lose the mode)
      options.vscodeExecutablePath = launcher;
    }
    const code = await testElectron.runTests(options);
    log(`passed: VS Code run ${((Date.now() - t1) / 1000).toFixed(1)} s, total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return code;
  } catch (e) {
    log(`failed after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${e && e.message ? e.message : e}`);
    return typeof e.code === 'number' && e.code !== 0 ? e.code : 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    log(e && e.stack ? e.stack : String(e));
    process.exit(1);
  },
);
