/**
 * `shitei check --fix`: the editor's fix-all (core/service/actions.ts fixAllToFixpoint, the same
 * safe fixes to a fixpoint) applied to files on disk, and the encoding work that makes writing
 * them back safe: the result is written in the file's own encoding (UTF-8 with or without BOM,
 * UTF-16LE/BE with BOM, Shift_JIS), with its line endings (the fixes keep them), and only when
 * decoding the new bytes gives back exactly the fixed text; otherwise the file is left untouched
 * and named with the reason. Unchanged files are not written at all.
 */
import * as fs from 'node:fs';
import {
  analyzeText, type Diagnostic, type ResolvedConfig, fixAllEdits, fixAllToFixpoint, decodeDocument, type DecodedEncoding, TokenCache, type Localized,
} from '../../core/out/index';
import { ConfigLoader, maxSheetBytes, pathText, readRegularFile, type FsPath, loadTokenizer } from '../../core/out/node/index';

/** What fixing one text did. */
export interface FixedText {
  /** The text after every safe fix (the input itself when there was nothing to fix). */
  text: string;
  /** Fixes applied, by rule code, over every pass. */
  fixedByCode: Map<string, number>;
  fixed: number;
}

/** The diagnostics whose safe fix fix-all takes in one pass (fixAllEdits returns those fixes' own edit objects). */
function chosenInPass(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const edits = new Set(fixAllEdits(diagnostics));
  return diagnostics.filter((d) => {
    const fix = d.fixes.find((f) => f.safe);
    return fix !== undefined && fix.edits.length > 0 && fix.edits.every((e) => edits.has(e));
  });
}

/**
 * Applies the fix-all of the editor to `text` (the same function, analysis and config), and counts
 * the fixes it applied: each pass of fixAllToFixpoint applies the safe fixes fixAllEdits chooses
 * from that pass's diagnostics, and every analysis but the last is followed by such a pass.
 */
export function fixText(text: string, config: ResolvedConfig, tokens: TokenCache): FixedText {
  const passes: (readonly Diagnostic[])[] = [];
  const analyze = (t: string) => {
    const diagnostics = analyzeText(t, { config, tokens }).diagnostics;
    passes.push(diagnostics);
    return diagnostics;
  };
  const edits = fixAllToFixpoint(text, analyze(text), analyze);
  if (edits.length === 0) return { text, fixedByCode: new Map(), fixed: 0 };
  let fixedText = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    fixedText = fixedText.slice(0, e.span.start) + e.newText + fixedText.slice(e.span.end);
  }
  const fixedByCode = new Map<string, number>();
  let fixed = 0;
  for (const diagnostics of passes.slice(0, -1)) {
    for (const d of chosenInPass(diagnostics)) {
      fixedByCode.set(d.code, (fixedByCode.get(d.code) ?? 0) + 1);
      fixed++;
    }
  }
  return { text: fixedText, fixedByCode, fixed };
}

/* ------------------------------------------------------------------ encoding back to bytes */

export type Encoded = { ok: true; bytes: Buffer } | { ok: false; error: Localized };

const SJIS_LEAD = (b: number) => (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);

let sjisTable: Map<number, number> | undefined;
/**
 * Unicode code unit → Shift_JIS (Windows-31J) bytes, from the platform's own decoder, so that
 * encoding is exactly the inverse of the decoding the checker did. Where several byte pairs
 * decode to one character (NEC and IBM extensions), the first in code order is taken; the
 * round-trip check in {@link encodeLike} makes sure that never changes a character.
 */
function shiftJisTable(): Map<number, number> {
  if (sjisTable) return sjisTable;
  const table = new Map<number, number>();
  for (let b = 0; b < 0x80; b++) table.set(b, b);
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const decode = (bytes: number[]) => {
    try {
      return decoder.decode(Uint8Array.from(bytes));
    } catch {
      return undefined;
    }
  };
  for (let b = 0xa1; b <= 0xdf; b++) {
    const s = decode([b]);
    if (s?.length === 1 && !table.has(s.charCodeAt(0))) table.set(s.charCodeAt(0), b);
  }
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (!SJIS_LEAD(lead)) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const s = decode([lead, trail]);
      if (s?.length === 1 && !table.has(s.charCodeAt(0))) table.set(s.charCodeAt(0), (lead << 8) | trail);
    }
  }
  sjisTable = table;
  return table;
}

/** Shift_JIS bytes of `text`, or the first character that has none. */
function encodeShiftJis(text: string): { ok: true; bytes: number[] } | { ok: false; char: string } {
  const table = shiftJisTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.length === 1 ? table.get(ch.charCodeAt(0)) : undefined;
    if (code === undefined) return { ok: false, char: ch };
    if (code > 0xff) out.push(code >> 8, code & 0xff);
    else out.push(code);
  }
  return { ok: true, bytes: out };
}

/** Byte offset in Shift_JIS `bytes` of UTF-16 offset `offset` (each Shift_JIS character decodes to one unit). */
function shiftJisByteOffset(bytes: Uint8Array, offset: number): number {
  let b = 0;
  for (let i = 0; i < offset && b < bytes.length; i++) b += SJIS_LEAD(bytes[b]) ? 2 : 1;
  return b;
}

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * `fixed` in the encoding (and BOM) that `original` was decoded from. UTF-8 and UTF-16 encode
 * the whole text (their decoding is one-to-one); Shift_JIS keeps the original bytes before and
 * after the changed part and encodes only that part, so characters with several encodings stay
 * as they were. Refused, with the reason, when a character has no encoding or the new bytes do
 * not decode back to `fixed` exactly.
 */
export function encodeLike(original: Uint8Array, oldText: string, fixed: string): Encoded {
  const decoded = decodeDocument(original);
  if (!decoded.ok || decoded.text !== oldText) {
    return { ok: false, error: { ja: '読み込んだ後に変更されたため書き込みません', en: 'changed since it was read: not written' } };
  }
  const encoding: DecodedEncoding = decoded.encoding;
  let bytes: Buffer;
  if (encoding === 'utf-8') {
    bytes = Buffer.concat([decoded.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(fixed, 'utf8')]);
  } else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const body = Buffer.from(fixed, 'utf16le');
    if (encoding === 'utf-16be') body.swap16();
    bytes = Buffer.concat([Buffer.from(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
  } else {
    let prefix = 0;
    const max = Math.min(oldText.length, fixed.length);
    while (prefix < max && oldText.charCodeAt(prefix) === fixed.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === fixed.charCodeAt(fixed.length - 1 - suffix)) suffix++;
    const middle = encodeShiftJis(fixed.slice(prefix, fixed.length - suffix));
    if (!middle.ok) {
      return {
        ok: false,
        error: {
          ja: `修正後の文字「${middle.char}」(${codePoint(middle.char)})は Shift_JIS で表せないため書き込みません(UTF-8 に変換してから --fix を使ってください)`,
          en: `the fixed text has "${middle.char}" (${codePoint(middle.char)}), which Shift_JIS cannot encode: not written (convert the file to UTF-8 to use --fix)`,
        },
      };
    }
    const start = shiftJisByteOffset(original, prefix);
    const end = shiftJisByteOffset(original, oldText.length - suffix);
    bytes = Buffer.concat([Buffer.from(original.subarray(0, start)), Buffer.from(middle.bytes), Buffer.from(original.subarray(end))]);
  }
  const back = decodeDocument(bytes);
  if (!back.ok || back.text !== fixed || back.encoding !== encoding || back.bom !== decoded.bom) {
    const name = { 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' }[encoding];
    return {
      ok: false,
      error: {
        ja: `修正後の内容を ${name} で忠実に書き戻せないため書き込みません`,
        en: `the fixed text cannot be written back faithfully as ${name}: not written`,
      },
    };
  }
  return { ok: true, bytes };
}

/* ------------------------------------------------------------------ files in place */

export interface FileFix {
  file: string;
  fixed: number;
  fixedByCode: Map<string, number>;
  /** Why the file was not written (unreadable, undecodable, not encodable). */
  error?: Localized;
}

/**
 * Fixes each file in place. Files that cannot be read or decoded are left to the check that
 * follows (it reports them); files whose fix cannot be encoded are left untouched and reported.
 */
export async function fixFiles(paths: readonly FsPath[], configFile: string | undefined, cwd: string): Promise<FileFix[]> {
  // The same config search and the same bounded read of regular files as the check that follows.
  const loader = new ConfigLoader(undefined, { roots: [cwd] });
  const tokens = new TokenCache(await loadTokenizer());
  const results: FileFix[] = [];
  for (const path of paths) {
    const file = pathText(path);
    const { config } = loader.forDocument(file, configFile);
    const read = readRegularFile(path, maxSheetBytes(config.maxDocumentChars));
    if (!read.ok) continue;
    const bytes = read.bytes;
    const decoded = decodeDocument(bytes);
    if (!decoded.ok || decoded.text.length > config.maxDocumentChars) continue;
    const result = fixText(decoded.text, config, tokens);
    if (result.text === decoded.text) continue;
    const encoded = encodeLike(bytes, decoded.text, result.text);
    if (!encoded.ok) {
      results.push({ file, fixed: 0, fixedByCode: result.fixedByCode, error: encoded.error });
      continue;
    }
    try {
      fs.writeFileSync(path, encoded.bytes);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      results.push({ file, fixed: 0, fixedByCode: result.fixedByCode, error: { ja: `書き込めません(${code})`, en: `cannot write the file (${code})` } });
      continue;
    }
    results.push({ file, fixed: result.fixed, fixedByCode: result.fixedByCode });
  }
  return results;
}

/** "3 (expiry-mismatch, field-missing ×2)" */
export function describeFixes(fix: Pick<FileFix, 'fixedByCode'>): string {
  return [...fix.fixedByCode].map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join(', ');
}
