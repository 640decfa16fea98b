/**
 * The workspace rules: each compares the sheets of a folder or workspace with each other and
 * reports on every sheet involved, naming the others, so the problem shows wherever a reviewer
 * looks. One module per rule in rules/; a new rule declares its keys and its per-group check
 * (types.ts) and is added to this list.
 */
import { serialDuplicate } from './rules/serial-duplicate';
import { seriesInconsistent } from './rules/series-inconsistent';
import { descriptionDuplicate, summaryDuplicate } from './rules/text-duplicate';
import type { WorkspaceRule } from './types';

export { serialDuplicate, seriesInconsistent, summaryDuplicate, descriptionDuplicate };
export { seriesKey, computeSeriesKey } from './rules/series-inconsistent';
export { nameFrom, type WorkspaceEntry, type WorkspaceReport, type WorkspaceRule, type WorkspaceSheet } from './types';

export const WORKSPACE_RULES: readonly WorkspaceRule[] = [serialDuplicate, seriesInconsistent, summaryDuplicate, descriptionDuplicate];
