/**
 * `check --format json` is written in chunks (a run with millions of diagnostics does not fit in
 * one string): the chunks join into exactly what one JSON.stringify gave, on the samples and on a
 * large generated run.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { formatJson, formatJsonChunks } from '../../../cli/out/formatters/json';
import { runCheck } from '../../../cli/out/check';
import { expandPaths } from '../../../cli/out/files';
import type { RunReport } from '../../../cli/out/report';
import { REPO, runCli } from '../support/cli';

test('--format json on the samples: the chunked output is byte for byte the one JSON.stringify', async () => {
  const files = expandPaths(['samples/'], REPO);
  const report = await runCheck({ files, locale: 'ja', cwd: REPO });
  assert.ok(report.files.length > 20 && report.files.some((f) => (f.diagnostics?.length ?? 0) > 0));
  const old = JSON.stringify(report, null, 2) + '\n';
  assert.equal(formatJson(report), old);
  assert.deepEqual(JSON.parse([...formatJsonChunks(report)].join('')), report);
  // The CLI writes the same document.
  const cli = runCli(['check', '--format', 'json', 'samples/']);
  assert.equal(cli.status, 1, cli.stderr);
  assert.deepEqual(JSON.parse(cli.stdout), JSON.parse(old));
});

test('--format json: empty arrays, omitted keys, an unreadable file and odd strings are written as JSON.stringify writes them', () => {
  const report = {
    files: [
      { path: 'a "quoted"\npath\u2028.shitei', diagnostics: [] },
      { path: 'gone.shitei', error: '読み込めません', diagnostics: undefined },
      { path: 'b.shitei', diagnostics: [{ code: 'x', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 2, message: '改行\nと\t', fixable: undefined }] },
    ],
    summary: { files: 3, errors: 1, warnings: 0, infos: 0, hints: 0 },
  } as unknown as RunReport;
  assert.equal(formatJson(report), JSON.stringify(report, null, 2) + '\n');
  const empty: RunReport = { files: [], summary: { files: 0, errors: 0, warnings: 0, infos: 0, hints: 0 } };
  assert.equal(formatJson(empty), JSON.stringify(empty, null, 2) + '\n');
});

test('--format json: 300,000 diagnostics come in bounded chunks that equal the single string', () => {
  const diagnostics = Array.from({ length: 300_000 }, (_, i) => ({ code: 'heading-unclosed', severity: 'error' as const, line: i + 1, column: 1, endLine: i + 1, endColumn: 2, message: '見出しの】がありません', fixable: false }));
  const report: RunReport = { files: [{ path: path.join('dir', 'big.shitei'), diagnostics }], summary: { files: 1, errors: diagnostics.length, warnings: 0, infos: 0, hints: 0 } };
  const chunks = [...formatJsonChunks(report)];
  assert.ok(chunks.length > 10, `${chunks.length} chunks`);
  for (const c of chunks) assert.ok(c.length < 2 * 1024 * 1024, `chunk of ${c.length}`);
  assert.equal(chunks.join(''), JSON.stringify(report, null, 2) + '\n');
});
