/**
 * Held-out acceptance of issue 12 (`shitei import` / `shitei export`, spec/format.md v1.1 "Documents in and out"):
 * agency-style Word documents built here (tables and paragraphs, agency labels, numbered items, run splits),
 * checked field by field against what the spec says the sheet must hold; bad files; export → import round trips.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, runCli } from '../support/cli';
import { readZip, writeZip } from '../support/zip';
import { docx, documentText, firstTableRows, p, table } from './docx';
import { flat, readSheet, type SheetText } from './sheetText';
import { FIXTURES } from './support';

const CONFIG = JSON.stringify({ today: '2026-11-30' });

function workDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-accept-docs-'));
  fs.writeFileSync(path.join(dir, '.shiteirc.json'), CONFIG);
  return dir;
}

function importDoc(name: string, content: Buffer) {
  const dir = workDir();
  fs.writeFileSync(path.join(dir, name), content);
  const out = path.join(dir, 'imported.shitei');
  const r = runCli(['import', name, '--out', 'imported.shitei'], dir);
  const text = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined;
  return { dir, r, text, sheet: text === undefined ? undefined : readSheet(text) };
}

function fieldValues(s: SheetText): Record<string, string[]> {
  return Object.fromEntries([...s.fields].sort(([a], [b]) => a.localeCompare(b)));
}

function sorted(o: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/** `shitei check --format json` on the imported sheet: the diagnostics a drafter would see next. */
function checkImported(dir: string) {
  const r = runCli(['check', '--format', 'json', 'imported.shitei'], dir);
  const json = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; severity: string; line: number; message: string }[] }[] };
  return { status: r.status, diagnostics: json.files[0].diagnostics };
}

const REASON_1 = '別表第1号イa(a)に掲げる自衛隊の演習の計画に該当する。当該計画は公になっておらず(非公知性)、';
const REASON_2 = '漏えいした場合には我が国の手の内が露見し、対抗措置が講じられるおそれがあるため、特段の秘匿の必要性がある。';

test('a two-column table with agency labels (特定秘密指定整理番号, 指定をした年月日, 法別表該当事項, …) imports into the canonical fields and sections', () => {
  const doc = docx(table([
    ['特定秘密指定整理番号', '防衛-2026-0101'],
    ['指定行政機関', '防衛省'],
    ['指定をした年月日', '令和8年4月1日'],
    ['指定の有効期間', '2年'],
    ['有効期間の満了する年月日', '令和10年3月31日'],
    ['法別表該当事項', '別表第1号イa(a)'],
    ['講ずる措置', '表示'],
    ['特定秘密管理者の官職', '統合幕僚監部運用部運用第1課長'],
    ['対象情報', ['令和8年度に実施する自衛隊の統合演習の計画', '(参加部隊の編成及び実施区域を含む。)']],
    ['指定の理由', [REASON_1, REASON_2]],
    ['特定秘密の概要', '令和8年度自衛隊統合演習計画(受入表形式)'],
  ]));
  const { dir, r, text, sheet } = importDoc('指定書（表形式）.docx', doc);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(sheet, 'the sheet was written');
  assert.deepEqual(fieldValues(sheet), sorted({
    整理番号: ['防衛-2026-0101'], 行政機関: ['防衛省'], 指定年月日: ['令和8年4月1日'], 有効期間: ['2年'], 満了日: ['令和10年3月31日'],
    別表: ['別表第1号イa(a)'], 措置: ['表示'], 特定秘密管理者: ['統合幕僚監部運用部運用第1課長'],
  }), text);
  assert.equal(flat(sheet.sections.get('対象情報の記述')), '令和8年度に実施する自衛隊の統合演習の計画(参加部隊の編成及び実施区域を含む。)', text);
  assert.equal(flat(sheet.sections.get('指定の理由')), REASON_1 + REASON_2, text);
  assert.equal(flat(sheet.sections.get('概要')), '令和8年度自衛隊統合演習計画(受入表形式)', text);
  assert.equal(flat(sheet.sections.get('備考')), '', `every label matched: nothing goes to 備考\n${text}`);
  assert.deepEqual(sheet.stray, [], text);
  const checked = checkImported(dir);
  assert.deepEqual(checked.diagnostics.filter((d) => d.severity === 'error'), [], 'a complete document gives a sheet without errors');
});

test('paragraphs `label：value` with item numbers (１　, (2), 三, （４）, 5 ), blanks inside a label, 「の」, half-width colon, 【heading】 paragraphs; an unknown label goes to 【備考】 and stderr', () => {
  const doc = docx([
    p('１　特定秘密指定整理番号：外務-2026-0007'),
    p('(2) 指定行政機関: 外務省'),
    p('三　指　定　年　月　日：令和８年２月１日'),
    p('（４）指定の有効期間：１年'),
    p('5 有効期間の満了する年月日：令和9年1月31日'),
    p('六　法別表該当事項：別表第2号イa(a)'),
    p('7　講ずる措置：表示'),
    p('8　特定秘密の管理者：総合外交政策局長'),
    p('起案者：情報　太郎'),
    p('【対象情報】'),
    p('令和8年度における日米間の外交協議の方針(交渉の対処方針を含む。)'),
    p('【指定の理由】'),
    p('別表第2号イa(a)に掲げる外国の政府との交渉の方針に該当する。当該方針は公になっておらず、'),
    p('漏えいした場合には交渉が困難となるおそれがあるため、特段の秘匿の必要性がある。'),
    p('【特定秘密の概要】'),
    p('令和8年度日米外交協議方針(受入段落形式)'),
    p('【指定を解除する条件】'),
    p('当該協議が終了し、その内容が公表されたとき。'),
  ].join(''));
  const { dir, r, text, sheet } = importDoc('gaimu_2026_0007.docx', doc);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(sheet, 'the sheet was written');
  assert.deepEqual(fieldValues(sheet), sorted({
    整理番号: ['外務-2026-0007'], 行政機関: ['外務省'], 指定年月日: ['令和８年２月１日'], 有効期間: ['１年'], 満了日: ['令和9年1月31日'],
    別表: ['別表第2号イa(a)'], 措置: ['表示'], 特定秘密管理者: ['総合外交政策局長'],
  }), text);
  assert.equal(flat(sheet.sections.get('対象情報の記述')), '令和8年度における日米間の外交協議の方針(交渉の対処方針を含む。)', text);
  assert.equal(flat(sheet.sections.get('指定の理由')), '別表第2号イa(a)に掲げる外国の政府との交渉の方針に該当する。当該方針は公になっておらず、漏えいした場合には交渉が困難となるおそれがあるため、特段の秘匿の必要性がある。', text);
  assert.equal(flat(sheet.sections.get('概要')), '令和8年度日米外交協議方針(受入段落形式)', text);
  assert.equal(flat(sheet.sections.get('解除の条件')), '当該協議が終了し、その内容が公表されたとき。', text);
  assert.ok(flat(sheet.sections.get('備考')).includes('情報太郎'), `the unknown label's text is kept in 【備考】\n${text}`);
  assert.match(r.stderr, /起案者/, 'the unknown label is reported on stderr');
  const checked = checkImported(dir);
  assert.deepEqual(checked.diagnostics.filter((d) => d.severity === 'error'), [], 'the imported sheet has no errors');
});

test('a label：value paragraph for a section (特定秘密の概要：…) and a table mixed with 【heading】 paragraphs; 延長 (twice), 点検, 解除 and their reasons', () => {
  const doc = docx([
    p('特定秘密指定書'),
    table([
      ['整理番号', '防衛-2019-0050'],
      ['行政機関', '防衛省'],
      ['指定年月日', '平成31年4月1日'],
      ['有効期間', '3年'],
      ['満了日', '令和4年3月31日'],
      ['別表', '別表第1号ト'],
      ['措置', '表示'],
      ['特定秘密管理者', '防衛政策局調査課長'],
      ['有効期間の延長', '2年(令和4年3月1日)'],
      ['有効期間の延長', '３年（令和6年3月1日決定）'],
      ['指定の理由の点検', '令和7年3月1日'],
      ['指定の解除', '令和8年7月1日'],
    ]),
    p('特定秘密の概要：防衛用暗号の鍵管理方式(受入混在形式)'),
    p('【対象情報の記述】'),
    p('平成31年度から運用する防衛の用に供する暗号の鍵管理方式'),
    p('【指定の理由】'),
    p('別表第1号トに掲げる防衛の用に供する暗号に該当する。公になっておらず、漏えいした場合には通信が解読されるおそれがある。'),
    p('【延長の理由】'),
    p('引き続き運用されており、要件を満たすため。'),
    p('【解除の理由】'),
    p('当該方式の運用が終了したため。'),
  ].join(''));
  const { r, text, sheet } = importDoc('mixed.docx', doc);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(sheet, 'the sheet was written');
  assert.deepEqual(fieldValues(sheet), sorted({
    整理番号: ['防衛-2019-0050'], 行政機関: ['防衛省'], 指定年月日: ['平成31年4月1日'], 有効期間: ['3年'], 満了日: ['令和4年3月31日'],
    別表: ['別表第1号ト'], 措置: ['表示'], 特定秘密管理者: ['防衛政策局調査課長'],
    延長: ['2年(令和4年3月1日)', '３年（令和6年3月1日決定）'], 点検: ['令和7年3月1日'], 解除: ['令和8年7月1日'],
  }), text);
  assert.equal(flat(sheet.sections.get('概要')), '防衛用暗号の鍵管理方式(受入混在形式)', text);
  assert.equal(flat(sheet.sections.get('延長の理由')), '引き続き運用されており、要件を満たすため。', text);
  assert.equal(flat(sheet.sections.get('解除の理由')), '当該方式の運用が終了したため。', text);
  assert.equal(flat(sheet.sections.get('対象情報の記述')), '平成31年度から運用する防衛の用に供する暗号の鍵管理方式', text);
});

test('looser still: a label cell ending in ：, a numbered label cell with 「の」 added (（３）指定の年月日), blanks inside 【 heading 】, content on the heading\'s own paragraph', () => {
  const doc = docx([
    table([
      ['整理番号：', '警察-2026-0301'],
      ['行政機関：', '警察庁'],
      ['（３）指定の年月日', '2026年10月1日'],
      ['有効期間', '2年'],
      ['満了日', '2028年9月30日'],
      ['別表', '別表第4号イa(b)'],
      ['措置', '表示'],
      ['特定秘密管理者', '警備局警備運用部警備第一課長'],
    ]),
    p('【 対象情報の記述 】'),
    p('2026年度に実施する重要施設の警戒警備の計画'),
    p('【　指定の理由　】'),
    p('別表第4号イa(b)に掲げる警戒警備に該当する。公になっておらず、漏えいした場合には警備の手の内が露見するおそれがある。'),
    p('【概要】2026年度重要施設警戒警備計画(受入見出し)'),
  ].join(''));
  const { r, text, sheet } = importDoc('keisatsu.docx', doc);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(sheet, 'the sheet was written');
  assert.deepEqual(fieldValues(sheet), sorted({
    整理番号: ['警察-2026-0301'], 行政機関: ['警察庁'], 指定年月日: ['2026年10月1日'], 有効期間: ['2年'], 満了日: ['2028年9月30日'],
    別表: ['別表第4号イa(b)'], 措置: ['表示'], 特定秘密管理者: ['警備局警備運用部警備第一課長'],
  }), text);
  assert.equal(flat(sheet.sections.get('対象情報の記述')), '2026年度に実施する重要施設の警戒警備の計画', text);
  assert.ok(flat(sheet.sections.get('指定の理由')).startsWith('別表第4号イa(b)に掲げる'), text);
  assert.equal(flat(sheet.sections.get('概要')), '2026年度重要施設警戒警備計画(受入見出し)', text);
  assert.equal(flat(sheet.sections.get('備考')), '', text);
});

test('a document in the approval process: tracked changes (deleted text left out, inserted text kept) and content controls (w:sdt) in a template', () => {
  const cellXml = (inner: string) => `<w:tc><w:tcPr><w:tcW w:w="6200" w:type="dxa"/></w:tcPr><w:p>${inner}</w:p></w:tc>`;
  const labelCell = (label: string) => `<w:tc><w:tcPr><w:tcW w:w="2800" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>${label}</w:t></w:r></w:p></w:tc>`;
  const r = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
  const del = (t: string) => `<w:del w:id="1" w:author="審査担当" w:date="2026-03-20T10:00:00Z"><w:r><w:delText xml:space="preserve">${t}</w:delText></w:r></w:del>`;
  const ins = (t: string) => `<w:ins w:id="2" w:author="審査担当" w:date="2026-03-20T10:00:00Z">${r(t)}</w:ins>`;
  const sdt = (t: string) => `<w:sdt><w:sdtPr><w:alias w:val="入力欄"/><w:tag w:val="field"/></w:sdtPr><w:sdtContent>${r(t)}</w:sdtContent></w:sdt>`;
  const row = (label: string, inner: string) => `<w:tr>${labelCell(label)}${cellXml(inner)}</w:tr>`;
  const tbl = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2800"/><w:gridCol w:w="6200"/></w:tblGrid>${[
    row('特定秘密指定整理番号', sdt('防衛-2026-0401')),
    row('指定行政機関', sdt('防衛省')),
    row('指定をした年月日', sdt('令和8年4月1日')),
    row('指定の有効期間', del('3年') + ins('2年')),
    row('有効期間の満了する年月日', r('令和') + del('11') + ins('10') + r('年3月31日')),
    row('法別表該当事項', sdt('別表第1号イa(a)')),
    row('講ずる措置', sdt('表示')),
    row('特定秘密管理者の官職', r('統合幕僚監部') + del('防衛計画部') + ins('運用部') + r('運用第1課長')),
    row('対象情報', r('令和8年度に実施する自衛隊の') + ins('第二次') + r('統合演習の計画')),
    row('指定の理由', r(REASON_1 + REASON_2)),
    row('特定秘密の概要', r('令和8年度自衛隊') + del('共同') + r('統合演習計画(受入変更履歴)')),
  ].join('')}</w:tbl>`;
  const { dir, r: run, text, sheet } = importDoc('審査中.docx', docx(tbl));
  assert.equal(run.status, 0, run.stderr);
  assert.ok(sheet, 'the sheet was written');
  assert.deepEqual(fieldValues(sheet), sorted({
    整理番号: ['防衛-2026-0401'], 行政機関: ['防衛省'], 指定年月日: ['令和8年4月1日'], 有効期間: ['2年'], 満了日: ['令和10年3月31日'],
    別表: ['別表第1号イa(a)'], 措置: ['表示'], 特定秘密管理者: ['統合幕僚監部運用部運用第1課長'],
  }), text);
  assert.equal(flat(sheet.sections.get('対象情報の記述')), '令和8年度に実施する自衛隊の第二次統合演習の計画', text);
  assert.equal(flat(sheet.sections.get('概要')), '令和8年度自衛隊統合演習計画(受入変更履歴)', text);
  assert.deepEqual(checkImported(dir).diagnostics.filter((d) => d.severity === 'error'), [], 'the values as accepted make a sheet without errors');
});

test('narrow label cells: a label wrapped over two paragraphs or by a line break (blanks loosely), and a value cell listing two 別表 references on two lines', () => {
  const doc = docx(table([
    ['特定秘密指定整理番号', '内閣-2026-0501'],
    ['指定行政機関', '内閣官房'],
    ['指定をした年月日', '令和8年5月15日'],
    ['指定の有効期間', '3年'],
    [['有効期間の', '満了する年月日'], '令和11年5月14日'],
    ['法別表該当事項', ['別表第2号ハa', '別表第3号ロa']],
    ['講ずる措置', '表示'],
    ['特定秘密管理者\nの官職', '内閣情報調査室内閣衛星情報センター管理部長'],
    ['対象情報', '情報収集衛星により令和8年中に撮影した周辺国の弾道ミサイル発射施設の画像情報'],
    ['指定の理由', '別表第2号ハa及び第3号ロaに掲げる情報収集手段を用いて収集した情報に該当する。公になっておらず、漏えいした場合には我が国の情報収集能力が露見するおそれがある。'],
    ['特定秘密の概要', '令和8年中に撮影した弾道ミサイル発射施設の画像情報(受入折返し)'],
  ]));
  const { dir, r, text, sheet } = importDoc('naikaku.docx', doc);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(sheet, 'the sheet was written');
  assert.deepEqual(sheet.fields.get('満了日'), ['令和11年5月14日'], text);
  assert.deepEqual(sheet.fields.get('特定秘密管理者'), ['内閣情報調査室内閣衛星情報センター管理部長'], text);
  const refs = sheet.fields.get('別表') ?? [];
  assert.equal(refs.length, 1, `one 別表 field: ${text}`);
  assert.deepEqual(refs[0].split(/[、,，]\s*/), ['別表第2号ハa', '別表第3号ロa'], text);
  assert.equal(flat(sheet.sections.get('備考')), '', text);
  const checked = checkImported(dir);
  assert.deepEqual(checked.diagnostics.filter((d) => d.severity === 'error'), [], JSON.stringify(checked.diagnostics));
});

test('a form with a document number row (番号) besides 特定秘密指定整理番号: one 整理番号, the 番号 row into 【備考】', () => {
  const doc = docx(table([
    ['番号', '3'],
    ['特定秘密指定整理番号', '防衛-2026-0701'],
    ['指定行政機関', '防衛省'],
    ['指定をした年月日', '令和8年4月1日'],
    ['指定の有効期間', '2年'],
    ['有効期間の満了する年月日', '令和10年3月31日'],
    ['法別表該当事項', '別表第1号イa(a)'],
    ['講ずる措置', '表示'],
    ['特定秘密管理者の官職', '統合幕僚監部運用部運用第1課長'],
    ['対象情報', '令和8年度に実施する自衛隊の指揮所演習の計画(受入番号行)'],
    ['指定の理由', [REASON_1, REASON_2]],
    ['特定秘密の概要', '令和8年度自衛隊指揮所演習計画(受入番号行)'],
  ]));
  const { dir, r, text, sheet } = importDoc('bangou.docx', doc);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(sheet, 'the sheet was written');
  assert.deepEqual(sheet.fields.get('整理番号'), ['防衛-2026-0701'], text);
  assert.ok(flat(sheet.sections.get('備考')).includes('番号'), text);
  assert.ok(!checkImported(dir).diagnostics.some((d) => d.code === 'field-duplicate'), text);
});

test('labels that only contain a field\'s name are other items: 関係行政機関, 管理番号, 延長の有無, 解除予定日 go into 【備考】 (a planned release date does not release the designation)', () => {
  const doc = docx(table([
    ['特定秘密指定整理番号', '防衛-2026-0801'],
    ['指定行政機関', '防衛省'],
    ['関係行政機関', '外務省'],
    ['管理番号', 'K-17'],
    ['指定をした年月日', '令和8年4月1日'],
    ['指定の有効期間', '2年'],
    ['有効期間の満了する年月日', '令和10年3月31日'],
    ['延長の有無', '無'],
    ['解除予定日', '令和9年3月31日'],
    ['法別表該当事項', '別表第1号イa(a)'],
    ['講ずる措置', '表示'],
    ['特定秘密管理者の官職', '統合幕僚監部運用部運用第1課長'],
    ['対象情報', '令和8年度に実施する自衛隊の日米共同指揮所演習の計画(受入類似項目)'],
    ['指定の理由', [REASON_1, REASON_2]],
    ['特定秘密の概要', '令和8年度日米共同指揮所演習計画(受入類似項目)'],
  ]));
  const { dir, r, text, sheet } = importDoc('ruiji.docx', doc);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(sheet, 'the sheet was written');
  assert.deepEqual(fieldValues(sheet), sorted({
    整理番号: ['防衛-2026-0801'], 行政機関: ['防衛省'], 指定年月日: ['令和8年4月1日'], 有効期間: ['2年'], 満了日: ['令和10年3月31日'],
    別表: ['別表第1号イa(a)'], 措置: ['表示'], 特定秘密管理者: ['統合幕僚監部運用部運用第1課長'],
  }), text);
  const biko = flat(sheet.sections.get('備考'));
  for (const label of ['関係行政機関', '管理番号', '延長の有無', '解除予定日']) assert.ok(biko.includes(label), `${label} in 【備考】\n${text}`);
  const codes = checkImported(dir).diagnostics.map((d) => d.code);
  for (const code of ['field-duplicate', 'release-reason-missing', 'extension-reason-missing', 'validity-invalid']) assert.ok(!codes.includes(code), `${code}: ${codes.join(', ')}`);
});

test('paragraphs with a colon inside a section are its content (対象期間：…, 理由：…, 措置の方法：…): one 【指定の理由】 holding all of it, same findings', () => {
  const doc = docx([
    '整理番号：防衛-2026-0901', '行政機関：防衛省', '指定年月日：令和8年4月1日', '有効期間：2年', '満了日：令和10年3月31日', '別表：別表第1号イa(a)', '措置：表示',
    '特定秘密管理者：統合幕僚監部運用部運用第1課長',
    '【対象情報の記述】', '令和8年度に実施する自衛隊の演習の計画。内訳は次のとおり。', '対象期間：令和8年4月1日から令和9年3月31日まで', '参加部隊：陸上自衛隊及び海上自衛隊',
    '【指定の理由】', '別表第1号イa(a)に掲げる自衛隊の演習の計画に該当する。', '理由：当該計画は公になっておらず、漏えいした場合には対抗措置が講じられるおそれがある。', '措置の方法：文書に表示する。',
    '【概要】', '令和8年度自衛隊演習計画(受入本文中のコロン)',
  ].map((t) => p(t)).join(''));
  const { dir, r, text, sheet } = importDoc('colon.docx', doc);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(sheet, 'the sheet was written');
  assert.equal((text ?? '').match(/^【指定の理由】/gm)?.length, 1, `one 【指定の理由】\n${text}`);
  assert.equal(flat(sheet.sections.get('指定の理由')), '別表第1号イa(a)に掲げる自衛隊の演習の計画に該当する。理由：当該計画は公になっておらず、漏えいした場合には対抗措置が講じられるおそれがある。措置の方法：文書に表示する。', text);
  assert.equal(flat(sheet.sections.get('対象情報の記述')), '令和8年度に実施する自衛隊の演習の計画。内訳は次のとおり。対象期間：令和8年4月1日から令和9年3月31日まで参加部隊：陸上自衛隊及び海上自衛隊', text);
  assert.ok(!checkImported(dir).diagnostics.some((d) => d.code === 'reason-requirement-missing'), text);
});

test('公用文 item numbers before labels (1 without a blank, 1., ①, ア, (ア), 第6, 7), ⑧) are not part of the label', () => {
  const doc = docx(['1整理番号：防衛-2026-0951', '1.行政機関：防衛省', '①指定年月日：令和8年4月1日', 'ア　有効期間：2年', '(ア)満了日：令和10年3月31日', '第6　別表：別表第1号イa(a)', '7)措置：表示',
    '⑧　特定秘密管理者：統合幕僚監部運用部運用第1課長', '【対象情報の記述】', '令和8年度に実施する自衛隊の統合演習の計画(受入番号様式)', '【指定の理由】', REASON_1 + REASON_2, '【概要】', '令和8年度自衛隊統合演習計画(受入番号様式)'].map((t) => p(t)).join(''));
  const { r, text, sheet } = importDoc('numbers.docx', doc);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(sheet, 'the sheet was written');
  assert.deepEqual(fieldValues(sheet), sorted({
    整理番号: ['防衛-2026-0951'], 行政機関: ['防衛省'], 指定年月日: ['令和8年4月1日'], 有効期間: ['2年'], 満了日: ['令和10年3月31日'],
    別表: ['別表第1号イa(a)'], 措置: ['表示'], 特定秘密管理者: ['統合幕僚監部運用部運用第1課長'],
  }), text);
  assert.equal(flat(sheet.sections.get('備考')), '', text);
});

/** Bad input (issue 12): one clear error naming the file, exit 2, nothing written. */
function assertRejected(name: string, content: Buffer | string) {
  const dir = workDir();
  fs.writeFileSync(path.join(dir, name), content);
  const before = fs.readdirSync(dir).sort();
  const r = runCli(['import', name, '--out', 'imported.shitei'], dir);
  assert.equal(r.status, 2, `${name}: exit 2\n${r.stderr}`);
  assert.ok(r.stderr.includes(name), `${name}: the error names the file:\n${r.stderr}`);
  assert.ok(r.stderr.trim().length > name.length, 'with a reason');
  assert.deepEqual(fs.readdirSync(dir).sort(), before, `${name}: nothing written`);
  // Without --out, nothing written either (wherever the default would be).
  const r2 = runCli(['import', name], dir);
  assert.equal(r2.status, 2, r2.stderr);
  assert.deepEqual(fs.readdirSync(dir).sort(), before, `${name}: nothing written without --out`);
  return r;
}

test('not a docx (text with a .docx name): exit 2, one error naming it, nothing written', () => {
  assertRejected('memo.docx', '特定秘密指定整理番号：防衛-2026-0001\n指定をした年月日：令和8年4月1日\n');
});

test('a damaged docx (the zip cut in half): exit 2, nothing written', () => {
  const whole = docx(p('特定秘密指定整理番号：防衛-2026-0001'));
  assertRejected('damaged.docx', whole.subarray(0, Math.floor(whole.length / 2)));
});

test('a zip that is not a Word document (no word/document.xml): exit 2, nothing written', () => {
  assertRejected('archive.docx', writeZip([{ name: 'readme.txt', data: '特定秘密指定整理番号：防衛-2026-0001' }]));
});

test('a password-protected Word document (an OLE compound file, as Word writes encrypted .docx): exit 2, nothing written', () => {
  const ole = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
  ole.writeUInt16LE(0x003e, 0x18); // minor version
  ole.writeUInt16LE(0x0003, 0x1a); // major version 3
  ole.writeUInt16LE(0xfffe, 0x1c); // byte order
  ole.writeUInt16LE(0x0009, 0x1e); // sector shift (512)
  Buffer.from('EncryptionInfo\u0000EncryptedPackage', 'utf16le').copy(ole, 1024);
  const r = assertRejected('秘匿.docx', ole);
  assert.match(r.stderr, /パスワード|暗号|password|encrypt|protected|保護/i, `the reason says it is protected:\n${r.stderr}`);
});

test('a docx whose document.xml is not well-formed XML: exit 2, nothing written', () => {
  const good = readZip(docx(p('特定秘密指定整理番号：防衛-2026-0001')));
  const entries = [...good.entries()].map(([name, data]) => ({ name, data: name === 'word/document.xml' ? data.subarray(0, Math.floor(data.length * 0.6)) : data }));
  assertRejected('truncated-xml.docx', writeZip(entries));
});

test('an empty .docx (0 bytes): exit 2, nothing written', () => {
  assertRejected('empty.docx', Buffer.alloc(0));
});

test('a huge document (a 48 MB document.xml that deflates to little) is bounded: exit 0 or a clear exit 2, no crash, no hang', () => {
  const para = '<w:p><w:r><w:t>漏えい防止のための補足説明文。</w:t></w:r></w:p>';
  const body = p('特定秘密指定整理番号：防衛-2026-0999') + para.repeat(Math.ceil((48 * 1024 * 1024) / Buffer.byteLength(para)));
  const good = readZip(docx(p('x')));
  const xml = good.get('word/document.xml')!.toString('utf8').replace(/<w:body>.*<w:sectPr>/s, () => `<w:body>${body}<w:sectPr>`);
  const big = writeZip([...good.entries()].map(([name, data]) => ({ name, data: name === 'word/document.xml' ? xml : data })));
  const dir = workDir();
  fs.writeFileSync(path.join(dir, 'huge.docx'), big);
  const r = spawnSync(process.execPath, [BIN, 'import', 'huge.docx', '--out', 'imported.shitei'], { cwd: dir, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  assert.ok(r.status === 0 || r.status === 2, `exit ${r.status} (signal ${r.signal}):\n${String(r.stderr).slice(0, 2000)}`);
  if (r.status === 2) {
    assert.ok(r.stderr.includes('huge.docx'), r.stderr);
    assert.ok(!fs.existsSync(path.join(dir, 'imported.shitei')), 'nothing written');
  }
});

test('a document with no recognizable label: exit 2, nothing written', () => {
  assertRejected('minutes.docx', docx([p('会議録'), p('本日は晴天なり。出席者は五名であった。'), p('次回の日程は追って連絡する。')].join('')));
});

// ---- export ----

function exportSheet(folder: string, file: string) {
  const dir = workDir();
  const src = path.join(FIXTURES, folder, file);
  fs.copyFileSync(src, path.join(dir, file));
  const r = runCli(['export', file, '--format', 'docx', '--out', 'out.docx'], dir);
  assert.equal(r.status, 0, r.stderr);
  const parts = readZip(fs.readFileSync(path.join(dir, 'out.docx')));
  const documentXml = parts.get('word/document.xml')?.toString('utf8');
  assert.ok(documentXml, 'word/document.xml in the export');
  return { dir, documentXml, parts, source: fs.readFileSync(src, 'utf8') };
}

const CANONICAL = ['整理番号', '行政機関', '指定年月日', '有効期間', '満了日', '別表', '措置', '特定秘密管理者'];

test('export: A4, a Mincho-class East Asian font, the fields as a two-column table in canonical order with values as written, then every section', () => {
  const { documentXml, parts, source } = exportSheet('report', 'p07.shitei');
  const sectPr = /<w:pgSz\b[^>]*>/.exec(documentXml)?.[0] ?? '';
  const w = Number(/w:w="(\d+)"/.exec(sectPr)?.[1]);
  const h = Number(/w:h="(\d+)"/.exec(sectPr)?.[1]);
  assert.ok(Math.abs(w - 11906) <= 10 && Math.abs(h - 16838) <= 10, `A4 page size, got ${sectPr}`);
  const xmlAll = [...parts.entries()].filter(([n]) => n.endsWith('.xml')).map(([, b]) => b.toString('utf8')).join('\n');
  const eastAsia = [...xmlAll.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(eastAsia.some((f) => /明朝|Mincho/i.test(f)), `an East Asian Mincho font is named: ${eastAsia.join(', ')}`);
  const rows = firstTableRows(documentXml);
  assert.ok(rows.length >= 8 && rows.every((r) => r.length === 2), `a two-column table: ${JSON.stringify(rows)}`);
  const labels = rows.map((r) => r[0]);
  const positions = CANONICAL.map((l) => labels.indexOf(l));
  assert.ok(positions.every((i) => i >= 0), `canonical labels: ${labels.join(', ')}`);
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, `canonical order: ${labels.join(', ')}`);
  const src = readSheet(source);
  for (const [name, values] of src.fields) {
    const cells = rows.filter((r) => r[0] === name).map((r) => r[1]);
    assert.deepEqual(cells, values, `${name} as written: ${JSON.stringify(rows)}`);
  }
  const text = documentText(documentXml).replace(/[\s\u3000]+/g, '');
  for (const [name, lines] of src.sections) {
    assert.ok(text.includes(name), `heading ${name}`);
    assert.ok(text.includes(flat(lines)), `content of ${name}`);
  }
});

test('export writes canonical labels for aliases (有効期間の延長 → 延長, 指定の理由の点検 → 点検, 指定の解除 → 解除)', () => {
  for (const [file, canonical, alias] of [['ext-alias.shitei', '延長', '有効期間の延長'], ['review-order.shitei', '点検', '指定の理由の点検'], ['rel-alias-released.shitei', '解除', '指定の解除']]) {
    const { documentXml } = exportSheet('rules', file);
    const labels = firstTableRows(documentXml).map((r) => r[0]);
    assert.ok(labels.includes(canonical), `${file}: ${labels.join(', ')}`);
    assert.ok(!labels.includes(alias), `${file}: canonical label, not ${alias}: ${labels.join(', ')}`);
  }
});

for (const [folder, file] of [['report', 'p07.shitei'], ['rules', 'ext-alias.shitei'], ['rules', 'review-order.shitei'], ['rules', 'ext-fullwidth.shitei'], ['rules', 'lc-edges-ok.shitei'], ['rules', 'mn-biko-seishitsu.shitei'], ['rules', 'rc-disaster-ok.shitei'], ['workspace', 'w-d.shitei']]) {
  test(`export then import gives back the same fields, sections and values: ${folder}/${file}`, () => {
    const { dir, source } = exportSheet(folder, file);
    const r = runCli(['import', 'out.docx', '--out', 'back.shitei'], dir);
    assert.equal(r.status, 0, r.stderr);
    const back = readSheet(fs.readFileSync(path.join(dir, 'back.shitei'), 'utf8'));
    const orig = readSheet(source);
    assert.deepEqual(fieldValues(back), fieldValues(orig));
    assert.deepEqual([...back.sections.keys()].sort(), [...orig.sections.keys()].sort());
    // Line by line (blank lines aside): a section's lines are the document's paragraphs and come back as lines.
    for (const [name, lines] of orig.sections) assert.deepEqual(back.sections.get(name), lines, name);
    // (sections compared as sets above: nothing went into an extra 【備考】)
  });
}
