/**
 * Completion: field names at the start of a header line, the headings not yet in the sheet
 * after 【, 別表 references ranked by the description already written and searchable by their
 * text, 措置 values, known agencies, periods of 1–5 years, the computed 満了日 and today's date
 * in the document's style.
 */
import type { SheetModel } from '../analysis/sheet';
import type { ResolvedConfig } from '../analysis/config';
import { localize, type Locale, type Localized, type SimpleDate, type Span } from '../types';
import { FIELDS, MEASURES, SECTIONS, lookupSection } from '../domain/format';
import { allReferenceTargets, type ReferenceTarget } from '../domain/beppyo/reference';
import { knownAgencies, isExcludedAgency } from '../domain/agencies';
import { formatDate } from '../domain/dates';
import { computeExpiry, formatPeriod } from '../domain/periods';
import { rankTargets, wordsOf, type WordSource } from '../rules/support/beppyoWords';
import { locate } from './locate';
import { fieldLabel, sectionLabel, OPTIONAL, OPTIONAL_SECTION, REQUIRED, REQUIRED_SECTION } from './labels';

export type CompletionKind = 'field' | 'section' | 'reference' | 'value' | 'agency' | 'date';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** The text to write over `span`. */
  insertText: string;
  span: Span;
  /** Shown for the highlighted row (LSP `detail`). */
  detail?: string;
  /** Shown on every row, right after the label (LSP `labelDetails.detail`). */
  labelDetail?: string;
  /** Shown on every row, right-aligned (LSP `labelDetails.description`). */
  labelDescription?: string;
  /** What the editor matches the typed text against, when it is more than the label. */
  filterText?: string;
  documentation?: string;
  sortText?: string;
  /** The entry the list should highlight first. */
  preselect?: boolean;
}

export interface CompletionOptions {
  /**
   * Tokens for ranking 別表 items by the description, as the rules get them. Without it the
   * ranking falls back to kanji/katakana bigrams, as the rules do while the dictionary loads.
   */
  words?: WordSource;
}

const NO_TOKENS: WordSource = { hasTokens: false, tokenizeText: () => [] };

const TODAY: Localized = { ja: '今日', en: 'today' };
const COMPUTED_EXPIRY: Localized = { ja: '有効期間から計算した満了日', en: 'expiry computed from the validity period' };

export function completionsAt(sheet: SheetModel, offset: number, config: ResolvedConfig, locale: Locale, options: CompletionOptions = {}): CompletionEntry[] {
  const text = sheet.text;
  const idx = sheet.syntax.lineIndex;
  const line = idx.lineOf(offset);
  const lineStart = idx.lineStarts[line];
  const before = text.slice(lineStart, offset);

  // After 【 at the start of a line: the headings the sheet does not have yet (a heading being
  // edited on this line does not count), before the first heading too: it starts the body.
  const bracket = /^[ \t\u3000]*【([^】]*)$/.exec(before);
  if (bracket) {
    const start = offset - bracket[1].length;
    const lineEnd = idx.lineEnd(line);
    const closeAt = text.indexOf('】', offset);
    const end = closeAt >= 0 && closeAt < lineEnd ? closeAt + 1 : offset;
    const present = new Set(sheet.syntax.sections.filter((s) => s.heading.line !== line).map((s) => lookupSection(s.heading.name)?.name));
    return SECTIONS.map((s, i) => ({ s, i })).filter(({ s }) => !present.has(s.name)).map(({ s, i }) => ({
      label: s.name,
      kind: 'section' as const,
      insertText: `${s.name}】`,
      span: { start, end },
      detail: localize(s.required ? REQUIRED_SECTION : OPTIONAL_SECTION, locale),
      labelDescription: localize(s.required ? REQUIRED_SECTION : OPTIONAL_SECTION, locale),
      documentation: localize(sectionLabel(s), locale),
      sortText: String(i).padStart(2, '0'),
    }));
  }

  const at = locate(sheet, offset);
  if ((at.kind === 'header-line-start' || (at.kind === 'field-name' && !at.name)) && !/[：:]/.test(before)) {
    const present = new Set([...sheet.fieldsByName.keys()]);
    // The word before the cursor, found from the end: `/[^ \t\u3000]*$/` retried every start
    // of a long word and read it to the end (quadratic, docs/regular-expressions.md).
    let wordStart = offset;
    while (wordStart > lineStart && !' \t\u3000'.includes(text[wordStart - 1])) wordStart--;
    return FIELDS.map((f, i) => ({ f, i })).filter(({ f }) => f.repeatable || !present.has(f.name)).map(({ f, i }) => ({
      label: f.name,
      kind: 'field' as const,
      insertText: `${f.name}：`,
      span: { start: wordStart, end: offset },
      detail: localize(f.required ? REQUIRED : OPTIONAL, locale),
      labelDescription: localize(fieldLabel(f), locale),
      documentation: localize(fieldLabel(f), locale),
      sortText: String(i).padStart(2, '0'),
    }));
  }

  if (at.kind !== 'field-value' || !at.name) return [];
  const field = at.field;
  // Replace the value piece under the cursor (for 別表, the reference after the last separator).
  const valueStart = Math.min(field.valueSpan.start, offset);
  const typed = text.slice(valueStart, offset);
  const whole = { start: valueStart, end: Math.max(field.valueSpan.end, offset) };
  const today = (): CompletionEntry => {
    const value = formatDate(config.today, sheet.dateStyle);
    return { label: value, kind: 'date', insertText: value, span: whole, detail: localize(TODAY, locale), labelDescription: localize(TODAY, locale), sortText: '1' };
  };
  // The catalog grows (v1.1: 点検, 解除), so the name is compared as a string.
  switch (at.name as string) {
    case '別表': {
      const sep = Math.max(typed.lastIndexOf('、'), typed.lastIndexOf(','), typed.lastIndexOf('，'));
      const start = valueStart + sep + 1;
      const span = { start, end: sep >= 0 ? offset : whole.end };
      return referenceCompletions(sheet, span, locale, options.words ?? NO_TOKENS);
    }
    case '措置':
      return MEASURES.map((m) => ({
        label: m.value, kind: 'value' as const, insertText: m.value, span: whole, detail: m.basis, labelDescription: m.basis,
        filterText: [m.value, ...m.forms].join(' '),
      }));
    case '行政機関':
      return knownAgencies(config.agencies)
        .filter((a) => !isExcludedAgency(a))
        .map((a, i) => ({ label: a, kind: 'agency' as const, insertText: a, span: whole, sortText: String(i).padStart(3, '0') }));
    case '有効期間':
    case '延長':
      return periodCompletions(sheet, at.name === '有効期間' ? sheet.designationDate : undefined, whole, locale);
    case '満了日': {
      const expiry = sheet.computedExpiry;
      const entries = [today()];
      if (expiry) {
        const value = formatDate(expiry, sheet.expiryStyle);
        entries.unshift({ label: value, kind: 'date', insertText: value, span: whole, detail: localize(COMPUTED_EXPIRY, locale), labelDescription: localize(COMPUTED_EXPIRY, locale), sortText: '0', preselect: true });
      }
      return entries;
    }
    case '指定年月日':
    case '点検':
    case '解除':
      return [today()];
    default:
      return [];
  }
}

/** 1年–5年 (法第4条第1項: at most 5 years), each with the 満了日 it gives when the start is known. */
function periodCompletions(sheet: SheetModel, start: SimpleDate | undefined, span: Span, locale: Locale): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (let years = 1; years <= 5; years++) {
    const value = formatPeriod(years, 0, 'half');
    const expiry = start && formatDate(computeExpiry(start, { kind: 'duration', years, months: 0 }), sheet.expiryStyle);
    const note = expiry ? localize({ ja: `満了日 ${expiry}`, en: `expires ${expiry}` }, locale) : undefined;
    out.push({ label: value, kind: 'value', insertText: value, span, detail: note, labelDescription: note, sortText: String(years) });
  }
  return out;
}

/**
 * Every 別表 reference, the ones that share words with the 対象情報の記述 first (the ranking the
 * beppyo-missing fix uses), each showing its own text on its row. The editor matches what is
 * typed against the reference, its 号 written as 第2号 / 2号 / ２号, and its text, so 演習 or 暗号
 * finds the items about them.
 */
function referenceCompletions(sheet: SheetModel, span: Span, locale: Locale, words: WordSource): CompletionEntry[] {
  const description = sheet.sectionContent('対象情報の記述');
  const ranked = description ? rankTargets(words, wordsOf(words, description.text), Infinity) : [];
  const rank = new Map(ranked.map((r, i) => [r.target, { i, shared: r.shared }]));
  return allReferenceTargets().map((t, i) => {
    const hit = rank.get(t);
    const itemText = lastPart(t);
    const shared = hit ? localize({ ja: `記述と共通: ${hit.shared.slice(0, 3).join('、')}`, en: `shared with the description: ${hit.shared.slice(0, 3).join(', ')}` }, locale) : undefined;
    return {
      label: t.ref,
      kind: 'reference' as const,
      insertText: t.ref,
      span,
      labelDetail: ` ${itemText}`,
      ...(shared ? { labelDescription: shared } : {}),
      detail: itemText,
      documentation: t.text.split(' ').join('\n\n'),
      filterText: referenceFilterText(t),
      sortText: hit ? `0${String(hit.i).padStart(3, '0')}` : `1${String(i).padStart(3, '0')}`,
      ...(hit && hit.i === 0 ? { preselect: true } : {}),
    };
  });
}

/** The most specific text of a reference: its sub-item, 細目 or item. */
function lastPart(t: ReferenceTarget): string {
  const parts = t.text.split(' ');
  return parts[parts.length - 1];
}

/**
 * What a drafter may type for a reference: the canonical form, the 号 with and without 第 and in
 * full width, and the words of its text. VS Code matches only the first 128 characters of a
 * filterText and wants the first typed character at the start of a word, so the text goes in
 * as its kanji/katakana runs separated by blanks, the most specific part (細目) first, then the
 * runs' inner starts (整備 in 防衛力整備計画) while room is left.
 */
export const FILTER_TEXT_LIMIT = 128;
/** 又は, 若しくは, 及び, 並びに: they join words, they are not part of one. */
const CONJUNCTION_KANJI = /[又若及並]/g;

function referenceFilterText(t: ReferenceTarget): string {
  const tail = t.ref.replace(/^別表第\d+号/, '');
  const gou = [`第${t.gou}号`, `${t.gou}号`, `${toFullWidth(String(t.gou))}号`];
  const forms = [t.ref, ...gou.map((g) => `${g}${tail}`)];
  const runs = [...new Set(t.text.split(' ').reverse().flatMap((part) => part.replace(CONJUNCTION_KANJI, ' ').match(/[\u4e00-\u9fff\u30a0-\u30ff々ー]{2,}/g) ?? []))];
  const inner = runs.flatMap((r) => Array.from({ length: Math.max(0, r.length - 2) }, (_, i) => r.slice(i + 1)));
  let out = forms.join(' ');
  for (const piece of [...runs, ...inner]) {
    if (out.length + 1 + piece.length > FILTER_TEXT_LIMIT) continue;
    out += ` ${piece}`;
  }
  return out;
}

function toFullWidth(digits: string): string {
  return digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}
