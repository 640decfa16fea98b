/**
 * series-inconsistent: sheets whose 【対象情報の記述】 is the same once its period expressions are
 * taken out (a yearly series) differ in 別表, 措置 or agency.
 */
import * as path from 'node:path';
import type { SheetModel } from '../../analysis/sheet';
import type { Localized } from '../../types';
import { comparableText, confirmGroups } from '../comparableText';
import { checkReference, formatReference, parseReferenceList } from '../../domain/beppyo/reference';
import { MEASURES } from '../../domain/format';
import { NAMED_OTHERS, nameFrom, type WorkspaceEntry, type WorkspaceReport, type WorkspaceRule } from '../types';

/**
 * The description with its period expressions taken out — what a yearly series shares — as the
 * digest the index groups by (comparableText.ts); undefined for a description without a period.
 */
export function seriesKey(sheet: SheetModel): string | undefined {
  return comparableText(sheet, '対象情報の記述', { withoutPeriods: true })?.digest;
}

/** The full text behind seriesKey, which confirms that sheets sharing a digest are a series. */
export function computeSeriesKey(sheet: SheetModel): string | undefined {
  return comparableText(sheet, '対象情報の記述', { withoutPeriods: true })?.text();
}

function measureOf(sheet: SheetModel): string | undefined {
  const value = sheet.field('措置')?.value.replace(/[\s\u3000]/g, '');
  return MEASURES.find((m) => value && m.forms.includes(value))?.value ?? value;
}

function referencesOf(sheet: SheetModel): string {
  const refs = parseReferenceList(sheet.field('別表')?.value ?? '').refs.filter((r) => checkReference(r).status !== 'invalid');
  return refs.map((r) => formatReference(r)).sort().join('、');
}

const aspectValues = new WeakMap<SheetModel, (string | undefined)[]>();

/** The values a series must agree on, once per sheet version (a group is checked again whenever a member changes). */
function aspectsOf(sheet: SheetModel): (string | undefined)[] {
  let values = aspectValues.get(sheet);
  if (!values) aspectValues.set(sheet, (values = ASPECTS.map((a) => a.value(sheet))));
  return values;
}

const ASPECTS: { name: Localized; value: (s: SheetModel) => string | undefined }[] = [
  { name: { ja: '別表の事項', en: 'the 別表 reference' }, value: referencesOf },
  { name: { ja: '措置', en: 'the measure (措置)' }, value: measureOf },
  { name: { ja: '行政機関', en: 'the agency' }, value: (sh) => sh.field('行政機関')?.value },
];

export const seriesInconsistent: WorkspaceRule = {
  meta: {
    code: 'series-inconsistent',
    defaultSeverity: 'warning',
    basis: '基準 II 3(3); 参議院情報監視審査会(2018)',
    description: { ja: '年度ごとの一連の指定で別表・措置・行政機関が食い違う', en: 'a yearly series differs in 別表, 措置 or agency' },
  },
  keys(entry) {
    const key = seriesKey(entry.sheet);
    return key ? [key] : [];
  },
  checkGroup(digestGroup, report) {
    // Sheets that share a digest, confirmed by their texts (comparableText.ts).
    for (const group of confirmGroups(digestGroup, (s) => computeSeriesKey(s.sheet))) if (group.length > 1) checkSeries(group, report);
  },
};

/** One confirmed series: members with the same 別表, 措置 and agency agree; a member differs from every other bucket. */
function checkSeries(group: readonly WorkspaceEntry[], report: (r: WorkspaceReport) => void): void {
  const values = new Map<WorkspaceEntry, (string | undefined)[]>();
  const buckets = new Map<string, WorkspaceEntry[]>();
  for (const s of group) {
    const v = aspectsOf(s.sheet);
    values.set(s, v);
    const signature = JSON.stringify(v);
    const bucket = buckets.get(signature);
    if (bucket) bucket.push(s);
    else buckets.set(signature, [s]);
  }
  if (buckets.size < 2) return;
  const bucketOf = new Map<WorkspaceEntry, WorkspaceEntry[]>();
  for (const bucket of buckets.values()) for (const s of bucket) bucketOf.set(s, bucket);
  // A member's message depends on its bucket and its folder only (nameFrom reads the folder):
  // made once per bucket and folder, so a large series costs one message per folder, not per sheet.
  const messages = new Map<WorkspaceEntry[], Map<string, Localized>>();
  for (const s of group) {
    const own = bucketOf.get(s)!;
    const folder = s.path ? `/${path.dirname(s.path)}` : '';
    let byFolder = messages.get(own);
    if (!byFolder) messages.set(own, (byFolder = new Map()));
    let message = byFolder.get(folder);
    if (!message) byFolder.set(folder, (message = seriesMessage(s, own, buckets, values, group.length)));
    const node = s.sheet.field('整理番号') ?? s.sheet.field('別表');
    const span = node ? node.valueSpan : s.sheet.syntax.firstLineSpan;
    report({ id: s.id, span, message });
  }
}

/** What `s` is told: the first few members of other buckets, each with the aspects that differ. */
function seriesMessage(s: WorkspaceEntry, own: WorkspaceEntry[], buckets: Map<string, WorkspaceEntry[]>, values: Map<WorkspaceEntry, (string | undefined)[]>, size: number): Localized {
  const named: WorkspaceEntry[] = [];
  for (const bucket of buckets.values()) {
    if (bucket === own) continue;
    for (const o of bucket) {
      if (named.length === NAMED_OTHERS) break;
      named.push(o);
    }
    if (named.length === NAMED_OTHERS) break;
  }
  const rest = size - own.length - named.length;
  const mine = values.get(s)!;
  const parts = named.map((o) => {
    const theirs = values.get(o)!;
    const differing = ASPECTS.filter((_, i) => theirs[i] !== mine[i]);
    return {
      ja: `${nameFrom(s, o)}(${differing.map((a) => a.name.ja).join('・')})`,
      en: `${nameFrom(s, o)} (${differing.map((a) => a.name.en).join(', ')})`,
    };
  });
  const more = rest > 0 ? { ja: `、ほか${rest}件`, en: `; and ${rest} more` } : { ja: '', en: '' };
  return {
    ja: `同じ対象情報の年度違いの指定と食い違っています: ${parts.map((p) => p.ja).join('、')}${more.ja}。一連の指定は同じ扱いにしてください`,
    en: `differs from the same information's designation for another period: ${parts.map((p) => p.en).join('; ')}${more.en}; a series should be handled consistently`,
  };
}
