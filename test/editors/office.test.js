'use strict';
// Word and Excel files against real office software: Debian's LibreOffice, headless.
//
//   npx tsc -b && node --test test/editors/office.test.js
//
// Needs `apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui
// poppler-utils fonts-ipaexfont-mincho` (.ci/run installs them). A missing soffice or pdftotext is
// a FAILURE, not a skip. SHITEI_SOFFICE overrides the binary.
//
//   1. Documents written by LibreOffice (from the HTML and CSV fixtures in test/editors/office/:
//      a table with agency labels, numbered paragraphs, a numbered list under headings, a form
//      with two label/value pairs per row;
//      as a drafter's Word document and an agency's Excel register would be) import into sheets
//      with the right values and the right findings.
//   2. Every sample exported with `shitei export` opens in LibreOffice: converted to PDF, its
//      text (pdftotext) holds every field value and every section line, set in a Mincho font.
//   3. `shitei ledger --format xlsx` opens in LibreOffice: converted to CSV, it holds every row.
//
// LibreOffice runs with a private profile in a temporary folder (parallel runs do not collide)
// and exits 0 even when it cannot convert: every output file is checked to exist.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'shitei.js');
const FIXTURES = path.join(__dirname, 'office');
const SAMPLES = path.join(ROOT, 'samples');
const CONVERT_TIMEOUT_MS = 240_000;

function which(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.stdout.trim() || undefined;
}

const SOFFICE = process.env.SHITEI_SOFFICE || which('soffice') || which('libreoffice');
const PDFTOTEXT = which('pdftotext');
const PDFFONTS = which('pdffonts');
let WORK;

function shitei(args, cwd) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SHITEI_LOCALE: 'ja' }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One soffice run converting many files (one start-up for all); returns the expected output paths, all checked to exist. */
function convert(files, target, outdir, extraArgs = []) {
  fs.mkdirSync(outdir, { recursive: true });
  const profile = `file://${path.join(WORK, 'profile')}`;
  const r = spawnSync(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=${profile}`, ...extraArgs, '--convert-to', target, '--outdir', outdir, ...files], {
    encoding: 'utf8', timeout: CONVERT_TIMEOUT_MS, env: { ...process.env, HOME: WORK },
  });
  assert.equal(r.error, undefined, `soffice did not run: ${r.error}`);
  const ext = target.split(':')[0];
  const outputs = files.map((f) => path.join(outdir, `${path.basename(f, path.extname(f))}.${ext}`));
  for (const o of outputs) assert.ok(fs.existsSync(o), `LibreOffice wrote no ${path.basename(o)} (exit ${r.status}): ${r.stderr}`);
  return outputs;
}

const squeeze = (s) => s.replace(/[\s\u3000]+/g, '');

function fieldsOf(text) {
  const map = new Map();
  for (const line of text.split('\n')) {
    const m = /^([^#【：]+)：(.*)$/.exec(line);
    if (m) map.set(m[1], [...(map.get(m[1]) || []), m[2]]);
  }
  return map;
}

function checkJson(file) {
  const r = shitei(['check', '--format', 'json', file], WORK);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout).files[0].diagnostics.map((d) => d.code).sort();
}

before(() => {
  assert.ok(SOFFICE, 'LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui');
  assert.ok(PDFTOTEXT, 'pdftotext is not installed: apt-get install poppler-utils');
  WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-office-'));
});

after(() => {
  if (WORK) fs.rmSync(WORK, { recursive: true, force: true });
});

test('Word documents written by LibreOffice import with the right values and findings', () => {
  const html = ['agency-table.html', 'agency-paragraphs.html'].map((f) => {
    const to = path.join(WORK, f);
    fs.copyFileSync(path.join(FIXTURES, f), to);
    return to;
  });
  const [tableDocx, paragraphsDocx] = convert(html, 'docx:MS Word 2007 XML', path.join(WORK, 'word'));

  let r = shitei(['import', tableDocx, '--out', path.join(WORK, 'table.shitei')], WORK);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /「起案者」/, 'the unmatched row is reported');
  const table = fs.readFileSync(path.join(WORK, 'table.shitei'), 'utf8');
  const tf = fieldsOf(table);
  assert.deepEqual(tf.get('整理番号'), ['防衛-2026-0012']);
  assert.deepEqual(tf.get('行政機関'), ['防衛省']);
  assert.deepEqual(tf.get('指定年月日'), ['令和８年４月１日']);
  assert.deepEqual(tf.get('有効期間'), ['２年']);
  assert.deepEqual(tf.get('満了日'), ['令和10年3月31日']);
  assert.deepEqual(tf.get('別表'), ['別表第1号イa(a)']);
  assert.deepEqual(tf.get('措置'), ['表示']);
  assert.deepEqual(tf.get('特定秘密管理者'), ['統合幕僚監部運用部運用第1課長']);
  assert.match(table, /【対象情報の記述】\n令和8年度に実施する自衛隊の統合演習の計画\(参加部隊の編成及び実施区域を含む。\)\n/);
  assert.match(table, /【指定の理由】\n別表第1号イa\(a\)に掲げる.*\(非公知性\)、\n漏えいした場合には.*必要性がある。\n/);
  assert.match(table, /【概要】\n令和8年度自衛隊統合演習計画\n/);
  assert.match(table, /【備考】\n起案者：運用第1課課長補佐\n/);
  assert.deepEqual(checkJson(path.join(WORK, 'table.shitei')), [], 'a complete, consistent 指定書: no finding');

  r = shitei(['import', paragraphsDocx, '--out', path.join(WORK, 'paragraphs.shitei')], WORK);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /【備考】に入れた/, 'every paragraph matched');
  const paragraphs = fs.readFileSync(path.join(WORK, 'paragraphs.shitei'), 'utf8');
  const pf = fieldsOf(paragraphs);
  assert.deepEqual(pf.get('整理番号'), ['外務-2026-0044']);
  assert.deepEqual(pf.get('行政機関'), ['外務省']);
  assert.deepEqual(pf.get('指定年月日'), ['令和8年6月1日']);
  assert.deepEqual(pf.get('有効期間'), ['5年']);
  assert.deepEqual(pf.get('満了日'), ['令和13年5月31日']);
  assert.deepEqual(pf.get('別表'), ['別表第2号イa']);
  assert.deepEqual(pf.get('措置'), ['通知']);
  assert.deepEqual(pf.get('特定秘密管理者'), ['北米局北米第一課長']);
  assert.match(paragraphs, /【対象情報の記述】\n令和8年中に行う外国政府との安全保障に関する協議の内容\(協議の日程を除く。\)\n/);
  assert.match(paragraphs, /【解除の条件】\n協議の結果が公表されたとき。\n/);
  assert.deepEqual(checkJson(path.join(WORK, 'paragraphs.shitei')), []);
});

test('more agency layouts written by LibreOffice: a numbered list with headings, a form with two pairs per row', () => {
  const html = ['agency-headings.html', 'agency-form.html'].map((f) => {
    const to = path.join(WORK, f);
    fs.copyFileSync(path.join(FIXTURES, f), to);
    return to;
  });
  const docs = convert(html, 'docx:MS Word 2007 XML', path.join(WORK, 'word2'));
  const expected = {
    整理番号: '警察-2026-0100', 行政機関: '警察庁', 有効期間: /^[2２]年$/, 指定年月日: /^令和[8８]年[5５]月[1１]日$/, 満了日: '令和10年4月30日',
    別表: '別表第4号ロc', 措置: '表示', 特定秘密管理者: '警備局外事情報部国際テロリズム対策課長',
  };
  docs.forEach((docx, i) => {
    const out = path.join(WORK, `more-${i}.shitei`);
    const r = shitei(['import', docx, '--out', out], WORK);
    assert.equal(r.status, 0, r.stderr);
    const text = fs.readFileSync(out, 'utf8');
    const f = fieldsOf(text);
    for (const [name, value] of Object.entries(expected)) {
      const got = f.get(name);
      assert.ok(got && got.length === 1, `${path.basename(docx)}: ${name} once (${got})`);
      if (typeof value === 'string') assert.equal(got[0], value, `${path.basename(docx)}: ${name}`);
      else assert.match(got[0], value, `${path.basename(docx)}: ${name}`);
    }
    assert.match(text, /【対象情報の記述】\n令和8年中に収集した情報を分析して得られた、国際テロ組織.*\n\n【指定の理由】\n本件情報は、テロリズム.*\n本件情報は、分析に.*\n本件情報が漏えい.*\n\n【概要】\n令和8年中の国際テロ組織国内支援者の活動状況分析\n/);
    assert.deepEqual(checkJson(out), [], `${path.basename(docx)}: no finding`);
  });
  // The form's date line and note match no label: they are in 【備考】 and reported, not lost.
  const form = fs.readFileSync(path.join(WORK, 'more-1.shitei'), 'utf8');
  assert.match(form, /【備考】\n令和8年5月1日\n（注）本指定書は、/);
});

test('an Excel register written by LibreOffice imports one sheet per row', () => {
  const csv = path.join(WORK, 'register.csv');
  fs.copyFileSync(path.join(FIXTURES, 'register.csv'), csv);
  const [xlsx] = convert([csv], 'xlsx', path.join(WORK, 'calc'), ['--infilter=CSV:44,34,76,1,,1041,false,true']);
  const out = path.join(WORK, 'register-sheets');
  const r = shitei(['import', xlsx, '--out-dir', out], WORK);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /「担当係」/);
  assert.deepEqual(fs.readdirSync(out).sort(), ['外務-2021-0007.shitei', '防衛-2026-0012.shitei']);
  const a = fieldsOf(fs.readFileSync(path.join(out, '防衛-2026-0012.shitei'), 'utf8'));
  // With "detect special numbers" (the 8th CSV option), LibreOffice stores 2026/4/1 as a date
  // number, as Excel does with a typed date; import writes it as an ISO date.
  assert.deepEqual(a.get('指定年月日'), ['2026-04-01']);
  assert.deepEqual(a.get('満了日'), ['令和10年3月31日']);
  const b = fieldsOf(fs.readFileSync(path.join(out, '外務-2021-0007.shitei'), 'utf8'));
  assert.deepEqual(b.get('延長'), ['5年(令和8年5月20日)']);
  assert.deepEqual(b.get('措置'), ['通知']);
  const codes = checkJson(path.join(out, '防衛-2026-0012.shitei'));
  assert.deepEqual(codes.filter((c) => c === 'section-empty'), ['section-empty', 'section-empty'], 'the register has no 対象情報 or 理由: the rules say so');
});

test('every exported sample opens in LibreOffice with every value, in a Mincho font', () => {
  const dir = path.join(WORK, 'export');
  fs.mkdirSync(dir);
  const samples = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.shitei')) samples.push(path.join(d, e.name));
    }
  };
  walk(SAMPLES);
  assert.ok(samples.length >= 50);
  const docs = samples.map((s, i) => {
    const out = path.join(dir, `s${String(i).padStart(3, '0')}.docx`);
    const r = shitei(['export', s, '--out', out], WORK);
    assert.equal(r.status, 0, `${s}: ${r.stderr}`);
    return out;
  });
  const pdfs = convert(docs, 'pdf', path.join(WORK, 'pdf'));
  const { parseSheet } = require(path.join(ROOT, 'core/out/syntax/parser'));
  const { sheetToDocument } = require(path.join(ROOT, 'core/out/documents/sheetDocument'));
  pdfs.forEach((pdf, i) => {
    const text = squeeze(spawnSync(PDFTOTEXT, ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout);
    const doc = sheetToDocument(parseSheet(fs.readFileSync(samples[i], 'utf8').replace(/^\uFEFF/, '')));
    for (const f of doc.fields) {
      if (f.label) assert.ok(text.includes(squeeze(f.label)), `${samples[i]}: label ${f.label} not in the PDF`);
      assert.ok(text.includes(squeeze(f.value)), `${samples[i]}: value of ${f.label} not in the PDF`);
    }
    for (const s of doc.sections) {
      assert.ok(text.includes(squeeze(`【${s.heading}】`)), `${samples[i]}: 【${s.heading}】 not in the PDF`);
      for (const line of s.lines) assert.ok(text.includes(squeeze(line)), `${samples[i]}: a line of 【${s.heading}】 not in the PDF`);
    }
  });
  if (PDFFONTS) {
    const fonts = spawnSync(PDFFONTS, [pdfs[0]], { encoding: 'utf8' }).stdout;
    assert.match(fonts, /Mincho/i, `the Japanese text is set in a Mincho font:\n${fonts}`);
  }
});

test('the register workbook opens in LibreOffice with every row', () => {
  const xlsx = path.join(WORK, 'ledger.xlsx');
  let r = shitei(['ledger', SAMPLES, '--format', 'xlsx', '--out', xlsx], WORK);
  assert.equal(r.status, 0, r.stderr);
  const [csvFile] = convert([xlsx], 'csv:Text - txt - csv (StarCalc):44,34,76,1', path.join(WORK, 'csv'));
  const csv = fs.readFileSync(csvFile, 'utf8');
  r = shitei(['ledger', SAMPLES, '--format', 'json'], WORK);
  const ledger = JSON.parse(r.stdout);
  assert.ok(ledger.rows.length >= 50);
  for (const row of ledger.rows) {
    for (const value of [row.serial, row.designated, row.validity, row.expiry, row.measure, row.manager, row.agency]) {
      if (value) assert.ok(csv.includes(value), `${row.path}: "${value}" not in the CSV LibreOffice wrote`);
    }
    if (row.summary) assert.ok(squeeze(csv).includes(squeeze(row.summary)), `${row.path}: the summary is not in the CSV`);
  }
  assert.match(csv.split('\n')[0], /特定秘密指定管理簿/);
});
