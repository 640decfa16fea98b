/**
 * Held-out acceptance of the Excel register (issue 12, format.md v1.1 "Documents in and out"):
 * `shitei import REGISTER.xlsx --out-dir DIR` on a workbook built here with agency headers (shared strings, as
 * Excel writes them), and `ledger --format xlsx` → `import` round trip on the report workspace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { writeZip } from '../support/zip';
import { esc } from './docx';
import { flat, readSheet } from './sheetText';
import { FIXTURES } from './support';

function colName(i: number): string {
  return String.fromCharCode(65 + i);
}

/** A one-sheet workbook with shared strings (Excel's way of storing text). */
function xlsx(rows: string[][]): Buffer {
  const strings: string[] = [];
  const index = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const sheetRows = rows.map((r, ri) => `<row r="${ri + 1}">${r.map((v, ci) => (v === '' ? '' : `<c r="${colName(ci)}${ri + 1}" t="s"><v>${index(v)}</v></c>`)).join('')}</row>`).join('');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return writeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>' },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="管理簿" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>` },
    { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}"><sheetData>${sheetRows}</sheetData></worksheet>` },
    { name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>` },
  ]);
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-accept-xlsx-'));
  fs.writeFileSync(path.join(dir, '.shiteirc.json'), JSON.stringify({ today: '2026-11-30' }));
  return dir;
}

function shiteiFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.shitei')).sort();
}

test('import REGISTER.xlsx with agency headers: one sheet per row, values field by field, missing sections empty so the rules report them', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, '管理簿.xlsx'), xlsx([
    ['特定秘密指定整理番号', '指定行政機関', '指定をした年月日', '指定の有効期間', '有効期間の満了する年月日', '特定秘密の概要', '法別表該当事項', '講ずる措置', '特定秘密管理者の官職'],
    ['防衛-2026-0201', '防衛省', '令和8年4月1日', '2年', '令和10年3月31日', '令和8年度自衛隊統合演習計画(管理簿取込1)', '別表第1号イa(a)', '表示', '統合幕僚監部運用部運用第1課長'],
    ['防衛-2026-0202', '防衛省', '令和8年5月1日', '3年', '令和11年4月30日', '令和8年度戦闘機の性能諸元(管理簿取込2)', '別表第1号チa', '表示', '防衛装備庁装備技術部長'],
  ]));
  fs.mkdirSync(path.join(dir, 'out'));
  const r = runCli(['import', '管理簿.xlsx', '--out-dir', 'out'], dir);
  assert.equal(r.status, 0, r.stderr);
  const files = shiteiFiles(path.join(dir, 'out'));
  assert.equal(files.length, 2, files.join(', '));
  const sheets = files.map((f) => readSheet(fs.readFileSync(path.join(dir, 'out', f), 'utf8')));
  const bySerial = new Map(sheets.map((s) => [s.fields.get('整理番号')?.[0], s]));
  const two = bySerial.get('防衛-2026-0202');
  assert.ok(two, [...bySerial.keys()].join(', '));
  const expected: Record<string, string> = { 行政機関: '防衛省', 指定年月日: '令和8年5月1日', 有効期間: '3年', 満了日: '令和11年4月30日', 別表: '別表第1号チa', 措置: '表示', 特定秘密管理者: '防衛装備庁装備技術部長' };
  for (const [k, v] of Object.entries(expected)) assert.deepEqual(two.fields.get(k), [v], k);
  assert.equal(flat(two.sections.get('概要')), '令和8年度戦闘機の性能諸元(管理簿取込2)');
  assert.ok(two.sections.has('対象情報の記述') && two.sections.has('指定の理由'), 'the missing sections are there, empty');
  const check = runCli(['check', '--format', 'json', 'out'], dir);
  const json = JSON.parse(check.stdout) as { files: { path: string; diagnostics: { code: string; line: number }[] }[] };
  for (const f of json.files) {
    const codes = f.diagnostics.map((d) => d.code);
    assert.equal(codes.filter((c) => c === 'section-empty').length, 2, `${f.path}: section-empty for 対象情報の記述 and 指定の理由: ${codes.join(', ')}`);
    assert.ok(!codes.includes('section-missing'), `${f.path}: ${codes.join(', ')}`);
  }
});

test('a register with a row-number column (番号), as agencies\' registers have: 番号 is not 整理番号; it matches no field, so it goes into 【備考】 and is reported', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'register.xlsx'), xlsx([
    ['番号', '特定秘密指定整理番号', '指定行政機関', '指定をした年月日', '指定の有効期間', '有効期間の満了する年月日', '特定秘密の概要', '法別表該当事項', '講ずる措置', '特定秘密管理者の官職'],
    ['1', '防衛-2026-0601', '防衛省', '令和8年4月1日', '2年', '令和10年3月31日', '令和8年度自衛隊統合演習計画(番号列1)', '別表第1号イa(a)', '表示', '統合幕僚監部運用部運用第1課長'],
    ['2', '防衛-2026-0602', '防衛省', '令和8年5月1日', '3年', '令和11年4月30日', '令和8年度戦闘機の性能諸元(番号列2)', '別表第1号チa', '表示', '防衛装備庁装備技術部長'],
  ]));
  fs.mkdirSync(path.join(dir, 'out'));
  const r = runCli(['import', 'register.xlsx', '--out-dir', 'out'], dir);
  assert.equal(r.status, 0, r.stderr);
  const sheets = shiteiFiles(path.join(dir, 'out')).map((f) => readSheet(fs.readFileSync(path.join(dir, 'out', f), 'utf8')));
  assert.deepEqual(sheets.map((x) => x.fields.get('整理番号')).sort(), [['防衛-2026-0601'], ['防衛-2026-0602']]);
  assert.match(r.stderr, /番号/, 'the unmatched column is reported');
  const check = runCli(['check', '--format', 'json', 'out'], dir);
  const json = JSON.parse(check.stdout) as { files: { diagnostics: { code: string }[] }[] };
  for (const f of json.files) assert.ok(!f.diagnostics.some((d) => d.code === 'field-duplicate'), JSON.stringify(f));
});

test('ledger --format xlsx, then import: every designation of the workspace comes back with its register values', () => {
  const src = path.join(FIXTURES, 'report');
  const dir = tempDir();
  const r = runCli(['ledger', '--format', 'xlsx', '--out', path.join(dir, 'register.xlsx'), '.'], src);
  assert.equal(r.status, 0, r.stderr);
  fs.mkdirSync(path.join(dir, 'back'));
  const imp = runCli(['import', 'register.xlsx', '--out-dir', 'back'], dir);
  assert.equal(imp.status, 0, imp.stderr);
  const originals = fs.readdirSync(src).filter((f) => f.endsWith('.shitei')).map((f) => readSheet(fs.readFileSync(path.join(src, f), 'utf8')));
  const back = new Map(shiteiFiles(path.join(dir, 'back')).map((f) => {
    const s = readSheet(fs.readFileSync(path.join(dir, 'back', f), 'utf8'));
    return [s.fields.get('整理番号')?.[0], s] as const;
  }));
  assert.equal(back.size, originals.length);
  for (const o of originals) {
    const serial = o.fields.get('整理番号')![0];
    const b = back.get(serial);
    assert.ok(b, serial);
    for (const k of ['行政機関', '指定年月日', '有効期間', '満了日', '措置', '特定秘密管理者', '解除']) assert.deepEqual(b.fields.get(k), o.fields.get(k), `${serial} ${k}`);
    // The register writes 別表 references in their normal form (第４号イａ（ｂ） → 第4号イa(b)): the same references.
    const refs = (s: typeof o) => (s.fields.get('別表') ?? []).map((v) => v.normalize('NFKC').replace(/\s+/g, ''));
    assert.deepEqual(refs(b), refs(o), `${serial} 別表`);
    assert.equal(flat(b.sections.get('概要')), flat(o.sections.get('概要')), `${serial} 概要`);
  }
});

test('the English register (ledger --locale en --format xlsx) round-trips too: its v1.1 columns (review, release, state) are known, nothing lands in 【備考】', () => {
  const src = path.join(FIXTURES, 'report');
  const dir = tempDir();
  const r = runCli(['ledger', '--format', 'xlsx', '--locale', 'en', '--out', path.join(dir, 'register-en.xlsx'), '.'], src);
  assert.equal(r.status, 0, r.stderr);
  fs.mkdirSync(path.join(dir, 'back'));
  const imp = runCli(['import', 'register-en.xlsx', '--out-dir', 'back'], dir);
  assert.equal(imp.status, 0, imp.stderr);
  const files = shiteiFiles(path.join(dir, 'back'));
  assert.equal(files.length, fs.readdirSync(src).filter((f) => f.endsWith('.shitei')).length);
  for (const f of files) {
    const s = readSheet(fs.readFileSync(path.join(dir, 'back', f), 'utf8'));
    assert.equal(flat(s.sections.get('備考')), '', `${f}: nothing unmatched\n${imp.stderr}`);
  }
});

test('import of a file that is not a workbook (xlsx name, text inside): exit 2, nothing written', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'register.xlsx'), '整理番号,行政機関\n防衛-1,防衛省\n');
  fs.mkdirSync(path.join(dir, 'out'));
  const r = runCli(['import', 'register.xlsx', '--out-dir', 'out'], dir);
  assert.equal(r.status, 2, r.stderr);
  assert.ok(r.stderr.includes('register.xlsx'), r.stderr);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), []);
});
