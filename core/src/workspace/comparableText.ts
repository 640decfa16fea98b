/**
 * A section's text as the workspace rules compare it across sheets: its content lines (comments
 * are not content), NFKC-folded, without blanks — and, for a yearly series, without its period
 * expressions. The index groups sheets by a fixed-size digest of that text, built from per-line
 * parts kept with each line's facts: a keystroke in a 2 MB description recomputes one line's part
 * and combines the digests of the others, instead of normalizing and hashing 2 MB three times
 * (series, description, summary). A digest can collide, so the rules confirm a group with the
 * full texts (`text()`, built only for sheets that share a digest) before they report it.
 */
import { periodsOf, type SheetModel } from '../analysis/sheet';
import { LineFact, type LineFacts } from '../analysis/lineFacts';
import type { SectionName } from '../domain/format';
import type { ContentLine } from '../syntax/ast';
import { normalizeForComparison } from './types';
import { countWork } from '../text/workCounter';

export interface ComparableText {
  /** Equal texts have equal digests (the converse is confirmed with `text`). */
  digest: string;
  /** The full comparable text. */
  text(): string;
}

/** One line's part: its comparable text and that text's two polynomial hashes (mod 2³²). */
interface Part {
  text: string;
  h1: number;
  h2: number;
  /** B1^length and B2^length mod 2³², to shift what comes before this part. */
  p1: number;
  p2: number;
}

const B1 = 0x01000193;
const B2 = 0x2b0e2f55 | 1;

function part(text: string): Part {
  countWork(text.length);
  let h1 = 0;
  let h2 = 0;
  let p1 = 1;
  let p2 = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = (Math.imul(h1, B1) + c) >>> 0;
    h2 = (Math.imul(h2, B2) + c) >>> 0;
    p1 = Math.imul(p1, B1) >>> 0;
    p2 = Math.imul(p2, B2) >>> 0;
  }
  return { text, h1, h2, p1, p2 };
}

const WHOLE = new LineFact<Part>('comparable');
const wholePart = (text: string) => part(normalizeForComparison(text));
const partWithoutPeriods = (text: string, facts: LineFacts) => part(removePeriods(text, periodsOf(facts).scoped));
const WITHOUT_PERIODS = new LineFact<Part>('comparable-without-periods');

/** The line without its scoped period expressions (offsets of `scoped` in the line), normalized. */
function removePeriods(line: string, scoped: readonly { span: { start: number; end: number } }[]): string {
  let at = 0;
  let out = '';
  for (const p of [...scoped].sort((a, b) => a.span.start - b.span.start)) {
    // Overlapping expressions: whatever is left of this one after the previous.
    if (p.span.start > at) out += line.slice(at, p.span.start);
    at = Math.max(at, p.span.end);
  }
  return normalizeForComparison(out + line.slice(at));
}

/**
 * The comparable text of a section (undefined when it has no content, or, with
 * `withoutPeriods`, when it names no period: such a text is no yearly series).
 */
export function comparableText(sheet: SheetModel, name: SectionName, options: { withoutPeriods?: boolean } = {}): ComparableText | undefined {
  // Once per sheet version: keys() and every check of a group the sheet is in ask again.
  const key = `${name}:${options.withoutPeriods ? 1 : 0}`;
  let known = MEMO.get(sheet);
  if (!known) MEMO.set(sheet, (known = new Map()));
  if (!known.has(key)) known.set(key, computeComparableText(sheet, name, !!options.withoutPeriods));
  return known.get(key);
}

const MEMO = new WeakMap<SheetModel, Map<string, ComparableText | undefined>>();

function computeComparableText(sheet: SheetModel, name: SectionName, withoutPeriods: boolean): ComparableText | undefined {
  const section = sheet.section(name);
  if (!section || section.content.length === 0) return undefined;
  if (withoutPeriods && !sheet.periodLines(name).some((l) => l.scoped.length > 0)) return undefined;
  const partOf = withoutPeriods
    ? (line: ContentLine) => sheet.lineFacts(line).get(WITHOUT_PERIODS, partWithoutPeriods)
    : (line: ContentLine) => sheet.lineFacts(line).get(WHOLE, wholePart);
  let h1 = 0;
  let h2 = 0;
  let length = 0;
  for (const line of section.content) {
    const p = partOf(line);
    h1 = (Math.imul(h1, p.p1) + p.h1) >>> 0;
    h2 = (Math.imul(h2, p.p2) + p.h2) >>> 0;
    length += p.text.length;
  }
  if (length === 0) return undefined;
  let text: string | undefined;
  // Built only for a sheet that shares its digest with another: the parts again, joined.
  return { digest: `${length}:${h1.toString(36)}:${h2.toString(36)}`, text: () => (text ??= section.content.map((line) => partOf(line).text).join('')) };
}

/**
 * The members of a group (sheets that share a digest) split by their full texts: only those
 * whose texts are really equal belong together. Each member's text is built once.
 */
export function confirmGroups<T>(members: readonly T[], textOf: (member: T) => string | undefined): T[][] {
  const byText = new Map<string, T[]>();
  for (const m of members) {
    const text = textOf(m);
    if (text === undefined) continue;
    const list = byText.get(text);
    if (list) list.push(m);
    else byText.set(text, [m]);
  }
  return [...byText.values()];
}
