/** Test support for the ledger: rows and ledgers from sheet texts, without files; a strict CSV reader. */
import assert from 'node:assert/strict';
import { SheetModel } from '../../../core/out/analysis/sheet';
import { parseSheet } from '../../../core/out/syntax/parser';
import { buildLedger, ledgerRow, type Ledger, type LedgerRow, type SkippedFile } from '../../../core/out/ledger/index';
import { parseIso } from '../../../core/out/domain/dates';
import { sheet, type SheetParts } from '../support/sheet';

export function model(text: string): SheetModel {
  return new SheetModel(parseSheet(text.replace(/^\uFEFF/, '')));
}

export function rowOf(parts: SheetParts | string, path = 'a.shitei'): LedgerRow {
  return ledgerRow(model(typeof parts === 'string' ? parts : sheet(parts)), path);
}

export const TODAY = '2026-11-23';

export function ledgerOf(sheets: Record<string, SheetParts | string>, today = TODAY, skipped: SkippedFile[] = []): Ledger {
  const entries = Object.entries(sheets).map(([path, parts]) => ({ path, sheet: model(typeof parts === 'string' ? parts : sheet(parts)) }));
  return buildLedger(entries, parseIso(today)!, skipped);
}

/** A sheet of an agency with its 別表 and dates (all consistent unless said otherwise). */
export function designation(serial: string, agency: string, beppyo: string, fields: Record<string, string | null> = {}): SheetParts {
  return { fields: { 整理番号: serial, 行政機関: agency, 別表: beppyo, ...fields } };
}

/** A strict RFC 4180 reader: every field must be quoted; returns records of fields. */
export function parseCsvStrict(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      assert.equal(text[i], '"', `field must start with a quote at ${i}`);
      i++;
      let field = '';
      for (;;) {
        const q = text.indexOf('"', i);
        assert.ok(q >= 0, 'unterminated field');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      record.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      assert.equal(text.slice(i, i + 2), '\r\n', `record must end with CRLF at ${i}`);
      i += 2;
      break;
    }
    records.push(record);
  }
  return records;
}
