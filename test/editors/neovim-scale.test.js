'use strict';
// Neovim (push diagnostics) over a 2,000-sheet workspace: hovers answer at once while the server
// indexes the folder, and the opened sheet's cross-file diagnostic arrives (issue 9: it used to
// take ~50 s, with hovers waiting as long).
//
//   npm run build && node --test test/editors/neovim-scale.test.js
//
// Needs `nvim` on PATH (Debian: `apt-get install -y neovim`). A missing Neovim is a failure.
// The bounds are generous (a shared CI machine): they catch waits of many seconds, not jitter.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { writeSheets } = require('../../scripts/bench/generate');

const ROOT = path.resolve(__dirname, '..', '..');
const CLIENT = path.join(__dirname, 'neovim', 'scale.lua');
const NVIM = process.env.SHITEI_NVIM || 'nvim';
const SHEETS = 2000;

test(`Neovim over a ${SHEETS.toLocaleString('en-US')}-sheet workspace: hovers answer at once and the cross-file diagnostic arrives`, async (t) => {
  const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
  assert.equal(version.status, 0, `Neovim (${NVIM}) does not run: apt-get install -y neovim`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-nvim-scale-'));
  try {
    fs.writeFileSync(path.join(dir, '.shiteirc.json'), JSON.stringify({ today: '2026-11-23' }));
    const files = [];
    for (let f = 0; f < SHEETS / 500; f++) files.push(...writeSheets(path.join(dir, `folder-${f}`), 500, 21 + f).files);
    const partner = files[files.length - 7];
    const opened = path.join(dir, 'opened.shitei');
    const serial = '整理番号：SCALE-2026-0001';
    const text = fs.readFileSync(files[0], 'utf8').replace(/^整理番号[：:].*$/m, serial);
    fs.writeFileSync(opened, text);
    fs.writeFileSync(partner, fs.readFileSync(partner, 'utf8').replace(/^整理番号[：:].*$/m, serial));
    const hoverLine = text.split(/\r?\n/).findIndex((l) => /^別表[：:]/.test(l));
    const outPath = path.join(dir, 'out.json');
    const home = path.join(dir, 'home');
    fs.mkdirSync(home);
    const env = {
      ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data'),
      XDG_STATE_HOME: path.join(home, 'state'), XDG_CACHE_HOME: path.join(home, 'cache'),
      SHITEI_LSP_CMD: JSON.stringify([process.execPath, path.join(ROOT, 'bin', 'shitei.js'), 'lsp', '--stdio']),
      SHITEI_NVIM_OUT: outPath, SHITEI_NVIM_HOVER_LINE: String(hoverLine),
    };
    const code = await new Promise((resolve) => {
      const child = spawn(NVIM, ['--headless', '--clean', '-n', '-i', 'NONE', '-u', CLIENT, opened], { cwd: dir, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
      const timer = setTimeout(() => {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      }, 200_000);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    const out = JSON.parse(fs.readFileSync(outPath, 'utf8'));
    const hovers = Array.isArray(out.hovers) ? out.hovers : Object.values(out.hovers ?? {});
    const slowest = Math.max(...hovers.map((h) => h.ms));
    const median = hovers.map((h) => h.ms).sort((a, b) => a - b)[Math.floor(hovers.length / 2)];
    t.diagnostic(`cross-file diagnostic after ${Math.round(out.cross_at)} ms; ${hovers.length} hovers (${hovers.filter((h) => h.indexing).length} while indexing), median ${Math.round(median)} ms, slowest ${Math.round(slowest)} ms`);
    assert.equal(out.error, undefined, JSON.stringify(out).slice(0, 2000));
    assert.equal(code, 0);
    assert.ok(typeof out.cross_at === 'number', 'the cross-file diagnostic arrived');
    assert.match(out.cross_message, new RegExp(path.relative(dir, partner).split(path.sep).join('/').replace(/[.]/g, '\\.')));
    assert.ok(hovers.filter((h) => h.indexing).length >= 3, 'hovers were answered while the folder was being indexed');
    assert.ok(hovers.every((h) => h.content), 'every hover had content');
    assert.ok(median < 1000, `median hover ${median} ms`);
    assert.ok(slowest < 5000, `slowest hover ${slowest} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
