/**
 * Loads the bundled server (dist/server.js) through a V8 code cache written beside it at build
 * time, so a cold start skips parsing and compiling the ≈ 0.9 MB bundle (≈ 40 ms → ≈ 20 ms here,
 * most of the gap to the 150 ms spawn → first diagnostics target; see docs/performance.md).
 *
 * The cache is only ever written by the build (scripts/build-code-cache.js), never at run time:
 * the server writes no files. It holds compiled code of the bundle, no document text.
 *
 * A code cache is executable code, and V8 checks it only against its own version, its flags and
 * the source's length: one flipped byte can crash the process (SIGTRAP), and the cache of other
 * code of the same length would run that code. So the build records, in a manifest beside the
 * cache (`server.js.v8cache.json`), the SHA-256 of the bundle it compiled and of the cache it
 * wrote, and nothing reaches V8 unless both match now. The manifest lives on the same disk: it
 * stops corruption, partial writes and a cache swapped in alone, not someone who can rewrite
 * dist/ (who could as well rewrite server.js itself); docs/security.md says so. Whatever is
 * wrong (absent, stale, corrupt, rejected by another Node), the bundle is compiled the ordinary
 * way: the cache can make a start faster, never break it or change what runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import Module = require('node:module');
import { readRegularFile } from '../../core/out/node/readFile';

const MANIFEST_FORMAT = 'shitei-v8cache/3';
/** Far above a real cache (≈ 1 MB) and manifest (≈ 200 bytes); only bounds what a bad file costs. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 4096;

/** What happened to the code cache on a load: for tests and the benchmark. */
export type CodeCacheOutcome = 'used' | 'absent' | 'stale' | 'corrupt' | 'rejected';

export interface LoadedBundle {
  exports: unknown;
  /** The compiled script, from which the build makes the cache (createCachedData). */
  script: vm.Script;
  /** The bytes it was compiled from: the cache is keyed to these, not to the file's later state. */
  sourceBytes: Buffer;
  cache: CodeCacheOutcome;
}

interface Manifest {
  format: string;
  /** SHA-256 (hex) of the bundle's bytes the cache was made from. */
  source: string;
  /** SHA-256 (hex) of the cache file's bytes. */
  cache: string;
}

/** Where the cache of `bundle` lives: beside it, `server.js` → `server.js.v8cache`. */
export function codeCachePath(bundle: string): string {
  return `${bundle}.v8cache`;
}

/** The build's record of the cache: `server.js.v8cache.json`. */
export function codeCacheManifestPath(bundle: string): string {
  return `${codeCachePath(bundle)}.json`;
}

/** node:crypto is loaded only when there is a cache to check (≈ 3 ms of a start; see docs/performance.md). */
function sha256(bytes: Buffer): string {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

function readManifest(bundle: string): Manifest | undefined {
  const read = readRegularFile(codeCacheManifestPath(bundle), MAX_MANIFEST_BYTES);
  if (!read.ok) return undefined;
  try {
    const m = JSON.parse(read.bytes.toString('utf8')) as Partial<Manifest>;
    return m.format === MANIFEST_FORMAT && typeof m.source === 'string' && typeof m.cache === 'string' ? (m as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

/** The cached data for `sourceBytes` if the manifest vouches for both; why not otherwise. */
function readCache(bundle: string, sourceBytes: Buffer): { data: Buffer } | { outcome: 'absent' | 'stale' | 'corrupt' } {
  const manifest = readManifest(bundle);
  const cache = readRegularFile(codeCachePath(bundle), MAX_CACHE_BYTES);
  if (!manifest || !cache.ok) return { outcome: 'absent' };
  if (sha256(sourceBytes) !== manifest.source) return { outcome: 'stale' };
  if (sha256(cache.bytes) !== manifest.cache) return { outcome: 'corrupt' };
  return { data: cache.bytes };
}

/**
 * Requires the CommonJS file `bundle` as `require` would (its own module, __dirname and
 * require.resolve), compiled with its code cache when a verified one is found.
 */
export function requireWithCodeCache(bundle: string): LoadedBundle {
  const filename = path.resolve(bundle);
  const sourceBytes = fs.readFileSync(filename);
  const cached = readCache(filename, sourceBytes);
  const script = new vm.Script(Module.wrap(sourceBytes.toString('utf8')), {
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
  return { exports: mod.exports, script, sourceBytes, cache };
}

/** Writes the code cache of `loaded` (a script run from `bundle`) and its manifest beside the bundle. Build time only. */
export function writeCodeCache(bundle: string, loaded: LoadedBundle): number {
  const filename = path.resolve(bundle);
  const data = loaded.script.createCachedData();
  const manifest: Manifest = { format: MANIFEST_FORMAT, source: sha256(loaded.sourceBytes), cache: sha256(data) };
  // The manifest last and the cache first: a build stopped between the two leaves a mismatch, never a bad pair.
  fs.rmSync(codeCacheManifestPath(filename), { force: true });
  fs.writeFileSync(codeCachePath(filename), data);
  fs.writeFileSync(codeCacheManifestPath(filename), JSON.stringify(manifest) + '\n');
  return data.length;
}
