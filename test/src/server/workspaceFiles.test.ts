/**
 * The server's view of the workspace on disk (server/src/workspaceFiles.ts): every `.shitei`
 * file is found however many there are; only regular files are read, with a byte limit
 * checked before reading — a symlink to /dev/zero, a FIFO or an oversized file is skipped and
 * counted, never read — whether read synchronously or off the event loop.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceFiles } from '../../../server/out/workspaceFiles';
import { readRegularFile, readRegularFileAsync } from '../../../core/out/node/readFile';
import { LspSession } from '../support/lspClient';
import { sheet } from '../support/sheet';

/** Temporary folders, removed when the file's tests are done. */
const folders: string[] = [];
after(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});
function tempFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

test('regular files only: a link to /dev/zero, a FIFO and a missing file are skipped and counted, never read', () => {
  // The byte limit itself is the shared reader's (core/src/node/readFile.ts, test/src/badinput).
  const dir = tempFolder('shitei-files-');
  const ok = path.join(dir, 'ok.shitei');
  fs.writeFileSync(ok, sheet());
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.shitei'));
  execFileSync('mkfifo', [path.join(dir, 'fifo.shitei')]);
  const files = new WorkspaceFiles();
  files.setRoots([pathToFileURL(dir).href]);
  // The walk lists whatever is named .shitei; the reader refuses what is not a regular file.
  const found = [...files.walk()].flat().sort();
  assert.equal(found.length, 3);
  for (const uri of found) files.load(uri);
  assert.equal(files.size, 1);
  assert.equal(files.skipped.get(pathToFileURL(path.join(dir, 'zero.shitei')).href), 'not-a-file');
  assert.equal(files.skipped.get(pathToFileURL(path.join(dir, 'fifo.shitei')).href), 'not-a-file');
  assert.equal(files.load(pathToFileURL(path.join(dir, 'missing.shitei')).href), 'unreadable');
});

test('reading off the event loop (readRegularFileAsync, WorkspaceFiles.read) refuses and accepts exactly what the synchronous read does', async () => {
  const dir = tempFolder('shitei-async-');
  const limit = 1000;
  const files: Record<string, string> = {};
  for (const [name, size] of [['under', limit - 1], ['at', limit], ['over', limit + 1], ['empty', 0]] as const) {
    files[name] = path.join(dir, `${name}.shitei`);
    fs.writeFileSync(files[name], 'あ'.repeat(Math.floor(size / 3)) + 'x'.repeat(size % 3));
  }
  files.zero = path.join(dir, 'zero.shitei');
  fs.symlinkSync('/dev/zero', files.zero);
  files.fifo = path.join(dir, 'fifo.shitei');
  execFileSync('mkfifo', [files.fifo]);
  files.folder = path.join(dir, 'folder.shitei');
  fs.mkdirSync(files.folder);
  files.missing = path.join(dir, 'missing.shitei');
  for (const [name, file] of Object.entries(files)) {
    const sync = readRegularFile(file, limit);
    const async = await readRegularFileAsync(file, limit);
    assert.deepEqual(async, sync, name);
  }
  assert.ok((await readRegularFileAsync(files.at, limit)).ok);
  assert.deepEqual(await readRegularFileAsync(files.over, limit), { ok: false, reason: 'too-large', atLeast: limit + 1, limit });
  // Through the server's workspace files: the same outcome as load().
  const ws = new WorkspaceFiles();
  ws.setRoots([pathToFileURL(dir).href]);
  const other = new WorkspaceFiles();
  other.setRoots([pathToFileURL(dir).href]);
  fs.writeFileSync(path.join(dir, 'sheet.shitei'), sheet());
  for (const name of ['sheet', 'zero', 'fifo', 'folder', 'missing']) {
    const uri = pathToFileURL(path.join(dir, `${name}.shitei`)).href;
    assert.equal(ws.accept(uri, await ws.read(uri)), other.load(uri), name);
  }
  assert.equal(ws.get(pathToFileURL(path.join(dir, 'sheet.shitei')).href)?.text, sheet());
});

test('a file read again with the same text keeps its document (and so its analysis); a changed one gets a new version', () => {
  const dir = tempFolder('shitei-same-');
  const file = path.join(dir, 'a.shitei');
  fs.writeFileSync(file, sheet());
  const files = new WorkspaceFiles();
  files.setRoots([pathToFileURL(dir).href]);
  const uri = pathToFileURL(file).href;
  files.load(uri);
  const first = files.get(uri);
  files.load(uri);
  assert.equal(files.get(uri), first);
  fs.writeFileSync(file, sheet({ fields: { 措置: '通知' } }));
  files.load(uri);
  assert.notEqual(files.get(uri), first);
  assert.notEqual(files.get(uri)!.version, first!.version);
});

test('no cap on the number of files: 6,000 sheets are all found', () => {
  const dir = tempFolder('shitei-many-');
  for (let f = 0; f < 6; f++) {
    const sub = path.join(dir, `d${f}`);
    fs.mkdirSync(sub);
    for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(sub, `s${i}.shitei`), '');
  }
  const files = new WorkspaceFiles();
  files.setRoots([pathToFileURL(dir).href]);
  let steps = 0;
  let count = 0;
  for (const batch of files.walk()) {
    steps++;
    count += batch.length;
  }
  assert.equal(count, 6000);
  assert.ok(steps >= 7, 'one folder per step, so a caller can slice the walk');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('LSP: a .shitei symlink to /dev/zero announced by a file-watch event is skipped, and the server keeps answering', async () => {
  const dir = tempFolder('shitei-zero-');
  fs.writeFileSync(path.join(dir, 'a.shitei'), sheet());
  const s = await LspSession.start({ rootPath: dir });
  try {
    const zero = path.join(dir, 'zero.shitei');
    fs.symlinkSync('/dev/zero', zero);
    execFileSync('mkfifo', [path.join(dir, 'fifo.shitei')]);
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [
      { uri: pathToFileURL(zero).href, type: 1 },
      { uri: pathToFileURL(path.join(dir, 'fifo.shitei')).href, type: 1 },
    ] });
    const uri = pathToFileURL(path.join(dir, 'a.shitei')).href;
    const ds = await s.open(uri, sheet({ fields: { 措置: '公表' } }));
    assert.ok(ds.some((d) => d.code === 'measure-invalid'));
    assert.ok(await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 4 } }));
    // Said, by count only: nothing is silently left out.
    await s.until(() => s.logs.some((l) => /workspace files not checked: 2 not-a-file/.test(l)));
  } finally {
    await s.stop();
  }
});

test('LSP: indexing a folder is announced with $/progress (begin … end)', async () => {
  const dir = tempFolder('shitei-progress-');
  for (let i = 0; i < 80; i++) fs.writeFileSync(path.join(dir, `s${i}.shitei`), sheet({ fields: { 整理番号: `P-${i}` } }));
  const s = await LspSession.start({ rootPath: dir, noWait: true });
  const titles = new Map<string | number, string>();
  const ended: string[] = [];
  s.connection.onNotification('$/progress', (p: { token: string | number; value: { kind: string; title?: string } }) => {
    if (p.value.kind === 'begin') titles.set(p.token, p.value.title!);
    if (p.value.kind === 'end') ended.push(titles.get(p.token) ?? '?');
  });
  try {
    await s.until(() => ended.some((t) => /ワークスペース|workspace/.test(t)), 30000);
    await s.until(() => s.diagnostics.has(pathToFileURL(path.join(dir, 's79.shitei')).href));
  } finally {
    await s.stop();
  }
});
