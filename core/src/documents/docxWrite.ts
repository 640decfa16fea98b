/**
 * The sheet as an A4 Word document for the approval process: a title, the fields as a
 * two-column table (canonical labels, canonical order, every 延長 and 点検 on its own row),
 * then each section under its 【heading】, one paragraph per line. Japanese text is set in a
 * Mincho-class East Asian font (IPAex明朝, named, not embedded: Word and LibreOffice substitute
 * a Mincho font the machine has). Values are written as the sheet writes them.
 *
 * Pure: the document model in, the .docx bytes out (the `docx` package builds the XML).
 */
import {
  AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import { EXPORT_MARKER } from './docxRead';
import type { SheetDocument } from './sheetDocument';
import { xmlSafe } from './xml';

import { MINCHO_FONT } from './fonts';

export { MINCHO_FONT };

/** A4 in twentieths of a point, with 25 mm side margins and 30 mm top/bottom (the usual for 公文書). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1701, bottom: 1701, left: 1418, right: 1418 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = Math.round(TEXT_WIDTH * 0.3);

export interface DocxOptions {
  /** The title paragraph (default 特定秘密指定書). */
  title?: string;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, width: number, shaded: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    shading: shaded ? { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [new Paragraph({ children: [new TextRun({ text: xmlSafe(text), bold: shaded })] })],
  });
}

export async function sheetToDocx(doc: SheetDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: options.title ?? '特定秘密指定書', bold: true, size: 32 })] }),
  ];
  if (doc.fields.length > 0) {
    children.push(
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
        layout: TableLayoutType.FIXED,
        rows: doc.fields.map((f) => new TableRow({ cantSplit: true, children: [cell(f.label, LABEL_WIDTH, true), cell(f.value, TEXT_WIDTH - LABEL_WIDTH, false)] })),
      }),
    );
  }
  for (const s of doc.sections) {
    children.push(new Paragraph({ spacing: { before: 240, after: 60 }, keepNext: true, children: [new TextRun({ text: `【${xmlSafe(s.heading)}】`, bold: true })] }));
    for (const line of s.lines) children.push(new Paragraph({ indent: { firstLine: 210 }, children: [new TextRun({ text: xmlSafe(line) })] }));
  }
  const document = new Document({
    creator: 'shitei',
    title: options.title ?? '特定秘密指定書',
    description: 'shitei export',
    customProperties: [EXPORT_MARKER],
    styles: {
      default: {
        document: {
          run: { font: { ascii: MINCHO_FONT, hAnsi: MINCHO_FONT, eastAsia: MINCHO_FONT, cs: MINCHO_FONT }, size: 21, language: { value: 'ja-JP', eastAsia: 'ja-JP' } },
          paragraph: { spacing: { line: 300 } },
        },
      },
    },
    sections: [{
      properties: { page: { size: A4, margin: MARGIN } },
      // Page numbers (n / N) for the approval file; import reads the body only, never the footer.
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 18 })] })] }) },
      children,
    }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
