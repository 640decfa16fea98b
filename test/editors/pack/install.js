'use strict';
// The package as a user gets it: `npm pack` of this checkout (already built: `npm run test:editors`
// builds first, so the pack's own prepack build is skipped with --ignore-scripts), installed with
// `npm install ./shitei-X.tgz` into an empty temporary "drafts" project, offline (the package has
// no dependencies to fetch). Used by pack.test.js, neovim-installed.test.js and emacs.test.js.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Environment for npm/npx that cannot reach a registry: anything needing one fails instead of downloading. */
function offlineEnv(home) {
  return {
    ...process.env,
    npm_config_offline: 'true',
    npm_config_registry: 'http://127.0.0.1:9/', // a closed port: a registry request fails at once
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_cache: path.join(home, 'npm-cache'),
    HOME: home,
  };
}

/**
 * Packs and installs; returns { project, tarball, tarballBytes, bin, env }. `project` has a
 * package.json, a `.git` folder (a project root for eglot) and node_modules/shitei.
 */
function packAndInstall(label = 'pack') {
  for (const f of ['dist/cli.js', 'dist/server.js', 'dist/dict-prepared/manifest.json']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `shitei-${label}-`));
  const home = path.join(work, 'home');
  fs.mkdirSync(home);
  const env = offlineEnv(home);
  const packed = JSON.parse(execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20 }));
  const tarball = path.join(work, packed[0].filename);
  const project = path.join(work, 'drafts');
  fs.mkdirSync(path.join(project, '.git'), { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'drafts', version: '1.0.0', private: true }, null, 2) + '\n');
  execFileSync(NPM, ['install', tarball], { cwd: project, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const bin = path.join(project, 'node_modules', '.bin', 'shitei');
  if (!fs.existsSync(bin)) throw new Error(`npm install did not create ${bin}`);
  return { work, project, tarball, tarballBytes: fs.statSync(tarball).size, files: packed[0].files.map((f) => f.path), bin, env, home };
}

module.exports = { ROOT, packAndInstall, offlineEnv };
