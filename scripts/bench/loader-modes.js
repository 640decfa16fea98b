#!/usr/bin/env node
'use strict';
/**
 * How to read the prepared dictionary: synchronous reads vs fs.promises, with or without yielding
 * to the event loop between steps, against kuromoji's stock loader. Each variant runs in a fresh
 * process (N times, interleaved); reported: process start → tokenizer ready, the load itself,
 * CPU time, the longest event-loop block during the load, and RSS.
 *
 * Usage: node scripts/bench/loader-modes.js [--runs N]
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const TOKENIZER = path.join(ROOT, 'core/out/nlp/tokenizer.js');

const CHILD = `
const { monitorEventLoopDelay } = require('node:perf_hooks');
const h = monitorEventLoopDelay({ resolution: 1 });
h.enable();
const { loadTokenizer, getTokenizerLoadInfo } = require(${JSON.stringify(TOKENIZER)});
const [loader, read, y] = process.argv.slice(1);
const before = performance.now();
loadTokenizer({ loader, prepared: { read, yieldToEventLoop: y === 'yield' } }).then(() => {
  const ready = performance.now();
  h.disable();
  const c = process.cpuUsage();
  const info = getTokenizerLoadInfo();
  // A load that never yields is one block as long as the load itself.
  const maxBlock = Math.max(h.max / 1e6 - 1, 0);
  process.stdout.write(JSON.stringify({ loader: info.loader, ready, load: ready - before, cpu: (c.user + c.system) / 1000,
    maxBlock: y === 'yield' || loader === 'stock' ? maxBlock : ready - before, rss: process.memoryUsage().rss / 1048576 }));
});`;

const VARIANTS = [
  ['stock', 'sync', 'yield'],
  ['prepared', 'sync', 'yield'],
  ['prepared', 'sync', 'noyield'],
  ['prepared', 'async', 'yield'],
  ['prepared', 'async', 'noyield'],
];

function main() {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : 9;
  const results = new Map(VARIANTS.map((v) => [v.join(' '), []]));
  for (let r = 0; r < runs; r++) {
    for (const v of VARIANTS) {
      const out = spawnSync(process.execPath, ['-e', CHILD, ...v], { cwd: ROOT, encoding: 'utf8' });
      if (out.status !== 0) throw new Error(out.stderr);
      results.get(v.join(' ')).push(JSON.parse(out.stdout));
    }
  }
  const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = [['variant', 'start → ready', 'load', 'CPU', 'longest block', 'RSS']];
  for (const [name, xs] of results) {
    if (xs.some((x) => (name.startsWith('stock') ? x.loader !== 'stock' : x.loader !== 'prepared'))) throw new Error(`${name}: wrong loader used`);
    rows.push([name.startsWith('stock') ? 'stock (gunzip)' : name.replace(/^prepared /, 'prepared, '), ...['ready', 'load', 'cpu', 'maxBlock'].map((k) => `${med(xs.map((x) => x[k])).toFixed(0)} ms`), `${med(xs.map((x) => x.rss)).toFixed(0)} MB`]);
  }
  const width = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((x, c) => x.padEnd(width[c])).join(' | ')} |`;
  process.stdout.write(`${[line(rows[0]), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n')}\n(medians of ${runs} fresh processes each)\n`);
}

main();
