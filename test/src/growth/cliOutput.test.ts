/**
 * Issue 14: `shitei check` on sheets where every line (or every few characters of one line)
 * gives a diagnostic — 2,000,000 characters of 【 lines are 1,000,011 results, a 330 MB SARIF
 * log. Each shape runs through the CLI's `main` (what bin/shitei.js calls) in every output
 * format at two sizes, with the work counter on, and checks what a user would see grow:
 *
 * - the counted work (the core's, plus the CLI's code-point columns) grows at most n log n;
 * - the output grows in proportion to the input (no result lost, none repeated, nothing that
 *   grows faster, such as a message that names every other line);
 * - every diagnostic is in the output.
 *
 * Counted, not timed (docs/regular-expressions.md, "Counting work"). `LineIndex.position` counts
 * nothing itself, so it is wrapped here to count the characters it scans: the CLI used it for
 * every diagnostic, and 600,000 placeholders on one line never finished (k diagnostics × the
 * line's length). At full size, the real binary writes the 330 MB log through a pipe: a hang
 * guard and a count of its results, not a speed assertion.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main, type CliIo } from '../../../cli/out/main';
import { LineIndex } from '../../../core/out/text/lineIndex';
import { countWork, workCounter } from '../../../core/out/text/workCounter';
import { clearContentCaches } from '../../../core/out/text/contentCache';
import { allowedGrowth } from '../fuzz/adversarial';
import { BIN } from '../support/cli';

/** Lines (or repeated units) at the smaller size; the larger is twice this. */
const SIZE = 10_000;

const SHAPES: Record<string, (n: number) => string> = {
  'unclosed headings 【': (n) => '【\n'.repeat(n),
  'unclosed headings 【あ': (n) => '【あ\n'.repeat(n),
  'unknown headings 【見出し】': (n) => '【見出し】\n'.repeat(n),
  'one known heading repeated 【概要】': (n) => '【概要】\n'.repeat(n),
  'unknown fields あ：い': (n) => 'あ：い\n'.repeat(n),
  'placeholders on one line': (n) => `【備考】\n${'○○、'.repeat(n)}\n`,
};

const FORMATS = ['sarif', 'json', 'text', 'unix', 'github'] as const;

// The characters LineIndex.position scans to find a column: from the line's start to the offset.
const position = LineIndex.prototype.position;
LineIndex.prototype.position = function (this: LineIndex, offset, encoding) {
  if (encoding !== undefined && encoding !== 'utf-16') countWork(Math.max(0, offset - this.lineStarts[this.lineOf(Math.max(0, offset))]));
  return position.call(this, offset, encoding);
};

interface Run {
  code: number;
  output: string;
  units: number;
}

async function check(dir: string, text: string, format: string, io: Partial<CliIo> = {}): Promise<Run> {
  fs.writeFileSync(path.join(dir, 'big.shitei'), text);
  clearContentCaches();
  let output = '';
  const before = workCounter.units;
  workCounter.enabled = true;
  try {
    const code = await main(['check', '--format', format, '--locale', 'ja', 'big.shitei'], {
      stdout: (s) => {
        output += s;
      },
      stderr: () => {},
      cwd: dir,
      env: {},
      isTTY: false,
      ...io,
    });
    return { code, output, units: workCounter.units - before };
  } finally {
    workCounter.enabled = false;
    workCounter.units = before;
  }
}

/** How many diagnostics the output shows, read the way a user (or a CI job) would read it. */
function diagnosticsIn(format: string, output: string): number {
  if (format === 'sarif') return (JSON.parse(output) as { runs: { results: unknown[] }[] }).runs[0].results.length;
  if (format === 'json') return (JSON.parse(output) as { files: { diagnostics: unknown[] }[] }).files[0].diagnostics.length;
  if (format === 'github') return output.split('\n').filter((l) => l.startsWith('::')).length;
  return output.split('\n').filter((l) => l.startsWith('big.shitei:')).length;
}

for (const [shape, make] of Object.entries(SHAPES)) {
  test(`check of ${shape}: work and output grow with the input in every format, nothing is lost`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-growth-'));
    try {
      // The number of diagnostics, from the JSON output at each size.
      const expected = new Map<number, number>();
      for (const n of [SIZE, 2 * SIZE]) {
        const json = JSON.parse((await check(dir, make(n), 'json')).output) as { summary: { errors: number; warnings: number; infos: number; hints: number } };
        expected.set(n, json.summary.errors + json.summary.warnings + json.summary.infos + json.summary.hints);
      }
      assert.ok(expected.get(SIZE)! >= SIZE, `one diagnostic or more per line or unit (${expected.get(SIZE)})`);
      const failures: string[] = [];
      for (const format of FORMATS) {
        const small = await check(dir, make(SIZE), format);
        const large = await check(dir, make(2 * SIZE), format);
        assert.equal(small.code, large.code, format);
        assert.equal(diagnosticsIn(format, small.output), expected.get(SIZE), `${format}: every diagnostic at ${SIZE}`);
        assert.equal(diagnosticsIn(format, large.output), expected.get(2 * SIZE), `${format}: every diagnostic at ${2 * SIZE}`);
        const work = large.units / small.units;
        if (work > allowedGrowth(SIZE)) failures.push(`${format}: work ${small.units} → ${large.units} (×${work.toFixed(2)})`);
        // Twice the lines, twice the output (a little more: the numbers get longer).
        const size = large.output.length / small.output.length;
        if (size < 1.8 || size > 2.2) failures.push(`${format}: output ${small.output.length} → ${large.output.length} (×${size.toFixed(2)})`);
      }
      assert.deepEqual(failures, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a slow reader: the output is written one chunk at a time, each after the last has drained', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-drain-'));
  try {
    let waiting = false;
    let chunks = 0;
    let waits = 0;
    let output = '';
    const run = await check(dir, '【\n'.repeat(50_000), 'sarif', {
      stdout: (s) => {
        assert.equal(waiting, false, 'no write while the last one has not drained');
        chunks++;
        output += s;
        return false; // like a full pipe: wait for 'drain'
      },
      drained: () => {
        waits++;
        waiting = true;
        return new Promise((resolve) =>
          setImmediate(() => {
            waiting = false;
            resolve();
          }),
        );
      },
    });
    assert.equal(run.code, 1);
    assert.ok(chunks > 50, `${chunks} chunks`);
    assert.equal(waits, chunks);
    assert.equal(JSON.parse(output).runs[0].results.length, 50_011);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('2,000,000 characters of 【 lines: the binary writes all 1,000,011 SARIF results through a pipe', { timeout: 240_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-sarif-'));
  try {
    fs.writeFileSync(path.join(dir, 'brackets.shitei'), '【\n'.repeat(1_000_000));
    const child = spawn(process.execPath, [BIN, 'check', '--format', 'sarif', 'brackets.shitei'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    // Read as it comes, without holding 330 MB: count the results and keep the end. A key cut
    // in two by a read is counted with the next read (`carry` is too short to hold a whole one).
    const KEY = '"ruleId":';
    let results = 0;
    let bytes = 0;
    let carry = '';
    let end = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      bytes += Buffer.byteLength(chunk);
      const text = carry + chunk;
      results += text.split(KEY).length - 1;
      carry = text.slice(-(KEY.length - 1));
      end = text.slice(-20);
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 1, stderr);
    assert.equal(results, 1_000_011);
    assert.ok(bytes > 300_000_000, `${bytes} bytes`);
    assert.match(end, /\]\n\s*\}\n\s*\]\n\}\n$/, 'the log is complete');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
