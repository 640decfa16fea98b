/**
 * Builds Word documents the way agencies' templates look inside (WordprocessingML written by hand, runs split
 * in the middle of words as Word does after editing, proofing marks, bookmarks, East Asian fonts), zipped by
 * the test's own zip writer. No dependency on the implementation's libraries.
 */
import { writeZip } from '../support/zip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const FONT = '<w:rPr><w:rFonts w:ascii="Century" w:hAnsi="Century" w:eastAsia="ＭＳ 明朝" w:hint="eastAsia"/><w:sz w:val="21"/></w:rPr>';

function run(text: string): string {
  return `<w:r>${FONT}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/**
 * One paragraph. The text is split into several runs (every 3 characters, as Word leaves text after edits),
 * with a proofing mark and a bookmark in between, so an importer must join runs to see a label.
 * `\n` becomes a manual line break (<w:br/>) and `\t` a tab.
 */
export function p(text: string, opts: { split?: boolean; style?: string } = {}): string {
  const parts: string[] = [];
  const segments = text.split(/(\n|\t)/);
  for (const seg of segments) {
    if (seg === '\n') parts.push('<w:r><w:br/></w:r>');
    else if (seg === '\t') parts.push('<w:r><w:tab/></w:r>');
    else if (opts.split === false || seg.length <= 3) parts.push(seg ? run(seg) : '');
    else {
      for (let i = 0; i < seg.length; i += 3) {
        if (i === 3) parts.push('<w:proofErr w:type="spellStart"/>');
        if (i === 6) parts.push('<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>');
        parts.push(run(seg.slice(i, i + 3)));
      }
    }
  }
  const pPr = opts.style ? `<w:pPr><w:pStyle w:val="${opts.style}"/></w:pPr>` : '';
  return `<w:p>${pPr}${parts.join('')}</w:p>`;
}

/** A table cell holding one paragraph per array item. */
function cell(value: string | string[], width: number): string {
  const paras = (Array.isArray(value) ? value : [value]).map((t) => p(t)).join('') || '<w:p/>';
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paras}</w:tc>`;
}

/** A bordered table of rows of cells, as agency templates have (label column narrow, value column wide). */
export function table(rows: (string | string[])[][]): string {
  const widths = [2800, 6200, 2800, 6200];
  const grid = rows[0].map((_, i) => `<w:gridCol w:w="${widths[i] ?? 2000}"/>`).join('');
  const border = '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>';
  const trs = rows.map((r) => `<w:tr>${r.map((c, i) => cell(c, widths[i] ?? 2000)).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>${border}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${trs}</w:tbl>`;
}

/** A complete .docx (A4, Mincho) with the given body XML. */
export function docx(body: string): Buffer {
  const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1985" w:right="1701" w:bottom="1701" w:left="1701" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsia="ＭＳ 明朝" w:hAnsiTheme="minorHAnsi"/><w:lang w:val="en-US" w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/></w:style></w:styles>`;
  return writeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
    { name: 'word/_rels/document.xml.rels', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>' },
    { name: 'word/document.xml', data: documentXml },
    { name: 'word/styles.xml', data: styles },
  ]);
}

/** Text of a WordprocessingML part: paragraphs joined by newlines, table cells by tabs (for checking exports). */
export function documentText(xml: string): string {
  const unesc = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<\/w:tc>/g, '\t')
    .replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g, (_, t: string) => `\u0000${t}\u0001`)
    .replace(/<[^>]+>/g, '')
    .replace(/\u0000([^\u0001]*)\u0001/g, (_, t: string) => unesc(t));
}

/** The rows of the first table of a document part, each as the text of its cells. */
export function firstTableRows(xml: string): string[][] {
  const tbl = /<w:tbl>([\s\S]*?)<\/w:tbl>/.exec(xml);
  if (!tbl) return [];
  return [...tbl[1].matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) => documentText(tc[1]).replace(/\t/g, '').trim()),
  );
}
