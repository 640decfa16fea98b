/**
 * The workspace rules as an incremental index. Each sheet's keys (its 整理番号, its series key, …)
 * are computed once when the sheet changes; sheets sharing a key form a group; a group is
 * re-checked only when one of its members changed, joined or left. So a change costs the groups
 * it touches, never a pass over the whole workspace, and the CLI (all sheets at once) and the
 * server (one change at a time) run the same code.
 *
 * Invalidation is lazy: touching a group bumps its generation, and a sheet's cached result is
 * valid while the generations it was computed from are unchanged. So k sheets joining one group
 * (k drafts with a placeholder 整理番号) cost O(k), not O(k²); who was affected is expanded
 * once, when a caller asks (drainAffected).
 */
import { applyDirectives, compareDiagnostics, type Diagnostic } from '../analysis/analyze';
import { INTERNAL_ERROR } from '../rules/codes';
import type { Span } from '../types';
import { WORKSPACE_RULES } from './workspaceRules';
import type { WorkspaceEntry, WorkspaceReport, WorkspaceRule } from './types';

interface Group {
  readonly rule: number;
  readonly key: string;
  readonly ids: Set<string>;
  generation: number;
  /** Reports per member id, once checked since the last change. */
  reports?: Map<string, WorkspaceReport[]>;
  /** The rule's crash, when checkGroup threw. */
  crashed?: string;
}

interface Member {
  entry: WorkspaceEntry;
  /** Bumped on every set(). */
  version: number;
  /** Per rule (same order as the rules), the groups the sheet is in. */
  groups: readonly (readonly Group[])[];
  /** Rules whose keys() threw for this sheet. */
  failed: readonly string[];
}

interface CachedResult {
  diagnostics: Diagnostic[];
  stamp: string;
}

/** Counted work, so tests can check that a change costs what it touches. */
export interface IndexWork {
  keysComputed: number;
  groupsChecked: number;
  /** Sheets read by the groups checked (Σ group sizes). */
  membersChecked: number;
  /** Member ids visited to tell callers who was affected. */
  affectedVisited: number;
}

export class CrossFileIndex {
  private readonly members = new Map<string, Member>();
  /** Per rule: key → group. */
  private readonly groups: Map<string, Group>[];
  private readonly results = new Map<string, CachedResult>();
  /** Touched since the last drainAffected(): groups (expanded lazily) and single ids. */
  private readonly pendingGroups = new Set<Group>();
  private readonly pendingIds = new Set<string>();
  private versions = 0;
  readonly work: IndexWork = { keysComputed: 0, groupsChecked: 0, membersChecked: 0, affectedVisited: 0 };

  constructor(private readonly rules: readonly WorkspaceRule[] = WORKSPACE_RULES) {
    this.groups = rules.map(() => new Map());
  }

  get size(): number {
    return this.members.size;
  }

  has(id: string): boolean {
    return this.members.has(id);
  }

  ids(): IterableIterator<string> {
    return this.members.keys();
  }

  /**
   * Adds or replaces a sheet; false when the sheet and its config are the ones already indexed.
   * Who else is affected is collected for drainAffected().
   */
  update(entry: WorkspaceEntry): boolean {
    const old = this.members.get(entry.id);
    if (old && old.entry.sheet === entry.sheet && old.entry.config === entry.config && old.entry.label === entry.label) return false;
    const failed: string[] = [];
    const keys = this.rules.map((rule) => {
      this.work.keysComputed++;
      try {
        return [...new Set(rule.keys(entry))];
      } catch {
        failed.push(rule.meta.code);
        return [];
      }
    });
    if (old) this.leave(entry.id, old);
    const groups = keys.map((ks, r) => ks.map((key) => this.join(entry.id, r, key)));
    this.members.set(entry.id, { entry, version: ++this.versions, groups, failed });
    this.pendingIds.add(entry.id);
    return true;
  }

  /** Removes a sheet; false when it was not indexed. */
  remove(id: string): boolean {
    const old = this.members.get(id);
    if (!old) return false;
    this.members.delete(id);
    this.results.delete(id);
    this.leave(id, old);
    this.pendingIds.add(id);
    return true;
  }

  /** Whether changes wait for drainAffected(). */
  get hasPending(): boolean {
    return this.pendingGroups.size > 0 || this.pendingIds.size > 0;
  }

  /**
   * The ids whose cross-file diagnostics may have changed since the last call (members of the
   * groups touched, the sheets set or removed), each visited once however often its group was
   * touched.
   */
  drainAffected(): Set<string> {
    const out = new Set(this.pendingIds);
    for (const group of this.pendingGroups) {
      for (const id of group.ids) {
        this.work.affectedVisited++;
        out.add(id);
      }
    }
    this.pendingGroups.clear();
    this.pendingIds.clear();
    return out;
  }

  /** update() and the ids affected by this one change (the sheet itself included). */
  set(entry: WorkspaceEntry): Set<string> {
    this.drainAffected();
    return this.update(entry) ? this.drainAffected() : new Set();
  }

  /** remove() and the ids affected (the removed one not included). */
  delete(id: string): Set<string> {
    this.drainAffected();
    if (!this.remove(id)) return new Set();
    const affected = this.drainAffected();
    affected.delete(id);
    return affected;
  }

  /** Changes whenever `id`'s cross-file diagnostics may have changed (a cheap staleness check). */
  stampOf(id: string): string {
    const member = this.members.get(id);
    if (!member) return '';
    let stamp = String(member.version);
    for (const groups of member.groups) for (const g of groups) stamp += `:${g.generation}`;
    return stamp;
  }

  /** The cross-file diagnostics of `id` (severities from its config, its directives applied). */
  diagnosticsFor(id: string): Diagnostic[] {
    const member = this.members.get(id);
    if (!member) return [];
    const stamp = this.stampOf(id);
    const cached = this.results.get(id);
    if (cached && cached.stamp === stamp) return cached.diagnostics;
    const out: Diagnostic[] = [];
    const { entry } = member;
    const firstLine: Span = entry.sheet.syntax.firstLineSpan;
    this.rules.forEach((rule, r) => {
      const setting = entry.config.rules[rule.meta.code] ?? rule.meta.defaultSeverity;
      if (setting === 'off') return;
      if (member.failed.includes(rule.meta.code)) out.push(internalError(rule.meta.code, firstLine));
      for (const group of member.groups[r]) {
        const reports = this.reportsOf(group);
        if (group.crashed !== undefined) out.push(internalError(rule.meta.code, firstLine));
        for (const report of reports?.get(id) ?? []) out.push({ code: rule.meta.code, severity: setting, span: report.span, message: report.message, fixes: [] });
      }
    });
    const kept = applyDirectives(out, entry.sheet);
    kept.sort(compareDiagnostics);
    this.results.set(id, { diagnostics: kept, stamp });
    return kept;
  }

  /** A group's reports, checked once since its last change. */
  private reportsOf(group: Group): Map<string, WorkspaceReport[]> | undefined {
    if (group.ids.size < 2) return undefined;
    if (group.reports) return group.reports;
    const found = new Map<string, WorkspaceReport[]>();
    // By id, so messages name the same sheets whatever order the changes came in.
    const entries = [...group.ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((id) => this.members.get(id)!.entry);
    this.work.groupsChecked++;
    this.work.membersChecked += entries.length;
    try {
      this.rules[group.rule].checkGroup(entries, (report) => {
        if (!group.ids.has(report.id)) return;
        const list = found.get(report.id);
        if (list) list.push(report);
        else found.set(report.id, [report]);
      }, group.key);
      group.crashed = undefined;
    } catch (error) {
      // One broken rule must not take the others down; say which rule, never the text.
      found.clear();
      group.crashed = error instanceof Error ? error.name : typeof error;
    }
    group.reports = found;
    return found;
  }

  private leave(id: string, member: Member): void {
    for (const groups of member.groups) {
      for (const group of groups) {
        group.ids.delete(id);
        this.touch(group);
        if (group.ids.size === 0) this.groups[group.rule].delete(group.key);
      }
    }
  }

  private join(id: string, r: number, key: string): Group {
    let group = this.groups[r].get(key);
    if (!group) this.groups[r].set(key, (group = { rule: r, key, ids: new Set(), generation: 0 }));
    group.ids.add(id);
    this.touch(group);
    return group;
  }

  /** A group changed: its check is stale and its members' results may change. O(1). */
  private touch(group: Group): void {
    group.generation++;
    group.reports = undefined;
    group.crashed = undefined;
    this.pendingGroups.add(group);
  }
}

function internalError(code: string, span: Span): Diagnostic {
  return {
    code: INTERNAL_ERROR,
    severity: 'error',
    span,
    message: {
      ja: `規則 ${code} の実行中に内部エラーが発生しました。他の規則の結果は有効です`,
      en: `rule ${code} failed with an internal error; the other rules' results stand`,
    },
    fixes: [],
  };
}
