/**
 * fast-check arbitraries for `.shitei` documents, built from the format (format.md): header
 * fields with valid and invalid dates, periods, 別表 references, measures and agencies;
 * sections (known, aliased, unknown, unclosed); comments and directives; random Japanese and
 * ASCII text with the awkward characters (astral, lone surrogates, NUL, BOM, full-width
 * blanks); LF / CRLF / CR and mixed line endings. And mutations of the real samples.
 *
 * Every arbitrary yields plain strings (or objects that print as their text), so a shrunk
 * counterexample is a readable document, printed with its escapes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DOCUMENT_RULE_CODES, WORKSPACE_RULE_CODES } from '../../../core/out/rules/codes';
import { REPO } from '../support/cli';

// ---------------------------------------------------------------------------------------------
// Characters and words

const HIRAGANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだでどばびぶべぼぱぴぷぺぽっゃゅょ';
const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴダヂヅデドバビブベボパピプペポッャュョー';
const KANJI = '令和平成昭和元年月日度防衛省外務警察庁内閣官房指定特定秘密情報計画演習部隊性能通信暗号整理番号有効期間満了別表措置表示通知管理者対象記述理由概要解除条件備考延長自衛隊収集入手提供等関係必要漏露見我国安全保障';
const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,;/()[]{}<>!?=+*&%$"\'`~|\\^@';
const FULL_WIDTH = '０１２３４５６７８９ａｂｃＡＢＣＸＴＯＤ（）［］：；、。・「」『』【】〔〕！？＿';
const SYMBOLS = '#:：【】()（）、。,，○〇●×△＿～〜ー―‐';
/** Characters that break naive code: astral, lone surrogates, NUL and other controls, BOM, odd blanks. */
const AWKWARD = [
  '𠮷', '😀', '👨‍👩‍👧', '\u{1F1EF}\u{1F1F5}', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\0', '\u0001', '\u001B', '\u007F', '\uFEFF',
  '\u3000', '\t', '\u00A0', '\u200B', '\u2028', '\u2029', '\u0085', '\uFFFD', '\uFFFF', 'ｶﾞ', 'が', 'か\u3099', '\u0301',
];

const charFrom = (pool: string) => fc.constantFrom(...Array.from(pool));

export const anyChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: charFrom(HIRAGANA) },
  { weight: 2, arbitrary: charFrom(KATAKANA) },
  { weight: 4, arbitrary: charFrom(KANJI) },
  { weight: 4, arbitrary: charFrom(ASCII) },
  { weight: 2, arbitrary: charFrom(FULL_WIDTH) },
  { weight: 2, arbitrary: charFrom(SYMBOLS) },
  { weight: 2, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 1, arbitrary: fc.constantFrom('\r', '\n', '\r\n') },
);

/** Characters that stay on one line (no line breaks). */
export const lineChar: fc.Arbitrary<string> = anyChar.filter((c) => !/[\r\n]/.test(c));

// ---------------------------------------------------------------------------------------------
// Values a drafter writes

const DIGITS = (n: number, style: 'half' | 'full' | 'kanji'): string => {
  if (style === 'half') return String(n);
  if (style === 'full') return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  const k = '〇一二三四五六七八九';
  if (n === 0) return '〇';
  if (n >= 1000) return String(n).split('').map((d) => k[Number(d)]).join('');
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens > 1 ? k[tens] : '') + (tens > 0 ? '十' : '') + (ones > 0 ? k[ones] : '');
};

const digitStyle = fc.constantFrom<'half' | 'full' | 'kanji'>('half', 'half', 'full', 'kanji');

/** Dates in every written form, valid and not (平成32年, 2月30日, 13月, 令和0年…). */
export const dateText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('令和', '平成', '昭和', '大正', '明治', '元号'), fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 }), digitStyle, fc.boolean())
    .map(([era, y, m, d, s, gannen]) => `${era}${gannen && y === 1 ? '元' : DIGITS(y, s)}年${DIGITS(m, s)}月${DIGITS(d, s)}日`),
  fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), digitStyle)
    .map(([y, m, d, s]) => `${DIGITS(y, s)}年${DIGITS(m, s)}月${DIGITS(d, s)}日`),
  fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('-', '/', '.', '／'))
    .map(([y, m, d, sep]) => `${y}${sep}${sep === '-' ? String(m).padStart(2, '0') : m}${sep}${sep === '-' ? String(d).padStart(2, '0') : d}`),
  fc.constantFrom(
    '令和8年4月1日', '令和元年5月1日', '平成31年4月30日', '平成27年12月17日', '昭和64年1月7日', '平成元年1月8日', '平成32年1月1日',
    '令和8年2月30日', '令和元年4月30日', '2028-02-29', '2027-02-29', '2026/4/1', '２０２６年４月１日', '令和八年四月一日', '令和8年4月', '令和8年', '4月1日', '',
  ),
);

/** Periods: durations in every unit spelling, end dates with まで, nonsense. */
export const periodText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 80 }), digitStyle).map(([y, s]) => `${DIGITS(y, s)}年`),
  fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom('か月', 'ヶ月', 'カ月', '箇月', 'ヵ月', 'ケ月', '月'), digitStyle)
    .map(([y, m, unit, s]) => `${y > 0 ? `${DIGITS(y, s)}年` : ''}${DIGITS(m, s)}${unit}`),
  dateText.map((d) => `${d}まで`),
  fc.constantFrom('5年', '3年6か月', '18か月', '30年', '0年', '当分の間', '無期限', '5年間', '五年', '５年', '60年', '61年', '', '年', 'か月'),
);

/** 別表 references: valid, wrong 号/item/細目, full-width, with blanks, several. */
export const referenceText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(
    fc.boolean(),
    fc.integer({ min: 0, max: 6 }),
    digitStyle,
    fc.constantFrom(...Array.from('イロハニホヘトチリヌルヲ'), ''),
    fc.constantFrom('', 'a', 'b', 'c', 'd', 'z', 'ａ', 'ｂ'),
    fc.constantFrom('', '(a)', '(b)', '(f)', '(z)', '（ａ）', '('),
    fc.constantFrom('', ' ', '\u3000'),
  ).map(([prefix, n, s, kana, letter, sub, blank]) => `${prefix ? '別表' : ''}第${DIGITS(n, s)}号${blank}${kana}${blank}${letter}${sub}`),
  fc.constantFrom('別表第1号イa(a)', '第1号ハ', '第2号ロ', '別表第三号ハ', '第２号ロ a(f)', '第1号イa(b)', '第5号イ', '第1号', '別表', 'イa'),
);

export const referenceList: fc.Arbitrary<string> = fc
  .tuple(fc.array(referenceText, { minLength: 1, maxLength: 3 }), fc.constantFrom('、', ',', '，', ' ', '・'))
  .map(([refs, sep]) => refs.join(sep));

export const measureText = fc.constantFrom('表示', '通知', '第1号', '第二号', '２号', '表示及び通知', '掲示', '');
export const agencyText = fc.constantFrom('防衛省', '外務省', '警察庁', '内閣官房', '海上保安庁', '文部科学省', '気象庁', '架空省', '防衛装備庁', '防衛', '');
export const serialText = fc.oneof(
  fc.tuple(fc.constantFrom('防衛', '外務', '警察', '内閣'), fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 0, max: 9999 })).map(([a, y, n]) => `${a}-${y}-${String(n).padStart(4, '0')}`),
  fc.constantFrom('', '○○-2026-XXXX', 'TODO'),
);

/** Free text: mostly domain words, with random characters (awkward ones included) between. */
export const freeText = (maxWords = 8): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('令和8年度に', '実施する', '自衛隊の', '演習の計画', '(参加部隊の編成を含む。)', '当分の間', '継続的に', '等', '本件情報は', '公になっていない。', '漏えいした場合には', 'おそれがあるため', '特段の秘匿の必要性がある。', '別表第1号イa(a)に該当する。', '相手国との協議', '○○', '××', 'XX', 'TODO', '＿＿', '収集した', '入手した', '提供を受けた') },
        { weight: 2, arbitrary: dateText },
        { weight: 1, arbitrary: referenceText },
        { weight: 1, arbitrary: periodText },
        { weight: 3, arbitrary: fc.array(lineChar, { maxLength: 12 }).map((cs) => cs.join('')) },
      ),
      { maxLength: maxWords },
    )
    .map((ws) => ws.join(''));

// ---------------------------------------------------------------------------------------------
// Lines

const blank = fc.constantFrom('', ' ', '\u3000', '\t', '  ', ' \u3000 ');
const FIELD_NAMES = ['整理番号', '指定の整理番号', '行政機関', '指定行政機関', '指定年月日', '指定をした年月日', '指定日', '有効期間', '指定の有効期間', '満了日', '満了する年月日', '有効期間の満了する年月日', '別表', '別表の事項', '該当事項', '措置', '講ずる措置', '特定秘密管理者', '特定秘密管理者の官職', '延長',
  // format v1.1: the life of a designation
  '有効期間の延長', '点検', '指定の理由の点検', '解除', '指定の解除', '解除年月日'];

/** A 延長 value (v1.1): a period, sometimes with its decision date (or something else) in parentheses. */
const extensionText: fc.Arbitrary<string> = fc.tuple(
  periodText,
  fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 3, arbitrary: dateText.map((d) => `(${d})`) }, { weight: 1, arbitrary: dateText.map((d) => `（${d}決定）`) }, { weight: 1, arbitrary: freeText(2).map((t) => `(${t})`) }),
).map(([p, d]) => p + d);

function valueFor(name: string): fc.Arbitrary<string> {
  if (/整理番号/.test(name)) return serialText;
  if (/行政機関/.test(name)) return agencyText;
  if (/年月日|指定日|満了日|点検|解除/.test(name)) return dateText;
  if (/延長/.test(name)) return extensionText;
  if (/有効期間/.test(name)) return periodText;
  if (/別表|該当事項/.test(name)) return referenceList;
  if (/措置/.test(name)) return measureText;
  return fc.constantFrom('統合幕僚監部運用部運用第1課長', '○○課長', '');
}

const separator = fc.constantFrom('：', ':', '：', ' : ', '\u3000：\u3000', '::', '：：');

export const fieldLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...FIELD_NAMES).chain((name) => fc.tuple(blank, fc.constant(name), separator, fc.oneof({ weight: 4, arbitrary: valueFor(name) }, { weight: 1, arbitrary: freeText(3) }), blank)) },
  { weight: 1, arbitrary: fc.tuple(blank, fc.constantFrom('備考', '担当', '作成者', 'Name', '', '#x', '【'), separator, freeText(3), blank) },
).map((parts) => parts.join(''));

const SECTION_NAMES = ['対象情報の記述', '対象情報', '指定の理由', '概要', '特定秘密の概要', '解除の条件', '指定を解除する条件', '延長の理由', '解除の理由', '備考', '別紙', '', '【入れ子】'];

export const headingLine: fc.Arbitrary<string> = fc
  .tuple(blank, fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...SECTION_NAMES) }, { weight: 1, arbitrary: freeText(2) }), fc.constantFrom('】', '】', '】', '', '】】'), fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: freeText(3) }))
  .map(([b, name, close, rest]) => `${b}【${name}${close}${rest}`);

const CODES = [...DOCUMENT_RULE_CODES, ...WORKSPACE_RULE_CODES, 'no-such-rule', 'FIELD-MISSING', 'internal-error', 'document-too-large'];

export const directiveLine: fc.Arbitrary<string> = fc
  .tuple(blank, fc.constantFrom('#', '# ', '#\u3000'), fc.constantFrom('shitei-disable-next-line', 'shitei-disable-file', 'shitei-disable', 'shitei-enable'), fc.array(fc.constantFrom(...CODES), { maxLength: 3 }), fc.constantFrom(', ', ',', '、', ' ', '，'), fc.constantFrom('', ' -- 理由', ' --'))
  .map(([b, hash, kind, codes, sep, tail]) => `${b}${hash}${kind}${codes.length ? ' ' + codes.join(sep) : ''}${tail}`);

export const commentLine: fc.Arbitrary<string> = fc.tuple(blank, freeText(4)).map(([b, t]) => `${b}# ${t}`);

export const contentLine: fc.Arbitrary<string> = fc.tuple(blank, freeText(10), blank).map((p) => p.join(''));

export const anyLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fieldLine },
  { weight: 2, arbitrary: headingLine },
  { weight: 1, arbitrary: directiveLine },
  { weight: 1, arbitrary: commentLine },
  { weight: 3, arbitrary: contentLine },
  { weight: 1, arbitrary: blank },
);

// ---------------------------------------------------------------------------------------------
// Documents

export type EolMode = 'lf' | 'crlf' | 'cr' | 'mixed';

/** Joins lines with the mode's breaks; `picks` chooses a break per line for 'mixed'. */
export function joinLines(lines: readonly string[], mode: EolMode, picks: readonly number[], finalBreak: boolean): string {
  const MIXED = ['\n', '\r\n', '\r'];
  const eol = (i: number) => (mode === 'lf' ? '\n' : mode === 'crlf' ? '\r\n' : mode === 'cr' ? '\r' : MIXED[(picks[i % Math.max(1, picks.length)] ?? 0) % 3]);
  let out = '';
  lines.forEach((l, i) => {
    out += l;
    if (i < lines.length - 1 || finalBreak) out += eol(i);
  });
  return out;
}

const eolMode = fc.constantFrom<EolMode>('lf', 'lf', 'crlf', 'crlf', 'mixed', 'cr');

const layout = <T>(lines: fc.Arbitrary<T[]>) =>
  fc.record({
    lines,
    eol: eolMode,
    picks: fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 8 }),
    finalBreak: fc.boolean(),
    bom: fc.nat({ max: 9 }).map((n) => n >= 7),
  });

/**
 * A sheet close to a real one: the canonical header fields (each may be missing, aliased or
 * given an invalid value), then sections, with comments, directives and stray lines between.
 */
export const structuredSheet: fc.Arbitrary<string> = layout(
  fc
    .tuple(
      fc.array(fc.oneof({ weight: 1, arbitrary: commentLine }, { weight: 1, arbitrary: directiveLine }), { maxLength: 2 }),
      fc.tuple(...FIELD_ORDER_ARBS()),
      fc.array(fc.oneof({ weight: 3, arbitrary: fieldLine }, { weight: 1, arbitrary: contentLine }, { weight: 1, arbitrary: directiveLine }, { weight: 1, arbitrary: blank }), { maxLength: 3 }),
      fc.array(fc.tuple(headingLine, fc.array(fc.oneof({ weight: 4, arbitrary: contentLine }, { weight: 1, arbitrary: commentLine }, { weight: 1, arbitrary: directiveLine }, { weight: 1, arbitrary: blank }), { maxLength: 4 })), { maxLength: 6 }),
    )
    .map(([pre, fields, extra, sections]) => [...pre, ...fields.filter((f): f is string => f !== null), ...extra, ...sections.flatMap(([h, c]) => ['', h, ...c])]),
).map((d) => (d.bom ? '\uFEFF' : '') + joinLines(d.lines, d.eol, d.picks, d.finalBreak));

function FIELD_ORDER_ARBS(): fc.Arbitrary<string | null>[] {
  const canonical: [string, fc.Arbitrary<string>][] = [
    ['整理番号', serialText], ['行政機関', agencyText], ['指定年月日', dateText], ['有効期間', periodText], ['満了日', dateText],
    ['別表', referenceList], ['措置', measureText], ['特定秘密管理者', valueFor('特定秘密管理者')],
  ];
  return canonical.map(([name, value]) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.tuple(separator, value).map(([sep, v]) => `${name}${sep}${v}`) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fieldLine },
    ));
}

/** Any sequence of lines of any kind, in any order. */
export const looseSheet: fc.Arbitrary<string> = layout(fc.array(anyLine, { maxLength: 25 })).map((d) => (d.bom ? '\uFEFF' : '') + joinLines(d.lines, d.eol, d.picks, d.finalBreak));

/** Raw character soup (no structure at all). */
export const soup: fc.Arbitrary<string> = fc.array(anyChar, { maxLength: 200 }).map((cs) => cs.join(''));

export const generatedSheet: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: structuredSheet },
  { weight: 3, arbitrary: looseSheet },
  { weight: 1, arbitrary: soup },
);

// ---------------------------------------------------------------------------------------------
// Mutated samples

export function sampleFiles(dir = path.join(REPO, 'samples')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sampleFiles(path.join(dir, e.name)) : e.name.endsWith('.shitei') ? [path.join(dir, e.name)] : []).sort();
}

export type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replace'; at: number; text: string }
  | { op: 'insertLine'; line: number; text: string }
  | { op: 'deleteLine'; line: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'lineEndings'; to: EolMode; picks: number[] }
  | { op: 'addBom' };

const position = fc.nat({ max: 100_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at: position, text: fc.oneof(anyChar, freeText(2), fc.constantFrom('：', '【', '】', '#', '\r\n', '\n', '\r')) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('replace' as const), at: position, text: anyChar }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insertLine' as const), line: position, text: anyLine }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteLine' as const), line: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateLine' as const), line: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: position, b: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('lineEndings' as const), to: eolMode, picks: fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 6 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'addBom' as const }) },
);

/** Splits into lines keeping each line's own break, so line edits keep the other lines' breaks. */
function splitKeep(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

export function applyMutation(text: string, m: Mutation): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.op) {
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'replace':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at) + 1);
    case 'addBom':
      return text.startsWith('\uFEFF') ? text : '\uFEFF' + text;
    case 'lineEndings': {
      const lines = text.split(/\r\n|\r|\n/);
      const last = lines.pop()!;
      return joinLines([...lines, last], m.to, m.picks, false);
    }
    default: {
      const lines = splitKeep(text);
      const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
      const idx = (n: number) => (lines.length === 0 ? 0 : n % lines.length);
      if (m.op === 'insertLine') lines.splice(lines.length === 0 ? 0 : m.line % (lines.length + 1), 0, m.text + eol);
      else if (lines.length === 0) return text;
      else if (m.op === 'deleteLine') lines.splice(idx(m.line), 1);
      else if (m.op === 'duplicateLine') {
        const l = lines[idx(m.line)];
        lines.splice(idx(m.line), 0, /[\r\n]$/.test(l) ? l : l + eol);
      } else {
        const a = idx(m.a);
        const b = idx(m.b);
        const la = lines[a].replace(/[\r\n]+$/, '');
        const lb = lines[b].replace(/[\r\n]+$/, '');
        lines[a] = lb + lines[a].slice(la.length);
        lines[b] = la + lines[b].slice(lb.length);
      }
      return lines.join('');
    }
  }
}

export interface MutatedSample {
  sample: string;
  mutations: Mutation[];
  text: string;
}

/** A sample file with a few random edits; prints as the sample's name, the edits and the text. */
export function mutatedSample(files = sampleFiles()): fc.Arbitrary<MutatedSample> {
  const texts = new Map(files.map((f) => [path.relative(REPO, f).split(path.sep).join('/'), fs.readFileSync(f, 'utf8')]));
  return fc.record({ sample: fc.constantFrom(...texts.keys()), mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }) }).map(({ sample, mutations }) => {
    const text = mutations.reduce(applyMutation, texts.get(sample)!);
    const value: MutatedSample = { sample, mutations, text };
    Object.defineProperty(value, fc.toStringMethod, { value: () => `${sample} + ${JSON.stringify(mutations)}\n=> ${JSON.stringify(text)}` });
    return value;
  });
}
