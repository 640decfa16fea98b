/** `shitei report --format xlsx --out FILE`: the workbook read back holds exactly what `--format json` says. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readXlsx, type CellValue } from '../../../core/out/documents/xlsxRead';
import { runCli } from '../support/cli';

interface JsonReport {
  year: number;
  rows: { agency: string; item: string; inForce: number; designated: number; extended: number; released: number; unspecified?: true }[];
  totals: { inForce: number; designated: number; extended: number; released: number };
  unclassified: number;
}

function withDir<T>(body: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-report-xlsx-'));
  try {
    return body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The report's rows as the workbook holds them: between the header row and the 合計 row. */
function tableOf(rows: CellValue[][], headerFirst: string, totalLabel: string) {
  const header = rows.findIndex((r) => r[0] === headerFirst);
  assert.ok(header >= 0, 'a header row');
  const total = rows.findIndex((r, i) => i > header && r[0] === totalLabel);
  assert.ok(total > header, 'a totals row');
  return { header: rows[header], body: rows.slice(header + 1, total), total: rows[total], notes: rows.slice(total + 1).map((r) => r[0]) };
}

for (const [label, paths, year] of [['the whole-life workspace', ['samples/lifecycle/workspace'], '2026'], ['all the samples', ['samples/'], '2026'], ['a year with nothing', ['samples/lifecycle/workspace'], '1990']] as const) {
  test(`--format xlsx over ${label} (${year}): the rows and totals of --format json, counts as numbers`, () => withDir((dir) => {
    const json = JSON.parse(runCli(['report', '--year', year, '--format', 'json', ...paths]).stdout) as JsonReport;
    const out = path.join(dir, 'report.xlsx');
    const r = runCli(['report', '--year', year, '--format', 'xlsx', '--out', out, ...paths]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const sheets = readXlsx(fs.readFileSync(out));
    assert.equal(sheets.length, 1);
    assert.equal(sheets[0].name, `${year}年`);
    assert.match(String(sheets[0].rows[0][0]), new RegExp(`特定秘密の指定の状況.${year}年`));
    const table = tableOf(sheets[0].rows, '行政機関', '合計');
    assert.deepEqual(table.header, ['行政機関', '事項（細目）', '年末の指定件数', '指定', '延長', '解除', '細目の記載なし']);
    const fromXlsx = table.body.map((row) => ({
      agency: row[0] === '(記載なし)' ? '' : row[0],
      item: row[1],
      inForce: row[2],
      designated: row[3],
      extended: row[4],
      released: row[5],
      ...(row[6] === '※' ? { unspecified: true } : {}),
    }));
    assert.deepEqual(fromXlsx, json.rows);
    assert.deepEqual(table.total.slice(2, 6), [json.totals.inForce, json.totals.designated, json.totals.extended, json.totals.released]);
    if (json.rows.some((row) => row.unspecified)) assert.ok(table.notes.some((n) => /細目を挙げていない/.test(String(n))));
    if (json.unclassified > 0) assert.ok(table.notes.some((n) => String(n).endsWith(`: ${json.unclassified}`)));
    if (json.rows.length === 0) assert.ok(table.notes.includes('該当する指定はありません'));
    assert.deepEqual(fs.readdirSync(dir), ['report.xlsx']);
  }));
}

test('--format xlsx in English: the labels of the other formats', () => withDir((dir) => {
  const out = path.join(dir, 'r.xlsx');
  const r = runCli(['report', '--year', '2026', '--format', 'xlsx', '--locale', 'en', '--out', out, 'samples/lifecycle/workspace']);
  assert.equal(r.status, 0, r.stderr);
  const [sheet] = readXlsx(fs.readFileSync(out));
  assert.equal(sheet.name, '2026');
  const table = tableOf(sheet.rows, 'Agency', 'Total');
  assert.deepEqual(table.header, ['Agency', 'Item (細目)', 'In force at year end', 'Designated', 'Extended', 'Released', 'No 細目 named']);
}));

test('--format xlsx without --out: exit 2, nothing on stdout (a workbook is binary)', () => {
  const r = runCli(['report', '--year', '2026', '--format', 'xlsx', 'samples/lifecycle/workspace']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /--format xlsx needs --out/);
});
