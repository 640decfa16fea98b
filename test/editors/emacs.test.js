'use strict';
// Emacs + eglot (Debian: emacs-nox, elpa-eglot) with the README's setup, started in a drafts
// project where the packed tarball is installed: the server is node_modules/.bin/shitei.
// Diagnostics arrive through flymake (structural and dictionary-based), a hover answers (eglot
// asks for plaintext), the quick fix applies. A missing Emacs or eglot is a failure.
//
//   npm run build && node --test test/editors/emacs.test.js
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { packAndInstall } = require('./pack/install');
const { SHEET, WRONG, RIGHT, writeSheet } = require('./pack/sheet');

const EMACS = process.env.SHITEI_EMACS || 'emacs';
const CLIENT = path.join(__dirname, 'emacs', 'client.el');

test("the README's Emacs setup is the one this test runs", () => {
  const setup = fs.readFileSync(CLIENT, 'utf8').split("the README's setup (verbatim)\n")[1].split('\n;;;; ---')[0].trim();
  assert.ok(fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8').includes('```elisp\n' + setup + '\n```'));
});

test('Emacs + eglot (README setup) with the installed package: diagnostics, hover, code action', async (t) => {
  const pkg = packAndInstall('emacs');
  t.after(() => fs.rmSync(pkg.work, { recursive: true, force: true }));
  const sheet = writeSheet(pkg.project);
  const out = path.join(pkg.work, 'out.json');
  // No -Q (Debian's site-start loads eglot's path); HOME is empty, so no user init runs.
  const { code, stderr } = await new Promise((resolve) => {
    const child = spawn(EMACS, ['--batch', '-l', CLIENT, path.relative(pkg.project, sheet)], {
      cwd: pkg.project, env: { ...pkg.env, SHITEI_EMACS_OUT: out }, detached: true, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c) => { err += c; });
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 90_000);
    child.on('error', (e) => { clearTimeout(timer); resolve({ code: -1, stderr: `could not start ${EMACS}: ${e.message} (apt-get install emacs-nox elpa-eglot)` }); });
    child.on('close', (c) => { clearTimeout(timer); resolve({ code: c, stderr: err }); });
  });
  let result;
  try { result = JSON.parse(fs.readFileSync(out, 'utf8')); } catch (e) { result = { error: `no result: ${e.message}` }; }
  const context = `\nexit ${code}; stderr: ${stderr.slice(-3000)}\n${JSON.stringify(result, null, 2)}`;
  assert.equal(result.error, undefined, context);
  assert.equal(code, 0, context);
  assert.equal(result.major_mode, 'shitei-mode');
  assert.equal(result.server_command, path.join(pkg.project, 'node_modules', '.bin', 'shitei'), context);
  assert.ok(result.diagnostics.some((d) => /満了日は令和10年3月31日です/.test(d)), context);
  assert.match(result.hover ?? '', /別表第4号/, `hover on the 別表 reference${context}`);
  assert.match(result.action_title, /令和10年3月31日/, context);
  assert.equal(result.buffer_after, SHEET.replace(WRONG, RIGHT), context);
  t.diagnostic(`${result.action_title}`);
});
