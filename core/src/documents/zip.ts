/**
 * Reading and writing the zip container of .docx and .xlsx files, with the bounds an import
 * needs against damaged files and zip bombs: the central directory is read first, only the
 * entries asked for are inflated, and inflation stops as soon as an entry or the whole read
 * would exceed its limit (the sizes the archive claims are not trusted). Pure: bytes in,
 * bytes out.
 */
import { Inflate, zipSync, type Zippable } from 'fflate';
import type { Localized } from '../types';

export class DocumentError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

export interface ZipLimits {
  /** Most bytes one inflated entry may have. */
  maxEntryBytes: number;
  /** Most bytes all inflated entries together may have. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localHeader: number;
}

/** The first bytes of an OLE2 compound file: an encrypted (password-protected) OOXML file, or a .doc/.xls. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOleContainer(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

const damaged = (en: string, ja: string): DocumentError => new DocumentError({ ja: `ファイルが壊れています(${ja})`, en: `the file is damaged (${en})` });

export class ZipReader {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  constructor(private readonly bytes: Uint8Array, private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
    if (isOleContainer(bytes)) {
      throw new DocumentError({
        ja: 'パスワードで保護(暗号化)された文書か、旧形式(.doc/.xls)の文書です。パスワードを解除し、.docx/.xlsx 形式で保存し直してください',
        en: 'the document is password-protected (encrypted) or in the old .doc/.xls format; remove the password and save it as .docx/.xlsx',
      });
    }
    if (bytes.length < 22 || u32(bytes, 0) !== 0x04034b50) {
      throw new DocumentError({ ja: 'Word(.docx)又は Excel(.xlsx)の文書ではありません', en: 'not a Word (.docx) or Excel (.xlsx) document' });
    }
    // The end of central directory record: within the last 64 KiB + 22 bytes.
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (u32(bytes, i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw damaged('no central directory', '目録がありません');
    const count = u16(bytes, eocd + 10);
    let at = u32(bytes, eocd + 16);
    if (count === 0xffff || at === 0xffffffff) throw damaged('zip64 archives are not supported', 'ZIP64 形式には対応していません');
    for (let k = 0; k < count; k++) {
      if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw damaged('bad central directory', '目録が不正です');
      const flags = u16(bytes, at + 8);
      const method = u16(bytes, at + 10);
      const compressedSize = u32(bytes, at + 20);
      const nameLength = u16(bytes, at + 28);
      const extraLength = u16(bytes, at + 30);
      const commentLength = u16(bytes, at + 32);
      const localHeader = u32(bytes, at + 42);
      const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
      const name = new TextDecoder('utf-8').decode(nameBytes);
      this.entries.set(name, { name, method, flags, compressedSize, localHeader });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry's bytes, or undefined when the archive has no such entry. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.flags & 1) {
      throw new DocumentError({ ja: 'パスワードで保護(暗号化)された文書です', en: 'the document is password-protected (encrypted)' });
    }
    const b = this.bytes;
    const lh = entry.localHeader;
    if (lh + 30 > b.length || u32(b, lh) !== 0x04034b50) throw damaged(`bad local header for ${name}`, `${name} の見出しが不正です`);
    const start = lh + 30 + u16(b, lh + 26) + u16(b, lh + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw damaged(`${name} is truncated`, `${name} が途中で切れています`);
    const data = b.subarray(start, end);
    if (entry.method === 0) {
      this.count(data.length, name);
      return data;
    }
    if (entry.method !== 8) throw damaged(`unsupported compression method ${entry.method}`, `未対応の圧縮方式 ${entry.method}`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const inflate = new Inflate((chunk) => {
      size += chunk.length;
      this.count(chunk.length, name);
      if (size > this.limits.maxEntryBytes) throw tooLarge(name);
      chunks.push(chunk);
    });
    // Small pieces: one push can inflate at most ~1000 times its size before the count above is checked.
    const PIECE = 16 * 1024;
    try {
      for (let o = 0; o < data.length; o += PIECE) inflate.push(data.subarray(o, Math.min(o + PIECE, data.length)), o + PIECE >= data.length);
      if (data.length === 0) inflate.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof DocumentError) throw error;
      throw damaged(`${name} cannot be decompressed`, `${name} を展開できません`);
    }
    const out = new Uint8Array(size);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }

  /** The entry as UTF-8 text (a BOM is dropped). */
  readText(name: string): string | undefined {
    const bytes = this.read(name);
    if (!bytes) return undefined;
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw damaged(`${name} is not UTF-8`, `${name} が UTF-8 ではありません`);
    }
  }

  private count(n: number, name: string): void {
    this.inflated += n;
    if (this.inflated > this.limits.maxTotalBytes) throw tooLarge(name);
  }
}

function tooLarge(name: string): DocumentError {
  return new DocumentError({
    ja: `展開後の大きさが上限を超えます(${name})。圧縮爆弾の可能性があります`,
    en: `the decompressed contents exceed the limit (${name}); possibly a zip bomb`,
  });
}

/** A zip archive of the given entries (deflated; [Content_Types].xml first, as Office writes it). */
export function writeZip(entries: Record<string, string | Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  const files: Zippable = {};
  for (const [name, content] of Object.entries(entries)) {
    files[name] = [typeof content === 'string' ? encoder.encode(content) : content, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') }];
  }
  return zipSync(files);
}
