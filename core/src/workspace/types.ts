/**
 * What a workspace rule is: one module that says, per sheet, under which keys the sheet is
 * compared with others (its 整理番号, its series key, …), and, per group of sheets sharing a key,
 * what to report. The index (crossFileIndex.ts) computes each sheet's keys once per change and
 * re-checks only the groups a change touched, so a rule never sees the whole workspace at once.
 */
import * as path from 'node:path';
import type { SheetModel } from '../analysis/sheet';
import type { ResolvedConfig } from '../analysis/config';
import type { Localized, Severity, Span } from '../types';

export interface WorkspaceSheet {
  /** A stable id (a path or URI). */
  id: string;
  /** The file's absolute path, when it is a file. */
  path?: string;
  /** How other sheets' messages name this one when it has no path. */
  label: string;
  sheet: SheetModel;
}

/** A sheet with the config it was analysed with (its severities, `today`). */
export interface WorkspaceEntry extends WorkspaceSheet {
  config: ResolvedConfig;
}

export interface WorkspaceReport {
  id: string;
  span: Span;
  message: Localized;
}

export interface WorkspaceRuleMeta {
  code: string;
  defaultSeverity: Severity;
  basis: string;
  description: Localized;
}

export interface WorkspaceRule {
  meta: WorkspaceRuleMeta;
  /** The keys under which `entry` is compared with other sheets; none when it takes no part. */
  keys(entry: WorkspaceEntry): readonly string[];
  /** Reports for the members of one group (≥ 2 sheets sharing `key`, in a stable order). */
  checkGroup(group: readonly WorkspaceEntry[], report: (r: WorkspaceReport) => void, key: string): void;
}

/**
 * How `from`'s message names `other`: relative to `from`'s folder, so the CLI (whatever its
 * working folder) and the editor (whatever its workspace root) say the same thing.
 */
export function nameFrom(from: WorkspaceSheet, other: WorkspaceSheet): string {
  if (from.path && other.path) return path.relative(path.dirname(from.path), other.path).split(path.sep).join('/');
  return other.label;
}

/** How many other sheets a message names; the rest are counted (k sheets sharing a key must not cost k²). */
export const NAMED_OTHERS = 3;

/**
 * "a, b, c and 4 more": the first few of `others` named from `from`, the rest counted. Reads at
 * most NAMED_OTHERS of them, so a message costs the same whatever the group's size.
 */
export function listOthers(from: WorkspaceSheet, others: readonly WorkspaceSheet[], count = others.length): Localized {
  const named = others.slice(0, NAMED_OTHERS).map((o) => nameFrom(from, o));
  const rest = count - named.length;
  return {
    ja: rest > 0 ? `${named.join('、')} ほか${rest}件` : named.join('、'),
    en: rest > 0 ? `${named.join(', ')} and ${rest} more` : named.join(', '),
  };
}

/**
 * listOthers for every member of a group (in the group's order): the first NAMED_OTHERS + 1
 * members name each other, and every other member names the same first NAMED_OTHERS, so its text
 * depends only on its folder and is made once per folder. A group of k sheets then costs k map
 * lookups, not 3k path computations.
 */
export function othersNamer(group: readonly WorkspaceSheet[]): (member: WorkspaceSheet) => Localized {
  const head = group.slice(0, NAMED_OTHERS + 1);
  const first = head.slice(0, NAMED_OTHERS);
  const byFolder = new Map<string, Localized>();
  return (member) => {
    if (head.includes(member)) return listOthers(member, head.filter((o) => o !== member).slice(0, NAMED_OTHERS), group.length - 1);
    // nameFrom depends on the member only through its folder (or, without a path, not at all).
    const folder = member.path ? `/${path.dirname(member.path)}` : '';
    let named = byFolder.get(folder);
    if (!named) byFolder.set(folder, (named = listOthers(member, first, group.length - 1)));
    return named;
  };
}

/** Full/half width and blanks ignored: how two texts are compared across sheets. */
export function normalizeForComparison(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
