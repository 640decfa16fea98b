/**
 * The rule catalog: every code the tool can report, with its metadata, in catalog order
 * (document rules as registered in ./index, then workspace rules, then the engine's own
 * diagnostics). It is the one source that `npm run catalog` (scripts/generate-catalog.js) turns
 * into ./codes.ts, the settings in package.json, the JSON Schema and the rule tables, and that the
 * SARIF output lists; test/src/catalog/ fails when a copy drifts from it.
 */
import { ENGINE_DIAGNOSTICS, type CatalogMeta } from './types';
import { DOCUMENT_RULES } from './index';
import { WORKSPACE_RULES } from '../workspace/workspaceRules';

export type CatalogKind = 'document' | 'workspace' | 'engine';

export interface CatalogEntry extends CatalogMeta {
  kind: CatalogKind;
  /** Whether some diagnostic of this code can offer a quick fix. */
  fixable: boolean;
}

export function ruleCatalog(): CatalogEntry[] {
  return [
    ...DOCUMENT_RULES.map((r) => entry(r.meta, 'document', r.meta.fixable)),
    // Workspace rules belong to the catalog's Workspace section unless their meta says otherwise.
    ...WORKSPACE_RULES.map((r) => entry({ category: 'workspace', ...r.meta }, 'workspace', false)),
    ...ENGINE_DIAGNOSTICS.map((m) => entry(m, 'engine', false)),
  ];
}

function entry(meta: CatalogMeta, kind: CatalogKind, fixable: boolean): CatalogEntry {
  return {
    code: meta.code,
    kind,
    category: meta.category,
    defaultSeverity: meta.defaultSeverity,
    basis: meta.basis,
    description: meta.description,
    fixable,
  };
}
