'use strict';
// Neovim with the README's 0.7-API setup, started in a drafts project where the packed tarball
// is installed (`npm install ./shitei-X.tgz`): the server is node_modules/.bin/shitei, not this
// checkout. Diagnostics arrive (structural and dictionary-based), a hover answers, a quick fix
// applies. Needs `nvim` (Debian: apt-get install neovim); a missing Neovim is a failure.
//
//   npm run build && node --test test/editors/neovim-installed.test.js
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { packAndInstall } = require('./pack/install');
const { SHEET, WRONG, RIGHT, writeSheet } = require('./pack/sheet');

const NVIM = process.env.SHITEI_NVIM || 'nvim';
const CLIENT = path.join(__dirname, 'neovim', 'installed.lua');

test("the README's Neovim 0.7 setup is the one this test runs", () => {
  const setup = fs.readFileSync(CLIENT, 'utf8').split("-- the README's 0.7 setup (verbatim)\n")[1].split('\n------')[0].trim();
  assert.ok(fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8').includes('```lua\n' + setup + '\n```'));
});

test('Neovim (README setup) with the installed package: diagnostics, hover, code action', async (t) => {
  const pkg = packAndInstall('nvim');
  t.after(() => fs.rmSync(pkg.work, { recursive: true, force: true }));
  const sheet = writeSheet(pkg.project);
  const out = path.join(pkg.work, 'out.json');
  const env = { ...pkg.env, XDG_CONFIG_HOME: path.join(pkg.home, 'config'), XDG_DATA_HOME: path.join(pkg.home, 'data'), XDG_STATE_HOME: path.join(pkg.home, 'state'), XDG_CACHE_HOME: path.join(pkg.home, 'cache'), SHITEI_NVIM_OUT: out };
  const { code, stderr } = await new Promise((resolve) => {
    const child = spawn(NVIM, ['--headless', '--clean', '-n', '-i', 'NONE', '-u', CLIENT, path.relative(pkg.project, sheet)], { cwd: pkg.project, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => { err += c; });
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 60_000);
    child.on('error', (e) => { clearTimeout(timer); resolve({ code: -1, stderr: `could not start ${NVIM}: ${e.message} (apt-get install neovim)` }); });
    child.on('close', (c) => { clearTimeout(timer); resolve({ code: c, stderr: err }); });
  });
  let result;
  try { result = JSON.parse(fs.readFileSync(out, 'utf8')); } catch (e) { result = { error: `no result: ${e.message}` }; }
  const context = `\nexit ${code}; stderr: ${stderr}\n${JSON.stringify(result, null, 2)}`;
  t.diagnostic(`nvim ${result.nvim_version}`);
  assert.equal(result.error, undefined, context);
  assert.equal(code, 0, context);
  assert.equal(result.filetype, 'shitei');
  const codes = Object.values(result.codes ?? {});
  assert.ok(codes.includes('expiry-mismatch') && codes.includes('scope-vague'), context);
  assert.match(result.hover ?? '', /別表第4号/, `hover on the 別表 reference${context}`);
  assert.match(result.action_title, /令和10年3月31日/, context);
  const after = Object.values(result.buffer_after);
  const expected = SHEET.replace(WRONG, RIGHT).split('\n');
  if (expected[expected.length - 1] === '') expected.pop();
  assert.deepEqual(after, expected, context);
});
