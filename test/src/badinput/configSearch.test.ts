/**
 * The config search as the language server calls it (core/src/node/configFile.ts), with its
 * workspace folders as roots: no `.shiteirc.json` above a workspace folder applies inside it.
 * (The CLI's side is tested through the binary in files.test.ts.)
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigLoader, configSearchFolders, findConfigFile } from '../../../core/out/node/configFile';

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-search-'));
after(() => fs.rmSync(top, { recursive: true, force: true }));

test('roots stop the search; without a root or a marker only the file\'s own folder is searched', () => {
  const workspace = path.join(top, 'shared/workspace');
  fs.mkdirSync(path.join(workspace, 'drafts/2026'), { recursive: true });
  fs.writeFileSync(path.join(top, 'shared/.shiteirc.json'), JSON.stringify({ rules: { 'measure-invalid': 'off' } }));
  const deep = path.join(workspace, 'drafts/2026');
  assert.equal(findConfigFile(deep, { roots: [workspace] }), undefined);
  assert.deepEqual(configSearchFolders(deep, { roots: [workspace] }), [deep, path.join(workspace, 'drafts'), workspace]);
  assert.deepEqual(configSearchFolders(deep), [deep], 'no root and no marker above: the own folder only');
  assert.equal(findConfigFile(path.join(top, 'shared'), {}), path.join(top, 'shared/.shiteirc.json'), 'a config in the file\'s own folder is always found');

  fs.writeFileSync(path.join(workspace, '.shiteirc.json'), JSON.stringify({ today: '2026-11-23' }));
  const loader = new ConfigLoader();
  const doc = path.join(deep, 'a.shitei');
  assert.equal(loader.forDocument(doc).file, undefined, 'before the server names its folders');
  loader.setRoots([workspace]);
  assert.equal(loader.forDocument(doc).file, path.join(workspace, '.shiteirc.json'));
  assert.deepEqual(loader.forDocument(doc).config.today, { year: 2026, month: 11, day: 23 });
});
