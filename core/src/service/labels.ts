/**
 * What the editor shows about a field or section (completion, hover), in both languages.
 * Keyed by canonical name, so a field or section added to the catalog (domain/format.ts)
 * without an entry here still shows: by its name in Japanese and its `en` in English.
 */
import type { Localized } from '../types';

const FIELD_LABELS: Record<string, Localized> = {
  整理番号: { ja: '指定の整理番号(運用基準 II 3(5))', en: 'serial number (運用基準 II 3(5))' },
  行政機関: { ja: '指定をした行政機関', en: 'the agency that designated' },
  指定年月日: { ja: '指定をした年月日(施行令第4条第1号)', en: 'designation date (施行令第4条第1号)' },
  有効期間: { ja: '指定の有効期間(5年以内。法第4条第1項、施行令第4条第2号)', en: 'validity period (at most 5 years; 法第4条第1項, 施行令第4条第2号)' },
  満了日: { ja: '有効期間の満了する年月日(施行令第4条第2号)', en: 'expiry date (施行令第4条第2号)' },
  別表: { ja: '法別表の該当事項(号・事項・細目。施行令第4条第4号)', en: 'annexed-table item (号, item, 細目; 施行令第4条第4号)' },
  措置: { ja: '講ずる措置(表示又は通知。法第3条第2項、施行令第4条第5号)', en: 'measure (marking or notice; 法第3条第2項, 施行令第4条第5号)' },
  特定秘密管理者: { ja: '特定秘密管理者の官職(運用基準 II 3(5))', en: 'secret manager, the post (運用基準 II 3(5))' },
  延長: { ja: '有効期間の延長(法第4条第2項。繰り返し可)', en: 'extension of the validity (法第4条第2項; may repeat)' },
  点検: { ja: '指定の理由の点検をした年月日(運用基準 III 2(1)。繰り返し可)', en: 'date of a review of the reason (運用基準 III 2(1); may repeat)' },
  解除: { ja: '指定を解除した年月日(法第4条第7項)', en: 'date of release (法第4条第7項)' },
};

const SECTION_LABELS: Record<string, Localized> = {
  対象情報の記述: { ja: '特定秘密である情報の範囲の記述', en: 'description of the target information' },
  指定の理由: { ja: '別表該当性・非公知性・特段の秘匿の必要性', en: 'reason for designation (別表, not public, special need for secrecy)' },
  概要: { ja: '特定秘密指定管理簿に載る概要(施行令第4条第3号)', en: 'summary for the register (施行令第4条第3号)' },
  解除の条件: { ja: '指定を解除する条件', en: 'conditions for release' },
  備考: { ja: '備考', en: 'remarks' },
  延長の理由: { ja: '有効期間を延長する理由(法第4条第2項)', en: 'reason for the extension (法第4条第2項)' },
  解除の理由: { ja: '指定を解除する理由(法第4条第7項)', en: 'reason for the release (法第4条第7項)' },
};

export function fieldLabel(spec: { name: string; en: string }): Localized {
  return FIELD_LABELS[spec.name] ?? { ja: spec.name, en: spec.en };
}

export function sectionLabel(spec: { name: string; en: string }): Localized {
  return SECTION_LABELS[spec.name] ?? { ja: spec.name, en: spec.en };
}

export const REQUIRED: Localized = { ja: '必須', en: 'required' };
export const OPTIONAL: Localized = { ja: '任意', en: 'optional' };
export const REQUIRED_SECTION: Localized = { ja: '必須の節', en: 'required section' };
export const OPTIONAL_SECTION: Localized = { ja: '任意の節', en: 'optional section' };
export const ALIASES: Localized = { ja: '別名', en: 'aliases' };
