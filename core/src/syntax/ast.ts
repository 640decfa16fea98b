import type { Span } from '../types';
import type { LineIndex } from '../text/lineIndex';

/** What a line of a `.shitei` file is (format.md "Line kinds"). */
export type LineKind = 'blank' | 'comment' | 'heading' | 'field' | 'stray' | 'content';

export interface SourceLine {
  /** 0-based line number. */
  line: number;
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the line's content (before its line break). */
  end: number;
  kind: LineKind;
}

/** `名前：値` in the header. Spans exclude the blanks around name and value. */
export interface FieldNode {
  line: number;
  name: string;
  nameSpan: Span;
  separatorSpan: Span;
  value: string;
  valueSpan: Span;
  /** The whole line's content. */
  lineSpan: Span;
}

export interface HeadingNode {
  line: number;
  name: string;
  /** The name between 【 and 】 (trimmed). */
  nameSpan: Span;
  /** From 【 to 】 inclusive (to the end of the line when 】 is missing). */
  span: Span;
  closed: boolean;
}

export interface ContentLine {
  line: number;
  /** The line's text without surrounding blanks; never empty. */
  span: Span;
}

export interface SectionNode {
  heading: HeadingNode;
  /** Non-blank, non-comment lines of the section, including text after 】 on the heading line. */
  content: ContentLine[];
}

export type DirectiveKind = 'disable-next-line' | 'disable-file';

export interface DirectiveNode {
  kind: DirectiveKind;
  line: number;
  /** The comment's span. */
  span: Span;
  /** Rule codes named; empty means every rule. */
  codes: { code: string; span: Span }[];
  /** For disable-next-line: the line it applies to (next non-comment, non-blank line), if any. */
  targetLine?: number;
}

export interface SheetSyntax {
  text: string;
  lineIndex: LineIndex;
  lines: SourceLine[];
  /** The dominant line ending, which fixes that insert lines must use. */
  eol: '\n' | '\r\n' | '\r';
  /** Fields of the header, in order (duplicates and unknown names included). */
  fields: FieldNode[];
  /** Header lines that are neither field, comment nor blank. */
  strayLines: SourceLine[];
  sections: SectionNode[];
  directives: DirectiveNode[];
  /** Span of the first non-blank, non-comment line (where "missing" diagnostics point), or an empty span at 0. */
  firstLineSpan: Span;
}
