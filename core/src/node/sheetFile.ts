/**
 * A sheet from disk, the way the CLI (and the server's workspace scan) reads it: a regular file
 * within the byte limit its config allows (./readFile.ts), then decoded (../text/decode.ts).
 */
import type { Diagnostic } from '../analysis/analyze';
import type { ResolvedConfig } from '../analysis/config';
import { DOCUMENT_TOO_LARGE } from '../rules/codes';
import { decodeDocument } from '../text/decode';
import type { Localized } from '../types';
import { maxSheetBytes, readFailureText, readRegularFile, type FsPath } from './readFile';

export type SheetFileResult =
  | { ok: true; text: string }
  /** Too many bytes to be within maxDocumentChars: the one diagnostic analysis would give. */
  | { ok: false; tooLarge: Diagnostic }
  /** Not read or not decoded: why, without any of the file's content. */
  | { ok: false; error: Localized };

const count = (n: number) => n.toLocaleString('en-US');

export function readSheetFile(file: FsPath, config: ResolvedConfig): SheetFileResult {
  const read = readRegularFile(file, maxSheetBytes(config.maxDocumentChars));
  if (read.ok) return decodeSheet(read.bytes);
  return read.reason === 'too-large' ? { ok: false, tooLarge: tooLarge(read.limit, config) } : { ok: false, error: readFailureText(read) };
}

/** Bytes that did not come from a file (standard input), bounded and decoded like a file's. */
export function sheetFromBytes(bytes: Uint8Array, config: ResolvedConfig): SheetFileResult {
  const limit = maxSheetBytes(config.maxDocumentChars);
  return bytes.length > limit ? { ok: false, tooLarge: tooLarge(limit, config) } : decodeSheet(bytes);
}

function decodeSheet(bytes: Uint8Array): SheetFileResult {
  const decoded = decodeDocument(bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, error: decoded.error };
}

function tooLarge(limit: number, config: ResolvedConfig): Diagnostic {
  return {
    code: DOCUMENT_TOO_LARGE,
    severity: 'error',
    span: { start: 0, end: 0 },
    message: {
      ja: `文書が大きすぎるため検査しません(${count(limit)}バイト超、上限${count(config.maxDocumentChars)}文字)`,
      en: `the document is too large to check (more than ${count(limit)} bytes; the limit is ${count(config.maxDocumentChars)} characters)`,
    },
    fixes: [],
  };
}
