/** Test support for the workspace rules: sheets parsed without tokens, as entries of the index. */
import { analyzeText } from '../../../core/out/analysis/analyze';
import { resolveConfig, type ShiteiConfigFile } from '../../../core/out/analysis/config';
import type { WorkspaceEntry } from '../../../core/out/workspace/types';

export function entry(id: string, text: string, config: ShiteiConfigFile = { today: '2026-11-23' }): WorkspaceEntry {
  const resolved = resolveConfig(config);
  const { sheet } = analyzeText(text, { config: resolved, rules: [] });
  return { id, path: `/ws/${id}`, label: id, sheet: sheet!, config: resolved };
}
