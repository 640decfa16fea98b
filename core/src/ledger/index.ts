/**
 * The 特定秘密指定管理簿 of a set of sheets: one row per readable designation, the summaries,
 * and what was skipped. Pure: the caller reads the files and says what "today" is; the CLI
 * (cli/src/ledger.ts) and any editor view build the same ledger from the same sheets.
 */
import type { SheetModel } from '../analysis/sheet';
import type { SimpleDate } from '../types';
import { toIso } from '../domain/dates';
import { ledgerRow, type LedgerRow } from './row';
import { compareRows, summarizeLedger, type LedgerSummary } from './summary';

export * from './row';
export * from './summary';

export interface SkippedFile {
  path: string;
  /** Why the file is not in the register, in the run's language. */
  reason: string;
}

export interface Ledger {
  /** The day the summaries count from (ISO). */
  today: string;
  rows: LedgerRow[];
  summary: LedgerSummary;
  skipped: SkippedFile[];
}

export interface LedgerSheet {
  path: string;
  sheet: SheetModel;
}

export function buildLedger(sheets: readonly LedgerSheet[], today: SimpleDate, skipped: readonly SkippedFile[] = []): Ledger {
  const rows = sheets.map((s) => ledgerRow(s.sheet, s.path, today)).sort(compareRows);
  return { today: toIso(today), rows, summary: summarizeLedger(rows, today), skipped: [...skipped] };
}
