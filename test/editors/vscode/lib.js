'use strict';
// Shared plumbing for launcher.js (the "VS Code executable" given to runTests) and ui.js (the UI check):
// a throw-away profile, code-server on a free loopback port in its own process group, and headless
// Debian Chromium driven by playwright-core. Every wait has a hard time limit.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const HERE = __dirname;
const REPO = path.resolve(HERE, '../../..');
const CODE_SERVER_ENTRY = path.join(HERE, 'node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.SHITEI_CHROMIUM || '/usr/bin/chromium';
const DEBUG = process.env.SHITEI_VSCODE_DEBUG === '1';

const log = (...a) => process.stderr.write(`[vscode-launcher] ${a.join(' ')}\n`);
const debug = (...a) => DEBUG && log(...a);

function requireSetup() {
  const missing = [];
  if (!fs.existsSync(CODE_SERVER_ENTRY)) missing.push('code-server');
  try {
    require.resolve('playwright-core', { paths: [HERE] });
  } catch {
    missing.push('playwright-core');
  }
  if (!fs.existsSync(CHROMIUM)) missing.push(CHROMIUM);
  if (missing.length) {
    throw new Error(`missing ${missing.join(', ')}: run test/editors/vscode/setup.sh first`);
  }
  if (process.versions.node.split('.')[0] !== '20') {
    throw new Error(`code-server 4.100.3 needs Node 20, this is ${process.version}`);
  }
}

/** A fresh, empty profile: HOME, XDG dirs, VS Code user data and extensions, a Chromium profile. */
function makeProfile(settings = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-vsc-'));
  const dirs = {
    root,
    home: path.join(root, 'home'),
    userData: path.join(root, 'ud'),
    extensions: path.join(root, 'ext'),
    chromium: path.join(root, 'chromium'),
    config: path.join(root, 'code-server.yaml'),
  };
  for (const d of [dirs.home, dirs.extensions, dirs.chromium, path.join(dirs.userData, 'User')]) fs.mkdirSync(d, { recursive: true });
  for (const x of ['.config', '.local/share', '.cache', '.local/state']) fs.mkdirSync(path.join(dirs.home, x), { recursive: true });
  fs.writeFileSync(dirs.config, 'auth: none\n');
  const userSettings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'chat.disableAIFeatures': true,
    'chat.mcp.discovery.enabled': false,
    'window.restoreWindows': 'none',
    ...settings,
  };
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  return dirs;
}

function profileEnv(dirs, extra = {}) {
  const env = { ...process.env };
  // Variables that would point code-server or its extension host at the caller's own VS Code.
  for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_|CODE_SERVER_)/.test(k)) delete env[k];
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.GITHUB_TOKEN;
  delete env.PORT;
  return {
    ...env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local/share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_STATE_HOME: path.join(dirs.home, '.local/state'),
    XDG_RUNTIME_DIR: dirs.root,
    // No extension gallery: the workbench would otherwise query open-vsx.org (no network here, and none wanted).
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

/**
 * VS Code reports `vscode.env.language` as its resolved display language, which needs a language pack
 * for that locale (desktop and code-server alike); without one, `--locale ja` still gives "en". The
 * Japanese Language Pack cannot be fetched here (no gallery), so this writes an empty one — a real
 * `contributes.localizations` extension with no translations: the UI stays English, and the extension
 * host sees the language a Japanese user with the pack installed has.
 */
function installLocaleStub(dirs, locale) {
  const dir = path.join(dirs.extensions, `shitei-test.language-pack-${locale}-stub-0.0.1`);
  fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: `language-pack-${locale}-stub`,
      displayName: `Empty ${locale} language pack (tests only)`,
      publisher: 'shitei-test',
      version: '0.0.1',
      engines: { vscode: '*' },
      categories: ['Language Packs'],
      contributes: {
        localizations: [{ languageId: locale, languageName: locale, localizedLanguageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
      },
    }),
  );
  const translations = path.join(dir, 'translations', 'main.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  // The index the server reads at start-up to resolve --locale (VS Code writes it when a pack is
  // installed through the gallery or the CLI; here it is written directly).
  fs.writeFileSync(
    path.join(dirs.userData, 'languagepacks.json'),
    JSON.stringify({
      [locale]: {
        hash: `stub${Date.now()}`,
        extensions: [{ extensionIdentifier: { id: `shitei-test.language-pack-${locale}-stub` }, version: '0.0.1' }],
        translations: { vscode: translations },
        label: locale,
      },
    }),
  );
  return dir;
}

/** Runs code-server's CLI to completion (e.g. --install-extension), with a time limit. */
function codeServerCli(dirs, args, { timeoutMs = 60_000 } = {}) {
  return execFileSync(process.execPath, [CODE_SERVER_ENTRY, '--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, ...args], {
    env: profileEnv(dirs),
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Starts code-server in its own process group on 127.0.0.1:<free port>.
 * Returns { port, origin, output(), stop() }. `output()` is everything it printed so far.
 */
function startCodeServer(dirs, { folder, locale, extraArgs = [], env = {}, timeoutMs = 30_000 } = {}) {
  const args = [
    CODE_SERVER_ENTRY,
    '--config', dirs.config,
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
  if (locale) args.push('--locale', locale);
  if (DEBUG) args.push('--log', 'trace');
  args.push(...extraArgs);
  if (folder) args.push(folder);
  debug('code-server', args.slice(1).join(' '));
  const child = spawn(process.execPath, args, { env: profileEnv(dirs, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const onData = (d) => {
    const s = d.toString();
    out += s;
    if (DEBUG) process.stderr.write(s.replace(/^/gm, '[code-server] '));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const stop = () => killGroup(child);
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`code-server did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const check = () => {
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        cleanup();
        const port = Number(m[1]);
        resolve({ child, port, origin: `http://127.0.0.1:${port}`, output: () => out, stop, exited: () => exited });
      }
    };
    const onExit = () => {
      cleanup();
      reject(new Error(`code-server exited early (${JSON.stringify(exited)}):\n${out}`));
    };
    function cleanup() {
      clearTimeout(timer);
      child.stdout.off('data', check);
      child.stderr.off('data', check);
      child.off('exit', onExit);
    }
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('exit', onExit);
  });
  ready.catch(stop);
  return ready;
}

/** SIGTERM the child's whole process group, then SIGKILL what is left after a short grace. */
function killGroup(child, graceMs = 3000) {
  if (!child || !child.pid) return Promise.resolve();
  const pgid = child.pid;
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return Promise.resolve();
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {}
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = setInterval(() => {
      if (!alive()) {
        clearInterval(tick);
        resolve();
      } else if (Date.now() - started > graceMs) {
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {}
        clearInterval(tick);
        resolve();
      }
    }, 100);
  });
}

/** Headless Debian Chromium with an empty profile directory. Returns { context, page, close() }. */
async function launchBrowser(dirs, { locale = 'en-US', viewport = { width: 1400, height: 900 }, timeoutMs = 30_000 } = {}) {
  const { chromium } = require(require.resolve('playwright-core', { paths: [HERE] }));
  const context = await chromium.launchPersistentContext(dirs.chromium, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: timeoutMs,
    viewport,
    locale,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-dev-shm-usage',
      `--lang=${locale}`,
    ],
    env: profileEnv(dirs),
  });
  context.setDefaultTimeout(timeoutMs);
  const page = context.pages()[0] || (await context.newPage());
  const close = async () => {
    await Promise.race([context.close().catch(() => {}), sleep(5000)]);
  };
  return { context, page, close };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Rejects after `ms` with a message unless `promise` settles first. */
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}

/** The workbench URL of a folder (absolute path on this machine) with an optional payload. */
function workbenchUrl(origin, { folder, payload } = {}) {
  const u = new URL(origin + '/');
  if (folder) u.searchParams.set('folder', folder);
  if (payload && payload.length) u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

/** vscode-remote URI of a path on the code-server machine (the one the workbench uses). */
function remoteUri(port, p) {
  const abs = path.resolve(p).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://127.0.0.1:${port}${abs.startsWith('/') ? '' : '/'}${abs}`;
}

function rmrf(p) {
  try {
    fs.rmSync(p, { recursive: true, force: true, maxRetries: 3 });
  } catch (e) {
    debug('could not remove', p, e.message);
  }
}

module.exports = {
  HERE,
  REPO,
  CHROMIUM,
  DEBUG,
  log,
  debug,
  requireSetup,
  makeProfile,
  profileEnv,
  codeServerCli,
  installLocaleStub,
  startCodeServer,
  killGroup,
  launchBrowser,
  sleep,
  withTimeout,
  workbenchUrl,
  remoteUri,
  rmrf,
};
