/**
 * Acceptance support: runs the real CLI on the held-out fixtures of test/fixtures/acceptance/ (written from
 * spec v1.1 and the law, not from the implementation) and finds lines in them by their text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, runCli } from '../support/cli';

export const FIXTURES = path.join(REPO, 'test/fixtures/acceptance');

export interface JsonDiagnostic {
  code: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface CheckRun {
  status: number;
  stderr: string;
  /** Diagnostics per file name (basename). */
  byFile: Map<string, JsonDiagnostic[]>;
}

const runs = new Map<string, CheckRun>();

/** `shitei check --format json .` in a fixture folder (its .shiteirc.json fixes `today`), run once per folder. */
export function checkFolder(folder: string): CheckRun {
  const cached = runs.get(folder);
  if (cached) return cached;
  const cwd = path.join(FIXTURES, folder);
  const r = runCli(['check', '--format', 'json', '.'], cwd);
  let json: { files: { path: string; diagnostics?: JsonDiagnostic[]; error?: string }[] };
  try {
    json = JSON.parse(r.stdout);
  } catch {
    throw new Error(`check printed no JSON (exit ${r.status}):\n${r.stderr}\n${r.stdout.slice(0, 2000)}`);
  }
  const byFile = new Map<string, JsonDiagnostic[]>();
  for (const f of json.files) {
    if (f.error) throw new Error(`${f.path} could not be checked: ${f.error}`);
    byFile.set(path.basename(f.path), f.diagnostics ?? []);
  }
  const run = { status: r.status, stderr: r.stderr, byFile };
  runs.set(folder, run);
  return run;
}

/** 1-based number of the first line of a fixture that contains `needle` (throws if none: a broken fixture). */
export function lineWith(folder: string, file: string, needle: string): number {
  const lines = fs.readFileSync(path.join(FIXTURES, folder, file), 'utf8').split(/\r?\n/);
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`fixture ${folder}/${file} has no line with ${needle}`);
  return i + 1;
}

export function describeDiagnostics(ds: readonly JsonDiagnostic[]): string {
  return ds.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`).join('\n') || '(none)';
}
