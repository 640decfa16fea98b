/** Test support for documents: the samples, hand-built .docx files, and the import pipeline without files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeZip } from '../../../core/out/documents/zip';
import { readDocx } from '../../../core/out/documents/docxRead';
import { interpretBlocks, type ImportResult } from '../../../core/out/documents/docxImport';
import { documentToShitei } from '../../../core/out/documents/sheetDocument';
import { REPO } from '../support/cli';

export const SAMPLES = path.join(REPO, 'samples');

export function sampleFiles(dir = SAMPLES): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sampleFiles(full));
    else if (entry.name.endsWith('.shitei')) out.push(full);
  }
  return out.sort();
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A paragraph as Word writes it: runs split anywhere, as Word does after edits. */
export function p(text: string, splitAt?: number): string {
  if (splitAt !== undefined && splitAt > 0 && splitAt < text.length) {
    return `<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${esc(text.slice(0, splitAt))}</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>${esc(text.slice(splitAt))}</w:t></w:r></w:p>`;
  }
  return `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

export function tc(content: string, extra = ''): string {
  return `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>${extra}</w:tcPr>${content.split('\n').map((l) => p(l)).join('')}</w:tc>`;
}

export function table(rows: string[][], vMergeContinue: Set<string> = new Set()): string {
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="6000"/></w:tblGrid>${rows
    .map((r, i) => `<w:tr>${r.map((c, j) => (vMergeContinue.has(`${i},${j}`) ? `<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>` : tc(c))).join('')}</w:tr>`)
    .join('')}</w:tbl>`;
}

/** A minimal but complete .docx package around a body (what Word needs to open it). */
export function docxOf(bodyXml: string): Uint8Array {
  return writeZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${bodyXml}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
  });
}

export function importDocx(bytes: Uint8Array): ImportResult & { text: string } {
  const content = readDocx(bytes);
  const result = interpretBlocks(content.blocks, content.exportedByShitei);
  return { ...result, text: documentToShitei(result.document) };
}

/** Lines of a .shitei text that are not comments (what the rules read; export leaves comments out). */
export function withoutComments(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .filter((l) => !l.trim().startsWith('#'))
    .join('\n');
}
