/**
 * File bytes to document text, shared by the CLI and the language server so both read a file
 * the same way. The format is UTF-8 (BOM optional); Shift_JIS, common in government offices,
 * is decoded rather than mangled; anything else is refused with one clear error.
 */
import type { Localized } from '../types';

export type DecodedEncoding = 'utf-8' | 'shift_jis' | 'utf-16le' | 'utf-16be';

export type Decoded =
  | { ok: true; text: string; bom: boolean; encoding: DecodedEncoding }
  | { ok: false; error: Localized };

/** How far to look for NUL bytes: enough to catch binaries without scanning huge files. */
const BINARY_SNIFF_BYTES = 8 * 1024;

function decodeStrict(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the caller has already removed the BOM it recognized; keep any other U+FEFF.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, nothing
 * past U+10FFFF), or -1. Only used to say *where* a file stops being UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Node's shift_jis decoder (ICU's IBM-943 table) rotates three ASCII control bytes: 0x1A → U+001C,
 * 0x1C → U+007F, 0x7F → U+001A. WHATWG (and Windows) map every ASCII byte to itself; undo it,
 * only when this platform's decoder does it, so no byte is silently changed.
 */
const ICU_ROTATES_CONTROLS = (() => {
  try {
    return new TextDecoder('shift_jis').decode(Uint8Array.of(0x7f)) === '\x1a';
  } catch {
    return false;
  }
})();
const UNROTATE: Record<string, string> = { '\x1c': '\x1a', '\x7f': '\x1c', '\x1a': '\x7f' };

function undoIcuControlRotation(text: string): string {
  return ICU_ROTATES_CONTROLS ? text.replace(/[\x1a\x1c\x7f]/g, (c) => UNROTATE[c]) : text;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export function decodeDocument(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: true, text: '', bom: false, encoding: 'utf-8' };

  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), true);
  }

  // UTF-16 only with a BOM: without one it cannot be told from binary reliably.
  const le = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) {
    const encoding = le ? 'utf-16le' : 'utf-16be';
    const text = decodeStrict(encoding, bytes.subarray(2));
    if (text === undefined) {
      const name = le ? 'UTF-16LE' : 'UTF-16BE';
      return {
        ok: false,
        error: {
          ja: `${name} の BOM がありますが、${name} として正しく読めません(奇数バイト長または不正なサロゲート)`,
          en: `starts with a ${name} byte order mark but is not valid ${name} (odd length or unpaired surrogate)`,
        },
      };
    }
    return { ok: true, text, bom: true, encoding };
  }

  return decodeUtf8(bytes, false);
}

function decodeUtf8(bytes: Uint8Array, bom: boolean): Decoded {
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) {
    return {
      ok: false,
      error: {
        ja: 'バイナリファイルのようです(NUL バイトを含む)',
        en: 'looks like a binary file (contains NUL bytes)',
      },
    };
  }

  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, bom, encoding: 'utf-8' };

  // A UTF-8 BOM says the file claims to be UTF-8: do not reinterpret it as Shift_JIS.
  if (!bom) {
    // WHATWG shift_jis is in effect Windows-31J (CP932), which is what Japanese Windows writes.
    const sjis = decodeStrict('shift_jis', bytes);
    if (sjis !== undefined) return { ok: true, text: undoIcuControlRotation(sjis), bom: false, encoding: 'shift_jis' };
  }

  const at = firstInvalidUtf8(bytes);
  const where = at >= 0 ? { ja: `(${lineOf(bytes, at)} 行目、バイト位置 ${at})`, en: ` (line ${lineOf(bytes, at)}, byte offset ${at})` } : { ja: '', en: '' };
  return {
    ok: false,
    error: bom
      ? {
          ja: `UTF-8 の BOM がありますが、UTF-8 として正しくないバイトがあります${where.ja}`,
          en: `starts with a UTF-8 byte order mark but is not valid UTF-8${where.en}`,
        }
      : {
          ja: `UTF-8 としても Shift_JIS としても読めない文字コードです${where.ja}`,
          en: `not valid UTF-8 or Shift_JIS${where.en}`,
        },
  };
}
