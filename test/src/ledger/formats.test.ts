/** The four ledger formats: CSV for spreadsheets, GitHub Markdown, JSON, self-contained HTML. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLedgerCsv, csvField } from '../../../cli/out/formatters/ledger-csv';
import { formatLedgerMarkdown, mdCell } from '../../../cli/out/formatters/ledger-md';
import { formatLedgerJson } from '../../../cli/out/formatters/ledger-json';
import { chartSlots, formatLedgerHtml } from '../../../cli/out/formatters/ledger-html';
import { COLUMNS } from '../../../cli/out/formatters/ledger-common';
import { designation, ledgerOf, parseCsvStrict } from './support';

const TRICKY_SUMMARY = '「暗号」の "鍵" 管理 | 手順\n第2版, 改訂';

function sample() {
  return ledgerOf(
    {
      'samples/a.shitei': designation('D-1', '防衛省', '別表第1号イa(a)', { 有効期間: '5年', 満了日: '令和13年3月31日' }),
      'samples/b.shitei': {
        fields: { 整理番号: '=HYPERLINK("x")', 行政機関: '外務省', 別表: '第２号ハa、第3号ロa', 指定年月日: '2026-05-15', 有効期間: '1年', 満了日: null, 延長: '2年' },
        sections: { 概要: TRICKY_SUMMARY },
      },
      'samples/c.shitei': designation('K-<b>1</b>', '警察庁', '別表第4号イa(a)', { 指定年月日: '令和8年1月10日', 有効期間: '1年', 満了日: '令和9年1月9日' }),
    },
    '2026-11-23',
    [{ path: 'samples/bad.shitei', reason: 'バイナリファイルのようです' }, { path: 'samples/notes.txt', reason: '.shitei ファイルではありません' }],
  );
}

test('CSV: BOM, CRLF, every field quoted, quotes doubled; parses back to the rows', () => {
  const csv = formatLedgerCsv(sample(), 'ja');
  assert.ok(csv.startsWith('\uFEFF"整理番号"'), 'UTF-8 BOM, then the quoted header');
  assert.ok(csv.endsWith('\r\n'));
  const records = parseCsvStrict(csv.slice(1));
  const [header, ...rows] = records;
  assert.deepEqual(header, [
    '整理番号', '指定年月日', '指定年月日（ISO）', '有効期間', '満了日', '満了日（ISO）', '満了日の出典', '延長',
    '満了日（延長後）', '満了日（延長後）（ISO）', '点検', '点検（ISO）', '解除', '解除（ISO）', '状態',
    '概要', '別表', '措置', '特定秘密管理者', '行政機関', 'ファイル',
  ]);
  assert.equal(rows.length, 3);
  for (const r of rows) assert.equal(r.length, header.length);
  const byFile = (f: string) => rows.find((r) => r[header.indexOf('ファイル')] === f)!;
  const b = byFile('samples/b.shitei');
  const col = (name: string) => b[header.indexOf(name)];
  assert.equal(col('概要'), TRICKY_SUMMARY, 'quotes, comma, bar and the line break survive');
  assert.equal(col('満了日'), '2027-05-14');
  assert.equal(col('満了日の出典'), '算出');
  assert.equal(col('満了日（延長後）'), '2029-05-14');
  assert.equal(col('満了日（延長後）（ISO）'), '2029-05-14');
  assert.equal(col('別表'), '別表第2号ハa、別表第3号ロa');
  assert.equal(col('整理番号'), `'=HYPERLINK("x")`, 'a formula is defused with an apostrophe');
  const a = byFile('samples/a.shitei');
  assert.equal(a[header.indexOf('指定年月日')], '令和8年4月1日');
  assert.equal(a[header.indexOf('指定年月日（ISO）')], '2026-04-01');
  assert.equal(a[header.indexOf('満了日の出典')], '記載');
});

test('CSV field quoting on its own', () => {
  assert.equal(csvField('a"b'), '"a""b"');
  assert.equal(csvField(''), '""');
  assert.equal(csvField('+1'), `"'+1"`);
  assert.equal(csvField('-x'), `"'-x"`);
  assert.equal(csvField('@x'), `"'@x"`);
  assert.equal(csvField('令和8年'), '"令和8年"');
});

test('CSV in English has English headers', () => {
  const [header] = parseCsvStrict(formatLedgerCsv(sample(), 'en').slice(1));
  assert.equal(header[0], 'Serial number');
  assert.ok(header.includes('Expires on (after extensions) (ISO)'));
});

/** The GitHub tables of a Markdown document: consecutive lines starting with `|`. */
function mdTables(md: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) {
      // Split on bars that are not escaped.
      const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
      if (!current) tables.push((current = []));
      current.push(cells);
    } else current = undefined;
  }
  return tables;
}

test('Markdown: GitHub tables with a delimiter row and as many cells in every row', () => {
  const md = formatLedgerMarkdown(sample(), 'ja');
  assert.match(md, /^# 特定秘密指定管理簿$/m);
  for (const h of ['## 指定の一覧', '## 行政機関別・別表の号別の指定件数', '## 有効期間別の指定件数', '## 12か月以内に満了する指定', '## 読み込まなかったファイル']) {
    assert.ok(md.includes(h), h);
  }
  const tables = mdTables(md);
  assert.ok(tables.length >= 5, `found ${tables.length} tables`);
  for (const t of tables) {
    assert.ok(t[1].every((c) => /^-{3,}:?$/.test(c)), `delimiter row: ${t[1].join('|')}`);
    for (const row of t) assert.equal(row.length, t[0].length, `row ${row.join('|')}`);
  }
  const register = tables[0];
  assert.deepEqual(register[0], COLUMNS.map((c) => c.ja));
  assert.equal(register.length, 2 + 3);
  const agency = tables.find((t) => t[0][0] === '行政機関')!;
  assert.deepEqual(agency[agency.length - 1], ['合計', '1', '1', '1', '1', '0', '3']);
  assert.ok(md.includes('有効期間5年の指定: 1件'));
  assert.ok(md.includes('samples/bad.shitei'), 'skipped files are listed');
  assert.ok(md.includes('2029-05-14※') === false && md.includes('2027-05-14※'), 'a computed 満了日 is marked');
});

test('Markdown cells escape bars, line breaks and HTML', () => {
  assert.equal(mdCell('a|b'), 'a\\|b');
  assert.equal(mdCell('一\n二'), '一<br>二');
  assert.equal(mdCell('<b>x</b>'), '&lt;b&gt;x&lt;/b&gt;');
  assert.equal(mdCell('*a*_b_'), '\\*a\\*\\_b\\_');
  const md = formatLedgerMarkdown(sample(), 'ja');
  assert.ok(md.includes('「暗号」の "鍵" 管理 \\| 手順<br>第2版, 改訂'));
  assert.ok(!md.includes('<b>1</b>'));
});

test('JSON: rows, summary {byAgencyAndGou, byValidity, expiringSoon}, skipped [{path, reason}]', () => {
  const json = JSON.parse(formatLedgerJson(sample()));
  assert.deepEqual(Object.keys(json).sort(), ['rows', 'skipped', 'summary', 'today']);
  assert.ok(['byAgencyAndGou', 'byValidity', 'expiringSoon'].every((k) => k in json.summary));
  assert.equal(json.rows.length, 3);
  const b = json.rows.find((r: { path: string }) => r.path === 'samples/b.shitei');
  assert.equal(b.finalExpiryIso, '2029-05-14');
  assert.equal(b.expirySource, 'computed');
  assert.deepEqual(b.extensions, ['2年']);
  assert.deepEqual(json.summary.expiringSoon.map((e: { serial: string; daysLeft: number }) => [e.serial, e.daysLeft]), [['K-<b>1</b>', 47]]);
  assert.equal(json.summary.byValidity.fiveYears, 1);
  assert.deepEqual(json.summary.byAgencyAndGou.totals, { byGou: { '1': 1, '2': 1, '3': 1, '4': 1 }, unclassified: 0, total: 3 });
  assert.deepEqual(json.skipped, [{ path: 'samples/bad.shitei', reason: 'バイナリファイルのようです' }, { path: 'samples/notes.txt', reason: '.shitei ファイルではありません' }]);
});

test('HTML: one self-contained page with the tables and the SVG chart, nothing to fetch', () => {
  const html = formatLedgerHtml(sample(), 'ja');
  assert.match(html, /^<!DOCTYPE html>\n<html lang="ja">/);
  assert.match(html, /<title>特定秘密指定管理簿<\/title>/);
  for (const id of ['register', 'by-agency', 'by-validity', 'expiring-soon', 'skipped']) assert.match(html, new RegExp(`<table id="${id}"`), id);
  assert.match(html, /<svg class="chart" id="expiry-chart"[^>]*>[\s\S]*<rect class="bar[^"]*"[\s\S]*<\/svg>/);
  assert.ok(!/https?:\/\//i.test(html), 'no http(s) URL at all');
  assert.ok(!/<script|<link|<img|<iframe|<object|@import|@font-face|url\(/i.test(html), 'no script, no external asset, no web font');
  assert.ok(!/\ssrc=/i.test(html), 'no src');
  // The only links: each sheet's file, relative (to the folder the register was made in).
  for (const m of html.matchAll(/<a ([^>]*)>/g)) assert.match(m[1], /^class="sheet" href="[^":]+\.shitei" data-path="[^"]+"$/, m[0]);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.match(html, /@media print/);
  // Sheet text is escaped, not markup.
  assert.ok(!html.includes('K-<b>1</b>') && html.includes('K-&lt;b&gt;1&lt;/b&gt;'));
  assert.ok(html.includes('「暗号」の &quot;鍵&quot; 管理 | 手順<br>第2版, 改訂'));
  // The register has one body row per designation; the agency table a totals row.
  const register = /<table id="register">[\s\S]*?<\/table>/.exec(html)![0];
  assert.equal((register.match(/<tr[ >]/g) ?? []).length, 1 + 3);
  assert.match(html, /<tfoot><tr class="total"><td>合計<\/td><td class="num">1<\/td>/);
  assert.ok(html.includes('samples/notes.txt'));
  assert.ok(html.includes('残り 47 日'));
});

test('HTML chart: one bar per month with designations, none when no date can be read', () => {
  const html = formatLedgerHtml(sample(), 'ja');
  const svg = /<svg[\s\S]*<\/svg>/.exec(html)![0];
  assert.equal((svg.match(/<rect /g) ?? []).length, 3);
  assert.match(svg, /<title>2027年1月: 1件<\/title>/);
  const empty = formatLedgerHtml(ledgerOf({ 'x.shitei': { fields: { 満了日: null, 有効期間: null } } }), 'ja');
  assert.ok(!empty.includes('<svg'));
  assert.ok(empty.includes('満了日を読み取れる指定がありません'));
});

test('HTML chart: ten years on one by one, a 60-year designation in one "later" bar, long-past ones in one "earlier" bar', () => {
  const months = [
    { month: '2020-01', count: 2 },
    { month: '2025-11', count: 1 },
    { month: '2027-01', count: 3 },
    { month: '2036-10', count: 1 },
    { month: '2036-11', count: 4 },
    { month: '2080-03', count: 1 },
  ];
  const slots = chartSlots(months, '2026-11-23');
  assert.deepEqual(slots[0], { kind: 'earlier', month: '2025-10', count: 2 });
  assert.deepEqual(slots[1], { kind: 'month', month: '2025-11', count: 1 });
  assert.deepEqual(slots[slots.length - 2], { kind: 'month', month: '2036-10', count: 1 });
  assert.deepEqual(slots[slots.length - 1], { kind: 'later', month: '2036-11', count: 5 });
  assert.equal(slots.length, 1 + 12 + 120 + 1);
  assert.equal(slots.reduce((n, s) => n + s.count, 0), 12, 'every designation is in a bar');
  const ledger = ledgerOf({
    'a.shitei': { fields: { 指定年月日: '2020-01-01', 有効期間: '60年', 満了日: '2079-12-31' } },
    'b.shitei': { fields: { 指定年月日: '2026-01-10', 有効期間: '1年', 満了日: '2027-01-09' } },
  });
  const svg = /<svg[\s\S]*<\/svg>/.exec(formatLedgerHtml(ledger, 'ja'))![0];
  assert.match(svg, /<title>2036年11月以降: 1件<\/title>/);
  assert.match(svg, /<rect class="bar soon"[^>]*><title>2027年1月: 1件<\/title>/);
});

test('HTML in English keeps lang="ja" for the Japanese content and English labels', () => {
  const html = formatLedgerHtml(sample(), 'en');
  assert.match(html, /<html lang="ja">/);
  assert.ok(html.includes('Designations by agency and 別表 号'));
  assert.ok(html.includes('47 days'));
});
