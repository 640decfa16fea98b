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
import { pathToFileURL } from 'node:url';
import { codeCacheManifestPath, codeCachePath, requireWithCodeCache, writeCodeCache } from '../../../server/out/codeCache';
import { REPO } from '../support/cli';
import { LspSession } from '../support/lspClient';
import { sheet } from '../support/sheet';

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

test('a cache changed after the build (garbled, or not ours at all) is never handed to V8, and the module still loads', () => {
  const { file, dir } = tempModule(moduleSource('first'));
  try {
    writeCodeCache(file, requireWithCodeCache(file));
    const cache = fs.readFileSync(codeCachePath(file));
    for (let i = 0; i < cache.length; i++) cache[i] = (cache[i]! ^ 0x5a) & 0xff;
    fs.writeFileSync(codeCachePath(file), cache);
    assert.deepEqual(loadInChild(file, 'answer'), { cache: 'corrupt', exported: 'first' });
    fs.writeFileSync(codeCachePath(file), 'not a cache');
    assert.equal(requireWithCodeCache(file).cache, 'corrupt');
    // Without the build's manifest there is nothing to vouch for the cache.
    fs.rmSync(codeCacheManifestPath(file));
    assert.equal(requireWithCodeCache(file).cache, 'absent');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a forged cache (compiled from other code of the same length) is not used: the file runs its own code', () => {
  const real = tempModule(moduleSource('first'));
  const forger = tempModule(moduleSource('other'));
  try {
    assert.equal(moduleSource('other').length, moduleSource('first').length, 'V8 alone would accept it: same length');
    writeCodeCache(real.file, requireWithCodeCache(real.file));
    writeCodeCache(forger.file, requireWithCodeCache(forger.file));
    fs.copyFileSync(codeCachePath(forger.file), codeCachePath(real.file));
    assert.deepEqual(loadInChild(real.file, 'answer'), { cache: 'corrupt', exported: 'first' });
  } finally {
    fs.rmSync(real.dir, { recursive: true, force: true });
    fs.rmSync(forger.dir, { recursive: true, force: true });
  }
});

/** The built server in a folder of its own (the dictionaries linked), to change its cache safely. */
function serverCopy(): { dir: string; bundle: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-servercopy-'));
  const dist = path.join(dir, 'dist');
  fs.mkdirSync(dist);
  const bundle = path.join(dist, 'server.js');
  const built = path.join(REPO, 'dist/server.js');
  for (const f of [built, codeCachePath(built), codeCacheManifestPath(built)]) fs.copyFileSync(f, path.join(dist, path.basename(f)));
  for (const d of ['dict', 'dict-prepared']) fs.symlinkSync(path.join(REPO, 'dist', d), path.join(dist, d));
  return { dir, bundle };
}

test('LSP: the built server with one flipped byte in its code cache still starts, answers and checks', async () => {
  const { dir, bundle } = serverCopy();
  try {
    const cache = fs.readFileSync(codeCachePath(bundle));
    const at = Math.floor(cache.length / 2);
    cache[at] = cache[at]! ^ 0x01;
    fs.writeFileSync(codeCachePath(bundle), cache);
    assert.equal(loadInChild(bundle, 'runServer').cache, 'corrupt');
    const loader = path.join(REPO, 'server/out/codeCache.js');
    // What bin/shitei.js does for `shitei lsp`, with this copy of the bundle.
    const start = path.join(dir, 'start.js');
    fs.writeFileSync(start, `require(${JSON.stringify(loader)}).requireWithCodeCache(${JSON.stringify(bundle)}).exports.runServer();\n`);
    const session = await LspSession.start({ nodeArgs: [start, '--stdio'] });
    try {
      assert.equal(session.initializeResult?.serverInfo?.name, 'shitei');
      const diagnostics = await session.open(pathToFileURL(path.join(dir, 'a.shitei')).href, sheet({ fields: { 措置: '公表' } }));
      assert.ok(diagnostics.some((d) => d.code === 'measure-invalid'), JSON.stringify(diagnostics));
    } finally {
      await session.stop();
    }
    assert.equal(session.proc.signalCode, null, 'no SIGTRAP');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
