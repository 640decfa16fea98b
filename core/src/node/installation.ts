/**
 * Where the tool is installed: the folder with shitei's package.json, found from this module
 * whether it runs compiled (core/out/node) or bundled (dist/). Its docs/ hold the rule pages.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let root: string | null | undefined;

export function installationRoot(): string | undefined {
  if (root === undefined) {
    root = [path.resolve(__dirname, '../../..'), path.resolve(__dirname, '..')].find((dir) => {
      try {
        return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'shitei';
      } catch {
        return false;
      }
    }) ?? null;
  }
  return root ?? undefined;
}

export function toolVersion(): string {
  const dir = installationRoot();
  return dir ? (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version : '0.0.0';
}

/** The file: URL of the shipped rule pages (docs/rules), if they are there. */
export function ruleDocsUrl(): string | undefined {
  const dir = installationRoot();
  const docs = dir && path.join(dir, 'docs/rules');
  return docs && fs.existsSync(docs) ? pathToFileURL(docs).href : undefined;
}
