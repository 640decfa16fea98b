/**
 * A clean designation sheet to vary in tests: every field and section valid, no diagnostics.
 * `sheet({ 有効期間: '6年' })` replaces a field's value, `null` removes the line, and
 * sections are replaced by name the same way.
 */
export interface SheetParts {
  fields?: Record<string, string | null>;
  sections?: Record<string, string | null>;
  /** Extra lines appended to the header, after the known fields. */
  extraHeader?: string[];
  eol?: '\n' | '\r\n';
  bom?: boolean;
}

const FIELDS: [string, string][] = [
  ['整理番号', '防衛-2026-0012'],
  ['行政機関', '防衛省'],
  ['指定年月日', '令和8年4月1日'],
  ['有効期間', '2年'],
  ['満了日', '令和10年3月31日'],
  ['別表', '別表第1号イa(a)'],
  ['措置', '表示'],
  ['特定秘密管理者', '統合幕僚監部運用部運用第1課長'],
];

const SECTIONS: [string, string][] = [
  ['対象情報の記述', '令和8年度に実施する自衛隊の統合演習の計画(参加部隊の編成及び実施区域を含む。)'],
  ['指定の理由', '別表第1号イa(a)に掲げる自衛隊の演習の計画に該当する。当該計画は公になっておらず(非公知性)、\n漏えいした場合には我が国の手の内が露見し、対抗措置が講じられるおそれがあるため、特段の秘匿の必要性がある。'],
  ['概要', '令和8年度自衛隊統合演習計画'],
];

export function sheet(parts: SheetParts = {}): string {
  const lines: string[] = ['# 令和8年度 演習計画の指定(下書き)'];
  for (const [name, value] of FIELDS) {
    const v = parts.fields && name in parts.fields ? parts.fields[name] : value;
    if (v !== null) lines.push(`${name}：${v}`);
  }
  for (const [name, value] of Object.entries(parts.fields ?? {})) {
    if (!FIELDS.some(([n]) => n === name) && value !== null) lines.push(`${name}：${value}`);
  }
  lines.push(...(parts.extraHeader ?? []));
  const sections = [...SECTIONS];
  for (const name of Object.keys(parts.sections ?? {})) if (!sections.some(([n]) => n === name)) sections.push([name, '']);
  for (const [name, value] of sections) {
    const v = parts.sections && name in parts.sections ? parts.sections[name] : value;
    if (v === null) continue;
    lines.push('', `【${name}】`, ...(v ? v.split('\n') : []));
  }
  const text = lines.join(parts.eol ?? '\n') + (parts.eol ?? '\n');
  return (parts.bom ? '\uFEFF' : '') + text;
}
