/**
 * Reads a .shitei text the way spec/format.md defines it (header fields, 【sections】, aliases), independently of
 * the implementation's parser, so acceptance tests can compare imported sheets field by field.
 */

const FIELD_ALIASES: Record<string, string> = {
  指定の整理番号: '整理番号',
  指定行政機関: '行政機関',
  指定をした年月日: '指定年月日',
  指定日: '指定年月日',
  指定の有効期間: '有効期間',
  満了する年月日: '満了日',
  有効期間の満了する年月日: '満了日',
  別表の事項: '別表',
  該当事項: '別表',
  講ずる措置: '措置',
  特定秘密管理者の官職: '特定秘密管理者',
  有効期間の延長: '延長',
  指定の理由の点検: '点検',
  指定の解除: '解除',
  解除年月日: '解除',
};

const SECTION_ALIASES: Record<string, string> = {
  対象情報: '対象情報の記述',
  特定秘密の概要: '概要',
  指定を解除する条件: '解除の条件',
};

export interface SheetText {
  /** Canonical field name → values in order (延長 and 点検 repeat). */
  fields: Map<string, string[]>;
  /** Canonical section name → content lines (blank lines dropped, each trimmed). */
  sections: Map<string, string[]>;
  /** Header lines that are neither fields, comments nor blank. */
  stray: string[];
}

const BLANKS = /^[\s\u3000]+|[\s\u3000]+$/g;

export function readSheet(text: string): SheetText {
  const fields = new Map<string, string[]>();
  const sections = new Map<string, string[]>();
  const stray: string[] = [];
  let current: string[] | undefined;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    const line = raw.replace(BLANKS, '');
    if (!line) continue;
    if (line.startsWith('#')) continue;
    if (line.startsWith('【')) {
      const end = line.indexOf('】');
      const name = line.slice(1, end < 0 ? undefined : end).replace(BLANKS, '');
      const canonical = SECTION_ALIASES[name] ?? name;
      current = sections.get(canonical) ?? [];
      sections.set(canonical, current);
      const rest = end < 0 ? '' : line.slice(end + 1).replace(BLANKS, '');
      if (rest) current.push(rest);
      continue;
    }
    if (current) {
      current.push(line);
      continue;
    }
    const m = /^([^：:]+)[：:](.*)$/.exec(line);
    if (!m) {
      stray.push(line);
      continue;
    }
    const name = m[1].replace(BLANKS, '');
    const canonical = FIELD_ALIASES[name] ?? name;
    const list = fields.get(canonical) ?? [];
    list.push(m[2].replace(BLANKS, ''));
    fields.set(canonical, list);
  }
  return { fields, sections, stray };
}

/** Section content compared without line breaks and blanks (a Word paragraph may wrap differently). */
export function flat(lines: readonly string[] | undefined): string {
  return (lines ?? []).join('').replace(/[\s\u3000]+/g, '');
}
