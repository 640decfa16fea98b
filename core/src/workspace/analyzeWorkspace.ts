/**
 * The workspace half of the one analysis path: given every sheet of a folder (each already
 * analysed with its own config), the cross-sheet diagnostics for each, with the sheet's
 * severities and disable directives applied. A one-shot use of the index the server keeps
 * up to date (crossFileIndex.ts).
 */
import type { Diagnostic } from '../analysis/analyze';
import { CrossFileIndex } from './crossFileIndex';
import { WORKSPACE_RULES } from './workspaceRules';
import type { WorkspaceEntry, WorkspaceRule } from './types';

export type { WorkspaceEntry } from './types';

export function analyzeWorkspace(entries: readonly WorkspaceEntry[], rules: readonly WorkspaceRule[] = WORKSPACE_RULES): Map<string, Diagnostic[]> {
  const index = new CrossFileIndex(rules);
  for (const entry of entries) index.set(entry);
  return new Map(entries.map((e) => [e.id, index.diagnosticsFor(e.id)]));
}
