'use strict';
/**
 * Output benchmark of `shitei check` on hostile sheets (issue 14: "within a second per megabyte,
 * memory bounded"): 2,000,000-character sheets where every line (or every few characters of one
 * line) gives a diagnostic — 【 lines give 1,000,011 diagnostics and a 330 MB SARIF log. Each
 * sheet is checked by the real binary in each format, its output read through a pipe and thrown
 * away (as a CI job piping into a file or an uploader would), spawn → exit.
 *
 * Reported per sheet and format: wall time, MB/s of input (the target: ≥ 1 MB/s, i.e. ≤ 1 s per
 * MB), the child's CPU time and peak RSS (process.resourceUsage() at its exit, through a
 * --require hook that writes it to a file descriptor of its own), the output size and the
 * number of diagnostics in it.
 *
 * Usage: node scripts/bench/output.js [--runs N] [--formats sarif,json,text] [--shapes 1,2]
 *                                     [--bin FILE] [--json FILE]
 *   --bin  another checkout's bin/shitei.js (e.g. a build of main, to compare in the same hour)
 *        also section `output` of run.js: node scripts/bench/run.js --only output
 * The generated sheets go to a temporary folder that is removed.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { median } = require('./stats');

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/shitei.js');
const CHARS = 2_000_000;

/** `unit` repeated to at most `CHARS` UTF-16 units. */
const fill = (unit) => unit.repeat(Math.floor(CHARS / unit.length));

const SHAPES = [
  { name: '【 lines', text: () => fill('【\n') },
  { name: '【あ lines', text: () => fill('【あ\n') },
  { name: '【見出し】 lines', text: () => fill('【見出し】\n') },
  { name: '【概要】 lines', text: () => fill('【概要】\n') },
  { name: 'あ：い lines', text: () => fill('あ：い\n') },
  { name: '○○、 on one line', text: () => `【備考】\n${'○○、'.repeat(Math.floor((CHARS - 10) / 3))}\n` },
];

// Loaded into the child with --require: its own CPU time and peak RSS, written at exit to fd 3.
const USAGE_HOOK = `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeSync(3, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1000, maxRss: u.maxRSS / 1024 })); });`;


/** One run: spawn → exit, stdout read through a pipe and counted (bytes, lines or results). */
function checkOnce(file, format, hook, bin = BIN) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const proc = spawn(process.execPath, ['--require', hook, bin, 'check', '--format', format, path.basename(file)], {
      cwd: path.dirname(file),
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    // Counted in the bytes as they come (native searches: the reader must not compete with the
    // child for the CPU more than a pipe to a file would).
    let bytes = 0;
    let newlines = 0;
    let results = 0;
    let carry = Buffer.alloc(0);
    const key = format === 'sarif' ? Buffer.from('"ruleId":') : format === 'json' ? Buffer.from('"code":') : undefined;
    proc.stdout.on('data', (chunk) => {
      bytes += chunk.length;
      if (key) {
        const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        for (let i = data.indexOf(key); i >= 0; i = data.indexOf(key, i + key.length)) results++;
        carry = Buffer.from(data.subarray(Math.max(0, data.length - (key.length - 1))));
      } else {
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) newlines++;
      }
    });
    let usage = '';
    proc.stdio[3].on('data', (d) => (usage += d));
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const wall = performance.now() - t0;
      if (code !== 0 && code !== 1) return reject(new Error(`shitei check --format ${format} exited ${code}: ${stderr.slice(0, 300)}`));
      const u = usage ? JSON.parse(usage) : { cpu: NaN, maxRss: NaN };
      // One line per diagnostic; text adds a blank line and the summary, github the summary.
      const extra = format === 'text' ? 2 : format === 'github' ? 1 : 0;
      resolve({ wall, bytes, diagnostics: key ? results : Math.max(0, newlines - extra), cpu: u.cpu, maxRss: u.maxRss });
    });
  });
}

async function benchOutput({ runs = 1, formats = ['sarif', 'json', 'text'], shapes = SHAPES, bin = BIN, log = () => {} } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-bench-output-'));
  const hook = path.join(tmp, 'usage-hook.js');
  fs.writeFileSync(hook, USAGE_HOOK);
  const rows = [];
  try {
    for (const shape of shapes) {
      const file = path.join(tmp, 'sheet.shitei');
      const text = shape.text();
      fs.writeFileSync(file, text);
      const inputBytes = fs.statSync(file).size;
      for (const format of formats) {
        const all = [];
        for (let i = 0; i < runs; i++) all.push(await checkOnce(file, format, hook, bin));
        const wall = median(all.map((r) => r.wall));
        const row = {
          shape: shape.name,
          format,
          chars: text.length,
          inputBytes,
          wall,
          mbPerS: inputBytes / 1e6 / (wall / 1000),
          cpu: median(all.map((r) => r.cpu)),
          maxRss: median(all.map((r) => r.maxRss)),
          outputBytes: all[0].bytes,
          diagnostics: all[0].diagnostics,
          runs: all.map((r) => r.wall),
        };
        log(`output: ${shape.name} --format ${format}: ${(wall / 1000).toFixed(2)} s, ${row.mbPerS.toFixed(2)} MB/s, ${row.maxRss.toFixed(0)} MB`);
        rows.push(row);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { machine: { loadavg: os.loadavg(), cores: os.cpus().length, node: process.version }, rows };
}

function render(r) {
  const head = '| sheet (2,000,000 characters) | format | input | wall | MB/s (target ≥ 1) | CPU | peak RSS | output | diagnostics |';
  const sep = '|---|---|---:|---:|---:|---:|---:|---:|---:|';
  const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
  const lines = r.rows.map((x) => `| ${x.shape} | ${x.format} | ${mb(x.inputBytes)} | ${(x.wall / 1000).toFixed(2)} s | ${x.mbPerS.toFixed(2)} ${x.mbPerS >= 1 ? '✓' : '✗'} | ${(x.cpu / 1000).toFixed(2)} s | ${x.maxRss.toFixed(0)} MB | ${mb(x.outputBytes)} | ${x.diagnostics.toLocaleString('en-US')} |`);
  return [head, sep, ...lines, '', `Load average at the end: ${r.machine.loadavg.map((x) => x.toFixed(2)).join(' / ')} (${r.machine.cores} cores, Node ${r.machine.node}).`].join('\n');
}

async function runSection(log, options = {}) {
  log('output. shitei check on 2,000,000-character hostile sheets, every format through a pipe (scripts/bench/output.js)');
  // One run per sheet and format: each writes hundreds of megabytes (≈ 1 minute in all).
  const r = await benchOutput({ log });
  process.stdout.write(`${render(r)}\n\n`);
  return r;
}

module.exports = { benchOutput, render, runSection };

if (require.main === module) {
  const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const formats = arg('--formats')?.split(',') ?? ['sarif', 'json', 'text'];
  const shapes = arg('--shapes') ? arg('--shapes').split(',').map((n) => SHAPES[Number(n) - 1]) : SHAPES;
  const bin = arg('--bin') ? path.resolve(arg('--bin')) : BIN;
  benchOutput({ runs: Number(arg('--runs') ?? 1), formats, shapes, bin, log: (m) => process.stderr.write(`bench ${m}\n`) }).then((r) => {
    process.stdout.write(`${render(r)}\n`);
    if (arg('--json')) fs.writeFileSync(arg('--json'), `${JSON.stringify(r, null, 2)}\n`);
  }).catch((e) => {
    process.stderr.write(`bench output: ${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  });
}
