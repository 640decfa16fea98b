/**
 * Held-out acceptance of `shitei report` and the register's v1.1 columns (issue 11), on the small workspace
 * test/fixtures/acceptance/report/ (today 2026-11-30). The expected counts are computed by hand from
 * spec/format.md v1.1 "The register and the yearly report":
 *
 * p01 防衛省 1号イa(a)   designated 2026-04-01, 2年                     → 2026: in force, designated
 * p02 防衛省 1号イa(b) + 1号ハ, 2024-01-10, 3年 (to 2027-01-09)          → in force 2025 and 2026 (two rows, once in totals)
 * p03 警察庁 4号ロ (no 細目: unspecified), 2025-06-01, 1年 (to 2026-05-31), 延長 1年 decided 2026-05-20
 *                                                                        → 2025: in force, designated; 2026: in force, extended
 * p04 防衛省 1号ロa, 2021-01-01, 5年 (to 2025-12-31), 延長 3年 decided 2025-12-20 (effect 2026-01-01)
 *                                                                        → 2025: in force, extended; 2026: in force only
 * p05 防衛省 1号ロb, 2022-01-01, 5年 (to 2026-12-31), 延長 2年 undated (effect 2027-01-01) → in force, never "extended" in 2025/2026
 * p06 防衛省 1号ハ, 2020-04-01, 5年 (to 2025-03-31), lapsed                → nothing in 2025 or 2026
 * p07 防衛省 1号ト, 2019-04-01, 延長 decided 2024-03-01 (to 2029-03-31), 解除 2026-07-01
 *                                                                        → 2025: in force; 2026: released
 * p08 外務省 2号イa(a) + 2号ハb, 2026-02-01, 1年                           → 2026: in force, designated (two rows)
 * p09 外務省 2号ホ, 2026-03-01, 解除 2026-09-01                            → 2026: designated, released
 * p10 外務省 2号ニ, 2023-04-01, 5年, three 点検 in mixed styles and order                                       → in force 2025 and 2026
 * p11 警察庁 第４号イａ（ｂ） (full width), 2026-10-01                      → 2026: in force, designated, item 4号イa
 * p12 防衛省 1号ニa, 2018-04-01, 5年 (to 2023-03-31), lapsed               → all zero: no row
 * p15 防衛省 1号イa(a) + 1号イa(b), 2026-05-01                          → 2026: in force, designated, ONCE under 1号イa
 * p16 警察庁 4号ハ, designated 2025-12-31 (the last day), 1年 (to 2026-12-30) → 2025: in force, designated; 2026: lapsed the day before year end: no row
 * p17 外務省 2号ハa, 2024-04-01, 3年, 解除 2025-12-31 (the last day)      → 2025: released, not in force
 * p14 防衛省 1号ホ, 2021-07-01, 5年 (to 2026-06-30), 延長 2年 undated (effect 2026-07-01) → 2026: in force, extended
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { readZip } from '../support/zip';
import { FIXTURES } from './support';

const CWD = path.join(FIXTURES, 'report');

interface Row { agency: string; item: string; inForce: number; designated: number; extended: number; released: number; unspecified: boolean }

function row(agency: string, item: string, inForce: number, designated: number, extended: number, released: number, unspecified = false): Row {
  return { agency, item, inForce, designated, extended, released, unspecified };
}

const EXPECTED_2026: Row[] = [
  row('外務省', '2号イa', 1, 1, 0, 0),
  row('外務省', '2号ハb', 1, 1, 0, 0),
  row('外務省', '2号ニ', 1, 0, 0, 0),
  row('外務省', '2号ホ', 0, 1, 0, 1),
  row('警察庁', '4号イa', 1, 1, 0, 0),
  row('警察庁', '4号ロ', 1, 0, 1, 0, true),
  row('防衛省', '1号イa', 3, 2, 0, 0),
  row('防衛省', '1号ロa', 1, 0, 0, 0),
  row('防衛省', '1号ロb', 1, 0, 0, 0),
  row('防衛省', '1号ハ', 1, 0, 0, 0),
  row('防衛省', '1号ホ', 1, 0, 1, 0),
  row('防衛省', '1号ト', 0, 0, 0, 1),
];
// p01 p02 p03 p04 p05 p08 p10 p11 p14 p15 in force; p01 p08 p09 p11 p15 designated; p03 p14 extended; p07 p09 released.
const TOTALS_2026 = { inForce: 10, designated: 5, extended: 2, released: 2 };

const EXPECTED_2025: Row[] = [
  row('外務省', '2号ハa', 0, 0, 0, 1),
  row('外務省', '2号ニ', 1, 0, 0, 0),
  row('警察庁', '4号ロ', 1, 1, 0, 0, true),
  row('警察庁', '4号ハ', 1, 1, 0, 0),
  row('防衛省', '1号イa', 1, 0, 0, 0),
  row('防衛省', '1号ロa', 1, 0, 1, 0),
  row('防衛省', '1号ロb', 1, 0, 0, 0),
  row('防衛省', '1号ハ', 1, 0, 0, 0),
  row('防衛省', '1号ホ', 1, 0, 0, 0),
  row('防衛省', '1号ト', 1, 0, 0, 0),
];
// p02 p03 p04 p05 p07 p10 p14 p16 in force; p03 p16 designated; p04 extended; p17 released.
const TOTALS_2025 = { inForce: 8, designated: 2, extended: 1, released: 1 };

function report(args: string[]) {
  const r = runCli(['report', ...args], CWD);
  assert.equal(r.status, 0, `exit 0 expected:\n${r.stderr}`);
  const json = JSON.parse(r.stdout) as { year: number; rows: (Row & { unspecified?: boolean })[]; totals: Record<string, number> };
  const rows = json.rows.map((x) => row(x.agency, x.item, x.inForce, x.designated, x.extended, x.released, x.unspecified === true));
  const totals = { inForce: json.totals.inForce, designated: json.totals.designated, extended: json.totals.extended, released: json.totals.released };
  return { json, rows, totals };
}

test('report --year 2026: rows per 行政機関 × 細目, sorted, zero rows left out, totals counting each sheet once', () => {
  const { json, rows, totals } = report(['--format', 'json', '--year', '2026', '.']);
  assert.equal(json.year, 2026);
  assert.deepEqual(rows, EXPECTED_2026);
  assert.deepEqual(totals, TOTALS_2026);
});

test('report --year 2025: extensions count in the year of their decision date; in force at year end', () => {
  const { json, rows, totals } = report(['--format', 'json', '--year', '2025', '.']);
  assert.equal(json.year, 2025);
  assert.deepEqual(rows, EXPECTED_2025);
  assert.deepEqual(totals, TOTALS_2025);
});

test('report without --year: the year of today (2026 from .shiteirc.json)', () => {
  const { json, rows } = report(['--format', 'json', '.']);
  assert.equal(json.year, 2026);
  assert.deepEqual(rows, EXPECTED_2026);
});

test('report --format csv and md carry the same items', () => {
  for (const format of ['csv', 'md']) {
    const r = runCli(['report', '--format', format, '--year', '2026', '.'], CWD);
    assert.equal(r.status, 0, r.stderr);
    for (const item of ['1号イa', '1号ト', '2号ホ', '4号ロ', '防衛省', '外務省', '警察庁']) assert.ok(r.stdout.includes(item), `${format} has ${item}`);
    assert.ok(!r.stdout.includes('1号ニ'), `${format}: the all-zero row is left out`);
  }
});

test('report --year abc: exit 2 with a one-line reason, nothing on stdout', () => {
  for (const bad of ['abc', '令和8', '']) {
    const r = runCli(['report', '--format', 'json', '--year', bad, '.'], CWD);
    assert.equal(r.status, 2, `--year ${JSON.stringify(bad)}: exit 2\n${r.stderr}`);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line:\n${r.stderr}`);
    assert.ok(lines[0].length > 5);
  }
});

test('a designation whose only 延長 was decided late is lapsed: no row in 2026, 満了 in the register', () => {
  const cwd = path.join(FIXTURES, 'report-late');
  const r = runCli(['report', '--format', 'json', '--year', '2026', '.'], cwd);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { rows: unknown[]; totals: Record<string, number> };
  assert.deepEqual(json.rows, []);
  assert.deepEqual([json.totals.inForce, json.totals.designated, json.totals.extended, json.totals.released], [0, 0, 0, 0]);
  const ledger = runCli(['ledger', '--format', 'csv', '.'], cwd);
  const [header, row] = csvRows(ledger.stdout);
  assert.equal(row[header.indexOf('状態')], '満了', ledger.stdout);
});

test('report --format html is one self-contained page', () => {
  const html = runCli(['report', '--format', 'html', '--year', '2026', '.'], CWD);
  assert.equal(html.status, 0, html.stderr);
  assert.match(html.stdout, /<html/i);
  assert.ok(!/<script[^>]+src=|<link[^>]+href=["']?https?:/i.test(html.stdout), 'no external resources');
  assert.ok(html.stdout.includes('1号イa') && html.stdout.includes('防衛省'));
});


test('report --format xlsx (format.md v1.1) writes a workbook with the rows', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-accept-report-')), 'report.xlsx');
  const x = runCli(['report', '--format', 'xlsx', '--year', '2026', '--out', out, '.'], CWD);
  assert.equal(x.status, 0, x.stderr);
  const parts = readZip(fs.readFileSync(out));
  const xml = [...parts.entries()].filter(([n]) => n.startsWith('xl/')).map(([, b]) => b.toString('utf8')).join('\n');
  assert.ok(xml.includes('1号イa') && xml.includes('防衛省'), 'the rows are in the workbook');
});

/** One CSV record per line is enough here (no field of these fixtures holds a newline). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line) continue;
    const cells: string[] = [];
    const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) !== null) {
      cells.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
      if (m[0].length === 0) re.lastIndex++;
      if (re.lastIndex >= line.length) break;
    }
    rows.push(cells);
  }
  return rows;
}

/** A date cell as written in the sheet (令和8年6月1日) or in ISO form. */
function sameDay(cell: string | undefined, wareki: string, iso: string): boolean {
  return cell !== undefined && (cell.includes(wareki) || cell.includes(iso));
}

test('ledger: 点検 (the latest), 解除 and 状態 (有効 / 解除 / 満了) columns in csv', () => {
  const r = runCli(['ledger', '--format', 'csv', '.'], CWD);
  assert.equal(r.status, 0, r.stderr);
  const [header, ...rows] = csvRows(r.stdout);
  const col = (name: string) => {
    const i = header.findIndex((h) => h === name);
    assert.ok(i >= 0, `column ${name} in ${header.join(',')}`);
    return i;
  };
  const [review, release, state, serial] = [col('点検'), col('解除'), col('状態'), col('整理番号')];
  const by = new Map(rows.map((x) => [x[serial], x]));
  const expectState: Record<string, string> = { p01: '有効', p03: '有効', p05: '有効', p06: '満了', p07: '解除', p09: '解除', p12: '満了', p14: '有効' };
  for (const [p, s] of Object.entries(expectState)) assert.equal(by.get(`ACC-${p}`)?.[state], s, `状態 of ${p}`);
  // p10's 点検 are 令和7年12月1日, 2026年6月1日, 令和6年6月1日: the latest by date, not the last line or the largest string.
  assert.ok(sameDay(by.get('ACC-p10')?.[review], '2026年6月1日', '2026-06-01'), `latest 点検 of p10: ${by.get('ACC-p10')?.[review]}`);
  assert.ok(sameDay(by.get('ACC-p07')?.[release], '令和8年7月1日', '2026-07-01'), `解除 of p07: ${by.get('ACC-p07')?.[release]}`);
  assert.equal(by.get('ACC-p01')?.[review], '', 'p01 has no 点検');
  assert.equal(by.get('ACC-p01')?.[release], '', 'p01 has no 解除');
});

test('ledger: the three columns in html and xlsx ("in every format")', () => {
  const html = runCli(['ledger', '--format', 'html', '.'], CWD);
  assert.equal(html.status, 0, html.stderr);
  for (const h of ['点検', '解除', '状態']) assert.ok(html.stdout.includes(`>${h}<`) || new RegExp(`<th[^>]*>\\s*${h}`).test(html.stdout), `html has a ${h} column`);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-accept-ledger-')), 'register.xlsx');
  const x = runCli(['ledger', '--format', 'xlsx', '--out', out, '.'], CWD);
  assert.equal(x.status, 0, x.stderr);
  const xml = [...readZip(fs.readFileSync(out)).entries()].filter(([n]) => n.startsWith('xl/')).map(([, b]) => b.toString('utf8')).join('\n');
  const strings = [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => m[1]);
  for (const h of ['点検', '解除', '状態']) assert.ok(strings.includes(h), `xlsx has a ${h} header`);
  for (const v of ['有効', '解除', '満了']) assert.ok(strings.includes(v), `xlsx has the state ${v}`);
});

test('ledger --format xlsx: a sheet of designations with column widths and a sheet of summaries', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-accept-ledger-')), 'register.xlsx');
  const x = runCli(['ledger', '--format', 'xlsx', '--out', out, '.'], CWD);
  assert.equal(x.status, 0, x.stderr);
  const parts = readZip(fs.readFileSync(out));
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  assert.ok((workbook.match(/<sheet\b/g) ?? []).length >= 2, `two worksheets: ${workbook}`);
  const sheets = [...parts.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).sort();
  const first = parts.get(sheets[0])!.toString('utf8');
  assert.match(first, /<col\b[^>]*\bwidth="/, 'column widths');
  const strings = (parts.get('xl/sharedStrings.xml')?.toString('utf8') ?? '') + sheets.map((n) => parts.get(n)!.toString('utf8')).join('');
  for (const serial of ['ACC-p01', 'ACC-p17']) assert.ok(strings.includes(serial), serial);
});

test('ledger: the three columns in md and json too', () => {
  const md = runCli(['ledger', '--format', 'md', '.'], CWD);
  assert.equal(md.status, 0, md.stderr);
  for (const h of ['点検', '解除', '状態']) assert.ok(md.stdout.includes(h), `md has ${h}`);
  const js = runCli(['ledger', '--format', 'json', '.'], CWD);
  assert.equal(js.status, 0, js.stderr);
  const json = JSON.parse(js.stdout) as { rows: Record<string, unknown>[] };
  const values = (serial: string) => JSON.stringify(json.rows.find((x) => x.serial === serial));
  assert.match(values('ACC-p07'), /"解除"/, 'p07 released');
  assert.match(values('ACC-p06'), /"満了"/, 'p06 lapsed');
  assert.match(values('ACC-p01'), /"有効"/, 'p01 in force');
  assert.match(values('ACC-p10'), /2026年6月1日|2026-06-01/, 'p10 latest 点検');
  assert.match(values('ACC-p07'), /令和8年7月1日|2026-07-01/, 'p07 解除 date');
});

/** Every object nested in a JSON value. */
function objects(v: unknown): Record<string, unknown>[] {
  if (!v || typeof v !== 'object') return [];
  const inner = Object.values(v as Record<string, unknown>).flatMap(objects);
  return Array.isArray(v) ? inner : [v as Record<string, unknown>, ...inner];
}

test('ledger summaries count designations by state: 有効 11, 解除 3 (p07 p09 p17), 満了 2 (p06 p12)', () => {
  const js = runCli(['ledger', '--format', 'json', '.'], CWD);
  const json = JSON.parse(js.stdout) as { summary: unknown };
  const found = objects(json.summary).some((o) => {
    const values = Object.values(o).filter((x) => typeof x === 'number').sort((a, b) => (a as number) - (b as number));
    return JSON.stringify(values) === JSON.stringify([2, 3, 11]) || JSON.stringify(values) === JSON.stringify([2, 3, 11, 16]);
  });
  assert.ok(found, JSON.stringify(json.summary).slice(0, 1500));
  const md = runCli(['ledger', '--format', 'md', '.'], CWD);
  for (const label of ['有効', '解除', '満了']) assert.ok(md.stdout.includes(label), `md summary names ${label}`);
});

test('the register\'s "expiring soon" summary leaves out released designations (rules.md v1.1: a released sheet gets no expiry-soon; 法第4条第7項: a released designation has ended)', () => {
  const js = runCli(['ledger', '--format', 'json', '.'], CWD);
  const text = JSON.stringify((JSON.parse(js.stdout) as { summary: unknown }).summary);
  assert.ok(text.includes('ACC-p16'), 'p16 (in force, expires 2026-12-30) is expiring soon');
  for (const released of ['ACC-p09', 'ACC-p17']) assert.ok(!text.includes(released), `${released} is released, not expiring`);
});
