#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Writes dist/server.js.v8cache, the V8 code cache that `shitei lsp` starts the bundled server
 * with (server/src/codeCache.ts), at BUILD time: the server itself never writes a file.
 *
 * The cache holds the code of every function compiled when it is made, so the bundle is first
 * run here, in this process, through one short LSP session on in-memory streams: the sample
 * sheets are opened (structural diagnostics, then, with the dictionary, the complete set) and
 * the editor features asked for once. A real start then finds that code compiled already.
 * The sheets are the repository's public samples; the cache holds compiled code, not their text.
 *
 * Beside the cache it writes its manifest (server.js.v8cache.json): the SHA-256 of the bundle
 * and of the cache, which the loader checks before V8 sees a byte of the cache.
 *
 * Run by `npm run build` after scripts/build-extension.js, with the same `node` that will run the
 * server: V8 rejects a cache made by another version or with other flags (the server then
 * compiles as usual, just slower).
 *
 * Usage: node scripts/build-code-cache.js [--quiet]
 */
const fs = require('node:fs');
const path = require('node:path');
const { PassThrough } = require('node:stream');
const { pathToFileURL } = require('node:url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'dist/server.js');
const { requireWithCodeCache, writeCodeCache, codeCachePath, codeCacheManifestPath } = require(path.join(root, 'server/out/codeCache.js'));
const { expandPaths } = require(path.join(root, 'cli/out/files.js'));

/** The public sample sheets, found as `shitei check samples/` finds them. */
function sampleSheets() {
  const samples = path.join(root, 'samples');
  // An installation without samples/ still gets a cache: of the bundle's loading code only.
  return fs.existsSync(samples) ? expandPaths([samples]) : [];
}

async function warmUp(server) {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  server.runServer({ input: toServer, output: fromServer });
  const client = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
  const published = new Map();
  let ready;
  const dictionaryDone = new Promise((resolve) => (ready = resolve));
  client.onNotification('textDocument/publishDiagnostics', (p) => { published.set(p.uri, p.diagnostics); });
  client.onNotification('shitei/status', (p) => p.state !== 'loading' && ready(p.state));
  client.onNotification('window/logMessage', () => undefined);
  client.onNotification('$/progress', () => undefined);
  client.onRequest('window/workDoneProgress/create', () => null);
  client.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  client.onRequest('client/registerCapability', () => null);
  client.listen();

  const samples = path.join(root, 'samples');
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: pathToFileURL(samples).href,
    workspaceFolders: [{ uri: pathToFileURL(samples).href, name: 'samples' }],
    locale: 'ja',
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      window: { workDoneProgress: true },
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await client.sendNotification('initialized', {});
  const sheets = sampleSheets();
  const uris = sheets.map((file) => pathToFileURL(file).href);
  sheets.forEach((file, i) => client.sendNotification('textDocument/didOpen', {
    textDocument: { uri: uris[i], languageId: 'shitei', version: 1, text: fs.readFileSync(file, 'utf8') },
  }));
  const state = await dictionaryDone;
  // The complete diagnostics of every sheet, then each editor feature once per sheet.
  await waitFor(() => uris.every((u) => published.has(u)));
  for (const uri of uris) {
    const textDocument = { uri };
    const position = { line: 3, character: 2 };
    const range = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
    await client.sendRequest('textDocument/hover', { textDocument, position });
    await client.sendRequest('textDocument/completion', { textDocument, position });
    await client.sendRequest('textDocument/codeAction', { textDocument, range, context: { diagnostics: published.get(uri) ?? [] } });
    await client.sendRequest('textDocument/documentSymbol', { textDocument });
    await client.sendRequest('textDocument/inlayHint', { textDocument, range });
  }
  await client.sendRequest('shutdown');
  client.dispose();
  return { state, sheets: sheets.length };
}

function waitFor(predicate, timeoutMs = 60000) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (predicate()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out waiting for diagnostics'));
      else setTimeout(check, 10);
    };
    check();
  });
}

async function main() {
  const quiet = process.argv.includes('--quiet');
  // The old cache and its manifest go first: the warm-up compiles the bundle from scratch.
  fs.rmSync(codeCachePath(bundle), { force: true });
  fs.rmSync(codeCacheManifestPath(bundle), { force: true });
  const loaded = requireWithCodeCache(bundle);
  const { state, sheets } = await warmUp(loaded.exports);
  if (state !== 'ready') throw new Error(`the dictionary did not load during the warm-up (${state})`);
  const bytes = writeCodeCache(bundle, loaded);
  if (!quiet) process.stdout.write(`built ${path.relative(process.cwd(), codeCachePath(bundle))} (${(bytes / 1024).toFixed(0)} KB, warmed on ${sheets} sample sheets) and its SHA-256 manifest\n`);
  // The server keeps its process alive (stdin, timers): this build step is done.
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`build-code-cache: ${error.stack || error}\n`);
  process.exit(1);
});
