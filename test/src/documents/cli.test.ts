/**
 * The commands as a user runs them: `shitei export`, `shitei import` (Word and register
 * workbooks), `shitei ledger --format xlsx`; default output names, never overwriting without
 * --force, stdout for `--out -`, unmatched labels on stderr, and the check of the imported
 * sheet giving the original's diagnostics.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readXlsx } from '../../../core/out/documents/xlsxRead';
import { writeXlsx } from '../../../core/out/documents/xlsxWrite';
import { importRegister, excelSerialToIso } from '../../../core/out/documents/registerImport';
import { readDocx } from '../../../core/out/documents/docxRead';
import { runCli } from '../support/cli';
import { docxOf, p, SAMPLES, table, withoutComments } from './support';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-docs-'));
}

function inTemp(fn: (dir: string) => void): void {
  const dir = tempDir();
  try {
    fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const CLEAN = path.join(SAMPLES, 'clean/soubicho-encho.shitei');

interface JsonDiag { code: string; severity: string; message: string }
function checkJson(file: string, cwd: string): JsonDiag[] {
  const r = runCli(['check', '--format', 'json', file], cwd, { SHITEI_LOCALE: 'ja' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return (JSON.parse(r.stdout).files[0].diagnostics as JsonDiag[]).map((d) => ({ code: d.code, severity: d.severity, message: d.message })).sort((a, b) => (a.code + a.message < b.code + b.message ? -1 : 1));
}

test('export writes FILE.docx beside the sheet, refuses to overwrite it, and --force replaces it', () => {
  inTemp((dir) => {
    fs.copyFileSync(CLEAN, path.join(dir, 'a.shitei')); // 10 fields (点検 among them), 5 sections (【延長の理由】 among them)
    let r = runCli(['export', 'a.shitei', '--locale', 'en'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /wrote a\.docx \(10 fields, 5 sections\)/);
    assert.equal(r.stdout, '');
    const first = fs.readFileSync(path.join(dir, 'a.docx'));
    assert.equal(readDocx(first).exportedByShitei, true);
    fs.writeFileSync(path.join(dir, 'a.docx'), 'mine');
    r = runCli(['export', 'a.shitei', '--locale', 'en'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /a\.docx: already exists \(add --force to overwrite it\)/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.docx'), 'utf8'), 'mine', 'the existing file is untouched');
    r = runCli(['export', 'a.shitei', '--force', '--out', 'b/../a.docx'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.notEqual(fs.readFileSync(path.join(dir, 'a.docx'), 'utf8'), 'mine');
    r = runCli(['export', 'a.shitei', '--out', 'x.shitei', '--locale', 'en'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /will not write to a \.shitei file/);
    r = runCli(['export', 'a.shitei', '--format', 'pdf'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown format "pdf"/);
  });
});

test('export then import through the CLI: the check gives the same diagnostics (a sample with findings)', () => {
  inTemp((dir) => {
    for (const sample of ['rules/scope-vague.shitei', 'rules/field-unknown.shitei', 'clean/soubicho-encho.shitei']) {
      const name = path.basename(sample);
      fs.writeFileSync(path.join(dir, name), withoutComments(fs.readFileSync(path.join(SAMPLES, sample), 'utf8')));
      let r = runCli(['export', name, '--out', 'x.docx', '--force'], dir);
      assert.equal(r.status, 0, r.stderr);
      r = runCli(['import', 'x.docx', '--out', 'back.shitei', '--force'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(checkJson('back.shitei', dir), checkJson(name, dir), sample);
    }
  });
});

test('import: default name beside the document, --out - prints, unmatched labels reported on stderr', () => {
  inTemp((dir) => {
    const bytes = docxOf(p('特定秘密指定書') + table([['特定秘密指定整理番号', 'X-1'], ['指定行政機関名', '防衛省'], ['起案者', '課長補佐'], ['決裁日', '令和8年3月1日']]));
    fs.writeFileSync(path.join(dir, '指定書.docx'), bytes);
    let r = runCli(['import', '指定書.docx', '--out', '-', '--locale', 'en'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^整理番号：X-1$/m);
    assert.match(r.stdout, /^【備考】\n起案者：課長補佐\n決裁日：令和8年3月1日$/m);
    assert.match(r.stderr, /2 items matched no field or section and went into 【備考】: "起案者", "決裁日"/);
    assert.deepEqual(fs.readdirSync(dir), ['指定書.docx']);
    r = runCli(['import', '指定書.docx'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /【備考】に入れたもの 2 件/);
    assert.ok(fs.readFileSync(path.join(dir, '指定書.shitei'), 'utf8').includes('行政機関：防衛省'));
    r = runCli(['import', '指定書.docx'], dir);
    assert.equal(r.status, 2, 'the second import does not overwrite the first');
    r = runCli(['import', '指定書.docx', '--out-dir', 'x'], dir);
    assert.equal(r.status, 2);
  });
});

test('ledger --format xlsx: needs --out; the workbook has the register and the summaries', () => {
  inTemp((dir) => {
    let r = runCli(['ledger', '--format', 'xlsx', path.join(SAMPLES, 'clean')], dir, { SHITEI_LOCALE: 'en' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format xlsx needs --out/);
    r = runCli(['ledger', '--format', 'xlsx', '--out', 'r.xlsx', path.join(SAMPLES, 'clean')], dir);
    assert.equal(r.status, 0, r.stderr);
    const sheets = readXlsx(fs.readFileSync(path.join(dir, 'r.xlsx')));
    assert.deepEqual(sheets.map((s) => s.name), ['管理簿', '集計']);
    assert.equal(sheets[0].rows[0][0], '特定秘密指定管理簿');
    assert.equal(sheets[0].rows[2][0], '整理番号');
    assert.equal(sheets[0].rows.length, 3 + fs.readdirSync(path.join(SAMPLES, 'clean')).length);
    assert.ok(sheets[1].rows.some((row) => row[0] === '合計'));
  });
});

test('the register round-trips: ledger → xlsx → import → ledger gives the same rows', () => {
  inTemp((dir) => {
    const folder = path.join(SAMPLES, 'clean');
    let r = runCli(['ledger', '--format', 'xlsx', '--out', 'r.xlsx', folder], dir);
    assert.equal(r.status, 0, r.stderr);
    r = runCli(['import', 'r.xlsx', '--out-dir', 'sheets'], dir);
    assert.equal(r.status, 0, r.stderr);
    const names = fs.readdirSync(path.join(dir, 'sheets')).sort();
    assert.deepEqual(names, fs.readdirSync(folder).sort(), 'one sheet per row, named after the ファイル column');
    const before = JSON.parse(runCli(['ledger', '--format', 'json', folder], dir).stdout);
    const after = JSON.parse(runCli(['ledger', '--format', 'json', 'sheets'], dir).stdout);
    const strip = (rows: { path: string }[]) => rows.map((row) => ({ ...row, path: path.basename(row.path) }));
    assert.deepEqual(strip(after.rows), strip(before.rows));
    // The sections a register does not carry are there, empty, so the rules report them.
    const codes = checkJson(path.join('sheets', names[0]), dir).map((d) => d.code);
    assert.deepEqual(codes.filter((c) => c === 'section-empty').length, 2);
    r = runCli(['import', 'r.xlsx', '--out-dir', 'sheets'], dir);
    assert.equal(r.status, 2, 'existing sheets are not overwritten');
    assert.match(r.stderr, /--force/);
  });
});

test('the English register (ledger --locale en) round-trips too', () => {
  inTemp((dir) => {
    const folder = path.join(SAMPLES, 'workspace');
    let r = runCli(['ledger', '--format', 'xlsx', '--locale', 'en', '--out', 'r.xlsx', folder], dir);
    assert.equal(r.status, 0, r.stderr);
    r = runCli(['import', 'r.xlsx', '--out-dir', 'sheets', '--locale', 'en'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /matched no field/, 'every English header is known');
    const before = JSON.parse(runCli(['ledger', '--format', 'json', folder], dir).stdout);
    const after = JSON.parse(runCli(['ledger', '--format', 'json', 'sheets'], dir).stdout);
    const strip = (rows: { path: string }[]) => rows.map((row) => ({ ...row, path: path.basename(row.path) }));
    assert.deepEqual(strip(after.rows), strip(before.rows));
  });
});

test('a register kept by hand: header below a title, agency labels, Excel date numbers, unknown columns', () => {
  const bytes = writeXlsx([
    { name: '説明', rows: [['この台帳は…']] },
    {
      name: '台帳',
      rows: [
        ['令和8年度 特定秘密指定管理簿'],
        [],
        ['No.', '特定秘密指定整理番号', '指定をした年月日', '指定の有効期間', '有効期間の満了する年月日', '有効期間の延長', '法別表該当事項', '講ずる措置', '特定秘密管理者の官職', '特定秘密の概要', '担当係'],
        [1, '防衛-2026-0012', 46113, '2年', '令和10年3月31日', '', '別表第1号イa(a)', '表示', '運用第1課長', '演習計画', '第1係'],
        [2, '防衛-2016-0001', '平成28年4月1日', '5年', '令和3年3月31日', '5年、5年(令和8年3月25日)', '別表第1号イa(a)', '表示', '運用第1課長', '古い計画\n続き', ''],
        ['計', '', '', '', '', '', '', '', '', '', ''],
      ],
    },
  ]);
  const register = importRegister(readXlsx(bytes))!;
  assert.equal(register.sheetName, '台帳');
  assert.deepEqual(register.unmatchedColumns, ['担当係']);
  assert.equal(register.entries.length, 2);
  const [a, b] = register.entries;
  assert.equal(a.row, 4);
  assert.deepEqual(a.document.fields.find((f) => f.label === '指定年月日'), { label: '指定年月日', value: '2026-04-01' });
  assert.deepEqual(b.document.fields.filter((f) => f.label === '延長').map((f) => f.value), ['5年', '5年(令和8年3月25日)']);
  assert.deepEqual(b.document.sections.find((s) => s.heading === '概要')?.lines, ['古い計画', '続き']);
  assert.deepEqual(a.document.sections.find((s) => s.heading === '備考')?.lines, ['担当係：第1係']);
  assert.deepEqual(a.document.sections.map((s) => s.heading), ['概要', '対象情報の記述', '指定の理由', '備考']);
  assert.equal(excelSerialToIso(46113), '2026-04-01');
});

test('an xlsx with no register header: exit 2 naming it, nothing written', () => {
  inTemp((dir) => {
    fs.writeFileSync(path.join(dir, 'book.xlsx'), writeXlsx([{ name: 'S', rows: [['品名', '数量'], ['りんご', 3]] }]));
    const r = runCli(['import', 'book.xlsx', '--locale', 'en'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /book\.xlsx: no header row of a register/);
    assert.deepEqual(fs.readdirSync(dir), ['book.xlsx']);
  });
});
