/**
 * The fields and sections a designation sheet has (format.md "Fields" and "Sections"),
 * in canonical order. Everything that knows a field or section name asks here.
 */
export type FieldName =
  | '整理番号' | '行政機関' | '指定年月日' | '有効期間' | '満了日' | '別表' | '措置' | '特定秘密管理者' | '延長'
  // v1.1: the life of a designation (法第4条; 運用基準 III).
  | '点検' | '解除';

export interface FieldSpec {
  name: FieldName;
  aliases: string[];
  required: boolean;
  repeatable: boolean;
  en: string;
}

export const FIELDS: readonly FieldSpec[] = [
  { name: '整理番号', aliases: ['指定の整理番号'], required: true, repeatable: false, en: 'serial number' },
  { name: '行政機関', aliases: ['指定行政機関'], required: true, repeatable: false, en: 'agency' },
  { name: '指定年月日', aliases: ['指定をした年月日', '指定日'], required: true, repeatable: false, en: 'designation date' },
  { name: '有効期間', aliases: ['指定の有効期間'], required: true, repeatable: false, en: 'validity period' },
  { name: '満了日', aliases: ['満了する年月日', '有効期間の満了する年月日'], required: true, repeatable: false, en: 'expiry date' },
  { name: '別表', aliases: ['別表の事項', '該当事項'], required: true, repeatable: false, en: 'annexed-table item' },
  { name: '措置', aliases: ['講ずる措置'], required: true, repeatable: false, en: 'measure' },
  { name: '特定秘密管理者', aliases: ['特定秘密管理者の官職'], required: true, repeatable: false, en: 'secret manager' },
  { name: '延長', aliases: ['有効期間の延長'], required: false, repeatable: true, en: 'extension' },
  { name: '点検', aliases: ['指定の理由の点検'], required: false, repeatable: true, en: 'review' },
  { name: '解除', aliases: ['指定の解除', '解除年月日'], required: false, repeatable: false, en: 'release' },
];

export type SectionName = '対象情報の記述' | '指定の理由' | '概要' | '解除の条件' | '延長の理由' | '解除の理由' | '備考';

export interface SectionSpec {
  name: SectionName;
  aliases: string[];
  required: boolean;
  en: string;
}

export const SECTIONS: readonly SectionSpec[] = [
  { name: '対象情報の記述', aliases: ['対象情報'], required: true, en: 'description of the target information' },
  { name: '指定の理由', aliases: [], required: true, en: 'reason for designation' },
  { name: '概要', aliases: ['特定秘密の概要'], required: true, en: 'summary' },
  { name: '解除の条件', aliases: ['指定を解除する条件'], required: false, en: 'conditions for release' },
  { name: '延長の理由', aliases: [], required: false, en: 'reason for extension' },
  { name: '解除の理由', aliases: [], required: false, en: 'reason for release' },
  { name: '備考', aliases: [], required: false, en: 'remarks' },
];

const fieldByName = new Map<string, FieldSpec>();
for (const f of FIELDS) for (const n of [f.name, ...f.aliases]) fieldByName.set(n, f);
const sectionByName = new Map<string, SectionSpec>();
for (const s of SECTIONS) for (const n of [s.name, ...s.aliases]) sectionByName.set(n, s);

export function lookupField(name: string): FieldSpec | undefined {
  return fieldByName.get(name);
}

export function lookupSection(name: string): SectionSpec | undefined {
  return sectionByName.get(name);
}

export function fieldSpec(name: FieldName): FieldSpec {
  return fieldByName.get(name)!;
}

/** The two measures of 法第3条第2項, with the forms a drafter writes for them. */
export const MEASURES: readonly { value: '表示' | '通知'; forms: string[]; basis: string }[] = [
  { value: '表示', forms: ['表示', '第1号', '第一号', '第１号', '1号', '１号', '一号'], basis: '法第3条第2項第1号' },
  { value: '通知', forms: ['通知', '第2号', '第二号', '第２号', '2号', '２号', '二号'], basis: '法第3条第2項第2号' },
];
