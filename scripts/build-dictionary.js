#!/usr/bin/env node
// @ts-check
/**
 * Prepares kuromoji's dictionary for fast loading, at BUILD time (the tool itself writes no
 * file at run time): each node_modules/kuromoji/dict/*.dat.gz is decompressed, and the trailing
 * zero padding that kuromoji's builder left in it (≈ 36 of 96 MB) is trimmed where kuromoji
 * 0.1.2 reads the buffer in a way that cannot tell a trimmed zero from a kept one. The result
 * is read by core/src/nlp/dictionary.ts instead of gunzipping at every start.
 *
 * Usage: node scripts/build-dictionary.js [--out DIR] [--dict DIR] [--force] [--verify] [--quiet]
 *   --out     output folder; default core/out/dict-prepared (git-ignored build output)
 *   --dict    kuromoji's dict folder; default the installed package's
 *   --force   rebuild even when the manifest says the output is up to date
 *   --verify  only check an existing output against its manifest (sizes and SHA-256); exit 1 if not
 *
 * Deterministic: same input, same bytes (the manifest holds no time or path). manifest.json is
 * written last, so a folder without it (an interrupted build) is never taken as valid.
 *
 * How kuromoji 0.1.2 uses each buffer's length, and so what may be trimmed:
 *   base.dat, check.dat   Int32Array; doublearray's getBase/getCheck return -i+1 / -i-1 past the
 *                         end, not 0, so a zero is not the same as absence           → kept whole
 *   cc.dat                Int16Array; ConnectionCosts.get throws past the end           → kept whole
 *   unk_char.dat          Uint8Array; past the end lookup() falls back to the DEFAULT class, not
 *                         to class 0                                                    → kept whole
 *   tid.dat, unk.dat      ByteBuffer getShort/getInt: 0 past the end (as for stored zeros); reads
 *                         are at most 4 bytes wide, so keeping 3 zero bytes after the last non-zero
 *                         byte (rounded up to a multiple of 4) makes every read identical → trimmed
 *   tid_pos, unk_pos.dat  ByteBuffer getString: stops at a 0 byte or at the end          → trimmed
 *   tid_map, unk_map.dat  loadTargetMap reads (key, count, values…) up to the end; trailing zeros
 *                         read as (0, 0) pairs that add nothing; readInt past the end is 0 → trimmed
 *   unk_compat.dat        Uint32Array, bitsets; past the end = no compatible class = a stored 0
 *                                                                                       → trimmed
 *   unk_invoke.dat        InvokeDefinitionMap.load reads 7-byte class records while
 *                         position + 1 < size: the 1 MB padding becomes ≈ 150,000 junk classes
 *                         (empty name, id ≥ the real count). Trimmed to the end of the real records
 *                         only after checking that no class id ≥ the real count is referenced by
 *                         unk_char, unk_compat or unk_map; otherwise kept whole.
 */
// @ts-check
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const crypto = require('node:crypto');

const ROOT = path.resolve(__dirname, '..');
/** Bump when the prepared layout or the trimming rules change: the loader refuses other formats. */
const FORMAT = 1;
/** The kuromoji version whose internals the trimming rules and the loader were checked against. */
const PINNED_KUROMOJI = '0.1.2';

const FILES = [
  'base.dat', 'check.dat', 'tid.dat', 'tid_pos.dat', 'tid_map.dat', 'cc.dat',
  'unk.dat', 'unk_pos.dat', 'unk_map.dat', 'unk_char.dat', 'unk_compat.dat', 'unk_invoke.dat',
];
/** Name → trimming rule (see the header). */
const RULE = {
  'base.dat': 'keep', 'check.dat': 'keep', 'cc.dat': 'keep', 'unk_char.dat': 'keep',
  'tid.dat': 'zeros', 'unk.dat': 'zeros', 'tid_pos.dat': 'zeros', 'unk_pos.dat': 'zeros',
  'tid_map.dat': 'zeros', 'unk_map.dat': 'zeros', 'unk_compat.dat': 'zeros',
  'unk_invoke.dat': 'invoke',
};

function parseArgs(argv) {
  const opts = { out: path.join(ROOT, 'core/out/dict-prepared'), dict: undefined, force: false, verify: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') opts.out = path.resolve(argv[++i]);
    else if (a === '--dict') opts.dict = path.resolve(argv[++i]);
    else if (a === '--force') opts.force = true;
    else if (a === '--verify') opts.verify = true;
    else if (a === '--quiet') opts.quiet = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!opts.dict) opts.dict = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
  return opts;
}

function lastNonZero(buf) {
  let p = buf.length - 1;
  while (p >= 0 && buf[p] === 0) p--;
  return p;
}

const roundUp4 = (n) => Math.ceil(n / 4) * 4;

/** Length keeping every ≤ 4-byte read identical (see the header), a multiple of 4. */
function zeroTrimmedLength(buf) {
  const p = lastNonZero(buf);
  return Math.min(buf.length, roundUp4(p + 4));
}

/** Parses unk_invoke.dat as InvokeDefinitionMap.load does; the end of the real class records. */
function invokeClasses(buf) {
  let pos = 0;
  const classes = [];
  while (pos + 1 < buf.length) {
    const start = pos;
    const invoke = buf[pos++];
    const grouping = buf[pos++];
    const maxLength = buf.readInt32LE(pos);
    pos += 4;
    let end = pos;
    while (end < buf.length && buf[end] !== 0) end++;
    const name = buf.toString('utf8', pos, end);
    pos = Math.min(end + 1, buf.length);
    if (name === '' && invoke === 0 && grouping === 0 && maxLength === 0) return { classes, end: start };
    classes.push(name);
  }
  return { classes, end: pos };
}

/** Every class id that unk_char, unk_compat and unk_map refer to must be a real class. */
function invokeTrimIsSafe(realCount, raw) {
  const char = raw['unk_char.dat'];
  for (let i = 0; i < char.length; i++) if (char[i] >= realCount) return `unk_char.dat refers to class ${char[i]}`;
  const compat = raw['unk_compat.dat'];
  for (let i = 0; i + 4 <= compat.length; i += 4) {
    const bits = compat.readUInt32LE(i);
    if (bits !== 0 && 32 - Math.clz32(bits) > realCount) return `unk_compat.dat sets bit ${31 - Math.clz32(bits)}`;
  }
  const map = raw['unk_map.dat'];
  let pos = 4;
  while (pos + 8 <= map.length) {
    const key = map.readInt32LE(pos);
    const count = map.readInt32LE(pos + 4);
    pos += 8 + 4 * Math.max(count, 0);
    if (count > 0 && (key < 0 || key >= realCount)) return `unk_map.dat has class ${key}`;
  }
  return undefined;
}

function sha256(buf) {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

function readManifest(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function kuromojiVersion(dictDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dictDir, '..', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function sourceFingerprint(dictDir) {
  return FILES.map((f) => `${f}.gz:${fs.statSync(path.join(dictDir, `${f}.gz`)).size}`).join(',');
}

function verify(dir) {
  const manifest = readManifest(dir);
  if (!manifest || manifest.format !== FORMAT) return 'no manifest of this format';
  for (const f of FILES) {
    const entry = manifest.files[f];
    if (!entry) return `${f} missing from the manifest`;
    let buf;
    try {
      buf = fs.readFileSync(path.join(dir, f));
    } catch {
      return `${f} unreadable`;
    }
    if (buf.length !== entry.bytes) return `${f}: ${buf.length} bytes, manifest says ${entry.bytes}`;
    if (sha256(buf) !== entry.sha256) return `${f}: SHA-256 differs from the manifest`;
  }
  return undefined;
}

function build(opts) {
  const t0 = process.hrtime.bigint();
  const version = kuromojiVersion(opts.dict);
  if (version !== PINNED_KUROMOJI) {
    throw new Error(`kuromoji ${version ?? '(unknown)'} found in ${opts.dict}; the prepared dictionary is checked against ${PINNED_KUROMOJI} only`);
  }
  const fingerprint = sourceFingerprint(opts.dict);
  const existing = readManifest(opts.out);
  if (!opts.force && existing && existing.format === FORMAT && existing.kuromoji === version && existing.source === fingerprint) {
    const problem = FILES.find((f) => {
      try {
        return fs.statSync(path.join(opts.out, f)).size !== existing.files[f]?.bytes;
      } catch {
        return true;
      }
    });
    if (problem === undefined) return { skipped: true, ms: Number(process.hrtime.bigint() - t0) / 1e6, manifest: existing };
  }

  const raw = {};
  for (const f of FILES) raw[f] = zlib.gunzipSync(fs.readFileSync(path.join(opts.dict, `${f}.gz`)));

  const lengths = {};
  const notes = {};
  for (const f of FILES) {
    const buf = raw[f];
    if (RULE[f] === 'keep') lengths[f] = buf.length;
    else if (RULE[f] === 'zeros') lengths[f] = zeroTrimmedLength(buf);
    else {
      const { classes, end } = invokeClasses(buf);
      const unsafe = invokeTrimIsSafe(classes.length, raw);
      if (unsafe) {
        lengths[f] = buf.length;
        notes[f] = `kept whole: ${unsafe}`;
      } else {
        lengths[f] = end;
        notes[f] = `${classes.length} classes: ${classes.join(' ')}`;
      }
    }
  }
  // Typed-array views need whole elements.
  for (const [f, width] of /** @type {[string, number][]} */ ([['base.dat', 4], ['check.dat', 4], ['cc.dat', 2], ['unk_compat.dat', 4]])) {
    if (lengths[f] % width !== 0) throw new Error(`${f}: ${lengths[f]} bytes is not a multiple of ${width}`);
  }
  const cc = raw['cc.dat'];
  if (cc.readInt16LE(0) * cc.readInt16LE(2) * 2 + 4 !== cc.length) throw new Error('cc.dat: dimensions do not match its size');

  fs.rmSync(opts.out, { recursive: true, force: true });
  fs.mkdirSync(opts.out, { recursive: true });
  const files = {};
  let before = 0;
  let after = 0;
  for (const f of FILES) {
    const data = raw[f].subarray(0, lengths[f]);
    fs.writeFileSync(path.join(opts.out, f), data);
    files[f] = { bytes: data.length, decompressedBytes: raw[f].length, sha256: sha256(data), ...(notes[f] ? { note: notes[f] } : {}) };
    before += raw[f].length;
    after += data.length;
  }
  const manifest = { format: FORMAT, kuromoji: version, source: fingerprint, files };
  fs.writeFileSync(path.join(opts.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { skipped: false, ms: Number(process.hrtime.bigint() - t0) / 1e6, manifest, before, after };
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const rel = path.relative(process.cwd(), opts.out) || '.';
  if (opts.verify) {
    const problem = verify(opts.out);
    if (problem) {
      process.stderr.write(`build-dictionary: ${rel} is not valid: ${problem}\n`);
      process.exit(1);
    }
    if (!opts.quiet) process.stdout.write(`build-dictionary: ${rel} matches its manifest\n`);
    return;
  }
  const r = build(opts);
  if (opts.quiet) return;
  if (r.skipped) process.stdout.write(`build-dictionary: ${rel} is up to date (${r.ms.toFixed(0)} ms)\n`);
  else {
    const mb = (n) => (n / 1048576).toFixed(1);
    process.stdout.write(`build-dictionary: ${rel}: ${mb(r.before)} MB decompressed → ${mb(r.after)} MB after trimming padding (${r.ms.toFixed(0)} ms)\n`);
  }
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`build-dictionary: ${error && error.message ? error.message : error}\n`);
    process.exit(1);
  }
}

module.exports = { FILES, FORMAT, PINNED_KUROMOJI, build, verify, zeroTrimmedLength, invokeClasses };
