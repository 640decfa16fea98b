/**
 * Every sample is its own test (markdownlint-style): `# expect: CODE, CODE` says which
 * diagnostics start on the next line that is neither blank nor another marker. The CLI's JSON
 * over samples/ must give exactly the marked diagnostics, file by file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_CODES } from '../../../core/out/rules/codes';
import { REPO, runCli } from '../support/cli';

const MARKER = /^[ \t\u3000]*#[ \t]*expect:(.*)$/;

export function expectedMarkers(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const out: string[] = [];
  let pending: string[] = [];
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (m) {
      pending.push(...m[1].split(/[,、\s]+/).filter(Boolean));
      return;
    }
    if (line.trim() === '' || pending.length === 0) return;
    for (const code of pending) out.push(`${i + 1}:${code}`);
    pending = [];
  });
  return out.sort();
}

function sampleFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sampleFiles(path.join(dir, e.name)) : e.name.endsWith('.shitei') ? [path.join(dir, e.name)] : []);
}

const files = sampleFiles(path.join(REPO, 'samples'));
const run = runCli(['check', '--format', 'json', 'samples/']);
const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics?: { line: number; code: string }[]; error?: string }[] };

test('the CLI checks every sample', () => {
  assert.ok(files.length >= 20, `expected many samples, found ${files.length}`);
  assert.deepEqual(report.files.map((f) => f.path).sort(), files.map((f) => path.relative(REPO, f)).sort());
});

for (const file of files) {
  const rel = path.relative(REPO, file);
  test(`sample ${rel} gives exactly its marked diagnostics`, () => {
    const text = fs.readFileSync(file, 'utf8');
    const expected = expectedMarkers(text);
    for (const m of expected) assert.ok(ALL_CODES.has(m.split(':')[1]), `unknown code in a marker: ${m}`);
    const entry = report.files.find((f) => f.path === rel);
    assert.ok(entry && !entry.error, `no report for ${rel}`);
    const actual = entry.diagnostics!.map((d) => `${d.line}:${d.code}`).sort();
    assert.deepEqual(actual, expected);
  });
}

test('samples/clean gives no diagnostics and exit 0', () => {
  const r = runCli(['check', 'samples/clean']);
  assert.equal(r.status, 0, r.stdout);
});
