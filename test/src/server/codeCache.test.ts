/**
 * The bundled server starts through a V8 code cache made at build time (server/src/codeCache.ts,
 * scripts/build-code-cache.js). A cache may make the start faster and must never change what runs:
 * a stale one (even of the same length, which V8 alone would accept) or a foreign one is ignored.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeCachePath, requireWithCodeCache, writeCodeCache } from '../../../server/out/codeCache';
import { REPO } from '../support/cli';

function tempModule(source: string): { file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-codecache-'));
  const file = path.join(dir, 'bundle.js');
  fs.writeFileSync(file, source);
  return { file, dir };
}

/** `answer` is in the top-level code and in a function, both compiled into the cache. */
const moduleSource = (answer: string) => `
  const top = '${answer}';
  exports.answer = function answer() { return top === '${answer}' ? top : 'mixed'; };
  exports.answer();
  exports.dirname = __dirname;
  exports.filename = __filename;
  exports.resolvedFs = require.resolve('node:fs');
  exports.self = module.exports === exports;
`;

/**
 * Loads `file` through the cache in a fresh process, as `shitei lsp` does: within one process V8
 * may reuse what it compiled before and never look at the cache.
 */
function loadInChild(file: string, exportName: string): { cache: string; exported: string } {
  const out = execFileSync(process.execPath, ['-e', `
    const { requireWithCodeCache } = require(${JSON.stringify(path.join(REPO, 'server/out/codeCache.js'))});
    const loaded = requireWithCodeCache(${JSON.stringify(file)});
    const value = loaded.exports[${JSON.stringify(exportName)}];
    process.stdout.write(JSON.stringify({ cache: loaded.cache, exported: typeof value === 'function' && value.length === 0 && ${JSON.stringify(exportName)} === 'answer' ? value() : typeof value }));
  `], { encoding: 'utf8' });
  return JSON.parse(out) as { cache: string; exported: string };
}

test('the built server bundle loads with its code cache under this Node', () => {
  assert.deepEqual(loadInChild(path.join(REPO, 'dist/server.js'), 'runServer'), { cache: 'used', exported: 'function' });
});

test('a module loaded through the cache behaves as `require` would load it', () => {
  const { file, dir } = tempModule(moduleSource('first'));
  try {
    const plain = requireWithCodeCache(file);
    assert.equal(plain.cache, 'absent');
    writeCodeCache(file, plain);
    assert.deepEqual(loadInChild(file, 'answer'), { cache: 'used', exported: 'first' });
    const cached = requireWithCodeCache(file);
    const exports = cached.exports as Record<string, unknown> & { answer(): string };
    assert.equal(exports.answer(), 'first');
    assert.equal(exports.dirname, dir);
    assert.equal(exports.filename, file);
    assert.equal(exports.resolvedFs, 'node:fs');
    assert.equal(exports.self, true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a cache made from other source of the same length is not used', () => {
  const { file, dir } = tempModule(moduleSource('first'));
  try {
    writeCodeCache(file, requireWithCodeCache(file));
    const changed = moduleSource('other');
    assert.equal(changed.length, moduleSource('first').length);
    fs.writeFileSync(file, changed);
    assert.deepEqual(loadInChild(file, 'answer'), { cache: 'stale', exported: 'other' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a cache V8 cannot use (corrupt, or from another Node) is rejected and the module still loads', () => {
  const { file, dir } = tempModule(moduleSource('first'));
  try {
    writeCodeCache(file, requireWithCodeCache(file));
    const cache = fs.readFileSync(codeCachePath(file));
    // Keep our header (magic and source hash), garble V8's part.
    const header = cache.indexOf(0x0a) + 1 + 32;
    for (let i = header; i < cache.length; i++) cache[i] = (cache[i]! ^ 0x5a) & 0xff;
    fs.writeFileSync(codeCachePath(file), cache);
    assert.deepEqual(loadInChild(file, 'answer'), { cache: 'rejected', exported: 'first' });
    // A file that is not ours at all.
    fs.writeFileSync(codeCachePath(file), 'not a cache');
    assert.equal(requireWithCodeCache(file).cache, 'stale');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
