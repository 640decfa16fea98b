/**
 * The workspace half of the one analysis path: given every sheet of a folder (each already
 * analysed with its own config), the cross-sheet diagnostics for each, with the sheet's
 * severities and disable directives applied. The CLI and the server both call this.
 */
import { applyDirectives, type Diagnostic } from '../analysis/analyze';
import type { ResolvedConfig } from '../analysis/config';
import { WORKSPACE_RULES, type WorkspaceRule, type WorkspaceSheet } from './workspaceRules';

export interface WorkspaceEntry extends WorkspaceSheet {
  config: ResolvedConfig;
}

export function analyzeWorkspace(entries: readonly WorkspaceEntry[], rules: readonly WorkspaceRule[] = WORKSPACE_RULES): Map<string, Diagnostic[]> {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const out = new Map<string, Diagnostic[]>(entries.map((e) => [e.id, []]));
  for (const rule of rules) {
    rule.check(entries, (r) => {
      const entry = byId.get(r.id);
      if (!entry) return;
      const setting = entry.config.rules[rule.meta.code] ?? rule.meta.defaultSeverity;
      if (setting === 'off') return;
      out.get(r.id)!.push({ code: rule.meta.code, severity: setting, span: r.span, message: r.message, fixes: [] });
    });
  }
  for (const entry of entries) out.set(entry.id, applyDirectives(out.get(entry.id)!, entry.sheet));
  return out;
}
