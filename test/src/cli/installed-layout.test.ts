/**
 * The layout an installed package has (`npm pack` ships bin/, dist/, docs/ and package.json, not
 * the compiled tree nor node_modules): bin/shitei.js must hand over to the bundled dist/cli.js and
 * run there with nothing else. The full pack → install → run path is test/editors/pack.test.js.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../support/cli';

test('bin/shitei.js without the compiled tree runs the bundled CLI (check, --version)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-layout-'));
  try {
    fs.mkdirSync(path.join(root, 'bin'));
    fs.copyFileSync(path.join(REPO, 'bin/shitei.js'), path.join(root, 'bin/shitei.js'));
    fs.copyFileSync(path.join(REPO, 'package.json'), path.join(root, 'package.json'));
    fs.mkdirSync(path.join(root, 'dist'));
    fs.copyFileSync(path.join(REPO, 'dist/cli.js'), path.join(root, 'dist/cli.js'));
    fs.copyFileSync(path.join(REPO, 'dist/server.js'), path.join(root, 'dist/server.js'));
    fs.symlinkSync(path.join(REPO, 'dist/dict-prepared'), path.join(root, 'dist/dict-prepared'));
    fs.writeFileSync(path.join(root, 'bad.shitei'), fs.readFileSync(path.join(REPO, 'samples/rules/expiry-mismatch.shitei')));
    // NODE_PATH empty and the folder outside the repository: no node_modules can be found.
    const run = (args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/shitei.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
    const version = run(['--version']);
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version);
    const check = run(['check', '--locale', 'en', 'bad.shitei']);
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /^bad\.shitei:7:5  error  .*expiry-mismatch$/m);
    assert.equal(check.stderr, '');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
