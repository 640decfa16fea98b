/**
 * Loads the bundled server (dist/server.js) through a V8 code cache written beside it at build
 * time, so a cold start skips parsing and compiling the ≈ 0.9 MB bundle (≈ 40 ms → ≈ 20 ms here,
 * most of the gap to the 150 ms spawn → first diagnostics target; see docs/performance.md).
 *
 * The cache is only ever written by the build (scripts/build-code-cache.js), never at run time:
 * the server writes no files. It holds compiled code of the bundle, no document text.
 *
 * V8 checks the cache against its own version and flags, but against the source only by length,
 * so the file starts with a checksum of the source it was made from and a cache for any other
 * source is ignored (CRC-32 where Node has zlib.crc32, else SHA-256: the check is against a
 * rebuilt or replaced bundle, not an attacker, who could as well replace the bundle itself). Whatever is wrong with it (absent, stale, rejected by another Node), the
 * bundle is compiled the ordinary way: the cache can make a start faster, never break it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as zlib from 'node:zlib';
import Module = require('node:module');

const MAGIC = Buffer.from('shitei-v8cache2\n', 'latin1');
const HASH_BYTES = 32;

/** What happened to the code cache on a load: for tests and the benchmark. */
export type CodeCacheOutcome = 'used' | 'absent' | 'stale' | 'rejected';

export interface LoadedBundle {
  exports: unknown;
  /** The compiled script, from which the build makes the cache (createCachedData). */
  script: vm.Script;
  /** The source it was compiled from: the cache is keyed to this text, not to the file's. */
  source: string;
  cache: CodeCacheOutcome;
}

/** Where the cache of `bundle` lives: beside it, `server.js` → `server.js.v8cache`. */
export function codeCachePath(bundle: string): string {
  return `${bundle}.v8cache`;
}

/**
 * HASH_BYTES identifying `source`. Not node:crypto: loading it costs ≈ 3–4 ms of every start, and
 * the server needs it for nothing else (see the lazy built-ins in scripts/build-extension.js).
 */
function sourceHash(source: string): Buffer {
  const out = Buffer.alloc(HASH_BYTES);
  const crc32 = (zlib as { crc32?: (data: string) => number }).crc32;
  if (crc32) {
    out.write('crc32', 0, 'latin1');
    out.writeUInt32BE(crc32(source), 8);
    out.writeUInt32BE(source.length, 12);
    return out;
  }
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(source, 'utf8').digest();
}

/** The cached data in `bundle`'s cache file if it was made from `source`; why not otherwise. */
function readCache(bundle: string, source: string): { data: Buffer } | { outcome: 'absent' | 'stale' } {
  let file: Buffer;
  try {
    file = fs.readFileSync(codeCachePath(bundle));
  } catch {
    return { outcome: 'absent' };
  }
  const header = MAGIC.length + HASH_BYTES;
  if (file.length <= header || !file.subarray(0, MAGIC.length).equals(MAGIC)) return { outcome: 'stale' };
  if (!file.subarray(MAGIC.length, header).equals(sourceHash(source))) return { outcome: 'stale' };
  return { data: file.subarray(header) };
}

/**
 * Requires the CommonJS file `bundle` as `require` would (its own module, __dirname and
 * require.resolve), compiled with its code cache when a valid one is found.
 */
export function requireWithCodeCache(bundle: string): LoadedBundle {
  const filename = path.resolve(bundle);
  const source = fs.readFileSync(filename, 'utf8');
  const cached = readCache(filename, source);
  const script = new vm.Script(Module.wrap(source), {
    filename,
    ...('data' in cached ? { cachedData: cached.data } : {}),
  });
  const cache: CodeCacheOutcome = 'data' in cached ? (script.cachedDataRejected ? 'rejected' : 'used') : cached.outcome;
  const mod = new Module(filename, module);
  mod.filename = filename;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(filename));
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(filename), mod, filename, path.dirname(filename));
  mod.loaded = true;
  return { exports: mod.exports, script, source, cache };
}

/** Writes the code cache of `loaded` (a script run from `bundle`) beside the bundle. Build time only. */
export function writeCodeCache(bundle: string, loaded: LoadedBundle): number {
  const filename = path.resolve(bundle);
  const data = loaded.script.createCachedData();
  fs.writeFileSync(codeCachePath(filename), Buffer.concat([MAGIC, sourceHash(loaded.source), data]));
  return data.length;
}
