/** `shitei report` as reviewers run it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';

const WORKSPACE = 'samples/lifecycle/workspace';

test('--format json: the shape format.md v1.1 defines', () => {
  const r = runCli(['report', '--year', '2026', '--format', 'json', WORKSPACE]);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.year, 2026);
  assert.deepEqual(json.rows, [
    { agency: '警察庁', item: '4号イa', inForce: 1, designated: 0, extended: 1, released: 0 },
    { agency: '防衛省', item: '1号イa', inForce: 1, designated: 1, extended: 0, released: 1 },
  ]);
  assert.deepEqual(json.totals, { inForce: 2, designated: 1, extended: 1, released: 1 });
});

test('without --year: the year of today (samples/.shiteirc.json fixes 2026-11-23)', () => {
  const r = runCli(['report', '--format', 'json', WORKSPACE]);
  assert.equal(JSON.parse(r.stdout).year, 2026);
});

test('--year that is not a year: exit 2 with one line saying so', () => {
  for (const bad of ['abc', '26', '2026-01', '令和8']) {
    const r = runCli(['report', '--year', bad, WORKSPACE]);
    assert.equal(r.status, 2, bad);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /--year/);
  }
});

test('md, csv and html', () => {
  const md = runCli(['report', '--year', '2026', WORKSPACE]);
  assert.match(md.stdout, /\| 防衛省 \| 1号イa \| 1 \| 1 \| 0 \| 1 \|/);
  assert.match(md.stdout, /\| 合計 \|  \| 2 \| 1 \| 1 \| 1 \|/);
  const csv = runCli(['report', '--year', '2026', '--format', 'csv', WORKSPACE]).stdout;
  assert.ok(csv.startsWith('\uFEFF"行政機関"'));
  assert.match(csv, /"防衛省","1号イa","1","1","0","1",""\r\n/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-report-'));
  const out = path.join(dir, 'report.html');
  const html = runCli(['report', '--year', '2026', '--format', 'html', '--out', out, '--locale', 'en', WORKSPACE]);
  assert.equal(html.status, 0, html.stderr);
  const page = fs.readFileSync(out, 'utf8');
  assert.match(page, /^<!DOCTYPE html>/);
  assert.ok(!/<script|<link|src=|https?:/i.test(page), 'self-contained');
  assert.match(page, /In force at year end/);
  assert.deepEqual(fs.readdirSync(dir), ['report.html']);
});

test('a year with nothing to report still gives totals of 0', () => {
  const r = runCli(['report', '--year', '1990', '--format', 'json', WORKSPACE]);
  assert.equal(r.status, 0);
  assert.deepEqual(JSON.parse(r.stdout), { year: 1990, rows: [], totals: { inForce: 0, designated: 0, extended: 0, released: 0 }, unclassified: 0 });
});

test('shitei ledger over the whole-life workspace: 点検, 解除 and 状態', () => {
  const r = runCli(['ledger', '--format', 'json', WORKSPACE]);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  const bySerial = Object.fromEntries(json.rows.map((row: { serial: string }) => [row.serial, row]));
  assert.equal(bySerial['防衛-2015-0301'].state, '解除');
  assert.equal(bySerial['防衛-2015-0301'].release, '令和8年3月31日');
  assert.equal(bySerial['防衛-2015-0301'].review, '令和7年2月27日');
  assert.equal(bySerial['防衛-2015-0301'].finalExpiryIso, '2028-03-31');
  assert.equal(bySerial['警察-2024-1201'].state, '有効');
  assert.deepEqual(json.summary.byState, { inForce: 2, released: 1, lapsed: 0, total: 3 });
  const md = runCli(['ledger', WORKSPACE]).stdout;
  assert.match(md, /\| 状態 \|/);
});
