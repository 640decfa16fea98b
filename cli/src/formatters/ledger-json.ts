/**
 * The register as JSON: `{ today, rows, summary: { byAgencyAndGou, byValidity, expiringSoon,
 * expired, byExpiryMonth }, skipped: [{ path, reason }] }`. Dates in rows are as written with
 * an ISO twin (`designatedIso`, `expiryIso`, `finalExpiryIso`; '' when unreadable).
 */
import type { Ledger } from '../../../core/out/ledger/index';

export function formatLedgerJson(ledger: Ledger): string {
  const { today, rows, summary, skipped } = ledger;
  return JSON.stringify({ today, rows, summary, skipped }, null, 2) + '\n';
}
