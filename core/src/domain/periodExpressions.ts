/**
 * Period expressions in the 【対象情報の記述】 (基準 II 3(2)(3)): the phrases that bound the
 * target information in time — a fiscal year, a calendar year, a year-month or day, or a
 * closed range — and the open-ended ones (以降, 以後, から with no end) that do not.
 *
 * The scan runs on `foldWidth(text)`, which keeps offsets, so full-width digits match and
 * every span is a valid UTF-16 span of the original text.
 */
import type { Span } from '../types';
import { foldWidth } from '../text/normalize';
import { countWork } from '../text/workCounter';
import { ContentCache, forEachLine } from '../text/contentCache';
import { NUMBER_CLASS, parseJapaneseNumber } from './numbers';
import { ERA_NAMES } from './dates';
import { MONTH_COUNTER } from './periods';

export interface PeriodExpression {
  span: Span;
  kind: 'fiscal-year' | 'calendar-year' | 'year-month' | 'range' | 'placeholder';
}

/** An open-ended time phrase. `span` covers the time expression and the word; `word` is as written. */
export interface OpenEnd {
  span: Span;
  word: string;
}

export interface PeriodExpressions {
  scoped: PeriodExpression[];
  openEnded: OpenEnd[];
}

const B = '[ \\t]*';
/** Placeholder runs that stand for a number a drafter has yet to fill in (○○, 〇〇, XX …). */
const PH = '[○〇●×△_]+|[Xx]{2,}';
const NUMP = `(?:${PH}|${NUMBER_CLASS})`;
/**
 * NUMP where a scan may start a match: only at the start of a run of its characters. Without
 * the lookbehinds an unanchored scan tried every position of a run of digits (or 〇, X, ＿) and
 * read the rest of the run from each: quadratic (docs/regular-expressions.md, rule 2). A match
 * inside a run is never lost: the match at the run's start reads the same run to the same end.
 */
const NUMP_AT_RUN_START = `(?:(?<![○〇●×△_])[○〇●×△_]+|(?<![Xx])[Xx]{2,}|(?<![0-9０-９〇零一二三四五六七八九十百千])${NUMBER_CLASS})`;
/** An optional weekday after a day: 令和8年4月1日(水). */
const WEEKDAY = `(?:${B}\\(${B}[日月火水木金土](?:曜日?)?${B}\\))?`;

/**
 * A time atom: an ISO/slash date, or an (era or western or placeholder) year followed by 度, or
 * by a month and optional day. Named groups let the caller see which parts were written.
 */
const ATOM_SOURCE =
  `(?<![0-9])(?<iy>[0-9]{4})${B}(?<sep>[-/.])${B}(?<im>[0-9]{1,2})${B}\\k<sep>${B}(?<id>[0-9]{1,2})(?![0-9])` +
  `|(?:(?<era>${ERA_NAMES})${B}(?<ey>元|${NUMP})|(?<wy>${NUMP_AT_RUN_START}))${B}(?<nen>年)` +
  `(?:(?<fy>度)|${B}(?<mo>${NUMP})${B}(?<getsu>月)(?:${B}(?<dy>${NUMP})${B}日${WEEKDAY})?)?`;
// No `d` flag: match indices cost an allocation per group per match (the scan's largest cost on a
// long description); the two positions toAtom needs are found in the match's own text instead.
const ATOM_SCAN = new RegExp(ATOM_SOURCE, 'g');
const ATOM_AT = new RegExp(ATOM_SOURCE, 'y');

/**
 * Citations such as 平成25年法律第108号, 平成26年政令第336号, 平成25年12月13日閣議決定: the year
 * names a law or decision, not the time the information is about.
 */
const CITATION_RE = new RegExp(
  `${B}(?:付け?${B})?(?:の${B})?(?:法律|政令|閣議|閣令|条約|告示|[^\\s、。]{0,6}?(?:府令|省令|訓令|規則第|達第)|第${B}${NUMBER_CLASS}${B}号)`,
  'y',
);
// Sticky (`y`): each is tried at one position (see `at`), never searched for.
const CONNECTOR_RE = new RegExp(`${B}(から|〜|~)${B}`, 'y');
const OPEN_WORD_RE = new RegExp(`${B}(以降|以後|以前)`, 'y');
const UNTIL_WORD_RE = new RegExp(`${B}(まで|迄)`, 'y');
/** What may follow a calendar year for it to scope the information (令和8年中 / の / に / における). */
const CALENDAR_FOLLOW_RE = new RegExp(
  `${B}(中|における|において|の|に|内|末|初め|初頭|前半|後半|上半期|下半期|現在|時点|頃)`,
  'y',
);
/** The same for a year-month or a day (令和8年4月に, 令和8年4月1日現在の). */
const MONTH_FOLLOW_RE = new RegExp(
  `${B}(中|における|において|の|に|末|初め|上旬|中旬|下旬|現在|時点|頃|ころ)`,
  'y',
);

/** Runs a sticky regex at `pos` of `f` (no slice of the rest of the text per match). */
function at(re: RegExp, f: string, pos: number): RegExpExecArray | null {
  countWork(1);
  re.lastIndex = pos;
  return re.exec(f);
}

/** The end of a range after its connector, when it omits what the start already said. */
const RELATIVE_ENDS: RegExp[] = [
  new RegExp(`(?:同|翌|前)年度`, 'y'),
  new RegExp(`(?:同|翌)年(?:${B}${NUMP}${B}月(?:${B}${NUMP}${B}日)?)?`, 'y'),
  new RegExp(`(?:同|翌)月(?:${B}${NUMP}${B}日)?`, 'y'),
  // A duration: 令和8年4月から5年間, 令和8年4月から6か月間.
  new RegExp(`${NUMP}${B}(?:年(?:${B}${NUMP}${B}${MONTH_COUNTER}${B}月)?|${MONTH_COUNTER}${B}月)(?:${B}間)?`, 'y'),
  new RegExp(`${NUMP}${B}月(?:${B}${NUMP}${B}日)?`, 'y'),
  new RegExp(`${NUMP}${B}日`, 'y'),
];

type AtomKind = 'fiscal-year' | 'calendar-year' | 'year-month';

interface Atom {
  start: number;
  end: number;
  kind: AtomKind;
  placeholder: boolean;
}

const PLACEHOLDER_RE = new RegExp(`^(?:${PH})$`);

function isPlaceholder(s: string): boolean {
  return PLACEHOLDER_RE.test(s);
}

/** A western year without an era only counts in a plausible range, so 5年 or 千年 is not a year. */
function plausibleWesternYear(n: number | undefined): boolean {
  return n !== undefined && n >= 1800 && n <= 2999;
}

/** Turns a regex match into an atom, or undefined when the match is not really a time expression. */
function toAtom(m: RegExpExecArray): Atom | undefined {
  const g = m.groups ?? {};
  const start = m.index;
  if (g.iy !== undefined) {
    const y = Number(g.iy);
    const mo = Number(g.im);
    const d = Number(g.id);
    if (!plausibleWesternYear(y) || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
    return { start, end: start + m[0].length, kind: 'year-month', placeholder: false };
  }
  let placeholder = false;
  if (g.era !== undefined) {
    const ey = g.ey ?? '';
    if (isPlaceholder(ey)) placeholder = true;
    else if (ey !== '元' && parseJapaneseNumber(ey) === undefined) return undefined;
  } else {
    const wy = g.wy ?? '';
    if (isPlaceholder(wy)) placeholder = true;
    else if (!plausibleWesternYear(parseJapaneseNumber(wy))) return undefined;
  }
  // The first 年 of the match is the year's (no part before it can hold one), the first 月 after
  // it the month's (nor can the month number).
  const nenAt = m[0].indexOf('年');
  const afterNen = nenAt >= 0 ? start + nenAt + 1 : start + m[0].length;
  if (g.fy !== undefined) return { start, end: start + m[0].length, kind: 'fiscal-year', placeholder };
  if (g.mo !== undefined) {
    const moPh = isPlaceholder(g.mo);
    const mo = parseJapaneseNumber(g.mo);
    if (moPh || (mo !== undefined && mo >= 1 && mo <= 12)) {
      const dyPh = g.dy !== undefined && isPlaceholder(g.dy);
      const dy = g.dy === undefined ? undefined : parseJapaneseNumber(g.dy);
      const dayOk = g.dy === undefined || dyPh || (dy !== undefined && dy >= 1 && dy <= 31);
      // A malformed day (令和8年4月99日) still leaves a valid year-month.
      const getsuAt = g.getsu !== undefined ? m[0].indexOf('月', nenAt + 1) : -1;
      const end = dayOk ? start + m[0].length : getsuAt >= 0 ? start + getsuAt + 1 : afterNen;
      return { start, end, kind: 'year-month', placeholder: placeholder || moPh || dyPh };
    }
  }
  return { start, end: afterNen, kind: 'calendar-year', placeholder };
}

/** The end of a range's second half starting at `pos`, or undefined when there is none. */
function rangeEnd(f: string, pos: number): number | undefined {
  const m = at(ATOM_AT, f, pos);
  if (m) {
    const atom = toAtom(m);
    if (atom) return atom.end;
  }
  for (const re of RELATIVE_ENDS) {
    const r = at(re, f, pos);
    if (r) return pos + r[0].length;
  }
  return undefined;
}

const FOUR_DIGITS = /[0-9０-９]{4}/;
/** Shared by every line without expressions: frozen, so no caller can add to it. */
const NONE = Object.freeze({ scoped: Object.freeze([]), openEnded: Object.freeze([]) }) as unknown as PeriodExpressions;

/** Per-line results: an edit re-scans only the lines it changed. */
const LINE_CACHE = new ContentCache<PeriodExpressions>();

/**
 * Finds the period expressions of a description. `scoped` are the ones that bound it in time;
 * `openEnded` the time phrases that leave one end open (they bound nothing).
 *
 * No expression crosses a line break (blanks between parts are spaces and tabs only), so the
 * text is scanned line by line, each line's result cached by its text (ContentCache).
 */
export function findPeriodExpressions(text: string): PeriodExpressions {
  const scoped: PeriodExpression[] = [];
  const openEnded: OpenEnd[] = [];
  forEachLine(text, (start, end) => {
    if (start === end) return;
    const line = LINE_CACHE.get(text.slice(start, end), scanLine);
    for (const e of line.scoped) scoped.push({ ...e, span: { start: e.span.start + start, end: e.span.end + start } });
    for (const o of line.openEnded) openEnded.push({ ...o, span: { start: o.span.start + start, end: o.span.end + start } });
  });
  return { scoped, openEnded };
}

/**
 * The period expressions of one line (offsets in the line). A line without 年 and without four
 * digits holds none: every atom has one or the other, so such a line is not scanned.
 */
export function scanLine(text: string): PeriodExpressions {
  if (text.indexOf('年') < 0 && !FOUR_DIGITS.test(text)) return NONE;
  const f = foldWidth(text);
  const scoped: PeriodExpression[] = [];
  const openEnded: OpenEnd[] = [];
  const open = (start: number, word: RegExpExecArray, base: number): number => {
    // `word[1]` sits at the end of `word[0]` (only blanks precede it).
    const wordEnd = base + word[0].length;
    const wordStart = wordEnd - word[1].length;
    openEnded.push({ span: { start, end: wordEnd }, word: text.slice(wordStart, wordEnd) });
    return wordEnd;
  };

  ATOM_SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATOM_SCAN.exec(f)) !== null) {
    const atom = toAtom(m);
    if (!atom) {
      ATOM_SCAN.lastIndex = m.index + Math.max(1, m[0].length);
      continue;
    }
    countWork(1);
    let next = atom.end;

    // A law citation names a calendar year (平成25年法律第108号); a fiscal year never starts one.
    if (atom.kind !== 'fiscal-year' && at(CITATION_RE, f, atom.end)) {
      // not a scope
    } else {
      const conn = at(CONNECTOR_RE, f, atom.end);
      if (conn) {
        const second = rangeEnd(f, atom.end + conn[0].length);
        if (second !== undefined) {
          const until = at(UNTIL_WORD_RE, f, second);
          const openAfter = at(OPEN_WORD_RE, f, second);
          if (openAfter) {
            next = open(atom.start, openAfter, second);
          } else {
            const end = until ? second + until[0].length : second;
            scoped.push({ span: { start: atom.start, end }, kind: 'range' });
            next = end;
          }
        } else {
          // `conn[0]` may end in blanks; the word itself is conn[1].
          const wordStart = atom.end + conn[0].indexOf(conn[1]);
          const wordEnd = wordStart + conn[1].length;
          openEnded.push({ span: { start: atom.start, end: wordEnd }, word: text.slice(wordStart, wordEnd) });
          next = wordEnd;
        }
      } else {
        const openWord = at(OPEN_WORD_RE, f, atom.end);
        const until = atom.kind === 'fiscal-year' ? null : at(UNTIL_WORD_RE, f, atom.end);
        if (openWord) {
          next = open(atom.start, openWord, atom.end);
        } else if (until) {
          // 令和8年3月31日までに: no start, so nothing is bounded. (A fiscal year with まで
          // — 令和12年度までの計画 — names a fiscal year and stays a scope.)
          next = open(atom.start, until, atom.end);
        } else if (atom.kind === 'fiscal-year') {
          scoped.push({ span: { start: atom.start, end: atom.end }, kind: atom.placeholder ? 'placeholder' : 'fiscal-year' });
        } else {
          const follow = at(atom.kind === 'calendar-year' ? CALENDAR_FOLLOW_RE : MONTH_FOLLOW_RE, f, atom.end);
          if (follow) {
            // 年中 / 月中 is one expression; particles (の, に …) are not part of it.
            const end = follow[1] === '中' ? atom.end + follow[0].length : atom.end;
            scoped.push({ span: { start: atom.start, end }, kind: atom.placeholder ? 'placeholder' : atom.kind });
            next = end;
          }
        }
      }
    }
    ATOM_SCAN.lastIndex = Math.max(next, m.index + 1);
  }
  return { scoped, openEnded };
}
