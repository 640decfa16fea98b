/**
 * Where the tool is installed: the folder with shitei's package.json, found from this module's
 * own place in what shitei ships, and nowhere else. Compiled, this file is
 * `<root>/core/out/node/installation.js`; bundled, it is inside `<root>/dist/<bundle>.js`. Only
 * the one package.json at that place is read, and only if it is shitei's (name "shitei" and the
 * `shitei` command): a folder above an installation (`/opt/package.json` above `/opt/x/dist`)
 * is never looked at, so it cannot set the version or the rule pages' address.
 * Its docs/ hold the rule pages.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_CONFIG_BYTES, readRegularFile } from './readFile';

interface Installation {
  root: string;
  version: string;
}

let found: Installation | null | undefined;

/** The installation root implied by the folder this code runs from, if it is a shipped layout. */
export function layoutRoot(dir: string): string | undefined {
  const parts = path.resolve(dir).split(path.sep);
  const tail = parts.slice(-3).join('/');
  if (tail === 'core/out/node') return parts.slice(0, -3).join(path.sep) || path.sep;
  if (parts[parts.length - 1] === 'dist') return parts.slice(0, -1).join(path.sep) || path.sep;
  return undefined;
}

/** `dir` as shitei's installation, if its package.json says so. */
function verify(dir: string): Installation | undefined {
  const read = readRegularFile(path.join(dir, 'package.json'), MAX_CONFIG_BYTES);
  if (!read.ok) return undefined;
  try {
    const pkg = JSON.parse(read.bytes.toString('utf8')) as { name?: unknown; version?: unknown; bin?: Record<string, unknown> };
    if (pkg.name !== 'shitei' || typeof pkg.bin?.shitei !== 'string' || typeof pkg.version !== 'string') return undefined;
    return { root: dir, version: pkg.version };
  } catch {
    return undefined;
  }
}

function installation(): Installation | undefined {
  if (found === undefined) {
    const root = layoutRoot(__dirname);
    found = (root && verify(root)) || null;
  }
  return found ?? undefined;
}

export function installationRoot(): string | undefined {
  return installation()?.root;
}

export function toolVersion(): string {
  return installation()?.version ?? '0.0.0';
}

/** The file: URL of the shipped rule pages (docs/rules), if they are there. */
export function ruleDocsUrl(): string | undefined {
  const dir = installationRoot();
  const docs = dir && path.join(dir, 'docs/rules');
  return docs && fs.existsSync(docs) ? pathToFileURL(docs).href : undefined;
}
