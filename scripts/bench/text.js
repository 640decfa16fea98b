'use strict';
/**
 * Text-size benchmark of the core (issue 9 / 14): what one analysis costs as a sheet grows,
 * in-process, with no transport in between.
 *
 *   a. A 2 MB sheet with the bulk in each section kind (header field, each section, comments),
 *      analysed cold (a fresh token cache: the first analysis of an opened document), against
 *      the same size in 【備考】 (target ≤ 2×).
 *   b. Keystrokes: one character typed into the description of a 100 KB and a 2 MB sheet, the
 *      whole analysis re-run as the server runs it (same token cache, warm), p50/p95 of
 *      `analyzeText` (targets p95 ≤ 10 ms / ≤ 50 ms).
 *
 * Usage: node scripts/bench/text.js [--quick] [--json FILE]; also called by run.js (section 5).
 */
const path = require('node:path');
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

const ROOT = path.resolve(__dirname, '../..');
const { analyzeText } = require(path.join(ROOT, 'core/out/analysis/analyze'));
const { resolveConfig } = require(path.join(ROOT, 'core/out/analysis/config'));
const { TokenCache } = require(path.join(ROOT, 'core/out/nlp/tokenCache'));
const { loadTokenizer } = require(path.join(ROOT, 'core/out/nlp/tokenizer'));
const { clearContentCaches } = require(path.join(ROOT, 'core/out/text/contentCache'));
const { generateSheet, beppyoRefs } = require('./generate');
const { median, percentile } = require('./stats');

const TWO_MB = 2 * 1000 * 1000 - 5000; // characters, under the documented 2,000,000 limit
const TYPED = '及び航空機による警戒監視の区域並びに使用する機材の見積りを含む計画のうち部隊の展開に係るもの';


/** Lines of realistic text (numbered items of the generator's phrase pools), `chars` in all. */
function bulkLines(chars, seed) {
  const out = [];
  let total = 0;
  for (let s = seed; total < chars; s++) {
    const sheet = generateSheet(s, { refs: REFS, eol: '\n' });
    const desc = sheet.split('\n');
    const from = desc.indexOf('【対象情報の記述】') + 1;
    for (let i = from; i < desc.length && desc[i] !== '' && total < chars; i++) {
      out.push(desc[i]);
      total += desc[i].length + 1;
    }
  }
  return out;
}

let REFS;
const BASE = () => generateSheet(7, { refs: REFS, eol: '\n' });

/** The base sheet with `lines` added in one place. */
const PLACES = {
  '【備考】': (base, lines) => `${base}\n【備考】\n${lines.join('\n')}\n`,
  '【対象情報の記述】': (base, lines) => base.replace(/【対象情報の記述】\n/, `【対象情報の記述】\n${lines.join('\n')}\n`),
  '【指定の理由】': (base, lines) => base.replace(/【指定の理由】\n/, `【指定の理由】\n${lines.join('\n')}\n`),
  '【解除の条件】': (base, lines) => `${base}\n【解除の条件】\n${lines.join('\n')}\n`,
  '【概要】': (base, lines) => base.replace(/(【(?:特定秘密の)?概要】)\n/, `$1\n${lines.join('\n')}\n`),
  'comments': (base, lines) => `${lines.map((l) => `# ${l}`).join('\n')}\n${base}`,
  'header field (特定秘密管理者, one line)': (base, lines) => base.replace(/(特定秘密管理者[：:])/, `$1${lines.join('')}`),
  'header fields (延長, one per line)': (base, lines) => base.replace(/(特定秘密管理者[：:])/, `${lines.map((l) => `延長：${l}`).join('\n')}\n$1`),
};

function sized(place, chars) {
  if (!REFS) REFS = beppyoRefs();
  const base = BASE();
  const lines = bulkLines(chars - base.length - 2000, 1000);
  // The most lines that keep the sheet within `chars` (a binary search: dropping one line at a
  // time rebuilt a 2 MB string per line).
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (PLACES[place](base, lines.slice(0, mid)).length <= chars) lo = mid;
    else hi = mid - 1;
  }
  return PLACES[place](base, lines.slice(0, lo));
}

async function benchBulk(tokenizer, config, runs) {
  const rows = [];
  const texts = Object.fromEntries(Object.keys(PLACES).map((place) => [place, sized(place, TWO_MB)]));
  // One untimed pass over every sheet first: the JIT is warm for all of them alike, so the
  // first one measured (the 【備考】 reference) is not slowed down by compiling.
  for (const text of Object.values(texts)) {
    clearContentCaches();
    analyzeText(text, { config, tokens: new TokenCache(tokenizer, 200000) });
  }
  for (const place of Object.keys(PLACES)) {
    const text = texts[place];
    const times = [];
    for (let r = 0; r < runs; r++) {
      const tokens = new TokenCache(tokenizer, 200000);
      clearContentCaches(); // cold: no line of this text seen before
      const t = performance.now();
      analyzeText(text, { config, tokens });
      times.push(performance.now() - t);
    }
    rows.push({ place, chars: text.length, ms: median(times) });
  }
  const ref = rows.find((r) => r.place === '【備考】').ms;
  for (const r of rows) r.ratio = r.ms / ref;
  return rows;
}

async function benchKeystrokes(tokenizer, config, name, text, keystrokes, warmup) {
  const tokens = new TokenCache(tokenizer, 200000);
  const lines = text.split('\n');
  const line = lines.indexOf('【対象情報の記述】') + 1;
  let offset = lines.slice(0, line + 1).join('\n').length; // end of the description's first line
  analyzeText(text, { config, tokens });
  const latencies = [];
  for (let k = 0; k < warmup + keystrokes; k++) {
    const ch = TYPED[k % TYPED.length];
    text = text.slice(0, offset) + ch + text.slice(offset);
    offset += ch.length;
    const t = performance.now();
    analyzeText(text, { config, tokens });
    if (k >= warmup) latencies.push(performance.now() - t);
  }
  return { name, chars: text.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies) };
}

async function benchText({ quick = false, typingOnly = false } = {}) {
  REFS = beppyoRefs();
  const tokenizer = await loadTokenizer();
  const config = resolveConfig({ today: '2026-11-23' });
  const bulk = typingOnly ? [] : await benchBulk(tokenizer, config, quick ? 1 : 5);
  const sheet100k = generateSheet(44, { refs: REFS, targetBytes: 100 * 1024, eol: '\n' });
  const sheet2m = sized('【対象情報の記述】', TWO_MB);
  const typing = [
    await benchKeystrokes(tokenizer, config, '100 KB', sheet100k, quick ? 40 : 200, 10),
    await benchKeystrokes(tokenizer, config, '2 MB', sheet2m, quick ? 20 : 60, 5),
  ];
  return { bulk, typing };
}

function render(r) {
  const ms = (x) => `${x.toFixed(1)} ms`;
  const lines = ['| 2 MB sheet, bulk in | characters | analysis (cold) | × 【備考】 | target |', '|---|---:|---:|---:|---|'];
  for (const b of r.bulk) lines.push(`| ${b.place} | ${b.chars.toLocaleString('en-US')} | ${ms(b.ms)} | ${b.ratio.toFixed(2)} | ≤ 2× ${b.ratio <= 2 ? '✓' : '✗'} |`);
  lines.push('', '| keystroke (analyzeText, warm) | characters | p50 | p95 | max | target p95 |', '|---|---:|---:|---:|---:|---|');
  for (const t of r.typing) {
    const target = t.name === '100 KB' ? 10 : 50;
    lines.push(`| ${t.name} | ${t.chars.toLocaleString('en-US')} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.max)} | ≤ ${target} ms ${t.p95 <= target ? '✓' : '✗'} |`);
  }
  return lines.join('\n');
}

/** Section "text" of run.js: runs the benchmark and prints its tables (`--only text` runs it alone). */
async function runSection(log, options = {}) {
  log('text. 2 MB sheets by section kind, keystrokes in the core (scripts/bench/text.js)');
  const r = await benchText({ quick: !!(options.runs && options.runs < 3) });
  process.stdout.write(`${render(r)}\n\n`);
  return r;
}

module.exports = { benchText, render, runSection, sized, PLACES, TWO_MB };

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  const json = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : undefined;
  benchText({ quick, typingOnly: process.argv.includes('--typing') }).then((r) => {
    process.stdout.write(`${render(r)}\n`);
    if (json) fs.writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  }).catch((e) => {
    process.stderr.write(`bench text: ${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  });
}
