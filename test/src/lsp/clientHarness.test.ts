/**
 * The tests' LSP client itself: a process that read a message cut off by the server's exit still
 * ends when its connection is disposed. vscode-jsonrpc's reader re-arms a partial-message timer
 * forever and its dispose() does not clear it; a test file whose server stopped mid-message never
 * exited, and the whole run waited on it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO } from '../support/cli';

const SCRIPT = (reader: string) => `
const { PassThrough } = require('node:stream');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const { serverReader } = require(${JSON.stringify(path.join(REPO, 'test/out/support/lspClient'))});
const input = new PassThrough();
const conn = createMessageConnection(${reader}, new StreamMessageWriter(new PassThrough()));
conn.listen();
input.write('Content-Length: 100\\r\\n\\r\\n{"jsonrpc":');
setTimeout(() => { input.end(); conn.dispose(); }, 50);
`;

const run = (reader: string, timeout: number) => spawnSync(process.execPath, ['-e', SCRIPT(reader)], { cwd: REPO, timeout });

test('a connection that read half a message lets its process exit once disposed', () => {
  const ours = run('serverReader(input)', 15_000);
  assert.equal(ours.error, undefined);
  assert.equal(ours.status, 0, String(ours.stderr));
  // The library's own reader keeps the process alive (what the harness works around).
  // (It never ends: still running 3 s after the dispose that should have ended it.)
  const stock = run('new StreamMessageReader(input)', 3_000);
  assert.equal(stock.signal, 'SIGTERM', 'still running when the 3 s bound was reached');
});
