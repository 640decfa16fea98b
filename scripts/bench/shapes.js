'use strict';
/**
 * Hostile shapes in the editor (issue 9, "Bad input": a 2,000,000-character sheet — the
 * documented limit — of any shape answers edits within a second). Each shape is a sheet of
 * about 2,000,000 characters that is all one kind of trouble: a million broken headings, a
 * million fields, one line of two million characters, a run of digits, of kana conjunctions,
 * of placeholders, a million directives, a million blank lines … It is opened in the real
 * language server (`shitei lsp --stdio`, push diagnostics, as Neovim and Emacs use it), then
 * edited at its second line: each edit is timed from didChange to the publication of that
 * version's diagnostics (the server's debounce set to 0, so what is measured is the work).
 *
 * Reported per shape: the time to the first complete diagnostics after opening, each edit's
 * time (median and maximum; target: the maximum ≤ 1 s), how many diagnostics the editor shows
 * (at most 1,000 per rule and one problems-truncated) and the server's peak RSS.
 *
 * Usage: node scripts/bench/shapes.js [--edits N] [--shapes name,name] [--json FILE]
 *   also section `shapes` of run.js: node scripts/bench/run.js --only shapes
 * The generated sheets go to a temporary folder that is removed.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { performance } = require('node:perf_hooks');
const { BenchLspClient } = require('./lsp-client');
const { median } = require('./stats');

/** Just under the documented limit (2,000,000), with room for a heading and the edits. */
const CHARS = 1_990_000;
const fill = (unit) => unit.repeat(Math.floor(CHARS / unit.length));
const DESCRIPTION = '【対象情報の記述】\n';

const SHAPES = [
  { name: '【 lines (a million unclosed headings)', text: () => fill('【\n') },
  { name: '【見出し】 lines (a million unknown sections)', text: () => fill('【見出し】\n') },
  { name: '名前：値 lines (a million unknown fields)', text: () => fill('名前：値\n') },
  { name: 'あ lines (a million stray header lines)', text: () => fill('あ\n') },
  { name: '# lines (a million comments)', text: () => fill('#\n') },
  { name: 'directive lines', text: () => fill('# shitei-disable-next-line period-unscoped\n') },
  { name: 'full-width blank lines', text: () => fill('\u3000\n') },
  { name: 'one line of あ', text: () => DESCRIPTION + fill('あ') },
  { name: 'one line of digits', text: () => DESCRIPTION + fill('1') },
  { name: 'one line of および', text: () => DESCRIPTION + fill('および') },
  { name: 'one line of ○○、', text: () => DESCRIPTION + fill('○○、') },
];


async function measureShape(shape, edits, tmp, log) {
  const text = shape.text();
  const file = path.join(tmp, 'sheet.shitei');
  fs.writeFileSync(file, text);
  const client = new BenchLspClient({ cwd: tmp, env: {}, initializationOptions: { debounceMs: 0 } });
  try {
    await client.initialize();
    const uri = pathToFileURL(file).href;
    const t0 = performance.now();
    await client.open(uri, text, 1);
    await client.until(() => client.isReady() && client.completeFor(uri) !== undefined, 300_000, `${shape.name}: the first complete diagnostics`);
    const open = performance.now() - t0;
    const times = [];
    let version = 1;
    for (let k = 0; k < edits; k++) {
      const v = ++version;
      // One character typed at the start of the second line (inside the bulk of every shape).
      const t = performance.now();
      await client.change(uri, v, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, '及');
      await client.until(() => (client.published.get(uri) ?? []).some((p) => p.version === v), 300_000, `${shape.name}: version ${v}`);
      times.push(performance.now() - t);
    }
    const last = client.published.get(uri).find((p) => p.version === version);
    const row = { shape: shape.name, chars: text.length, open, edits: times, median: median(times), max: Math.max(...times), diagnostics: last.codes.length, peakRss: client.memory().peak };
    log(`shapes: ${shape.name}: open ${(open / 1000).toFixed(2)} s, edits ${times.map((x) => (x / 1000).toFixed(2)).join(' ')} s`);
    return row;
  } finally {
    await client.close();
  }
}

async function benchShapes({ edits = 5, shapes = SHAPES, log = () => {} } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-bench-shapes-'));
  const rows = [];
  try {
    for (const shape of shapes) rows.push(await measureShape(shape, edits, tmp, log));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { machine: { loadavg: os.loadavg(), cores: os.cpus().length, node: process.version }, edits, rows };
}

function render(r) {
  const head = '| 2,000,000-character sheet of | open → diagnostics | edit → diagnostics (median) | slowest edit (target ≤ 1 s) | shown | server peak RSS |';
  const sep = '|---|---:|---:|---:|---:|---:|';
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const lines = r.rows.map((x) => `| ${x.shape} | ${s(x.open)} | ${s(x.median)} | ${s(x.max)} ${x.max <= 1000 ? '✓' : '✗'} | ${x.diagnostics.toLocaleString('en-US')} | ${x.peakRss.toFixed(0)} MB |`);
  return [head, sep, ...lines, '', `${r.edits} edits per sheet. Load average at the end: ${r.machine.loadavg.map((x) => x.toFixed(2)).join(' / ')} (${r.machine.cores} cores, Node ${r.machine.node}).`].join('\n');
}

async function runSection(log, options = {}) {
  log('shapes. 2,000,000-character hostile sheets in the language server, edits timed (scripts/bench/shapes.js)');
  const r = await benchShapes({ edits: options.runs && options.runs < 3 ? 2 : 5, log });
  process.stdout.write(`${render(r)}\n\n`);
  return r;
}

module.exports = { SHAPES, benchShapes, render, runSection };

if (require.main === module) {
  const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const wanted = arg('--shapes')?.split(',');
  const shapes = wanted ? SHAPES.filter((s) => wanted.some((w) => s.name.includes(w))) : SHAPES;
  benchShapes({ edits: Number(arg('--edits') ?? 5), shapes, log: (m) => process.stderr.write(`bench ${m}\n`) }).then((r) => {
    process.stdout.write(`${render(r)}\n`);
    if (arg('--json')) fs.writeFileSync(arg('--json'), `${JSON.stringify(r, null, 2)}\n`);
  }).catch((e) => {
    process.stderr.write(`bench shapes: ${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  });
}
