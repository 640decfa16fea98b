#!/usr/bin/env node
'use strict';
/*
 * A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }), for
 * machines where desktop VS Code cannot be downloaded. It runs the real VS Code workbench (code-server
 * 4.100.3 = VS Code 1.100.3) in headless Debian Chromium, with the real Node extension host, and exits
 * with the extension tests' exit code.
 *
 * Understood arguments (as runTests passes them; both --k=v and --k v forms):
 *   --extensionDevelopmentPath=P (repeatable), --extensionTestsPath=P, --locale=L,
 *   positional: a folder to open, a .code-workspace file, or a file to open (in its folder, unless a
 *   folder is given too; the web workbench opens only the first file).
 * Ignored on purpose (desktop/Electron-only, or replaced by a fresh temp profile every run):
 *   --no-sandbox --disable-gpu-sandbox --disable-updates --skip-welcome --skip-release-notes
 *   --disable-workspace-trust (always on) --user-data-dir --extensions-dir --disable-extensions
 *   and any other flag (listed with SHITEI_VSCODE_DEBUG=1).
 *
 * Environment: SHITEI_VSCODE_TIMEOUT_MS (whole run, default 240000), SHITEI_VSCODE_DEBUG=1 (code-server
 * and browser console output), SHITEI_VSCODE_KEEP=1 (keep the temp profile), SHITEI_CHROMIUM.
 * Exit codes: the tests' code; 124 on time-out; 2 on bad arguments; 3 when the workbench could not run.
 */
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');

const TOTAL_MS = Number(process.env.SHITEI_VSCODE_TIMEOUT_MS || 240_000);

function parseArgs(argv) {
  const out = { dev: [], tests: undefined, locale: undefined, paths: [], ignored: [] };
  const valued = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'locale', 'user-data-dir', 'extensions-dir', 'extensionDevelopmentKind', 'log', 'inspect-extensions', 'inspect-brk-extensions']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      let [k, v] = [a.slice(2), undefined];
      const eq = k.indexOf('=');
      if (eq >= 0) [k, v] = [k.slice(0, eq), k.slice(eq + 1)];
      else if (valued.has(k) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) v = argv[++i];
      if (k === 'extensionDevelopmentPath') out.dev.push(v);
      else if (k === 'extensionTestsPath') out.tests = v;
      else if (k === 'locale') out.locale = v;
      else out.ignored.push(v === undefined ? a : `--${k}=${v}`);
    } else if (a.startsWith('-')) out.ignored.push(a);
    else out.paths.push(a);
  }
  return out;
}

function stripFileScheme(p) {
  return p && p.startsWith('file://') ? decodeURIComponent(new URL(p).pathname) : p;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  lib.debug('ignored arguments:', args.ignored.join(' ') || '(none)');
  if (!args.tests) {
    lib.log('usage: launcher.js --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [FOLDER]');
    return 2;
  }
  lib.requireSetup();
  const devPaths = args.dev.map(stripFileScheme).map((p) => path.resolve(p));
  const testsPath = path.resolve(stripFileScheme(args.tests));

  let folder;
  let workspace;
  const openFiles = [];
  for (const p of args.paths.map(stripFileScheme).map((p) => path.resolve(p))) {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) throw new Error(`no such file or folder: ${p}`);
    if (st.isDirectory()) folder ??= p;
    else if (p.endsWith('.code-workspace')) workspace ??= p;
    else openFiles.push(p);
  }
  if (!folder && !workspace && openFiles.length) folder = path.dirname(openFiles[0]);

  const dirs = lib.makeProfile();
  let server;
  let browser;
  let finished = false;
  const cleanup = async () => {
    if (browser) await browser.close();
    if (server) await server.stop();
    if (process.env.SHITEI_VSCODE_KEEP === '1') lib.log('kept profile', dirs.root);
    else lib.rmrf(dirs.root);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, async () => {
      if (finished) return;
      finished = true;
      lib.log(`${sig}: stopping`);
      await cleanup();
      process.exit(130);
    });
  }

  const run = async () => {
    const t0 = Date.now();
    if (args.locale && !/^en\b/i.test(args.locale)) lib.installLocaleStub(dirs, args.locale);
    server = await lib.startCodeServer(dirs, { folder: folder || workspace, locale: args.locale });
    lib.debug(`code-server on ${server.origin} in ${Date.now() - t0} ms`);
    browser = await lib.launchBrowser(dirs, { locale: args.locale || 'en-US' });
    const { page } = browser;

    let resolveExit;
    const exitCode = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (code) => {
      resolveExit(typeof code === 'number' ? code : Number(code) || 0);
    });
    // In extension-test mode the workbench logs the remote extension host's console (console.log in the
    // tests) through its log service: "%c INFO color: #33f <text>" (ERR/WARN alike). Print those lines
    // once the extension host is connected, less the workbench's own known chatter; all else only with DEBUG.
    let extHostUp = false;
    page.on('console', (msg) => {
      const text = msg.text();
      const m = /^%c\s*(INFO|WARN|ERR)\s+color: #[0-9a-f]+ ([\s\S]*)$/i.exec(text);
      if (m && /^Creating a socket \(renderer-ExtensionHost-.* was successful/.test(m[2])) extHostUp = true;
      if (m && extHostUp && !NOISE.some((re) => re.test(m[2]))) {
        (m[1] === 'INFO' ? process.stdout : process.stderr).write(m[2] + '\n');
      } else if (lib.DEBUG) process.stderr.write(`[browser:${msg.type()}] ${text}\n`);
    });
    page.on('pageerror', (e) => lib.debug('[browser:pageerror]', e.message));

    const payload = [];
    for (const d of devPaths) payload.push(['extensionDevelopmentPath', lib.remoteUri(server.port, d)]);
    payload.push(['extensionTestsPath', lib.remoteUri(server.port, testsPath)]);
    // The web workbench opens one file from the payload (openFile); the others are ignored.
    if (openFiles.length) payload.push(['openFile', lib.remoteUri(server.port, openFiles[0])]);
    const url = workspace
      ? lib.workbenchUrl(server.origin, { payload }).replace('/?', `/?workspace=${encodeURIComponent(workspace)}&`)
      : lib.workbenchUrl(server.origin, { folder, payload });
    lib.debug('open', url);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    // Also end early when code-server or the page dies, rather than waiting for the time-out.
    const died = new Promise((_, reject) => {
      server.child.once('exit', (c, sig) => reject(new Error(`code-server exited (${c ?? sig}) before the tests finished:\n${server.output().split('\n').slice(-30).join('\n')}`)));
      page.once('crash', () => reject(new Error('the browser page crashed')));
      page.once('close', () => reject(new Error('the browser page closed before the tests finished')));
    });
    died.catch(() => {});
    const code = await Promise.race([exitCode, died]);
    lib.debug(`tests finished with ${code} after ${Date.now() - t0} ms`);
    return code;
  };

  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(async () => {
      lib.log(`time-out after ${TOTAL_MS} ms`);
      try {
        if (browser) {
          const shot = path.join(lib.REPO, 'test-results', 'vscode-launcher-timeout.png');
          fs.mkdirSync(path.dirname(shot), { recursive: true });
          await lib.withTimeout(browser.page.screenshot({ path: shot }), 10_000, 'screenshot');
          lib.log('screenshot of the workbench:', shot);
        }
      } catch (e) {
        lib.debug('no screenshot:', e.message);
      }
      if (server) lib.log('code-server output:\n' + server.output().split('\n').slice(-40).join('\n'));
      resolve(124);
    }, TOTAL_MS);
  });

  let code;
  try {
    code = await Promise.race([run(), timeout]);
  } catch (e) {
    lib.log('error:', e && e.stack ? e.stack : String(e));
    code = 3;
  } finally {
    clearTimeout(timer);
    finished = true;
    await lib.withTimeout(cleanup(), 15_000, 'cleanup').catch((e) => lib.log(e.message));
  }
  return code;
}

// The workbench's own log lines that come after the extension host connects (not the tests' output).
const NOISE = [
  /^Creating a socket \(/,
  /^ChatSessionStore: /,
  /^Updating additional builtin extensions cache/,
  /^Resolved connection token /,
  /^Started local extension host/,
  /^\[remote-connection\]/,
  /^Extension host \(/,
  /^No search provider registered/,
  /^\[perf\]/,
  /^Ignoring fetching additional builtin extensions/,
  /^Error: No extension gallery service configured/,
];

main().then(
  (code) => process.exit(code),
  (e) => {
    lib.log('fatal:', e && e.stack ? e.stack : String(e));
    process.exit(3);
  },
);
