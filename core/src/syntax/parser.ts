/**
 * The `.shitei` parser: one pass over lines, tolerant by construction (every line gets a kind;
 * nothing throws), with exact spans so rules can point at a value and fixes can edit it.
 */
import { LineIndex } from '../text/lineIndex';
import { trimSpan, trimmedEnd, trimmedStart } from '../text/normalize';
import { countWork } from '../text/workCounter';
import type { Span } from '../types';
import type {
  ContentLine, DirectiveNode, FieldNode, HeadingNode, SectionNode, SheetSyntax, SourceLine,
} from './ast';

/**
 * The content of a section that has none yet, shared (a sheet of a million headings made a
 * million empty arrays); the parser gives a section its own array with its first line.
 */
const NO_CONTENT = Object.freeze([]) as unknown as ContentLine[];

const DIRECTIVE = /^#\s*shitei-(disable-next-line|disable-file)(?=\s|$)(.*)$/;

export function parseSheet(text: string): SheetSyntax {
  const lineIndex = new LineIndex(text);
  const lines: SourceLine[] = [];
  const fields: FieldNode[] = [];
  const strayLines: SourceLine[] = [];
  const sections: SectionNode[] = [];
  const directives: DirectiveNode[] = [];
  let current: SectionNode | undefined;
  let firstLineSpan = { start: 0, end: 0 };
  let haveFirst = false;

  for (let line = 0; line < lineIndex.lineCount; line++) {
    const start = lineIndex.lineStarts[line];
    const end = lineIndex.lineEnd(line);
    countWork(1 + end - start);
    // The trimmed line as two numbers: a span object is made only where one is kept (a sheet
    // of a million lines made a million that were thrown away at once).
    const from = trimmedStart(text, start, end);
    const to = trimmedEnd(text, from, end);
    const source: SourceLine = { line, start, end, kind: 'blank' };
    lines.push(source);
    if (from === to) continue;
    const first = text.charCodeAt(from);
    if (first === 0x23 /* # */) {
      source.kind = 'comment';
      const directive = parseDirective(text, line, from, to);
      if (directive) directives.push(directive);
      continue;
    }
    if (!haveFirst) {
      firstLineSpan = { start: from, end: to };
      haveFirst = true;
    }
    if (first === 0x3010 /* 【 */) {
      source.kind = 'heading';
      const heading = parseHeading(text, line, from, to);
      current = heading;
      sections.push(heading);
      if (heading.closed) {
        const restStart = trimmedStart(text, heading.span.end, to);
        if (restStart < to) current.content = [{ line, span: { start: restStart, end: to } }];
      }
      continue;
    }
    if (current) {
      source.kind = 'content';
      const content: ContentLine = { line, span: { start: from, end: to } };
      if (current.content === NO_CONTENT) current.content = [content];
      else current.content.push(content);
      continue;
    }
    const field = parseField(text, line, from, to);
    if (field) {
      source.kind = 'field';
      fields.push(field);
    } else {
      source.kind = 'stray';
      strayLines.push(source);
    }
  }

  aimDirectives(lines, directives);

  return { text, lineIndex, lines, eol: dominantEol(lineIndex), fields, strayLines, sections, directives, firstLineSpan };
}

/**
 * Each `disable-next-line` aims at the next line that is neither a comment nor blank: one pass
 * from the end (a search per directive was quadratic in a file of directives).
 */
function aimDirectives(lines: readonly SourceLine[], directives: DirectiveNode[]): void {
  let d = directives.length - 1;
  let nextTarget: number | undefined;
  for (let i = lines.length - 1; i >= 0 && d >= 0; i--) {
    countWork(1);
    while (d >= 0 && directives[d].line === i) {
      if (directives[d].kind === 'disable-next-line' && nextTarget !== undefined) directives[d].targetLine = nextTarget;
      d--;
    }
    if (lines[i].kind !== 'comment' && lines[i].kind !== 'blank') nextTarget = i;
  }
}

/** Where a field line's separator (the first ： or :) is, or -1. */
function fieldSeparator(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff1a || c === 0x3a) return i; // ： or :
  }
  return -1;
}

export function parseField(text: string, line: number, start: number, end: number): FieldNode | undefined {
  const sep = fieldSeparator(text, start, end);
  if (sep < 0) return undefined;
  const nameSpan = trimSpan(text, start, sep);
  if (nameSpan.start === nameSpan.end) return undefined;
  const valueSpan = trimSpan(text, sep + 1, end);
  return {
    line,
    name: text.slice(nameSpan.start, nameSpan.end),
    nameSpan,
    separatorSpan: { start: sep, end: sep + 1 },
    value: text.slice(valueSpan.start, valueSpan.end),
    valueSpan,
    lineSpan: { start, end },
  };
}

/** The value's span of a field line (as parseField reads it), or undefined when the line is no field. */
export function fieldValueSpan(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const sep = fieldSeparator(text, start, end);
  if (sep < 0 || trimmedStart(text, start, sep) === sep) return undefined;
  const from = trimmedStart(text, sep + 1, end);
  return { start: from, end: trimmedEnd(text, from, end) };
}

/**
 * A section and its heading in one object (the section is its own `heading`), with the heading's
 * spans made when first read: a sheet of a million bare headings made four objects per line — the
 * section, the heading and its two spans — and the editor, which stops at 1,000 diagnostics per
 * rule, reads the spans of a few.
 */
class Section implements SectionNode, HeadingNode {
  content: ContentLine[] = NO_CONTENT;
  private spanMade: Span | undefined;
  private nameSpanMade: Span | undefined;

  constructor(
    readonly line: number,
    readonly name: string,
    private readonly start: number,
    private readonly end: number,
    private readonly nameStart: number,
    private readonly nameEnd: number,
    readonly closed: boolean,
  ) {}

  get heading(): HeadingNode {
    return this;
  }

  /** From 【 to 】 inclusive (to the end of the line when 】 is missing). */
  get span(): Span {
    return (this.spanMade ??= { start: this.start, end: this.end });
  }

  /** The name between 【 and 】 (trimmed). */
  get nameSpan(): Span {
    return (this.nameSpanMade ??= { start: this.nameStart, end: this.nameEnd });
  }
}

function parseHeading(text: string, line: number, start: number, end: number): Section {
  // The name runs to the matching 】; nested 【】 inside a name are counted so they match.
  let depth = 0;
  let close = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3010) depth++;
    else if (c === 0x3011 && --depth === 0) {
      close = i;
      break;
    }
  }
  const nameEnd = close >= 0 ? close : end;
  const nameStart = trimmedStart(text, start + 1, nameEnd);
  const nameStop = trimmedEnd(text, nameStart, nameEnd);
  return new Section(line, text.slice(nameStart, nameStop), start, close >= 0 ? close + 1 : end, nameStart, nameStop, close >= 0);
}

function parseDirective(text: string, line: number, start: number, end: number): DirectiveNode | undefined {
  const raw = text.slice(start, end);
  const m = DIRECTIVE.exec(raw);
  if (!m) return undefined;
  const kind = m[1] as DirectiveNode['kind'];
  const listStart = start + raw.length - m[2].length;
  const codes: DirectiveNode['codes'] = [];
  // Codes are separated by commas (half- or full-width, 、) or blanks.
  const re = /[^\s,，、\u3000]+/g;
  let cm: RegExpExecArray | null;
  while ((cm = re.exec(m[2]))) {
    // A `--` starts a free-text justification, as in ESLint.
    if (cm[0].startsWith('--')) break;
    codes.push({ code: cm[0], span: { start: listStart + cm.index, end: listStart + cm.index + cm[0].length } });
  }
  return { kind, line, span: { start, end }, codes };
}

function dominantEol(lineIndex: LineIndex): '\n' | '\r\n' | '\r' {
  // Counted while the line index was built (one pass over the text, not two).
  const { crlf, lf, cr } = lineIndex.breaks;
  // A lone CR breaks a line too (LineIndex, LSP): a CR-only file gets CR in what fixes insert.
  if (cr > crlf && cr > lf) return '\r';
  return crlf > lf ? '\r\n' : '\n';
}
