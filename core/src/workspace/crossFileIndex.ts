/**
 * The workspace rules as an incremental index. Each sheet's keys (its 整理番号, its series key, …)
 * are computed once when the sheet changes; sheets sharing a key form a group; a group is
 * re-checked only when one of its members changed, joined or left. So a change costs the groups
 * it touches, never a pass over the whole workspace, and the CLI (all sheets at once) and the
 * server (one change at a time) run the same code.
 */
import { applyDirectives, type Diagnostic } from '../analysis/analyze';
import { INTERNAL_ERROR } from '../rules/codes';
import type { Span } from '../types';
import { WORKSPACE_RULES } from './workspaceRules';
import type { WorkspaceEntry, WorkspaceReport, WorkspaceRule } from './types';

interface Member {
  entry: WorkspaceEntry;
  /** Per rule (same order as the rules), the keys the sheet has. */
  keys: readonly (readonly string[])[];
  /** Rules whose keys() threw for this sheet. */
  failed: readonly string[];
}

/** Counted work, so tests can check that a change costs what it touches. */
export interface IndexWork {
  keysComputed: number;
  groupsChecked: number;
  /** Sheets read by the groups checked (Σ group sizes). */
  membersChecked: number;
}

export class CrossFileIndex {
  private readonly members = new Map<string, Member>();
  /** Per rule: key → member ids, in insertion order. */
  private readonly groups: Map<string, Set<string>>[];
  /** Per rule: key → reports per member id, for the groups checked since their last change. */
  private readonly checked: Map<string, Map<string, WorkspaceReport[]>>[];
  /** Per rule: key → the rule's crash, when checkGroup threw. */
  private readonly crashed: Map<string, string>[];
  private readonly results = new Map<string, Diagnostic[]>();
  readonly work: IndexWork = { keysComputed: 0, groupsChecked: 0, membersChecked: 0 };

  constructor(private readonly rules: readonly WorkspaceRule[] = WORKSPACE_RULES) {
    this.groups = rules.map(() => new Map());
    this.checked = rules.map(() => new Map());
    this.crashed = rules.map(() => new Map());
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
   * Adds or replaces a sheet. Returns the ids whose cross-file diagnostics may have changed (the
   * sheet itself and every member of a group it left or joined); nothing when the sheet and its
   * config are the ones already indexed.
   */
  set(entry: WorkspaceEntry): Set<string> {
    const old = this.members.get(entry.id);
    if (old && old.entry.sheet === entry.sheet && old.entry.config === entry.config && old.entry.label === entry.label) return new Set();
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
    const affected = new Set<string>([entry.id]);
    if (old) this.leave(entry.id, old, affected);
    const member: Member = { entry, keys, failed };
    this.members.set(entry.id, member);
    this.join(entry.id, member, affected);
    for (const id of affected) this.results.delete(id);
    return affected;
  }

  /** Removes a sheet; returns the ids whose cross-file diagnostics may have changed. */
  delete(id: string): Set<string> {
    const old = this.members.get(id);
    const affected = new Set<string>();
    if (!old) return affected;
    this.members.delete(id);
    this.leave(id, old, affected);
    affected.delete(id);
    this.results.delete(id);
    for (const a of affected) this.results.delete(a);
    return affected;
  }

  /** The cross-file diagnostics of `id` (severities from its config, its directives applied). */
  diagnosticsFor(id: string): Diagnostic[] {
    const cached = this.results.get(id);
    if (cached) return cached;
    const member = this.members.get(id);
    if (!member) return [];
    const out: Diagnostic[] = [];
    const { entry } = member;
    const firstLine: Span = entry.sheet.syntax.firstLineSpan;
    this.rules.forEach((rule, r) => {
      const setting = entry.config.rules[rule.meta.code] ?? rule.meta.defaultSeverity;
      if (setting === 'off') return;
      if (member.failed.includes(rule.meta.code)) out.push(internalError(rule.meta.code, firstLine));
      for (const key of member.keys[r]) {
        const reports = this.reportsOf(r, key);
        if (this.crashed[r].has(key)) out.push(internalError(rule.meta.code, firstLine));
        for (const report of reports?.get(id) ?? []) out.push({ code: rule.meta.code, severity: setting, span: report.span, message: report.message, fixes: [] });
      }
    });
    const kept = applyDirectives(out, entry.sheet);
    kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
    this.results.set(id, kept);
    return kept;
  }

  /** The group `key` of rule `r`, checked once since its last change. */
  private reportsOf(r: number, key: string): Map<string, WorkspaceReport[]> | undefined {
    const ids = this.groups[r].get(key);
    if (!ids || ids.size < 2) return undefined;
    let reports = this.checked[r].get(key);
    if (reports) return reports;
    reports = new Map();
    // By id, so messages name the same sheets whatever order the changes came in.
    const group = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((id) => this.members.get(id)!.entry);
    this.work.groupsChecked++;
    this.work.membersChecked += group.length;
    const found = reports;
    try {
      this.rules[r].checkGroup(group, (report) => {
        if (!ids.has(report.id)) return;
        const list = found.get(report.id);
        if (list) list.push(report);
        else found.set(report.id, [report]);
      }, key);
      this.crashed[r].delete(key);
    } catch (error) {
      // One broken rule must not take the others down; say which rule, never the text.
      found.clear();
      this.crashed[r].set(key, error instanceof Error ? error.name : typeof error);
    }
    this.checked[r].set(key, found);
    return found;
  }

  private leave(id: string, member: Member, affected: Set<string>): void {
    member.keys.forEach((keys, r) => {
      for (const key of keys) {
        const ids = this.groups[r].get(key);
        if (!ids) continue;
        ids.delete(id);
        this.touch(r, key, ids, affected);
        if (ids.size === 0) this.groups[r].delete(key);
      }
    });
  }

  private join(id: string, member: Member, affected: Set<string>): void {
    member.keys.forEach((keys, r) => {
      for (const key of keys) {
        let ids = this.groups[r].get(key);
        if (!ids) this.groups[r].set(key, (ids = new Set()));
        ids.add(id);
        this.touch(r, key, ids, affected);
      }
    });
  }

  /** A group changed: its check is stale and its members' results may change. */
  private touch(r: number, key: string, ids: Set<string>, affected: Set<string>): void {
    this.checked[r].delete(key);
    this.crashed[r].delete(key);
    // A group of one reports nothing, before and after: only a group of two or more (or one that had two) matters.
    for (const member of ids) affected.add(member);
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
