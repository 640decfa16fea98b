/**
 * File names that are not UTF-8 keep their identity between a path and a file: URL (what the
 * language server gets from its client), so a Shift_JIS name opens the very file both ways; and
 * between a path and the string a glob pattern is matched against (the CLI's globs).
 */
import { test } from 'node:test';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileUrlOf, fsPathOfFileUrl, matchablePath, pathOfMatchable, readRegularFile } from '../../../core/out/node/readFile';

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

test('the matchable form of a path stands for its bytes one to one', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 24 }), fc.array(fc.constantFrom('a', '指', '𠮷', '💀', '/', '.shitei'), { maxLength: 4 }), (bytes, words) => {
      // Random bytes between UTF-8 words: odd bytes, and sequences that happen to be UTF-8.
      const file = Buffer.concat([Buffer.from(words.join('')), Buffer.from(bytes), Buffer.from(words.reverse().join(''))]);
      const text = matchablePath(file);
      const back = pathOfMatchable(text);
      const backBytes = typeof back === 'string' ? Buffer.from(back, 'utf8') : back;
      assert.ok(backBytes.equals(file), `${file.toString('hex')} → ${JSON.stringify(text)}`);
      // UTF-8 comes back as the string Node itself would use (so a name found twice is one name).
      const utf8 = Buffer.from(file.toString('utf8'), 'utf8').equals(file);
      assert.equal(typeof back === 'string', utf8);
      if (utf8) assert.equal(text, file.toString('utf8'));
    }),
    { seed: 14, numRuns: 2000 },
  );
  // 指定書 in Shift_JIS: 0x8E and 0x92 are no UTF-8, E8 8F 91 happens to be (菑); the name keeps
  // its ASCII extension, so `*.shitei` matches it.
  const sjis = Buffer.from([0x8e, 0x77, 0x92, 0xe8, 0x8f, 0x91, ...Buffer.from('.shitei')]);
  assert.equal(matchablePath(sjis), '\udc8ew\udc92菑.shitei');
  // A character whose second UTF-16 half lies in the escape range is a character, not a byte.
  assert.equal(pathOfMatchable('💀.shitei'), '💀.shitei');
});
