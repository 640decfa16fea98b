/**
 * 別表 references as a 指定書 writes them (`別表第1号イa(a)`, `第２号ロ a(f)`, `別表第三号ハ`):
 * reading a field value into references with spans, checking them against the catalog
 * (format.md "別表 references"), formatting them canonically, and the legal text behind them.
 */
import type { Localized, Span } from '../../types';
import { countWork } from '../../text/workCounter';
import { foldWidth, trimSpan } from '../../text/normalize';
import { BEPPYO, findGou, findItem, findSaimoku, hasLetteredSaimoku } from './catalog';
import type { BeppyoItem, Gou, Saimoku } from './catalog';

export interface BeppyoRef {
  gou: number | null;
  kana: string | null;
  /** The 細目 letter, half-width lowercase. */
  saimoku: string | null;
  /** The sub-item letter (without its parentheses), half-width lowercase. */
  subItem: string | null;
  /** The whole reference, blanks trimmed; offsets into the string given to the parser. */
  span: Span;
  /**
   * Where each part was written: `gou` covers `第N号`, `kana` the kana, `saimoku` the letter,
   * `subItem` the parenthesized `(x)`. A part inherited from the previous reference
   * (`第1号イa及びb`) has no span.
   */
  parts: { gou?: Span; kana?: Span; saimoku?: Span; subItem?: Span };
  /** The reference as written; lets fixes keep the writer's digit style. */
  text?: string;
}

export type RefPart = 'gou' | 'kana' | 'saimoku' | 'subItem';

export type RefCheck =
  | { status: 'ok' }
  | { status: 'invalid'; part: RefPart; message: Localized; suggestion?: string }
  | { status: 'saimoku-missing'; options: string[] };

export interface RefLike {
  gou: number | null;
  kana: string | null;
  saimoku?: string | null;
  subItem?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Reading

const BLANK = '[ \\t]*'; // after foldWidth, U+3000 has become a plain space

// Item kana as people actually type them: katakana, hiragana, half-width katakana, and the
// kanji that look like katakana (八 for ハ, 二 for ニ, 口 for ロ, 卜 for ト). The lookalikes are
// read so that the check can point at them and suggest the katakana rather than give up.
const KANA_CLASS = '[ァ-ヺぁ-ゖｦ-ｯｱ-ﾝ八二口卜]';
const NUMERAL_CLASS = '[0-9]+|[〇一二三四五六七八九十]+';

const REF_RE = new RegExp(
  `^(?:別表${BLANK})?` +
    `(?<gou>第?${BLANK}(?<num>${NUMERAL_CLASS})${BLANK}号)?${BLANK}(?:の${BLANK})?` +
    `(?<kana>${KANA_CLASS})?${BLANK}` +
    `(?<sai>[a-zA-Z])?${BLANK}` +
    `(?<sub>\\(${BLANK}(?<subl>[a-zA-Z])${BLANK}\\))?$`,
  'd',
);

const HALF_KATAKANA = 'ｦｧｨｩｪｫｬｭｮｯｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ';
const FULL_KATAKANA = 'ヲァィゥェォャュョッアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const LOOKALIKE: Record<string, string> = { 八: 'ハ', 二: 'ニ', 口: 'ロ', 卜: 'ト' };

function normalizeKana(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x3041 && c <= 0x3096) return String.fromCharCode(c + 0x60); // hiragana → katakana
  const i = HALF_KATAKANA.indexOf(ch);
  return i >= 0 ? FULL_KATAKANA[i] : ch; // lookalike kanji stay as written
}

const KANJI_DIGITS = '〇一二三四五六七八九';

function parseNumeral(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten < 0) {
    let n = 0;
    for (const ch of s) n = n * 10 + KANJI_DIGITS.indexOf(ch);
    return n;
  }
  if (s.indexOf('十', ten + 1) >= 0) return null;
  const tens = s.slice(0, ten);
  const ones = s.slice(ten + 1);
  if (tens.length > 1 || ones.length > 1) return null;
  return (tens ? KANJI_DIGITS.indexOf(tens) : 1) * 10 + (ones ? KANJI_DIGITS.indexOf(ones) : 0);
}

/** Separators between references: 、 ､ , (full-width ，folds to ,) 及び 並びに. */
const SEPARATOR_RE = /[、､,]|及び|並びに/g;

/**
 * Reads a 別表 field value into references. Each piece between separators is one reference;
 * a piece without `第N号` continues the previous reference (`第1号イ及びロ`, `第1号イa、b`,
 * `第1号イa(a)、(b)`). A piece that cannot be read at all goes to `unreadable`. Empty pieces
 * (a trailing `、`) are ignored.
 */
export function parseReferenceList(value: string): { refs: BeppyoRef[]; unreadable: Span[] } {
  const folded = foldWidth(value);
  const refs: BeppyoRef[] = [];
  const unreadable: Span[] = [];
  let pieceStart = 0;
  const pieces: Span[] = [];
  for (const m of folded.matchAll(SEPARATOR_RE)) {
    pieces.push({ start: pieceStart, end: m.index });
    pieceStart = m.index + m[0].length;
  }
  pieces.push({ start: pieceStart, end: folded.length });

  for (const piece of pieces) {
    const span = trimSpan(folded, piece.start, piece.end);
    if (span.start === span.end) continue;
    const ref = readPiece(value, folded, span, refs.length > 0 ? refs[refs.length - 1] : undefined);
    if (ref) refs.push(ref);
    else unreadable.push(span);
  }
  return { refs, unreadable };
}

/** Reads a single reference (the whole string, blanks trimmed); undefined when unreadable. */
export function parseReference(value: string): BeppyoRef | undefined {
  const folded = foldWidth(value);
  const span = trimSpan(folded, 0, folded.length);
  return span.start === span.end ? undefined : readPiece(value, folded, span, undefined);
}

/**
 * The longest piece read as a reference. The longest real one (別表第10号イa(b) with blanks
 * between every part) is under 40 characters; REF_RE has blank runs on both sides of optional
 * parts, which a long run of blanks would make it try in every split, so longer pieces are
 * unreadable without being tried.
 */
const MAX_REFERENCE_PIECE = 80;

function readPiece(original: string, folded: string, span: Span, previous: BeppyoRef | undefined): BeppyoRef | undefined {
  countWork(1);
  if (span.end - span.start > MAX_REFERENCE_PIECE) return undefined;
  const m = REF_RE.exec(folded.slice(span.start, span.end));
  if (!m || !m.groups || !m.indices?.groups) return undefined;
  const g = m.groups;
  const at = (name: string): Span | undefined => {
    const ix = m.indices?.groups?.[name];
    return ix ? { start: span.start + ix[0], end: span.start + ix[1] } : undefined;
  };
  const parts: BeppyoRef['parts'] = {};
  const kanaSpan = at('kana');
  const saiSpan = at('sai');
  const subSpan = at('sub');
  if (kanaSpan) parts.kana = kanaSpan;
  if (saiSpan) parts.saimoku = saiSpan;
  if (subSpan) parts.subItem = subSpan;
  const kana = g.kana !== undefined ? normalizeKana(g.kana) : null;
  const saimoku = g.sai !== undefined ? g.sai.toLowerCase() : null;
  const subItem = g.subl !== undefined ? g.subl.toLowerCase() : null;
  const text = original.slice(span.start, span.end);

  if (g.gou !== undefined) {
    const gouSpan = at('gou');
    if (gouSpan) parts.gou = gouSpan;
    return { gou: parseNumeral(g.num ?? ''), kana, saimoku, subItem, span, parts, text };
  }
  // No 号: a continuation of the previous reference, from the first part written onwards.
  if (!previous || (kana === null && saimoku === null && subItem === null)) return undefined;
  if (kana !== null) return { gou: previous.gou, kana, saimoku, subItem, span, parts, text };
  if (saimoku !== null) return { gou: previous.gou, kana: previous.kana, saimoku, subItem, span, parts, text };
  return { gou: previous.gou, kana: previous.kana, saimoku: previous.saimoku, subItem, span, parts, text };
}

// ---------------------------------------------------------------------------------------------
// Formatting

type DigitStyle = 'half' | 'full' | 'kanji';

function digitStyle(like: string | undefined): DigitStyle {
  if (!like) return 'half';
  // Only the start of the value: the unanchored search is quadratic on a long run of blanks or digits.
  const m = /第?[\s\u3000]*([0-9０-９]+|[〇一二三四五六七八九十]+)[\s\u3000]*号/.exec(like.slice(0, MAX_REFERENCE_PIECE));
  if (!m) return 'half';
  if (/[０-９]/.test(m[1])) return 'full';
  if (/[〇一二三四五六七八九十]/.test(m[1])) return 'kanji';
  return 'half';
}

function formatNumber(n: number, style: DigitStyle): string {
  if (style === 'full') return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  if (style === 'kanji' && n >= 0 && n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    if (tens === 0) return KANJI_DIGITS[ones];
    return (tens > 1 ? KANJI_DIGITS[tens] : '') + '十' + (ones > 0 ? KANJI_DIGITS[ones] : '');
  }
  return String(n);
}

/**
 * The canonical form `別表第1号イa(a)`. With `like` (the reference as written), the 号 keeps
 * that text's digit style (full-width `第１号`, kanji `第三号`); letters are always half-width.
 */
export function formatReference(r: RefLike, like?: string): string {
  let s = `別表第${r.gou === null ? '' : formatNumber(r.gou, digitStyle(like))}号${r.kana ?? ''}`;
  if (r.saimoku) s += r.saimoku;
  if (r.subItem) s += `(${r.subItem})`;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Checking

function kanaRange(g: Gou): string {
  return `${g.items[0].kana}から${g.items[g.items.length - 1].kana}まで`;
}

function kanaRangeEn(g: Gou): string {
  return `${g.items[0].kana} to ${g.items[g.items.length - 1].kana}`;
}

function letterList(letters: string[], paren: boolean): string[] {
  return letters.map((l) => (paren ? `(${l})` : l));
}

function rangeJa(letters: string[]): string {
  return letters.length === 1 ? `${letters[0]}のみ` : `${letters[0]}から${letters[letters.length - 1]}まで`;
}

function rangeEn(letters: string[]): string {
  return letters.length === 1 ? `only ${letters[0]}` : `${letters[0]} to ${letters[letters.length - 1]}`;
}

/** The existing letter closest to `letter` in the alphabet; ties go to the earlier one. */
function closestLetter(letter: string, letters: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const l of letters) {
    const d = Math.abs(l.charCodeAt(0) - letter.charCodeAt(0));
    if (d < bestDistance) {
      best = l;
      bestDistance = d;
    }
  }
  return best;
}

/** Checks one reference against the 別表 and 運用基準 II 1(1). */
export function checkReference(ref: RefLike & { text?: string }): RefCheck {
  const like = ref.text;
  const saimokuLetter = ref.saimoku ?? null;
  const subLetter = ref.subItem ?? null;

  if (ref.gou === null) {
    return {
      status: 'invalid',
      part: 'gou',
      message: { ja: '別表の号が読み取れません(第1号から第4号まで)', en: 'The 別表 number (号) cannot be read (第1号 to 第4号).' },
    };
  }
  const gou = findGou(ref.gou);
  if (!gou) {
    return {
      status: 'invalid',
      part: 'gou',
      message: {
        ja: `別表に第${ref.gou}号はありません(別表は第1号から第${BEPPYO.length}号まで)`,
        en: `The 別表 has no 第${ref.gou}号 (it runs from 第1号 to 第${BEPPYO.length}号).`,
      },
    };
  }
  if (ref.kana === null) {
    return {
      status: 'invalid',
      part: 'kana',
      message: {
        ja: `別表第${gou.number}号の事項(${kanaRange(gou)})が指定されていません`,
        en: `No item of 別表第${gou.number}号 is named (${kanaRangeEn(gou)}).`,
      },
    };
  }
  const item = findItem(gou, ref.kana);
  if (!item) {
    const lookalike = LOOKALIKE[ref.kana];
    if (lookalike && findItem(gou, lookalike)) {
      return {
        status: 'invalid',
        part: 'kana',
        message: {
          ja: `「${ref.kana}」は漢字です。事項の記号はカタカナの「${lookalike}」です`,
          en: `「${ref.kana}」 is a kanji; the item is the katakana 「${lookalike}」.`,
        },
        suggestion: formatReference({ ...ref, kana: lookalike }, like),
      };
    }
    return {
      status: 'invalid',
      part: 'kana',
      message: {
        ja: `別表第${gou.number}号に${ref.kana}はありません(第${gou.number}号は${kanaRange(gou)})`,
        en: `別表第${gou.number}号 has no item ${ref.kana} (第${gou.number}号 runs from ${kanaRangeEn(gou)}).`,
      },
    };
  }
  const itemRef = formatReference({ gou: gou.number, kana: item.kana });

  if (!hasLetteredSaimoku(item)) {
    if (saimokuLetter !== null) {
      return {
        status: 'invalid',
        part: 'saimoku',
        message: {
          ja: `${itemRef}の細目は一つだけで、記号(${saimokuLetter})は付きません`,
          en: `${itemRef} has a single 細目 without a letter; drop "${saimokuLetter}".`,
        },
        suggestion: formatReference({ gou: gou.number, kana: item.kana }, like),
      };
    }
    if (subLetter !== null) return noSubItem(itemRef, subLetter, [], formatReference({ gou: gou.number, kana: item.kana }, like));
    return { status: 'ok' };
  }

  const letters = item.saimoku.map((s) => s.letter as string);
  if (saimokuLetter === null) {
    // A sub-item without its 細目 (第1号イ(a)) keeps the sub-item in the options that have it.
    return {
      status: 'saimoku-missing',
      options: item.saimoku.map((s) =>
        formatReference(
          { gou: gou.number, kana: item.kana, saimoku: s.letter, subItem: subLetter !== null && s.subItems.some((x) => x.letter === subLetter) ? subLetter : null },
          like,
        ),
      ),
    };
  }
  const saimoku = findSaimoku(item, saimokuLetter);
  if (!saimoku) {
    const near = closestLetter(saimokuLetter, letters);
    const nearSaimoku = findSaimoku(item, near);
    const keepSub = subLetter !== null && nearSaimoku?.subItems.some((x) => x.letter === subLetter);
    return {
      status: 'invalid',
      part: 'saimoku',
      message: {
        ja: `${itemRef}に細目${saimokuLetter}はありません(細目は${rangeJa(letters)})`,
        en: `${itemRef} has no 細目 ${saimokuLetter} (its 細目 are ${rangeEn(letters)}).`,
      },
      ...(near !== undefined
        ? { suggestion: formatReference({ gou: gou.number, kana: item.kana, saimoku: near, subItem: keepSub ? subLetter : null }, like) }
        : {}),
    };
  }
  if (subLetter !== null && !saimoku.subItems.some((x) => x.letter === subLetter)) {
    return noSubItem(
      formatReference({ gou: gou.number, kana: item.kana, saimoku: saimoku.letter }),
      subLetter,
      saimoku.subItems.map((x) => x.letter),
      formatReference({ gou: gou.number, kana: item.kana, saimoku: saimoku.letter }, like),
    );
  }
  return { status: 'ok' };
}

function noSubItem(owner: string, sub: string, existing: string[], suggestion: string): RefCheck {
  const listed = letterList(existing, true);
  return {
    status: 'invalid',
    part: 'subItem',
    message:
      existing.length === 0
        ? { ja: `${owner}には(${sub})のような区分はありません`, en: `${owner} has no sub-items such as (${sub}).` }
        : {
            ja: `${owner}に(${sub})はありません(${rangeJa(listed)})`,
            en: `${owner} has no sub-item (${sub}) (its sub-items are ${rangeEn(listed)}).`,
          },
    suggestion,
  };
}

// ---------------------------------------------------------------------------------------------
// Legal text

function saimokuLine(s: Saimoku): string {
  return s.letter === null ? s.text : `${s.letter} ${s.text}`;
}

/**
 * The text behind a reference, for hover: the heading names the 号 and its title; the lines are
 * the item as the law words it, then the 細目 (and sub-item) named, or every 細目 (with its
 * sub-items, indented) of what is not narrowed down. Parts that do not exist are left out.
 */
export function referenceLegalText(r: RefLike): { heading: string; lines: string[] } {
  const gou = findGou(r.gou);
  if (!gou) return { heading: formatReference(r), lines: [] };
  const heading = `別表第${gou.number}号(${gou.title})`;
  const item = findItem(gou, r.kana);
  if (!item) return { heading, lines: gou.items.map((it) => `${it.kana} ${it.lawText}`) };
  const lines = [`${item.kana} ${item.lawText}`];
  const named = r.saimoku ? findSaimoku(item, r.saimoku) : hasLetteredSaimoku(item) ? undefined : item.saimoku[0];
  const shown: Saimoku[] = named ? [named] : item.saimoku;
  for (const s of shown) {
    lines.push(saimokuLine(s));
    const sub = named && r.subItem ? s.subItems.find((x) => x.letter === r.subItem) : undefined;
    for (const x of sub ? [sub] : s.subItems) lines.push(`  (${x.letter}) ${x.text}`);
  }
  return { heading, lines };
}

export interface ReferenceTarget {
  /** Canonical form, e.g. 別表第1号イa(a). */
  ref: string;
  gou: number;
  kana: string;
  saimoku: string | null;
  subItem: string | null;
  /** 号 title, item, 細目 and sub-item text joined by spaces, for ranking by shared words. */
  text: string;
}

let targets: ReferenceTarget[] | undefined;

/**
 * Every reference a 指定書 can validly cite: an item with a single unlettered 細目, each
 * lettered 細目, and each sub-item. Computed once; callers must not modify the result.
 */
export function allReferenceTargets(): ReferenceTarget[] {
  if (targets) return targets;
  const out: ReferenceTarget[] = [];
  for (const g of BEPPYO) {
    for (const it of g.items) {
      for (const s of it.saimoku) {
        const base = [g.title, it.lawText, s.text];
        out.push(target(it, s.letter, null, base.join(' ')));
        for (const x of s.subItems) out.push(target(it, s.letter, x.letter, [...base, x.text].join(' ')));
      }
    }
  }
  targets = out;
  return out;
}

function target(it: BeppyoItem, saimoku: string | null, subItem: string | null, text: string): ReferenceTarget {
  return { ref: formatReference({ gou: it.gou, kana: it.kana, saimoku, subItem }), gou: it.gou, kana: it.kana, saimoku, subItem, text };
}
