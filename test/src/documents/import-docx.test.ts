/**
 * Import of Word documents as agencies write them (built here as Word's XML: split runs,
 * proofing marks, content controls, tracked changes, merged cells): a two-column table, a
 * table with an item-number column, paragraphs with numbered items and agency labels, labels
 * alone on their line. The values come out as written, and the rules' findings are the ones
 * the same sheet typed by hand gets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSheet } from '../../../core/out/syntax/parser';
import { sheetToDocument } from '../../../core/out/documents/sheetDocument';
import { sheetToDocx } from '../../../core/out/documents/docxWrite';
import { matchLabel, normalizeLabel } from '../../../core/out/documents/labels';
import { analyze } from '../support/analysis';
import { docxOf, esc, importDocx, p, table } from './support';

const EXPECTED_FIELDS = [
  { label: '整理番号', value: '防衛-2026-0012' },
  { label: '行政機関', value: '防衛省' },
  { label: '指定年月日', value: '令和８年４月１日' },
  { label: '有効期間', value: '２年' },
  { label: '満了日', value: '令和10年3月31日' },
  { label: '別表', value: '別表第1号イa(a)' },
  { label: '措置', value: '表示' },
  { label: '特定秘密管理者', value: '統合幕僚監部運用部運用第1課長' },
];
const TARGET = ['令和8年度に実施する自衛隊の統合演習の計画(参加部隊の編成及び実施区域を含む。)'];
const REASON = [
  '別表第1号イa(a)に掲げる自衛隊の演習の計画に該当する。当該計画は公になっておらず(非公知性)、',
  '漏えいした場合には我が国の手の内が露見し、対抗措置が講じられるおそれがあるため、特段の秘匿の必要性がある。',
];
const SUMMARY = ['令和8年度自衛隊統合演習計画'];

function errorsOf(result: Awaited<ReturnType<typeof analyze>>): string[] {
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
}

test('labels are matched loosely: widths, blanks, の, item numbers, agency wording', () => {
  const cases: [string, string][] = [
    ['特定秘密指定整理番号', '整理番号'], ['１　整理番号', '整理番号'], ['(1) 整理番号', '整理番号'], ['（１）整理番号', '整理番号'],
    ['一　指定をした年月日', '指定年月日'], ['三、指定をした年月日', '指定年月日'], ['指定 を した 年月日', '指定年月日'], ['指定した年月日', '指定年月日'],
    ['指定の有効期間', '有効期間'], ['有効期間の満了する年月日', '満了日'], ['法別表該当事項', '別表'], ['講ずる措置', '措置'],
    ['特定秘密管理者の官職', '特定秘密管理者'], ['指定行政機関名', '行政機関'], ['有効期間の延長', '延長'], ['指定の理由の点検', '点検'],
    ['解除年月日', '解除'], ['①整理番号', '整理番号'], ['第1 整理番号', '整理番号'], ['整理番号：', '整理番号'], ['ア　措置', '措置'],
  ];
  for (const [label, name] of cases) assert.deepEqual([label, matchLabel(label)?.name], [label, name]);
  const sections: [string, string][] = [
    ['対象情報', '対象情報の記述'], ['【対象情報】', '対象情報の記述'], ['特定秘密の概要', '概要'], ['指定理由', '指定の理由'], ['２　指定の理由', '指定の理由'],
    ['指定を解除する条件', '解除の条件'], ['延長の理由', '延長の理由'], ['解除の理由', '解除の理由'], ['備 考', '備考'],
  ];
  for (const [label, name] of sections) assert.deepEqual([label, matchLabel(label)?.kind, matchLabel(label)?.name], [label, 'section', name]);
  for (const other of ['起案者', '本件情報は、防衛に関し収集した電波情報であり、別表第1号ロaに該当する', '令和8年4月1日', '']) assert.equal(matchLabel(other), undefined, other);
  assert.equal(normalizeLabel('１　指定の 理由：'), '指定理由');
});

test('a two-column table with agency labels, a title and an unknown row', async () => {
  const rows = [
    ['特定秘密指定整理番号', '防衛-2026-0012'], ['指定行政機関名', '防衛省'], ['指定をした年月日', '令和８年４月１日'], ['指定の有効期間', '２年'],
    ['有効期間の満了する年月日', '令和10年3月31日'], ['法別表該当事項', '別表第1号イa(a)'], ['講ずる措置', '表示'], ['特定秘密管理者の官職', '統合幕僚監部運用部\n運用第1課長'],
    ['対象情報', TARGET.join('\n')], ['指定の理由', REASON.join('\n')], ['特定秘密の概要', SUMMARY.join('\n')], ['起案者', '運用第1課 課長補佐'],
  ];
  const r = importDocx(docxOf(p('特定秘密指定書') + table(rows) + p('')));
  assert.deepEqual(r.document.fields, EXPECTED_FIELDS);
  assert.deepEqual(r.document.sections, [
    { heading: '対象情報の記述', lines: TARGET },
    { heading: '指定の理由', lines: REASON },
    { heading: '概要', lines: SUMMARY },
    { heading: '備考', lines: ['起案者：運用第1課 課長補佐'] },
  ]);
  assert.deepEqual(r.unmatched, ['起案者']);
  assert.deepEqual(errorsOf(await analyze(r.text)), []);
});

test('a table with an item-number column, a header row and a merged 延長 label', async () => {
  const rows = [
    ['項番', '項目', '内容'], ['1', '整理番号', '防衛-2020-0001'], ['2', '行政機関', '防衛省'], ['3', '指定年月日', '令和2年4月1日'], ['4', '有効期間', '5年'],
    ['5', '満了日', '令和7年3月31日'], ['6', '延長', '5年(令和7年3月25日)'], ['', '', '5年'], ['7', '別表', '第1号イa(a)'], ['8', '措置', '表示'],
    ['9', '特定秘密管理者', '統合幕僚監部運用部運用第1課長'],
  ];
  const r = importDocx(docxOf(table(rows, new Set(['7,1']))));
  assert.deepEqual(r.document.fields.filter((f) => f.label === '延長'), [{ label: '延長', value: '5年(令和7年3月25日)' }, { label: '延長', value: '5年' }]);
  assert.equal(r.document.fields.find((f) => f.label === '整理番号')?.value, '防衛-2020-0001');
  assert.deepEqual(r.unmatched, [], 'the header row (項番 | 項目 | 内容) is skipped whole');
  const codes = (await analyze(r.text)).diagnostics.map((d) => d.code);
  assert.ok(codes.includes('section-missing'), 'sections the table lacks are reported by the rules');
});

test('paragraphs with numbered items, blanks as separators and labels alone on their line', async () => {
  const body = [
    p('特定秘密の指定について'),
    p('１　整理番号：防衛-2026-0012', 3),
    p('(2) 指定行政機関：防衛省'),
    p('三、指定をした年月日：令和８年４月１日'),
    p('4.　指定の有効期間　　２年'),
    p('５ 有効期間の満了する年月日:令和10年3月31日'),
    p('６　法別表該当事項：別表第1号イa(a)'),
    p('七　講ずる措置：表示'),
    p('8\t特定秘密管理者の官職\t統合幕僚監部運用部運用第1課長'),
    p('９　対象情報'),
    p(TARGET[0]),
    p('【指定の理由】'),
    ...REASON.map((l) => p(l, 5)),
    p('１０　特定秘密の概要'),
    p(SUMMARY[0]),
  ].join('');
  const r = importDocx(docxOf(body));
  assert.deepEqual(r.document.fields, EXPECTED_FIELDS);
  assert.deepEqual(r.document.sections, [
    { heading: '対象情報の記述', lines: TARGET },
    { heading: '指定の理由', lines: REASON },
    { heading: '概要', lines: SUMMARY },
  ]);
  assert.deepEqual(r.unmatched, []);
  assert.deepEqual(errorsOf(await analyze(r.text)), []);
});

test('Word structures: content controls, tracked changes, line breaks, a label alone in 【】', async () => {
  const sdt = (inner: string) => `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
  const body = [
    p('【整理番号】'),
    sdt(p('防衛-2026-0012')),
    `<w:p><w:r><w:t>行政機関：</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>外務省</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>防衛省</w:t></w:r></w:ins></w:p>`,
    `<w:p><w:r><w:t>指定年月日：令和８年４月１日</w:t><w:br/><w:t>有効期間：２年</w:t></w:r></w:p>`,
    `<w:p><w:r><w:t>満了日：</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>令和10年3月31日</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    p('別表：別表第1号イa(a)'),
    p('措置：表示'),
    p('特定秘密管理者：統合幕僚監部運用部運用第1課長'),
    p('【対象情報の記述】'), p(TARGET[0]),
    p('【指定の理由】'), `<w:p><w:r><w:t>${esc(REASON[0])}</w:t><w:br/><w:t>${esc(REASON[1])}</w:t></w:r></w:p>`,
    p('【概要】'), p(SUMMARY[0]),
    p('【決裁欄】'), p('課長　印'),
  ].join('');
  const r = importDocx(docxOf(body));
  assert.deepEqual(r.document.fields, EXPECTED_FIELDS);
  assert.deepEqual(r.document.sections.map((s) => s.heading), ['対象情報の記述', '指定の理由', '概要', '備考']);
  assert.deepEqual(r.document.sections[1].lines, REASON);
  assert.deepEqual(r.document.sections[3].lines, ['【決裁欄】', '課長　印']);
  assert.deepEqual(r.unmatched, ['決裁欄']);
  assert.deepEqual(errorsOf(await analyze(r.text)), []);
});

test('findings come through: a wrong 満了日 in a Word table is an expiry-mismatch', async () => {
  const rows = EXPECTED_FIELDS.map((f) => [f.label, f.label === '満了日' ? '令和10年4月1日' : f.value]);
  rows.push(['対象情報の記述', TARGET[0]], ['指定の理由', REASON.join('\n')], ['概要', SUMMARY[0]]);
  const r = importDocx(docxOf(table(rows)));
  assert.deepEqual(errorsOf(await analyze(r.text)), ['expiry-mismatch']);
});

test('v1.1 fields and sections, unknown fields and sections survive export → import', async () => {
  const text = [
    '指定の整理番号：防衛-2016-0001', '行政機関：防衛省', '指定年月日：平成28年4月1日', '有効期間：5年', '満了日：令和3年3月31日',
    '別表：別表第1号イa(a)', '措置：表示', '特定秘密管理者：統合幕僚監部運用部運用第1課長',
    '延長：5年(令和3年3月25日)', '有効期間の延長：５年（令和8年3月25日決定）', '点検：令和6年3月1日', '指定の理由の点検：令和7年3月1日', '解除：令和8年9月30日',
    '起案者：課長補佐',
    '', '【対象情報の記述】', TARGET[0], '', '【指定の理由】', ...REASON, '', '【概要】', SUMMARY[0],
    '', '【延長の理由】', '演習計画が継続しているため。', '', '【解除の理由】', '計画が公表されたため。', '', '【添付資料】', '別紙1',
  ].join('\n');
  const original = sheetToDocument(parseSheet(text));
  assert.deepEqual(original.fields.filter((f) => f.label === '延長').length, 2);
  assert.deepEqual(original.fields.filter((f) => f.label === '点検').length, 2);
  const r = importDocx(await sheetToDocx(original));
  assert.deepEqual(r.document, original);
  assert.deepEqual(r.unmatched, []);
  assert.match(r.text, /^延長：５年（令和8年3月25日決定）$/m);
  assert.match(r.text, /^起案者：課長補佐$/m);
  assert.match(r.text, /^【添付資料】$/m);
  assert.match(r.text, /^【解除の理由】\n計画が公表されたため。$/m);
});

test('a content line that .shitei would read as a comment keeps its text', () => {
  const r = importDocx(docxOf(p('整理番号：X-1') + p('【備考】') + p('#1 の件')));
  assert.match(r.text, /^＃1 の件$/m);
});

test('empty values stay empty fields, so the rules report them (exported and agency tables alike)', async () => {
  const text = '整理番号：\n行政機関：防衛省\n\n【概要】\n';
  const original = sheetToDocument(parseSheet(text));
  const back = importDocx(await sheetToDocx(original));
  assert.deepEqual(back.document, original);
  const agency = importDocx(docxOf(table([['特定秘密指定整理番号', ''], ['指定行政機関名', '防衛省'], ['特定秘密の概要', '']])));
  assert.deepEqual(agency.document.fields, [{ label: '整理番号', value: '' }, { label: '行政機関', value: '防衛省' }]);
  assert.deepEqual(agency.document.sections, [{ heading: '概要', lines: [] }]);
  const codes = (await analyze(agency.text)).diagnostics.map((d) => d.code);
  assert.ok(codes.includes('field-missing') && codes.includes('section-empty'), codes.join());
});

test('forms with two label | value pairs per row, bullets, notes in parentheses and single blanks', async () => {
  const rows = [
    ['特定秘密指定整理番号', '防衛-2026-0012', '指定行政機関名', '防衛省'],
    ['指定をした年月日', '令和８年４月１日', '指定の有効期間', '２年'],
    ['有効期間の満了する年月日', '令和10年3月31日', '法別表該当事項', '別表第1号イa(a)'],
    ['講ずる措置（法第3条第2項）', '表示', '特定秘密管理者の官職', '統合幕僚監部運用部運用第1課長'],
  ];
  const body = p('特定秘密の指定について（通知）') + table(rows) + [
    p('■対象情報'), p(TARGET[0]),
    p('○ 指定の理由'), ...REASON.map((l) => p(l)),
    p('・特定秘密の概要 ' + SUMMARY[0]),
  ].join('');
  const r = importDocx(docxOf(body));
  assert.deepEqual(r.document.fields, EXPECTED_FIELDS);
  assert.deepEqual(r.document.sections, [
    { heading: '対象情報の記述', lines: TARGET },
    { heading: '指定の理由', lines: REASON },
    { heading: '概要', lines: SUMMARY },
  ]);
  assert.deepEqual(r.unmatched, []);
  assert.deepEqual(errorsOf(await analyze(r.text)), []);
});

test('a label and its value separated by one blank; the longest label wins', () => {
  const r = importDocx(docxOf([
    p('整理番号 防衛-2026-0012'), p('指定をした年月日 令和８年４月１日'), p('有効期間 の 満了する 年月日 令和10年3月31日'), p('指定の有効期間 ２年'),
  ].join('')));
  assert.deepEqual(r.document.fields, [
    { label: '整理番号', value: '防衛-2026-0012' }, { label: '指定年月日', value: '令和８年４月１日' },
    { label: '満了日', value: '令和10年3月31日' }, { label: '有効期間', value: '２年' },
  ]);
  assert.deepEqual(r.unmatched, []);
});

test('a colon inside the value does not hide the label before a blank', () => {
  const r = importDocx(docxOf(p('指定をした年月日　令和8年4月1日（注：起案日）') + p('整理番号：X-1')));
  assert.deepEqual(r.document.fields, [{ label: '指定年月日', value: '令和8年4月1日（注：起案日）' }, { label: '整理番号', value: 'X-1' }]);
});
