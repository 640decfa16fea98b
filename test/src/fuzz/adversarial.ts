/**
 * Adversarial sheets at a chosen size, for the growth tests and the worst-case fuzz: a valid
 * sheet with the bulk of its characters in one place (a header field, a section, comments,
 * a stray line, a heading name) made of one character class (long runs of digits, kanji
 * numerals, X, ＿, blanks, brackets …), or many small things (directives, headings, fields,
 * nested brackets). The size is the number of bulk characters; everything else is fixed, so
 * work measured at two sizes shows how the core grows with the bulk alone.
 */
import { analyzeText } from '../../../core/out/analysis/analyze';
import { resolveConfig } from '../../../core/out/analysis/config';
import type { TokenCache } from '../../../core/out/nlp/tokenCache';
import { measureWork } from '../../../core/out/text/workCounter';
import { clearContentCaches } from '../../../core/out/text/contentCache';

export const BASE_SHEET = [
  '整理番号：防衛-2026-0101',
  '行政機関：防衛省',
  '指定年月日：令和8年4月1日',
  '有効期間：2年',
  '満了日：令和10年3月31日',
  '別表：別表第1号イa(b)',
  '措置：表示',
  '特定秘密管理者：統合幕僚監部運用部運用第2課長',
  '',
  '【対象情報の記述】',
  '令和8年度に実施する自衛隊の警戒監視活動の計画のうち、航空機及び艦艇による哨戒の区域',
  '',
  '【指定の理由】',
  '本件情報は、別表第1号イa(b)に該当する。本件情報は公になっていない。',
  '本件情報が漏えいした場合には支障を及ぼすおそれがあるため、特段の秘匿の必要性がある。',
  '',
  '【解除の条件】',
  '警戒監視の態勢が変更された場合',
  '',
  '【概要】',
  '令和8年度自衛隊警戒監視活動計画',
  '',
  '【備考】',
  'なし',
  '',
].join('\n');

/** Runs of one character class: the shapes that made unanchored regexes quadratic. */
export const CHARACTER_CLASSES: Record<string, string> = {
  digits: '1',
  'full-width digits': '１',
  'kanji numerals': '二',
  'kanji zero': '〇',
  X: 'X',
  underscores: '＿',
  'half-width blanks': ' ',
  'full-width blanks': '\u3000',
  hiragana: 'あ',
  'open brackets': '【',
  parentheses: '(',
  commas: '、',
  'year-like': '2026年',
  'era dates': '令和8年4月1日から',
  'open-ended': '令和8年以降',
  'month runs': '4月4月',
  'law citations': '平成25年法律第108号',
  'until words': 'まで',
  sentence: '本件情報は、警戒監視活動の計画であり公になっていない。',
};

/** Where the bulk goes. Each puts `bulk` into an otherwise valid sheet, in one place. */
export const PLACES: Record<string, (bulk: string) => string> = {
  整理番号: (b) => BASE_SHEET.replace('防衛-2026-0101', `防衛-${b}-0101`),
  行政機関: (b) => BASE_SHEET.replace('行政機関：防衛省', `行政機関：防衛${b}省`),
  指定年月日: (b) => BASE_SHEET.replace('指定年月日：令和8年4月1日', `指定年月日：令和8年${b}4月1日`),
  有効期間: (b) => BASE_SHEET.replace('有効期間：2年', `有効期間：令和10年3月31日${b}まで`),
  満了日: (b) => BASE_SHEET.replace('満了日：令和10年3月31日', `満了日：令和10年3月${b}31日`),
  別表: (b) => BASE_SHEET.replace('別表：別表第1号イa(b)', `別表：別表${b}第1号イa(b)`),
  措置: (b) => BASE_SHEET.replace('措置：表示', `措置：表示${b}`),
  特定秘密管理者: (b) => BASE_SHEET.replace('運用第2課長', `運用${b}第2課長`),
  延長: (b) => BASE_SHEET.replace('特定秘密管理者：', `延長：3年${b}\n特定秘密管理者：`),
  'unknown field': (b) => BASE_SHEET.replace('特定秘密管理者：', `未知の項目${b}：値\n特定秘密管理者：`),
  'stray line': (b) => BASE_SHEET.replace('特定秘密管理者：', `${b}\n特定秘密管理者：`),
  comment: (b) => `# ${b}\n${BASE_SHEET}`,
  'heading name': (b) => `${BASE_SHEET}\n【${b}】\n本文\n`,
  対象情報の記述: (b) => BASE_SHEET.replace('航空機及び艦艇による哨戒の区域', `航空機及び${b}艦艇による哨戒の区域`),
  指定の理由: (b) => BASE_SHEET.replace('本件情報は公になっていない。', `本件情報は${b}公になっていない。`),
  解除の条件: (b) => BASE_SHEET.replace('警戒監視の態勢が変更された場合', `警戒監視の${b}態勢が変更された場合`),
  概要: (b) => BASE_SHEET.replace('令和8年度自衛隊警戒監視活動計画', `令和8年度${b}計画`),
  備考: (b) => BASE_SHEET.replace('【備考】\nなし', `【備考】\n${b}`),
};

/** Many small things rather than one long run. `count` is how many. */
export const MANY: Record<string, (count: number) => string> = {
  directives: (n) => BASE_SHEET.replace('【備考】\nなし', `【備考】\n${'# shitei-disable-next-line placeholder-unfilled scope-vague\n○○\n'.repeat(n)}`),
  'file directives': (n) => `${'# shitei-disable-file period-unscoped\n'.repeat(n)}${BASE_SHEET}`,
  headings: (n) => `${BASE_SHEET}${'【未知の節】\n'.repeat(n)}`,
  'unclosed headings': (n) => `${BASE_SHEET}${'【\n'.repeat(n)}`,
  fields: (n) => BASE_SHEET.replace('特定秘密管理者：', `${'延長：5年\n'.repeat(n)}特定秘密管理者：`),
  'duplicate fields': (n) => BASE_SHEET.replace('特定秘密管理者：', `${'行政機関：外務省\n'.repeat(n)}特定秘密管理者：`),
  'nested brackets': (n) => `${BASE_SHEET}\n【${'【'.repeat(n)}名${'】'.repeat(n)}】\n本文\n`,
  'short lines': (n) => BASE_SHEET.replace('【備考】\nなし', `【備考】\n${'令和8年度の○○。\n'.repeat(n)}`),
  'blank lines': (n) => BASE_SHEET.replace('【備考】\nなし', `【備考】\n${'\n'.repeat(n)}なし`),
  placeholders: (n) => BASE_SHEET.replace('【備考】\nなし', `【備考】\n${'○○ XX TODO '.repeat(n)}`),
};

/** `unit` repeated up to `size` UTF-16 units (whole repetitions only). */
export function run(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

const CONFIG = resolveConfig({ today: '2026-11-23' });

/**
 * The work counted while analysing `text` (every rule, with tokens). Tokens are looked up in a
 * fresh cache so the count includes tokenizing, as on the first analysis of a document.
 */
export function analysisWork(text: string, freshTokens: () => TokenCache): number {
  const tokens = freshTokens();
  // Cold, like the token cache: lines cached by an earlier case (the per-line content caches
  // live for the process) would make the count depend on what ran before, not on this text.
  clearContentCaches();
  return measureWork(() => analyzeText(text, { config: CONFIG, tokens })).units;
}

/**
 * The largest growth allowed from size n to 2n: n log n doubles and then some (2·log(2n)/log n),
 * plus a little for fixed costs that do not scale. Quadratic growth gives 4.
 */
export function allowedGrowth(n: number): number {
  return (2 * Math.log2(2 * n)) / Math.log2(n) + 0.1;
}
