/**
 * Control characters made visible, for every output a person reads (terminal text, `unix` lines
 * a problem matcher splits, GitHub annotations, Markdown, stderr). A file name or a value in a
 * sheet can hold ESC sequences (which a terminal would run: colours, cursor moves, title
 * changes) or line breaks (which would split one reported line into two). Pure: no Node imports.
 */

/**
 * C0 controls, DEL, C1 controls, the Unicode line and paragraph separators and the bidi
 * embedding/override/isolate controls ("Trojan Source": they reorder what a reader sees).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `s` with each control character written as an escape (`\x1B`, `\n`, `\u202E`). `keep` lists
 * controls a format carries safely itself (CSV keeps line breaks inside a quoted cell).
 */
export function escapeControlChars(s: string, keep: readonly string[] = []): string {
  return s.replace(CONTROL, (c) => {
    if (keep.includes(c)) return c;
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${n.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/**
 * A name taken from an untrusted file (a config key, a rule code), fit to quote in a message:
 * controls escaped and at most `max` characters, so a 10 MB key prints as a short prefix.
 */
export function quoteUntrustedName(s: string, max = 40): string {
  const cut = [...s.slice(0, max * 2)].slice(0, max).join('');
  return `"${escapeControlChars(cut)}${cut.length < s.length ? '…' : ''}"`;
}
