/**
 * From the blocks of a Word document to a sheet (format.md v1.1 "Documents in and out"):
 * fields and sections from a two-column table (label | value, an item-number column before
 * them allowed) or from paragraphs `label：value`, `label　value`, `【heading】`, or a label
 * alone on its line with the value (or the section's text) on the lines after it. Labels are
 * matched loosely (labels.ts). What matches nothing goes into 【備考】, as the document says
 * it, and is listed in `unmatched` so the CLI can report it.
 *
 * A document written by `shitei export` (its custom property says so) is read exactly: its
 * labels are the sheet's own, unknown fields and sections stay fields and sections, and the
 * sections' lines are never taken for fields.
 */
import type { Block } from './docxRead';
import { matchLabel, normalizeLabel, stripItemNumber, type LabelMatch } from './labels';
import { oneLine, type DocField, type DocSection, type SheetDocument } from './sheetDocument';

export interface ImportResult {
  document: SheetDocument;
  /** What matched no field or section (labels, headings or lines), in document order. */
  unmatched: string[];
  /** How many labels and headings matched a field or section. */
  recognized: number;
}

const REMARKS = '備考';
/** Paragraphs that are a document's title, not an item (compared normalized). */
const TITLES = ['特定秘密指定書', '特定秘密指定について', '特定秘密指定', '指定書', '特定秘密指定通知書'].map(normalizeLabel);
const isTitle = (line: string) => {
  const key = normalizeLabel(line);
  return TITLES.includes(key) || TITLES.includes(key.replace(/\([^()]*\)$/, ''));
};
/** A table's header row ("項目 | 内容") says nothing of the sheet. */
const HEADER_LABELS = new Set(['項目', '事項', '区分', '記載事項', '名称', '項目名'].map(normalizeLabel));
const HEADER_VALUES = new Set(['内容', '記載内容', '記載事項', '事項', '値', '記載'].map(normalizeLabel));
/** Words a table's header row is made of (項番 | 項目 | 内容 | 備考): such a row is skipped whole. */
const HEADER_WORDS = new Set([...HEADER_LABELS, ...HEADER_VALUES, ...['項番', 'No', 'No.', '番', '備考', '摘要'].map(normalizeLabel)]);
const isHeaderRow = (cells: string[]) => {
  const words = cells.filter((c) => c !== '').map((c) => normalizeLabel(c));
  return words.length >= 2 && words.every((w) => HEADER_WORDS.has(w)) && words.some((w) => HEADER_LABELS.has(w));
};

const isItemNumber = (text: string) => /^[(（]?\s*(?:[0-9０-９]+|[一二三四五六七八九十]+|[ア-ン])\s*[)）.．、]?$/.test(text.trim());
/** String.prototype.trim removes every Unicode blank (U+3000 too), in linear time. */
const trimAll = (s: string) => s.trim();

/**
 * Where a label would end in a paragraph line: `label：value`, else `label<blanks>value` at the
 * rightmost run of blanks whose left part is a label (有効期間の 満了する年月日 令和10年3月31日
 * splits before the date, not after 有効期間).
 */
function splitLabel(line: string): { label: string; value: string } | undefined {
  const colon = line.search(/[：:]/);
  if (colon > 0 && colon <= 40) {
    const split = { label: line.slice(0, colon), value: trimAll(line.slice(colon + 1)) };
    // 指定をした年月日 令和8年4月1日(注：…): the colon is in the value; try the blanks then.
    if (matchLabel(split.label)) return split;
  }
  const body = stripItemNumber(line);
  const blanks = [...body.matchAll(/[\s\u3000]+/g)];
  for (let k = blanks.length - 1; k >= 0; k--) {
    const at = blanks[k].index!;
    if (at === 0 || at > 40) continue;
    const label = body.slice(0, at);
    const value = trimAll(body.slice(at + blanks[k][0].length));
    if (value && matchLabel(label)) return { label, value };
  }
  return undefined;
}

export function interpretBlocks(blocks: readonly Block[], exportedByShitei: boolean): ImportResult {
  const fields: DocField[] = [];
  const sections: DocSection[] = [];
  const remarks: string[] = [];
  const unmatched: string[] = [];
  let recognized = 0;
  /** Where lines go: a section, the remarks (after an unmatched heading), or nowhere yet (header). */
  let current: DocSection | 'remarks' | undefined;
  let pending: Extract<LabelMatch, { kind: 'field' }> | undefined;
  const seen = new Set<string>();

  const flushPending = () => {
    if (pending) fields.push({ label: pending.name, value: '' });
    pending = undefined;
  };

  const addField = (match: Extract<LabelMatch, { kind: 'field' }>, value: string) => {
    recognized++;
    seen.add(match.name);
    const lines = value.split(/\r\n|\r|\n/).map(trimAll).filter((l) => l !== '');
    if (match.repeatable && lines.length > 1) {
      for (const l of lines) fields.push({ label: match.name, value: l });
    } else if (match.name === '別表' && lines.length > 1) {
      fields.push({ label: match.name, value: lines.join('、') });
    } else fields.push({ label: match.name, value: oneLine(value) });
  };

  const startSection = (heading: string, firstLines: string) => {
    const section: DocSection = { heading, lines: [] };
    for (const l of firstLines.split(/\r\n|\r|\n/)) if (trimAll(l)) section.lines.push(trimAll(l));
    sections.push(section);
    current = section;
  };

  const noMatch = (label: string, value: string) => {
    unmatched.push(label || value);
    remarks.push(label && value ? `${label}：${oneLine(value)}` : oneLine(label || value));
  };

  /** A label and its value (a table row, or a paragraph line that splits). Returns false when nothing matched. */
  const labelled = (label: string, value: string): boolean => {
    const match = matchLabel(label);
    if (!match) return false;
    flushPending();
    if (match.kind === 'field') addField(match, value);
    else {
      recognized++;
      startSection(match.name, value);
    }
    return true;
  };

  const exactLine = (line: string) => {
    const t = trimAll(line);
    if (!t) return;
    if (t.startsWith('【')) {
      const close = t.indexOf('】');
      const name = trimAll(close < 0 ? t.slice(1) : t.slice(1, close));
      if (matchLabel(name)?.kind === 'section') recognized++;
      startSection(name, close < 0 ? '' : t.slice(close + 1));
    } else if (current && current !== 'remarks') current.lines.push(t);
    else if (!isTitle(t)) fields.push({ label: '', value: t });
  };

  const looseLine = (line: string) => {
    const t = trimAll(line);
    if (!t) return;
    if (!current && fields.length === 0 && isTitle(t)) return;
    if (t.startsWith('【') || t.startsWith('[')) {
      const close = t.search(/[】\]]/);
      const name = trimAll(close < 0 ? t.slice(1) : t.slice(1, close));
      const rest = close < 0 ? '' : trimAll(t.slice(close + 1));
      if (labelled(name, rest)) {
        const last = fields[fields.length - 1];
        if (!rest && last && last.label === matchLabel(name)?.name && last.value === '') {
          fields.pop(); // 【整理番号】 alone: its value is on the next line
          pending = matchLabel(name) as Extract<LabelMatch, { kind: 'field' }>;
        }
        return;
      }
      flushPending();
      unmatched.push(name);
      remarks.push(t);
      current = 'remarks';
      return;
    }
    const inSection = current !== undefined && current !== 'remarks';
    const split = splitLabel(t);
    if (split && split.value) {
      const match = matchLabel(split.label);
      // In a section, a line is content unless it names another section or a field not given yet
      // (「理由：…」 inside 【指定の理由】 is a sentence of that reason, not a second reason).
      const takes = match && (!inSection || (match.kind === 'section' && match.name !== (current as DocSection).heading) || (match.kind === 'field' && (match.repeatable || !seen.has(match.name))));
      // A field between sections: the lines after it still belong to the section.
      if (takes && labelled(split.label, split.value)) return;
    }
    const alone = matchLabel(t);
    if (alone && (!inSection || alone.kind === 'section' || !seen.has(alone.name))) {
      flushPending();
      if (alone.kind === 'section') {
        recognized++;
        startSection(alone.name, '');
      } else pending = alone;
      return;
    }
    if (pending) {
      addField(pending, t);
      pending = undefined;
      return;
    }
    if (inSection) (current as DocSection).lines.push(t);
    else if (current === 'remarks') remarks.push(t);
    else noMatch('', t);
  };

  const line = exportedByShitei ? exactLine : looseLine;

  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      for (const l of block.text.split('\n')) line(l);
      continue;
    }
    let previous: LabelMatch | undefined;
    for (const raw of block.rows) {
      let cells = raw.map(trimAll);
      if (!exportedByShitei && isHeaderRow(cells)) continue;
      if (cells.length >= 3 && isItemNumber(cells[0])) cells = cells.slice(1);
      // Merged cells repeat nothing in Word's XML, but a copy from elsewhere may: drop adjacent repeats.
      cells = cells.filter((c, i) => i === 0 || c !== cells[i - 1] || c === '');
      const emptyValue = cells.length >= 2 && cells[0] !== '' && cells.slice(1).every((c) => c === '');
      if (emptyValue && (exportedByShitei || matchLabel(cells[0]))) {
        // A label with an empty value: the field is there and empty (the rules say so), or the section has no text.
        flushPending();
        const match = matchLabel(cells[0]);
        if (match?.kind === 'section') {
          recognized++;
          startSection(match.name, '');
          current = undefined;
        } else {
          if (match) recognized++;
          fields.push({ label: match?.name ?? cells[0], value: '' });
        }
        previous = match;
        continue;
      }
      if (cells.length < 2 || cells.slice(1).every((c) => c === '')) {
        // One cell: read it as paragraphs.
        for (const l of (cells[0] ?? '').split('\n')) line(l);
        previous = undefined;
        continue;
      }
      if (!exportedByShitei && cells.length >= 4 && cells.length % 2 === 0 && matchLabel(cells[0]) && matchLabel(cells[2])) {
        // Two label | value pairs side by side (整理番号 | … | 指定年月日 | …), as forms often have.
        for (let k = 0; k < cells.length; k += 2) {
          if (cells[k] === '' && cells[k + 1] === '') continue;
          if (!labelled(cells[k], cells[k + 1])) noMatch(cells[k], cells[k + 1]);
          else if (matchLabel(cells[k])?.kind === 'section') current = undefined;
        }
        previous = undefined;
        continue;
      }
      const label = cells[0];
      const value = cells.slice(1).filter((c) => c !== '').join('\n');
      if (exportedByShitei) {
        flushPending();
        if (label === '') fields.push({ label: '', value: oneLine(value) });
        else {
          const match = matchLabel(label);
          if (match?.kind === 'section') {
            recognized++;
            startSection(match.name, value);
            current = undefined;
          } else {
            if (match) recognized++;
            fields.push({ label: match?.name ?? label, value: match?.kind === 'field' ? oneLine(value) : oneLine(value) });
          }
        }
        continue;
      }
      if (label === '' && previous?.kind === 'field') {
        // A vertically merged label (延長 over several rows): the row continues the field above.
        addField(previous, value);
        continue;
      }
      if (HEADER_LABELS.has(normalizeLabel(label)) && HEADER_VALUES.has(normalizeLabel(value))) continue;
      if (labelled(label, value)) {
        previous = matchLabel(label);
        // A section given in a table row ends with the row: paragraphs after the table are not its text.
        current = undefined;
        continue;
      }
      previous = undefined;
      noMatch(label, value);
    }
  }
  flushPending();

  if (remarks.length) {
    let section = sections.find((s) => s.heading === REMARKS);
    if (!section) {
      section = { heading: REMARKS, lines: [] };
      sections.push(section);
    }
    section.lines.push(...remarks);
  }
  return { document: { fields, sections }, unmatched, recognized };
}
