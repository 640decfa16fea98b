/**
 * Every `.shitei` file of the workspace folders, open or not, so the workspace rules cover the
 * whole folder: open documents come from the editor, the rest from disk (re-read when the
 * client reports a change on disk).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeDocument } from '../../core/out/text/decode';
import { filePathOf } from './analysisService';

export interface DiskDocument {
  uri: string;
  version: number;
  text: string;
}

const MAX_FILES = 5000;
const SKIPPED = new Set(['node_modules', '.git']);

export class WorkspaceIndex {
  private readonly disk = new Map<string, DiskDocument>();
  private readonly roots: string[] = [];
  private counter = 0;

  setRoots(uris: string[]): void {
    this.roots.length = 0;
    for (const uri of uris) {
      const p = filePathOf(uri);
      if (p) this.roots.push(p);
    }
  }

  /** Reads every `.shitei` file under the roots (bounded, so a huge folder cannot stall the server). */
  scan(): void {
    this.disk.clear();
    const files: string[] = [];
    const walk = (dir: string) => {
      if (files.length >= MAX_FILES) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.isDirectory()) {
          if (!SKIPPED.has(e.name) && !e.name.startsWith('.')) walk(path.join(dir, e.name));
        } else if (e.isFile() && e.name.endsWith('.shitei') && files.length < MAX_FILES) files.push(path.join(dir, e.name));
      }
    };
    for (const root of this.roots) walk(root);
    for (const f of files) this.load(pathToFileURL(f).href);
  }

  /** (Re)reads one file from disk; forgets it when it is gone or unreadable. */
  load(uri: string): void {
    const p = filePathOf(uri);
    if (!p) return;
    try {
      const decoded = decodeDocument(fs.readFileSync(p));
      if (decoded.ok) this.disk.set(uri, { uri, version: -++this.counter, text: decoded.text });
      else this.disk.delete(uri);
    } catch {
      this.disk.delete(uri);
    }
  }

  remove(uri: string): void {
    this.disk.delete(uri);
  }

  isInWorkspace(uri: string): boolean {
    const p = filePathOf(uri);
    return !!p && this.roots.some((r) => p === r || p.startsWith(r + path.sep));
  }

  all(): DiskDocument[] {
    return [...this.disk.values()];
  }

  label(uri: string): string {
    const p = filePathOf(uri);
    if (!p) return uri;
    const root = this.roots.find((r) => p.startsWith(r + path.sep));
    return (root ? path.relative(root, p) : path.basename(p)).split(path.sep).join('/');
  }
}
