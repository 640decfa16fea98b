/**
 * Rules that compare the sheets of a folder or workspace with each other. Each reports on
 * every sheet involved, naming the other, so the problem shows wherever a reviewer looks.
 */
import * as path from 'node:path';
import type { SheetModel } from '../analysis/sheet';
import type { Localized, Severity, Span } from '../types';
import { findPeriodExpressions } from '../domain/periodExpressions';
import { checkReference, formatReference, parseReferenceList } from '../domain/beppyo/reference';
import { MEASURES } from '../domain/format';

export interface WorkspaceSheet {
  /** A stable id (a path or URI). */
  id: string;
  /** The file's absolute path, when it is a file. */
  path?: string;
  /** How other sheets' messages name this one when it has no path. */
  label: string;
  sheet: SheetModel;
}

/**
 * How `from`'s message names `other`: relative to `from`'s folder, so the CLI (whatever its
 * working folder) and the editor (whatever its workspace root) say the same thing.
 */
export function nameFrom(from: WorkspaceSheet, other: WorkspaceSheet): string {
  if (from.path && other.path) return path.relative(path.dirname(from.path), other.path).split(path.sep).join('/');
  return other.label;
}

export interface WorkspaceReport {
  id: string;
  span: Span;
  message: Localized;
}

export interface WorkspaceRule {
  meta: { code: string; defaultSeverity: Severity; basis: string; description: Localized };
  check(sheets: readonly WorkspaceSheet[], report: (r: WorkspaceReport) => void): void;
}

const normalizeSerial = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export const serialDuplicate: WorkspaceRule = {
  meta: {
    code: 'serial-duplicate',
    defaultSeverity: 'error',
    basis: '基準 II 3(5)',
    description: { ja: '二つの指定書が同じ整理番号を持つ', en: 'two sheets share one 整理番号' },
  },
  check(sheets, report) {
    const bySerial = new Map<string, WorkspaceSheet[]>();
    for (const s of sheets) {
      const node = s.sheet.field('整理番号');
      if (!node) continue;
      const key = normalizeSerial(node.value);
      bySerial.set(key, [...(bySerial.get(key) ?? []), s]);
    }
    for (const group of bySerial.values()) {
      if (group.length < 2) continue;
      for (const s of group) {
        const others = group.filter((o) => o !== s).map((o) => nameFrom(s, o));
        const node = s.sheet.field('整理番号')!;
        report({
          id: s.id,
          span: node.valueSpan,
          message: {
            ja: `整理番号「${node.value}」は ${others.join('、')} でも使われています(整理番号は指定ごとに一意です)`,
            en: `the serial number "${node.value}" is also used by ${others.join(', ')} (each designation needs its own)`,
          },
        });
      }
    }
  },
};

const seriesKeys = new WeakMap<SheetModel, string | undefined>();

/** The description with its period expressions taken out: what a yearly series shares. */
export function seriesKey(sheet: SheetModel): string | undefined {
  // Sheets are immutable and re-checked on every edit of any sheet: compute each key once.
  if (!seriesKeys.has(sheet)) seriesKeys.set(sheet, computeSeriesKey(sheet));
  return seriesKeys.get(sheet);
}

function computeSeriesKey(sheet: SheetModel): string | undefined {
  const description = sheet.sectionContent('対象情報の記述');
  if (!description) return undefined;
  const { scoped } = findPeriodExpressions(description.text);
  if (scoped.length === 0) return undefined;
  let text = description.text;
  for (const p of [...scoped].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, p.span.start) + text.slice(p.span.end);
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function measureOf(sheet: SheetModel): string | undefined {
  const value = sheet.field('措置')?.value.replace(/[\s\u3000]/g, '');
  return MEASURES.find((m) => value && m.forms.includes(value))?.value ?? value;
}

function referencesOf(sheet: SheetModel): string {
  const refs = parseReferenceList(sheet.field('別表')?.value ?? '').refs.filter((r) => checkReference(r).status !== 'invalid');
  return refs.map((r) => formatReference(r)).sort().join('、');
}

export const seriesInconsistent: WorkspaceRule = {
  meta: {
    code: 'series-inconsistent',
    defaultSeverity: 'warning',
    basis: '基準 II 3(3); 参議院情報監視審査会(2018)',
    description: { ja: '年度ごとの一連の指定で別表・措置・行政機関が食い違う', en: 'a yearly series differs in 別表, 措置 or agency' },
  },
  check(sheets, report) {
    const byKey = new Map<string, WorkspaceSheet[]>();
    for (const s of sheets) {
      const key = seriesKey(s.sheet);
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), s]);
    }
    for (const group of byKey.values()) {
      if (group.length < 2) continue;
      const aspects: { name: Localized; value: (s: SheetModel) => string | undefined }[] = [
        { name: { ja: '別表の事項', en: 'the 別表 reference' }, value: referencesOf },
        { name: { ja: '措置', en: 'the measure (措置)' }, value: measureOf },
        { name: { ja: '行政機関', en: 'the agency' }, value: (sh) => sh.field('行政機関')?.value },
      ];
      for (const s of group) {
        const differing = group.filter((o) => o !== s).map((o) => ({
          other: o,
          aspects: aspects.filter((a) => a.value(o.sheet) !== a.value(s.sheet)),
        })).filter((d) => d.aspects.length > 0);
        if (differing.length === 0) continue;
        const node = s.sheet.field('整理番号') ?? s.sheet.field('別表');
        const span = node ? node.valueSpan : s.sheet.syntax.firstLineSpan;
        const parts = differing.map((d) => ({
          ja: `${nameFrom(s, d.other)}(${d.aspects.map((a) => a.name.ja).join('・')})`,
          en: `${nameFrom(s, d.other)} (${d.aspects.map((a) => a.name.en).join(', ')})`,
        }));
        report({
          id: s.id,
          span,
          message: {
            ja: `同じ対象情報の年度違いの指定と食い違っています: ${parts.map((p) => p.ja).join('、')}。一連の指定は同じ扱いにしてください`,
            en: `differs from the same information's designation for another period: ${parts.map((p) => p.en).join('; ')}; a series should be handled consistently`,
          },
        });
      }
    }
  },
};

export const WORKSPACE_RULES: readonly WorkspaceRule[] = [serialDuplicate, seriesInconsistent];
