/**
 * Matching the labels that Word documents and registers use to the sheet's field and section
 * names (format.md v1.1 "Documents in and out"): loosely, because every agency writes them its
 * own way — full- or half-width, with blanks, with or without 「の」, after an item number
 * (`1`, `１　`, `(1)`, `一`, `第1`), in 【】 or not, and with the agencies' own wording
 * (特定秘密指定整理番号, 指定をした年月日, 法別表該当事項, 講ずる措置 …).
 *
 * Generic over the catalog in domain/format.ts: a field or section added there is matched by
 * its name and aliases with no change here. The lists below only add what documents say that
 * a .shitei file does not (and the v1.1 names, in case the catalog does not list them yet).
 */
import { FIELDS, SECTIONS, lookupField, lookupSection } from '../domain/format';

export type LabelMatch = { kind: 'field'; name: string; repeatable: boolean } | { kind: 'section'; name: string };

/** v1.1 fields and sections, and the catalog's order for them (used when format.ts lacks them). */
const EXTRA_FIELDS: { name: string; aliases: string[]; repeatable: boolean; after: string }[] = [
  { name: '延長', aliases: ['有効期間の延長'], repeatable: true, after: '特定秘密管理者' },
  { name: '点検', aliases: ['指定の理由の点検'], repeatable: true, after: '延長' },
  { name: '解除', aliases: ['指定の解除', '解除年月日'], repeatable: false, after: '点検' },
];
const EXTRA_SECTIONS: { name: string; aliases: string[] }[] = [
  { name: '延長の理由', aliases: [] },
  { name: '解除の理由', aliases: [] },
];

/** What agencies' documents and registers call the fields and sections (normalized on use). */
const DOCUMENT_LABELS: Record<string, string[]> = {
  整理番号: ['特定秘密指定整理番号', '指定整理番号', '特定秘密の指定の整理番号', '指定番号', '特定秘密指定番号', '整理番号等'],
  行政機関: ['指定行政機関名', '行政機関名', '指定をした行政機関', '指定した行政機関', '行政機関の名称'],
  指定年月日: ['指定をした年月日', '指定した年月日', '指定の年月日', '指定年月日', '指定日'],
  有効期間: ['指定の有効期間', '有効期間'],
  満了日: ['有効期間の満了する年月日', '有効期間が満了する年月日', '有効期間満了日', '満了年月日', '有効期間の満了日', '満了日'],
  別表: ['法別表該当事項', '別表該当事項', '法別表の該当事項', '該当する別表の事項', '別表の該当号', '別表該当号', '法別表', '該当する事項', '法別表に掲げる事項', '該当号'],
  措置: ['講ずる措置', '講じる措置', '法第3条第2項の措置', '措置の別'],
  特定秘密管理者: ['特定秘密管理者の官職', '特定秘密管理者官職', '管理者の官職'],
  延長: ['有効期間の延長', '延長した有効期間', '延長後の有効期間'],
  点検: ['指定の理由の点検', '点検年月日', '点検日', '指定理由の点検'],
  解除: ['指定の解除', '解除年月日', '指定を解除した年月日', '解除日'],
  '【対象情報の記述】': ['対象情報', '対象情報の記述', '特定秘密の対象情報', '対象となる情報', '指定の対象情報', '特定秘密の内容', '指定に係る情報', '指定の対象となる情報', '特定秘密である情報'],
  '【指定の理由】': ['指定の理由', '指定理由', '指定をする理由', '指定した理由', '特定秘密に該当する理由'],
  '【概要】': ['特定秘密の概要', '概要'],
  '【解除の条件】': ['指定を解除する条件', '解除の条件', '解除条件'],
  '【備考】': ['備考'],
  '【延長の理由】': ['延長の理由', '有効期間の延長の理由', '延長理由'],
  '【解除の理由】': ['解除の理由', '指定の解除の理由', '解除理由'],
};

/** Folds a label to the form compared: NFKC, no blanks, no 「の」, no 【】, no item number, no trailing colon. */
export function normalizeLabel(label: string): string {
  // No regex anchored at the end here: `\s*$` backtracks quadratically on a long run of blanks.
  let s = label.normalize('NFKC').trim();
  if (s.startsWith('【') || s.startsWith('[')) s = s.slice(1).trim();
  if (s.endsWith('】') || s.endsWith(']')) s = s.slice(0, -1).trim();
  s = stripItemNumber(s);
  while (s.endsWith(':') || s.endsWith('：')) s = s.slice(0, -1).trim();
  return s.replace(/[\s\u3000]+/g, '').replace(/の/g, '');
}

/**
 * Removes a leading item number: `1 `, `1.`, `1、`, `(1)`, `（１）`, `①` (NFKC makes it 1), `一 `,
 * `一、`, `(一)`, `第1 `, `ア `, `(ア)`. A bare number glued to a word (`1整理番号`) counts too
 * when what follows is not part of a date or a period.
 */
export function stripItemNumber(text: string): string {
  const s = text.normalize('NFKC');
  const patterns = [
    /^[■□●○◎◆◇・▼▽►▶※*\-–—]+\s*/,
    /^[(（]\s*(?:[0-9]+|[一二三四五六七八九十]+|[ア-ン]|[a-zA-Z])\s*[)）]\s*/,
    /^第?[0-9]+\s*[.．、,)）]\s*/,
    /^第?[0-9]+(?:\s+|(?=[^0-9年月日号か条項ヶカ箇ヵ.．\s]))/,
    /^第?[一二三四五六七八九十]+(?:\s*[、.．)）]\s*|\s+)/,
    /^[ア-ン][.．、)）]\s*/,
    /^[ア-ン]\s+/,
  ];
  for (const re of patterns) {
    const m = re.exec(s);
    if (m && m[0].length < s.length) {
      // Cut the original text, not its NFKC form: the value after the label is kept as written.
      // Character by character (NFKC of the prefix again and again would be quadratic on a long prefix).
      let folded = 0;
      for (let k = 0; k < text.length; k++) {
        folded += text[k].normalize('NFKC').length;
        if (folded >= m[0].length) return text.slice(k + 1).trimStart();
      }
    }
  }
  return text;
}

interface Target {
  match: LabelMatch;
}

let table: Map<string, Target> | undefined;
let order: { fields: string[]; sections: string[] } | undefined;

function fieldTarget(name: string): LabelMatch {
  const spec = lookupField(name);
  const extra = EXTRA_FIELDS.find((f) => f.name === name);
  return { kind: 'field', name, repeatable: spec ? spec.repeatable : !!extra?.repeatable };
}

function build(): Map<string, Target> {
  const map = new Map<string, Target>();
  const add = (label: string, match: LabelMatch) => {
    const key = normalizeLabel(label);
    if (key && !map.has(key)) map.set(key, { match });
  };
  for (const f of FIELDS) for (const n of [f.name, ...f.aliases]) add(n, fieldTarget(f.name));
  for (const s of SECTIONS) for (const n of [s.name, ...s.aliases]) add(n, { kind: 'section', name: s.name });
  for (const f of EXTRA_FIELDS) for (const n of [f.name, ...f.aliases]) add(n, fieldTarget(f.name));
  for (const s of EXTRA_SECTIONS) for (const n of [s.name, ...s.aliases]) add(n, { kind: 'section', name: s.name });
  for (const [target, labels] of Object.entries(DOCUMENT_LABELS)) {
    const match: LabelMatch = target.startsWith('【') ? { kind: 'section', name: target.slice(1, -1) } : fieldTarget(target);
    for (const l of labels) add(l, match);
  }
  return map;
}

/**
 * Words that decide a label no list names, tried in order (the more specific first: 満了 before
 * 有効期間, 点検 before 指定の理由). Only for short labels: a sentence is not a label. A Japanese
 * label names its thing last (関係行政機関 is not the 行政機関, 延長の有無 is not a 延長, 解除予定日
 * is not the 解除), so the label must also end with one of `ends` (default: the last word of `all`).
 */
const KEYWORDS: { all: string[]; none?: string[]; ends?: string[]; target: string }[] = [
  { all: ['延長', '理由'], target: '【延長の理由】' },
  { all: ['解除', '理由'], target: '【解除の理由】' },
  { all: ['解除', '条件'], target: '【解除の条件】' },
  { all: ['点検'], none: ['予定'], ends: ['点検', '日'], target: '点検' },
  { all: ['理由'], target: '【指定の理由】' },
  { all: ['概要'], target: '【概要】' },
  { all: ['対象', '情報'], ends: ['情報', '記述', '内容'], target: '【対象情報の記述】' },
  { all: ['備考'], target: '【備考】' },
  { all: ['整理番号'], target: '整理番号' },
  { all: ['行政機関'], none: ['関係', '協議', '提供'], ends: ['行政機関', '行政機関名', '名称'], target: '行政機関' },
  { all: ['満了'], ends: ['満了', '日'], target: '満了日' },
  { all: ['延長'], ends: ['延長', '期間'], target: '延長' },
  { all: ['解除'], none: ['予定'], ends: ['解除', '日'], target: '解除' },
  { all: ['有効期間'], target: '有効期間' },
  { all: ['指定', '日'], none: ['予定'], target: '指定年月日' },
  { all: ['別表'], ends: ['別表', '事項', '号'], target: '別表' },
  { all: ['措置'], target: '措置' },
  { all: ['管理者'], ends: ['管理者', '官職'], target: '特定秘密管理者' },
];

const MAX_LABEL_LENGTH = 24;

/** The field or section a document's label stands for, or undefined. */
export function matchLabel(label: string): LabelMatch | undefined {
  table ??= build();
  // A label is short; a long line is text (and is not folded at all: that keeps lines linear).
  if (label.length > MAX_LABEL_LENGTH * 4) return undefined;
  const key = normalizeLabel(label);
  if (!key || key.length > MAX_LABEL_LENGTH) return undefined;
  return matchKey(key) ?? (PAREN_NOTE.test(key) ? matchKey(key.replace(PAREN_NOTE, '')) : undefined);
}

/** A note in parentheses after a label: 講ずる措置(法第3条第2項), 整理番号(指定の整理番号). */
const PAREN_NOTE = /\([^()]*\)$/;

function matchKey(key: string): LabelMatch | undefined {
  if (!key) return undefined;
  const exact = table!.get(key);
  if (exact) return exact.match;
  // Words decide only a label without numbers: 指定日 is a label, 指定日令和8年4月1日 is a line.
  if (/[0-9]/.test(key)) return undefined;
  for (const k of KEYWORDS) {
    if (k.all.every((w) => key.includes(w)) && !(k.none ?? []).some((w) => key.includes(w)) && (k.ends ?? [k.all[k.all.length - 1]]).some((w) => key.endsWith(w))) {
      return k.target.startsWith('【') ? { kind: 'section', name: k.target.slice(1, -1) } : fieldTarget(k.target);
    }
  }
  return undefined;
}

/**
 * The canonical name of a field as a .shitei file writes it, without loose matching (export
 * must not turn an unknown field into a known one): the catalog's, else the v1.1 names.
 */
export function canonicalFieldName(name: string): string | undefined {
  const spec = lookupField(name);
  if (spec) return spec.name;
  return EXTRA_FIELDS.find((f) => f.name === name || f.aliases.includes(name))?.name;
}

export function canonicalSectionName(name: string): string | undefined {
  const spec = lookupSection(name);
  if (spec) return spec.name;
  return EXTRA_SECTIONS.find((s) => s.name === name || s.aliases.includes(name))?.name;
}

/** Canonical order: the catalog's, with the v1.1 names placed where the spec lists them if missing. */
export function canonicalOrder(): { fields: string[]; sections: string[] } {
  if (order) return order;
  const fields = FIELDS.map((f) => f.name as string);
  for (const extra of EXTRA_FIELDS) {
    if (fields.includes(extra.name)) continue;
    const at = fields.indexOf(extra.after);
    fields.splice(at < 0 ? fields.length : at + 1, 0, extra.name);
  }
  const sections = SECTIONS.map((s) => s.name as string);
  for (const extra of EXTRA_SECTIONS) if (!sections.includes(extra.name)) sections.push(extra.name);
  order = { fields, sections };
  return order;
}
