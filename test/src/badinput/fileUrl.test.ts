/**
 * File names that are not UTF-8 keep their identity between a path and a file: URL (what the
 * language server gets from its client), so a Shift_JIS name opens the very file both ways.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileUrlOf, fsPathOfFileUrl, readRegularFile } from '../../../core/out/node/readFile';

test('a Shift_JIS file name: path → URL → path is byte-exact, and the path opens the file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-url-'));
  try {
    const file = Buffer.concat([Buffer.from(dir + path.sep), Buffer.from([0x8e, 0x77, 0x92, 0xe8]), Buffer.from(' #%?.shitei')]);
    fs.writeFileSync(file, 'x');
    const url = fileUrlOf(file);
    assert.match(url, /%8Ew%92%E8%20%23%25%3F\.shitei$/);
    const back = fsPathOfFileUrl(url);
    assert.ok(Buffer.isBuffer(back) && back.equals(file));
    const read = readRegularFile(back, 10);
    assert.ok(read.ok && read.bytes.toString() === 'x');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('UTF-8 names and URLs as Node writes them give strings, as url.fileURLToPath would', () => {
  for (const name of ['/tmp/指定書 1.shitei', '/tmp/𠮷田/a#b.shitei', '/tmp/plain.shitei']) {
    assert.equal(fsPathOfFileUrl(pathToFileURL(name).href), name);
    assert.equal(fsPathOfFileUrl(fileUrlOf(name)), name);
  }
  assert.equal(fsPathOfFileUrl('untitled:Untitled-1'), undefined);
  assert.equal(fsPathOfFileUrl('file://server/share/a.shitei'), undefined);
});
