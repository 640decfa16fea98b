/**
 * The semantic view of a parsed sheet: fields and sections by canonical name, and the parsed
 * dates and periods, each computed once on first use so structural rules stay cheap.
 */
import type { ContentLine, FieldNode, SectionNode, SheetSyntax } from '../syntax/ast';
import type { SimpleDate, Span, TextEdit } from '../types';
import { FIELDS, SECTIONS, lookupField, lookupSection, type FieldName, type SectionName } from '../domain/format';
import { compareDates, parseDate, parseDateUncached, type DateStyle, type ParsedDate } from '../domain/dates';
import { countWork } from '../text/workCounter';
import { computeExpiry, extensionStart, parsePeriod, parsePeriodUncached, type ParsedPeriod, type Period } from '../domain/periods';
import { fieldValueSpan } from '../syntax/parser';
import { scanLine, type OpenEnd, type PeriodExpression, type PeriodExpressions } from '../domain/periodExpressions';
import { LineFact, factsOf, factsOfLines, type LineFacts } from './lineFacts';
import { EncodingTally, countEncoding, countEncodingIn, type EncodingCounts, type EncodingSuspicion } from '../text/encodingSuspect';
import { trimmedEnd, trimmedStart } from '../text/normalize';

export interface ParsedPeriodField {
  node: FieldNode;
  period?: Period;
  error?: { ja: string; en: string };
  zero?: boolean;
}

export interface ExpiryStep {
  /** The 延長 field, or undefined for the original validity. */
  node?: FieldNode;
  start: SimpleDate;
  period: Period;
  expiry: SimpleDate;
  /** For a 延長 with a readable decision date: the day it was decided. */
  decided?: SimpleDate;
  /** For a 延長: decided after the expiry it extends (法第4条第2項: too late, the designation had lapsed). */
  late?: boolean;
}

/**
 * A 延長 value read into its parts (format.md v1.1): the period, and the optional parenthesized
 * decision day at the end, `5年(令和13年3月25日)`, `５年（令和13年3月25日決定）`.
 */
export interface ExtensionParts {
  node: FieldNode;
  /** The period part (the whole value when there are no parentheses). */
  periodText: string;
  periodSpan: Span;
  /** The parenthesized decision date, when the parentheses hold something that looks like a date. */
  decision?: { text: string; span: Span; parsed: ParsedDate };
  /** Parentheses that hold something other than a date: the period still counts; one diagnostic says so. */
  notADate?: { text: string; span: Span };
}

/** One 点検 or 解除 line with its date, when the value looks like one. */
export interface LifecycleDate {
  node: FieldNode;
  parsed?: ParsedDate;
}

/** A designation's state on a day (format.md v1.1): released (解除), lapsed (満了), or in force. */
export type DesignationState = 'in-force' | 'released' | 'lapsed';

/** ( and （, ) and ）, by code unit. */
const isOpenParen = (c: number) => c === 0x28 || c === 0xff08;
const isCloseParen = (c: number) => c === 0x29 || c === 0xff09;
/** Words after the date inside the parentheses: 決定, 決定日, に決定, 付け決定 … */
const DECISION_SUFFIX = /[ \t\u3000]*(?:に|付け?)?[ \t\u3000]*(?:閣議決定|延長決定|決定日?|決裁|承認)$/;

/**
 * Reads a 延長 value into period and decision date (pure; spans in the offsets of `node`).
 * `readDate` reads the decision date (default: parseDate, cached).
 */
export function readExtension(node: FieldNode, readDate: (text: string) => ParsedDate | undefined = parseDate): ExtensionParts {
  return { node, ...readExtensionValue(node.value, node.valueSpan, readDate) };
}

/** A 延長's parts without its node (readExtension), spans in the offsets of `valueSpan`. */
type ValueParts = Omit<ExtensionParts, 'node'>;

function readExtensionValue(value: string, valueSpan: Span, readDate: (text: string) => ParsedDate | undefined): ValueParts {
  const base = valueSpan.start;
  const whole: ValueParts = { periodText: value, periodSpan: valueSpan };
  if (value.length === 0 || !isCloseParen(value.charCodeAt(value.length - 1))) return whole;
  // The parentheses closing the value, matched backwards so a weekday inside them, 令和13年3月25日(火), nests.
  let depth = 0;
  let open = -1;
  for (let i = value.length - 1; i >= 0; i--) {
    const c = value.charCodeAt(i);
    if (isCloseParen(c)) depth++;
    else if (isOpenParen(c) && --depth === 0) {
      open = i;
      break;
    }
  }
  if (open <= 0) return whole;
  const periodText = value.slice(0, trimmedEnd(value, 0, open));
  if (periodText.length === 0) return whole;
  const innerRaw = value.slice(open + 1, value.length - 1);
  // 令和13年3月31日(月): a weekday after a date belongs to the date, not a decision.
  if (/^[ \t\u3000]*[日月火水木金土](?:曜日?)?[ \t\u3000]*$/.test(innerRaw)) return whole;
  const lead = innerRaw.length - innerRaw.replace(/^[ \t\u3000]+/, '').length;
  const inner = innerRaw.trim();
  const dateText = inner.replace(DECISION_SUFFIX, '');
  const innerStart = base + open + 1 + lead;
  const parts: ValueParts = { periodText, periodSpan: { start: base, end: base + periodText.length } };
  const parsed = dateText.length > 0 ? readDate(dateText) : undefined;
  if (parsed) parts.decision = { text: dateText, span: { start: innerStart, end: innerStart + dateText.length }, parsed };
  else parts.notADate = { text: inner, span: { start: base + open, end: base + value.length } };
  return parts;
}

const DEFAULT_STYLE: DateStyle = { calendar: 'era', digits: 'half' };

/** A content line's period expressions (offsets in the line) and the line's offset in the document. */
export interface LinePeriods {
  at: number;
  /** The line's facts, for what a rule derives from its expressions (kept with the line). */
  facts: LineFacts;
  scoped: readonly PeriodExpression[];
  openEnded: readonly OpenEnd[];
}

const PERIODS = new LineFact<PeriodExpressions>('periods');
const ENCODING = new LineFact<EncodingCounts>('encoding');

/** A 延長 line read from its text alone (offsets in the line): its value, parts and period. */
interface ExtensionReading {
  value: string;
  valueSpan: Span;
  parts: ValueParts;
  period: ParsedPeriod | undefined;
}
const EXTENSION = new LineFact<ExtensionReading | undefined>('extension');

/**
 * The line's field read as a 延長 (the parser's own field reading, on the line alone). Read
 * without the period and date caches: the reading is kept with the line's facts, so a keystroke
 * elsewhere does not read it again, and a cold sheet of 30,000 distinct 延長 lines does not pay
 * for filling two caches as well.
 */
function readExtensionLine(text: string): ExtensionReading | undefined {
  const valueSpan = fieldValueSpan(text, 0, text.length);
  if (!valueSpan) return undefined;
  const value = text.slice(valueSpan.start, valueSpan.end);
  const parts = readExtensionValue(value, valueSpan, parseDateUncached);
  return { value, valueSpan, parts, period: parsePeriodUncached(parts.periodText) };
}

/** An extension read on its line alone (ExtensionReading), placed at `node` in the document. */
function placedExtension(node: FieldNode, reading: ExtensionReading): ExtensionParts {
  const relative = reading.parts;
  const at = node.lineSpan.start;
  const place = (span: Span): Span => ({ start: at + span.start, end: at + span.end });
  const parts: ExtensionParts = { node, periodText: relative.periodText, periodSpan: relative.periodSpan === reading.valueSpan ? node.valueSpan : place(relative.periodSpan) };
  if (relative.decision) parts.decision = { text: relative.decision.text, span: place(relative.decision.span), parsed: relative.decision.parsed };
  if (relative.notADate) parts.notADate = { text: relative.notADate.text, span: place(relative.notADate.span) };
  return parts;
}

/**
 * A section's lines with period expressions (SheetModel.periodLines), read from the section as
 * far as any caller has iterated, and kept. Iterate it, or ask `some`/`find`, which stop at the
 * first line that answers.
 */
export class PeriodLines implements Iterable<LinePeriods> {
  private readonly read: LinePeriods[] = [];
  /** The next content line to read. */
  private next = 0;

  constructor(
    private readonly content: readonly ContentLine[],
    private readonly factsOf: (line: ContentLine) => LineFacts,
  ) {}

  *[Symbol.iterator](): Iterator<LinePeriods> {
    for (let i = 0; i < this.read.length || this.readOne(); i++) yield this.read[i];
  }

  some(predicate: (line: LinePeriods) => boolean): boolean {
    return this.find(predicate) !== undefined;
  }

  find(predicate: (line: LinePeriods) => boolean): LinePeriods | undefined {
    for (const line of this) if (predicate(line)) return line;
    return undefined;
  }

  /** Reads on to the next line with period expressions; false at the section's end. */
  private readOne(): boolean {
    while (this.next < this.content.length) {
      const line = this.content[this.next++];
      const facts = this.factsOf(line);
      const found = periodsOf(facts);
      if (found.scoped.length > 0 || found.openEnded.length > 0) {
        this.read.push({ at: line.span.start, facts, scoped: found.scoped, openEnded: found.openEnded });
        return true;
      }
    }
    return false;
  }
}

/** The period expressions of a line from its facts (offsets in the line). */
export function periodsOf(facts: LineFacts): PeriodExpressions {
  return facts.get(PERIODS, scanLine);
}

/** A period expression's span in the document. */
export function documentSpan(line: LinePeriods, e: { span: Span }): Span {
  return { start: line.at + e.span.start, end: line.at + e.span.end };
}

export class SheetModel {
  readonly text: string;
  private readonly memo = new Map<string, unknown>();
  /** Indexed by line number (preallocated: filled out of order, a growing array went sparse). */
  private readonly factsByLine: (LineFacts | undefined)[];

  constructor(readonly syntax: SheetSyntax) {
    this.text = syntax.text;
    this.factsByLine = new Array(syntax.lineIndex.lineCount);
  }

  private once<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  /** Every field line whose name is known, by canonical name, in document order. */
  get fieldsByName(): Map<FieldName, FieldNode[]> {
    return this.once('fieldsByName', () => {
      const map = new Map<FieldName, FieldNode[]>();
      for (const f of this.syntax.fields) {
        const spec = lookupField(f.name);
        if (!spec) continue;
        const list = map.get(spec.name) ?? [];
        list.push(f);
        map.set(spec.name, list);
      }
      return map;
    });
  }

  /** The first occurrence of a field, if present with a non-empty value. */
  field(name: FieldName): FieldNode | undefined {
    return this.fieldsByName.get(name)?.find((f) => f.value.length > 0);
  }

  /** The first occurrence of a field, even with an empty value. */
  fieldLine(name: FieldName): FieldNode | undefined {
    return this.fieldsByName.get(name)?.[0];
  }

  get sectionsByName(): Map<SectionName, SectionNode> {
    return this.once('sectionsByName', () => {
      const map = new Map<SectionName, SectionNode>();
      for (const s of this.syntax.sections) {
        const spec = lookupSection(s.heading.name);
        if (spec && !map.has(spec.name)) map.set(spec.name, s);
      }
      return map;
    });
  }

  section(name: SectionName): SectionNode | undefined {
    return this.sectionsByName.get(name);
  }

  /** The section's content from its first to its last content character, if it has any. */
  sectionContent(name: SectionName): { span: Span; text: string; section: SectionNode } | undefined {
    const section = this.section(name);
    if (!section || section.content.length === 0) return undefined;
    const span = { start: section.content[0].span.start, end: section.content[section.content.length - 1].span.end };
    countWork(span.end - span.start);
    return { span, text: this.text.slice(span.start, span.end), section };
  }

  /**
   * The facts object of a content line (lineFacts.ts): looked up once per analysis, then every
   * rule reads what it needs of the line from it.
   */
  lineFacts(line: ContentLine): LineFacts {
    if (!this.factsRead) this.readFacts();
    return this.factsByLine[line.line] ?? factsOf(this.text.slice(line.span.start, line.span.end));
  }

  private factsRead = false;

  /**
   * The facts of every line that has text of its own — content, fields, comments, stray lines
   * (trimmed), and on a heading line the text after its 】 — at once, so that they can be
   * matched against the previous analysis' lines (factsOfLines).
   */
  private readFacts(): void {
    this.factsRead = true;
    // Every heading line starts one section, in order: the k-th heading line is sections[k]'s.
    const sections = this.syntax.sections;
    let heading = 0;
    const starts: number[] = [];
    const ends: number[] = [];
    const lineNumbers: number[] = [];
    for (const l of this.syntax.lines) {
      if (l.kind === 'blank') continue;
      if (l.kind === 'heading') {
        const content = sections[heading++].content;
        if (content.length === 0 || content[0].line !== l.line) continue;
        starts.push(content[0].span.start);
        ends.push(content[0].span.end);
      } else {
        const start = trimmedStart(this.text, l.start, l.end);
        starts.push(start);
        ends.push(trimmedEnd(this.text, start, l.end));
      }
      lineNumbers.push(l.line);
    }
    const facts = factsOfLines(starts.length, (i) => this.text.slice(starts[i], ends[i]));
    for (let i = 0; i < facts.length; i++) this.factsByLine[lineNumbers[i]] = facts[i];
  }

  /**
   * Whether the text looks read with the wrong encoding, judged line by line (each line's counts
   * kept with its facts, so a keystroke counts one line): the text between a line's blanks from
   * its facts, the blanks around it (U+3000 is non-ASCII) counted here. Line breaks are ASCII.
   */
  encodingSuspicion(): EncodingSuspicion | undefined {
    const tally = new EncodingTally();
    const text = this.text;
    if (!this.factsRead) this.readFacts();
    for (const line of this.syntax.lines) {
      const start = trimmedStart(text, line.start, line.end);
      const end = trimmedEnd(text, start, line.end);
      let blanks = 0; // U+3000 and U+FEFF: the only non-ASCII blanks
      for (let i = line.start; i < start; i++) if (text.charCodeAt(i) >= 0x80) blanks++;
      for (let i = end; i < line.end; i++) if (text.charCodeAt(i) >= 0x80) blanks++;
      tally.addNonAscii(blanks);
      if (start === end) continue;
      // A heading line's facts are those of the text after its 】 (its content): the whole line
      // is counted here, not looked up (a heading is short; a sheet of a million headings made a
      // million cache lookups per keystroke).
      const facts = line.kind === 'heading' ? undefined : this.factsByLine[line.line];
      tally.add(start, facts ? facts.get(ENCODING, countEncoding) : countEncodingIn(text, start, end));
    }
    return tally.result();
  }

  /** The period expressions of one content line (offsets in the line). */
  periodsOfLine(line: ContentLine): PeriodExpressions {
    return periodsOf(this.lineFacts(line));
  }

  /**
   * The content lines of a section that hold period expressions, in order, each with its
   * expressions (offsets in the line) and where the line starts. Comment lines are not content
   * and are not read (format.md: comments are ignored by the rules). Read as far as a caller
   * iterates, and kept: the rules mostly want the first such line, and a 2 MB description is
   * not walked on every keystroke to find it.
   */
  periodLines(name: SectionName): PeriodLines {
    return this.once(`periodLines:${name}`, () => new PeriodLines(this.section(name)?.content ?? [], (line) => this.lineFacts(line)));
  }

  date(name: '指定年月日' | '満了日' | '解除'): { node: FieldNode; parsed?: ParsedDate } | undefined {
    return this.once(`date:${name}`, () => {
      const node = this.field(name);
      return node ? { node, parsed: parseDate(node.value) } : undefined;
    });
  }

  /** The period of a 有効期間 or 延長 line (for a 延長, the part before its decision date). */
  period(node: FieldNode): ParsedPeriodField {
    let known = this.periods[node.line];
    if (!known || known.node !== node) {
      const extension = lookupField(node.name)?.name === '延長';
      const reading = extension ? this.extensionReading(node) : undefined;
      const parsed = reading ? reading.period : parsePeriod(extension ? this.extension(node).periodText : node.value);
      known = { node, ...(parsed ?? {}) };
      this.periods[node.line] = known;
    }
    return known;
  }

  /** A 延長 line read into period and decision date. */
  extension(node: FieldNode): ExtensionParts {
    let known = this.extensionParts[node.line];
    if (!known || known.node !== node) {
      const reading = this.extensionReading(node);
      known = reading ? placedExtension(node, reading) : readExtension(node);
      this.extensionParts[node.line] = known;
    }
    return known;
  }

  /** The reading kept with the facts of the field's line (undefined for a node not from this sheet's lines). */
  private extensionReading(node: FieldNode): ExtensionReading | undefined {
    if (!this.factsRead) this.readFacts();
    const facts = this.factsByLine[node.line];
    // The facts' text is the trimmed line, the field's lineSpan; a node that is not this line's
    // field as parsed (made by a caller) is read directly.
    if (!facts || facts.text.length !== node.lineSpan.end - node.lineSpan.start) return undefined;
    const reading = facts.get(EXTENSION, readExtensionLine);
    return reading && reading.value === node.value && reading.valueSpan.start === node.valueSpan.start - node.lineSpan.start ? reading : undefined;
  }

  // Kept by the node's line (and checked to be for that very node), not in `memo` under a key
  // made per line nor in a Map by node: with tens of thousands of 延長 lines, building and
  // hashing keys cost more than reading the lines.
  private readonly periods: (ParsedPeriodField | undefined)[] = [];
  private readonly extensionParts: (ExtensionParts | undefined)[] = [];

  /** Every non-empty 延長 line, read, in document order. */
  get extensions(): ExtensionParts[] {
    return this.once('extensions', () => (this.fieldsByName.get('延長') ?? []).filter((n) => n.value.length > 0).map((n) => this.extension(n)));
  }

  /** Every non-empty 点検 line with its date, in document order. */
  get reviews(): LifecycleDate[] {
    return this.once('reviews', () => (this.fieldsByName.get('点検') ?? []).filter((n) => n.value.length > 0).map((node) => ({ node, parsed: parseDate(node.value) })));
  }

  /** The latest readable 点検 date. */
  get latestReview(): SimpleDate | undefined {
    let latest: SimpleDate | undefined;
    for (const r of this.reviews) if (r.parsed?.date && (!latest || compareDates(r.parsed.date, latest) > 0)) latest = r.parsed.date;
    return latest;
  }

  /** The 解除 line (the first non-empty one) with its date. */
  get release(): LifecycleDate | undefined {
    return this.date('解除');
  }

  get validity(): ParsedPeriodField | undefined {
    const node = this.field('有効期間');
    return node ? this.period(node) : undefined;
  }

  get designationDate(): SimpleDate | undefined {
    return this.date('指定年月日')?.parsed?.date;
  }

  /** The expiry computed from 指定年月日 and 有効期間 (法第4条第1項), when both can be read. */
  get computedExpiry(): SimpleDate | undefined {
    const start = this.designationDate;
    const period = this.validity?.period;
    return start && period ? computeExpiry(start, period) : undefined;
  }

  /** The original validity and each readable 延長 after it, each starting the day after the last. */
  get expiryChain(): ExpiryStep[] {
    return this.once('expiryChain', () => {
      const start = this.designationDate;
      const period = this.validity?.period;
      if (!start || !period) return [];
      const steps: ExpiryStep[] = [{ start, period, expiry: computeExpiry(start, period) }];
      for (const node of this.fieldsByName.get('延長') ?? []) {
        const p = this.period(node).period;
        if (!p) break;
        const previous = steps[steps.length - 1].expiry;
        const s = extensionStart(previous);
        const decided = this.extension(node).decision?.parsed.date;
        const step: ExpiryStep = { node, start: s, period: p, expiry: computeExpiry(s, p) };
        if (decided) {
          step.decided = decided;
          if (compareDates(decided, previous) > 0) step.late = true;
        }
        steps.push(step);
      }
      return steps;
    });
  }

  /**
   * The chain as it holds in law: up to the first 延長 decided too late (after the expiry it
   * extends, 法第4条第2項). A designation that lapsed cannot be extended afterwards.
   */
  get effectiveChain(): ExpiryStep[] {
    return this.once('effectiveChain', () => {
      const chain = this.expiryChain;
      const late = chain.findIndex((s) => s.late);
      return late < 0 ? chain : chain.slice(0, late);
    });
  }

  /**
   * The last expiry in force after the extensions decided on time: the last 延長's, else the
   * written 満了日 when it is a valid date, else the one computed from 指定年月日 and 有効期間.
   * `decidedBy` leaves out the extensions decided (or, without a decision date, taking effect) after that day.
   */
  lastExpiry(decidedBy?: SimpleDate): SimpleDate | undefined {
    let steps = this.effectiveChain;
    if (decidedBy) {
      const cut = steps.findIndex((s, i) => i > 0 && compareDates(s.decided ?? s.start, decidedBy) > 0);
      if (cut > 0) steps = steps.slice(0, cut);
    }
    const last = steps[steps.length - 1];
    if (last?.node) return last.expiry;
    return this.date('満了日')?.parsed?.date ?? last?.expiry;
  }

  /** The state on `today` (format.md v1.1). See designationState. */
  state(today: SimpleDate): DesignationState {
    if (this.release) return 'released';
    const last = this.lastExpiry();
    return last && compareDates(last, today) < 0 ? 'lapsed' : 'in-force';
  }

  /** The date style the document already uses, for fixes that write dates. */
  get dateStyle(): DateStyle {
    return this.once('dateStyle', () => {
      for (const name of ['指定年月日', '満了日'] as const) {
        const style = this.date(name)?.parsed?.style;
        if (style) return style;
      }
      return DEFAULT_STYLE;
    });
  }

  /** The style to write 満了日 in: its own, else the document's. */
  get expiryStyle(): DateStyle {
    return this.date('満了日')?.parsed?.style ?? this.dateStyle;
  }

  get eol(): string {
    return this.syntax.eol;
  }

  /** The known fields with their place in the canonical order, once per sheet (every missing-field fix asks). */
  private get rankedFields(): { field: FieldNode; rank: number }[] {
    return this.once('rankedFields', () => {
      const out: { field: FieldNode; rank: number }[] = [];
      for (const field of this.syntax.fields) {
        const spec = lookupField(field.name);
        if (spec) out.push({ field, rank: FIELDS.indexOf(spec) });
      }
      return out;
    });
  }

  /** An edit inserting `名前：値` as its own line where the canonical field order puts it. */
  insertFieldLine(name: FieldName, value: string): TextEdit {
    const line = `${name}：${value}`;
    const order = FIELDS.findIndex((f) => f.name === name);
    const known = this.rankedFields;
    let last: FieldNode | undefined;
    for (const k of known) if (k.rank <= order && (!last || k.field.line > last.line)) last = k.field;
    const idx = this.syntax.lineIndex;
    if (last) {
      const at = idx.lineEnd(last.line);
      return { span: { start: at, end: at }, newText: this.eol + line };
    }
    const after = known.find((k) => k.rank > order)?.field ?? this.syntax.fields[0];
    if (after) {
      const at = this.lineInsertionPoint(after.line);
      return { span: { start: at, end: at }, newText: line + this.eol };
    }
    const first = this.syntax.firstLineSpan;
    if (first.end > first.start) {
      const at = this.lineInsertionPoint(idx.lineOf(first.start));
      return { span: { start: at, end: at }, newText: line + this.eol };
    }
    return this.appendText(line);
  }

  /**
   * Where a new line goes to come before `line`: its start, or above the
   * `# shitei-disable-next-line` directives aimed at it, which would otherwise aim at the new line.
   */
  lineInsertionPoint(line: number): number {
    const aimed = this.syntax.directives.filter((d) => d.kind === 'disable-next-line' && d.targetLine === line);
    const from = aimed.length ? Math.min(...aimed.map((d) => d.line)) : line;
    return this.syntax.lineIndex.lineStarts[from];
  }

  /**
   * An edit removing a line and its line break, leaving every other line as it was. Where the
   * line before ends in a lone CR and the next line is blank (starts with LF), the removal would
   * join them into one CRLF; then the preceding CR goes instead and this line's break stays.
   */
  removeLine(line: number): TextEdit {
    const idx = this.syntax.lineIndex;
    const t = this.text;
    const start = idx.lineStarts[line];
    const end = line + 1 < idx.lineCount ? idx.lineStarts[line + 1] : t.length;
    if (start > 0 && t[start - 1] === '\r' && t[end] === '\n' && end > idx.lineEnd(line)) {
      // A lone CR before and an LF after: removing the line with its LF would join them into a
      // CRLF, so the CR goes instead — with every lone CR right before it (blank CR lines), or
      // the one left over would join the LF just the same.
      let from = start - 1;
      while (from > 0 && t[from - 1] === '\r') from--;
      return { span: { start: from, end: idx.lineEnd(line) }, newText: '' };
    }
    if (end === t.length && line > 0) {
      // The last line: take the break before it, so no empty last line is left behind.
      return { span: { start: idx.lineEnd(line - 1), end }, newText: '' };
    }
    return { span: { start, end }, newText: '' };
  }

  /** An edit adding lines at the end of the document, starting on a line of their own. */
  appendText(block: string): TextEdit {
    const t = this.text;
    const end = t.length;
    const needsBreak = end > 0 && !/[\r\n]$/.test(t);
    return { span: { start: end, end }, newText: (needsBreak ? this.eol : '') + block + this.eol };
  }

  /**
   * An edit appending a section (heading and content lines) at the end of the document, after
   * one blank line. A final line break (LF, CRLF or CR) ends the last line; it is not a blank line.
   */
  appendSection(name: SectionName, lines: string[]): TextEdit {
    const t = this.text;
    // Read from the end (the regexes this replaces scanned the whole text on every analysis).
    const contentEnd = t.endsWith('\r\n') ? t.length - 2 : t.endsWith('\n') || t.endsWith('\r') ? t.length - 1 : t.length;
    const endsWithBreak = contentEnd < t.length;
    let lastLineStart = contentEnd;
    while (lastLineStart > 0 && (t[lastLineStart - 1] === ' ' || t[lastLineStart - 1] === '\t' || t[lastLineStart - 1] === '\u3000')) lastLineStart--;
    const lastLineBlank = lastLineStart === 0 || t[lastLineStart - 1] === '\n' || t[lastLineStart - 1] === '\r';
    const endsWithBlank = t.length === 0 || (endsWithBreak && lastLineBlank);
    const sep = endsWithBlank ? '' : endsWithBreak ? this.eol : this.eol + this.eol;
    const newText = sep + [`【${name}】`, ...lines].join(this.eol) + this.eol;
    // After a final lone CR, an inserted LF would join it into one CRLF (a line lost, a foreign
    // break added): that CR is replaced by the document's own break instead.
    if (newText.startsWith('\n') && t.endsWith('\r')) return { span: { start: t.length - 1, end: t.length }, newText: this.eol + newText };
    return { span: { start: t.length, end: t.length }, newText };
  }

  /** Fields in canonical order for listing, with the specs. */
  static readonly fieldOrder = FIELDS;
  static readonly sectionOrder = SECTIONS;
}

/**
 * The state of a designation on `today` (format.md v1.1): `released` when the sheet has 解除;
 * `lapsed` when its last expiry (after every 延長 decided on time) is before `today`; else
 * `in-force` (also when the dates cannot be read: nothing says it ended).
 */
export function designationState(sheet: SheetModel, today: SimpleDate): DesignationState {
  return sheet.state(today);
}
