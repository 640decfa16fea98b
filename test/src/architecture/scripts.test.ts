/** The build scripts are checked JavaScript (`// @ts-check`, scripts/tsconfig.json): a type error there fails the tests. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');

test('every script in scripts/ is type-checked and passes', () => {
  const scripts = fs.readdirSync(path.join(REPO, 'scripts')).filter((f) => f.endsWith('.js'));
  const unchecked = scripts.filter((f) => !/^(#!.*\n)?\/\/ @ts-check\n/.test(fs.readFileSync(path.join(REPO, 'scripts', f), 'utf8')));
  assert.deepEqual(unchecked, [], 'start each script with // @ts-check (after the #! line)');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(REPO, 'scripts')], { cwd: REPO, encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});
