'use strict';
// Neovim as an independent LSP client of the shitei language server.
//
//   npx tsc -b && node --test test/editors/neovim.test.js
//
// Needs `nvim` on PATH (Debian: `apt-get install -y neovim`, 0.7.2; newer releases work too).
// A missing Neovim is a FAILURE, not a skip: CI always runs this.
//
// Each run starts `nvim --headless --clean -u test/editors/neovim/client.lua SHEET`, which starts
// `node bin/shitei.js lsp --stdio` through vim.lsp.start_client, waits for diagnostics published
// after the server's `shitei/status` ready, asks for code actions on the measure-invalid
// diagnostic, applies the chosen quickfix with vim.lsp.util.apply_workspace_edit and reports
// everything as JSON. The sheet puts an astral character (𠮷, 4 bytes in UTF-8, 2 UTF-16 units,
// 1 code point) inside the flagged value, so every column is checked in the negotiated encoding.
//
// Three runs, in parallel:
//   stock   Neovim's own capabilities and negotiation (0.7: no offsetEncoding sent -> utf-16;
//           newer releases send general.positionEncodings and read positionEncoding back).
//   utf-8   clangd-style `capabilities.offsetEncoding` / `general.positionEncodings` = utf-8,utf-16.
//   utf-32  the same offering only utf-32.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CLIENT = path.join(__dirname, 'neovim', 'client.lua');
const SERVER_JS = path.join(ROOT, 'bin', 'shitei.js');
const NVIM = process.env.SHITEI_NVIM || 'nvim';
const RUN_TIMEOUT_MS = 30_000; // node-side last resort; client.lua has its own 20 s hard timeout

const MEASURE_LINE = '措置：𠮷公表';
const SHEET = [
  '# 令和8年度 演習計画の指定(下書き)',
  '整理番号：防衛-2026-0012',
  '行政機関：防衛省',
  '指定年月日：令和8年4月1日',
  '有効期間：2年',
  '満了日：令和10年3月31日',
  '別表：別表第1号イa(a)',
  MEASURE_LINE,
  '特定秘密管理者：𠮷田課長',
  '',
  '【対象情報の記述】',
  '令和8年度に実施する自衛隊の統合演習の計画(参加部隊の編成及び実施区域を含む。)',
  '',
  '【指定の理由】',
  '別表第1号イa(a)に掲げる自衛隊の演習の計画に該当する。当該計画は公になっておらず(非公知性)、',
  '漏えいした場合には我が国の手の内が露見し、対抗措置が講じられるおそれがあるため、特段の秘匿の必要性がある。',
  '',
  '【概要】',
  '令和8年度自衛隊統合演習計画',
];
const MEASURE_LNUM = SHEET.indexOf(MEASURE_LINE);

/** Column of JS string index `i` of `line` in an LSP position encoding. */
function column(line, i, encoding) {
  const prefix = line.slice(0, i);
  if (encoding === 'utf-8') return Buffer.byteLength(prefix, 'utf8');
  if (encoding === 'utf-16') return prefix.length;
  if (encoding === 'utf-32') return [...prefix].length;
  throw new Error(`unexpected encoding ${encoding}`);
}

// The flagged span is the field's value: from after '：' to the end of the line.
const VALUE_START = MEASURE_LINE.indexOf('：') + 1;
const VALUE_END = MEASURE_LINE.length;

let nvimChecked;
function requireNvim() {
  if (nvimChecked) return nvimChecked;
  const r = spawnSync(NVIM, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status !== 0) {
    nvimChecked = new Error(
      `Neovim (${NVIM}) is not installed or does not run (${r.error ? r.error.message : `exit ${r.status}`}). ` +
      'This test needs it: run `apt-get install -y neovim` (Debian/Ubuntu) or put nvim on PATH.');
  } else {
    nvimChecked = r.stdout.split('\n')[0];
  }
  return nvimChecked;
}

function requireBuild() {
  if (!fs.existsSync(path.join(ROOT, 'cli', 'out', 'main.js'))) {
    throw new Error('cli/out/main.js is missing: build first with `npx tsc -b`.');
  }
}

/** One nvim run; resolves with { out, ms, stderr } (never rejects on nvim's own failures). */
function runNeovim(mode) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shitei-nvim-${mode}-`));
  const sheet = path.join(dir, 'sheet.shitei');
  const outPath = path.join(dir, 'out.json');
  fs.writeFileSync(sheet, SHEET.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, '.shiteirc.json'), JSON.stringify({ today: '2026-11-23' }) + '\n');
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    SHITEI_LSP_CMD: JSON.stringify([process.execPath, SERVER_JS, 'lsp', '--stdio']),
    SHITEI_NVIM_OUT: outPath,
  };
  delete env.SHITEI_NVIM_OFFER_ENCODINGS;
  if (mode === 'utf-8') env.SHITEI_NVIM_OFFER_ENCODINGS = 'utf-8,utf-16';
  if (mode === 'utf-32') env.SHITEI_NVIM_OFFER_ENCODINGS = 'utf-32';

  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(NVIM, ['--headless', '--clean', '-n', '-i', 'NONE', '-u', CLIENT, sheet], {
      cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', (c) => { stderr += c; });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, RUN_TIMEOUT_MS);
    const done = (code, signal, spawnError) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      let out;
      try {
        out = JSON.parse(fs.readFileSync(outPath, 'utf8'));
      } catch (e) {
        out = { error: `no result JSON from nvim (${e.message})` };
      }
      if (spawnError) out = { error: `could not start nvim: ${spawnError.message}` };
      if (timedOut) out = { ...out, error: `nvim killed after ${RUN_TIMEOUT_MS} ms; ${out.error || ''}` };
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ out, ms, code, signal, stderr });
    };
    child.on('error', (e) => done(null, null, e));
    child.on('close', (code, signal) => done(code, signal));
  });
}

// Start all runs together the first time any test asks (they are independent processes).
const MODES = ['stock', 'utf-8', 'utf-32'];
let allRuns;
function resultFor(mode) {
  if (!allRuns) allRuns = new Map(MODES.map((m) => [m, runNeovim(m)]));
  return allRuns.get(mode);
}

/** Lua's JSON encoder writes an empty list as {}. */
const list = (x) => (Array.isArray(x) ? x : x && typeof x === 'object' ? Object.values(x) : []);

for (const mode of MODES) {
  test(`Neovim as LSP client (${mode} encodings): measure-invalid diagnostic and quickfix`, async (t) => {
    const version = requireNvim();
    if (version instanceof Error) throw version;
    requireBuild();

    const { out, ms, code, stderr } = await resultFor(mode);
    t.diagnostic(`${version}; ${mode}: ${ms} ms; offset_encoding=${out.offset_encoding}`);
    const context = () => `\nnvim exit ${code}; stderr:\n${stderr}\nresult:\n${JSON.stringify(out, null, 2)}`;
    assert.equal(out.error, undefined, `client.lua reported an error: ${out.error}${context()}`);
    assert.equal(code, 0, `nvim exited with ${code}${context()}`);

    // Encoding: what the client uses must be what the server answered.
    const enc = out.offset_encoding;
    assert.ok(['utf-8', 'utf-16', 'utf-32'].includes(enc), `offset_encoding ${enc}${context()}`);
    if (mode === 'utf-8') assert.equal(enc, 'utf-8', `offered utf-8 first${context()}`);
    if (mode === 'utf-32') assert.equal(enc, 'utf-32', `offered only utf-32${context()}`);
    if (mode === 'stock' && out.nvim_version && out.nvim_version.startsWith('0.7.')) {
      assert.equal(enc, 'utf-16', `Neovim 0.7 offers nothing, so utf-16${context()}`);
    }
    assert.equal(out.server_position_encoding, enc, `server's capabilities.positionEncoding${context()}`);
    assert.equal(out.server_offset_encoding, enc, `server's offsetEncoding${context()}`);
    assert.ok(list(out.status).includes('ready'), `shitei/status ready was seen${context()}`);

    // Diagnostics before: vim.diagnostic columns are bytes whatever the encoding.
    const before = list(out.diagnostics_before);
    const measure = before.filter((d) => d.code === 'measure-invalid');
    assert.equal(measure.length, 1, `one measure-invalid diagnostic${context()}`);
    const d = measure[0];
    assert.equal(d.lnum, MEASURE_LNUM, 'line of 措置');
    assert.equal(d.end_lnum, MEASURE_LNUM, 'end line of 措置');
    assert.equal(d.col, column(MEASURE_LINE, VALUE_START, 'utf-8'), 'byte column of the value');
    assert.equal(d.end_col, column(MEASURE_LINE, VALUE_END, 'utf-8'), 'byte end column of the value (after 𠮷)');
    assert.equal(d.severity, 1, 'severity error (vim.diagnostic.severity.ERROR)');
    assert.match(d.message, /表示/, 'Japanese message mentions 表示');
    assert.match(d.message, /[\u3040-\u30ff\u4e00-\u9fff]/, 'message is Japanese');
    const otherErrors = before.filter((x) => x.severity === 1 && x.code !== 'measure-invalid');
    assert.deepEqual(otherErrors, [], `no other error in the sheet${context()}`);

    // The server's own range, in the negotiated encoding.
    const r = out.target_range;
    assert.deepEqual(r, {
      start: { line: MEASURE_LNUM, character: column(MEASURE_LINE, VALUE_START, enc) },
      end: { line: MEASURE_LNUM, character: column(MEASURE_LINE, VALUE_END, enc) },
    }, `LSP range in ${enc}${context()}`);

    // The code action and its effect.
    const m = /^「(表示|通知)」にする$/.exec(out.action_title || '');
    assert.ok(m, `action title ${out.action_title} (all: ${JSON.stringify(out.action_titles)})`);
    const expected = SHEET.slice();
    expected[MEASURE_LNUM] = `措置：${m[1]}`;
    const after = list(out.buffer_after);
    // The buffer keeps the file's trailing newline as Vim's 'eol', not as an extra line.
    assert.deepEqual(after, expected, `buffer after the fix${context()}`);

    const diagsAfter = list(out.diagnostics_after);
    assert.ok(!diagsAfter.some((x) => x.code === 'measure-invalid'), `measure-invalid gone${context()}`);
    const beforeErrorCodes = new Set(before.filter((x) => x.severity === 1).map((x) => x.code));
    const newErrors = diagsAfter.filter((x) => x.severity === 1 && !beforeErrorCodes.has(x.code));
    assert.deepEqual(newErrors, [], `no new error-severity diagnostic${context()}`);
  });
}
