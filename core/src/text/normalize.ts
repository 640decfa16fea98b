import { countWork } from './workCounter';

/**
 * Length-preserving width folding: full-width ASCII (digits, Latin letters, parentheses,
 * punctuation in U+FF01–FF5E) becomes its half-width form, one UTF-16 unit for one, so offsets
 * found in the folded text are offsets in the original. NFKC is not used because it can change
 * lengths (e.g. ㍻ → 平成).
 */
export function foldWidth(text: string): string {
  countWork(text.length);
  // Most lines have nothing to fold: one native search instead of a string built per character.
  if (!FOLDABLE.test(text)) return text;
  return text.replace(FOLDABLE_ALL, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const FOLDABLE = /[\uff01-\uff5e\u3000]/;
const FOLDABLE_ALL = /[\uff01-\uff5e\u3000]/g;

/** Blanks as the format understands them: half- and full-width spaces and tabs (and a stray BOM, which an editor may leave in the text). */
export function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\uFEFF';
}

/** isBlank by code unit (no one-character string per call). */
function isBlankCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xfeff;
}

/** Where `text.slice(start, end)` begins once its leading blanks are dropped. */
export function trimmedStart(text: string, start: number, end: number): number {
  while (start < end && isBlankCode(text.charCodeAt(start))) start++;
  return start;
}

/** Where `text.slice(start, end)` ends once its trailing blanks are dropped. */
export function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && isBlankCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/** The span of `text.slice(start, end)` with blanks trimmed from both ends. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isBlank(text[start])) start++;
  while (end > start && isBlank(text[end - 1])) end--;
  return { start, end };
}

/**
 * An edit at the very start of a text that begins with a BOM (an editor may keep U+FEFF in the
 * text it sends) goes after the BOM instead, so the BOM stays first and is never lost.
 */
export function keepBomFirst<E extends { span: { start: number; end: number } }>(text: string, edit: E): E {
  if (edit.span.start !== 0 || text.charCodeAt(0) !== 0xfeff) return edit;
  return { ...edit, span: { start: 1, end: Math.max(1, edit.span.end) } };
}
