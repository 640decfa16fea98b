/**
 * The core's Word and Excel entry point (see ../index.ts), which the CLI loads only for
 * `shitei export`, `shitei import` and `shitei ledger --format xlsx`.
 */
import type { DocxOptions } from './docxWrite';
import type { SheetDocument } from './sheetDocument';

export { DocumentError, ZipReader } from './zip';
export { readDocx } from './docxRead';
export { interpretBlocks } from './docxImport';
export { documentToShitei, sheetToDocument, type SheetDocument } from './sheetDocument';
export { readXlsx } from './xlsxRead';
export { importRegister } from './registerImport';
export { writeXlsx, type XlsxRow, type XlsxSheet } from './xlsxWrite';
export type { DocxOptions } from './docxWrite';

/** Writes a sheet as a .docx. The `docx` package (≈ 30 ms to load) is loaded on the first call, not with this module. */
export function sheetToDocx(doc: SheetDocument, options?: DocxOptions): Promise<Uint8Array> {
  return (require('./docxWrite') as typeof import('./docxWrite')).sheetToDocx(doc, options);
}
