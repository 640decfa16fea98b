/**
 * Held-out acceptance of the v1.1 workspace rules (issue 11): summary-duplicate and description-duplicate,
 * "two sheets in force … once full/half width and blanks are ignored" (spec/rules.md, Workspace v1.1).
 * Fixtures: test/fixtures/acceptance/workspace/ (today 2026-11-30).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFolder, describeDiagnostics } from './support';

const FOLDER = 'workspace';

/** The `life` branch at c86308a…2cc845f has no summary-duplicate / description-duplicate rule yet. */

function diagnostics(file: string) {
  const ds = checkFolder(FOLDER).byFile.get(`${file}.shitei`);
  assert.ok(ds, `${file}.shitei is in the report`);
  return { ds, shown: `\n${file}.shitei:\n${describeDiagnostics(ds)}` };
}

test('summary-duplicate: 令和８年度　自衛隊統合演習計画 and 令和8年度自衛隊統合演習計画 are the same 概要 (width, blanks): a warning on each', () => {
  for (const f of ['w-a', 'w-b']) {
    const { ds, shown } = diagnostics(f);
    const hits = ds.filter((d) => d.code === 'summary-duplicate');
    assert.ok(hits.length >= 1, `summary-duplicate expected${shown}`);
    for (const h of hits) assert.equal(h.severity, 'warning', shown);
    assert.ok(!ds.some((d) => d.code === 'description-duplicate'), `their descriptions differ${shown}`);
  }
});

test('description-duplicate: the same 対象情報の記述 up to width and blanks (８/8, （）/(), a blank): an error on each', () => {
  for (const f of ['w-c', 'w-d']) {
    const { ds, shown } = diagnostics(f);
    const hits = ds.filter((d) => d.code === 'description-duplicate');
    assert.ok(hits.length >= 1, `description-duplicate expected${shown}`);
    for (const h of hits) assert.equal(h.severity, 'error', shown);
    assert.ok(!ds.some((d) => d.code === 'summary-duplicate'), `their summaries differ${shown}`);
  }
  assert.equal(checkFolder(FOLDER).status, 1, 'an error-severity diagnostic: exit 1');
});

test('only sheets in force: a released and a lapsed sheet with the same 概要 and description are not duplicates, and a unique one is silent', () => {
  for (const f of ['w-e-released', 'w-f-lapsed', 'w-g']) {
    const { ds, shown } = diagnostics(f);
    assert.ok(!ds.some((d) => d.code === 'summary-duplicate' || d.code === 'description-duplicate'), `no duplicate expected${shown}`);
  }
  // The pairs in force find each other only: with three sheets sharing the 概要, a report of a third party would name it.
  for (const f of ['w-a', 'w-b']) {
    const { ds, shown } = diagnostics(f);
    for (const d of ds.filter((x) => x.code === 'summary-duplicate')) assert.ok(!/w-e-released|w-f-lapsed/.test(d.message), `a sheet not in force is not named${shown}`);
  }
  for (const f of ['w-c', 'w-d']) {
    const { ds, shown } = diagnostics(f);
    for (const d of ds.filter((x) => x.code === 'description-duplicate')) assert.ok(!/w-e-released|w-f-lapsed/.test(d.message), `a sheet not in force is not named${shown}`);
  }
});
