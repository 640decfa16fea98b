/**
 * Bad input to import: one clear error naming the file, exit 2, nothing written — for a file
 * that is not a docx/xlsx, a damaged zip, a password-protected (OLE) file, a document with no
 * recognizable labels, a zip bomb and a document over the sheet's size limit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { DocumentError, ZipReader, writeZip } from '../../../core/out/documents/zip';
import { readDocx } from '../../../core/out/documents/docxRead';
import { parseXml, XmlError } from '../../../core/out/documents/xml';
import { runCli } from '../support/cli';
import { docxOf, importDocx, p, table } from './support';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-docs-'));
}

const GOOD = docxOf(table([['整理番号', 'X-1'], ['行政機関', '防衛省']]));

/** Runs `shitei import NAME` on the bytes in a fresh folder; returns the result and what the folder holds after. */
function importBytes(name: string, bytes: Uint8Array | string, extra: string[] = []): { status: number; stderr: string; stdout: string; files: string[] } {
  const dir = tempDir();
  try {
    fs.writeFileSync(path.join(dir, name), bytes);
    const r = runCli(['import', name, ...extra], dir, { SHITEI_LOCALE: 'en' });
    return { ...r, files: fs.readdirSync(dir).sort() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function assertRefused(r: ReturnType<typeof importBytes>, name: string, reason: RegExp): void {
  assert.equal(r.status, 2, r.stderr);
  assert.deepEqual(r.files, [name], 'nothing written');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.ok(lines[0].includes(name), `names the file: ${lines[0]}`);
  assert.match(lines[0], reason);
  assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/);
}

test('a text file named .docx', () => {
  assertRefused(importBytes('a.docx', '整理番号：X-1\n'), 'a.docx', /not a Word \(\.docx\) or Excel \(\.xlsx\) document/);
});

test('a zip that is neither Word nor Excel', () => {
  assertRefused(importBytes('a.docx', writeZip({ 'a.txt': 'hello' })), 'a.docx', /not a Word \(\.docx\) or Excel \(\.xlsx\) document/);
});

test('a damaged zip: truncated, and with its central directory cut off', () => {
  assertRefused(importBytes('a.docx', GOOD.subarray(0, Math.floor(GOOD.length / 2))), 'a.docx', /damaged/);
  const corrupted = new Uint8Array(GOOD);
  // Overwrite the compressed data of every entry after the local headers: inflation fails.
  for (let i = 200; i < corrupted.length - 300; i++) corrupted[i] = (corrupted[i] * 31 + 7) & 0xff;
  assertRefused(importBytes('a.docx', corrupted), 'a.docx', /damaged/);
});

test('a password-protected document (an OLE compound file, as Office writes encrypted files)', () => {
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  assertRefused(importBytes('secret.docx', ole), 'secret.docx', /password-protected/);
  assertRefused(importBytes('secret.xlsx', ole), 'secret.xlsx', /password-protected/);
});

test('a zip entry with the encryption flag', () => {
  const bytes = new Uint8Array(GOOD);
  // Set bit 0 of the general purpose flags in every central directory header.
  for (let i = 0; i + 4 < bytes.length; i++) if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2) bytes[i + 8] |= 1;
  assertRefused(importBytes('a.docx', bytes), 'a.docx', /password-protected/);
});

test('a Word document with no recognizable label', () => {
  const bytes = docxOf(p('議事録') + p('本日の会議では予算について議論した。') + table([['日時', '午前10時'], ['場所', '第1会議室']]));
  assertRefused(importBytes('minutes.docx', bytes), 'minutes.docx', /no recognizable label/);
});

test('a document over the sheet size limit is refused, not truncated', () => {
  const line = 'あ'.repeat(1000);
  const paragraphs = Array.from({ length: 2100 }, () => p(line)).join('');
  const bytes = docxOf(p('整理番号：X-1') + p('【備考】') + paragraphs);
  assertRefused(importBytes('big.docx', bytes), 'big.docx', /too large/);
});

test('a zip bomb stops at the limit, whatever sizes the archive claims', () => {
  const zeros = new Uint8Array(8 * 1024 * 1024);
  const bomb = zipSync({ 'word/document.xml': [zeros, { level: 9 }] });
  assert.ok(bomb.length < 64 * 1024);
  // Lie in the central directory: claim 100 bytes uncompressed.
  for (let i = 0; i + 4 < bomb.length; i++) if (bomb[i] === 0x50 && bomb[i + 1] === 0x4b && bomb[i + 2] === 1 && bomb[i + 3] === 2) bomb.set([100, 0, 0, 0], i + 24);
  const zip = new ZipReader(bomb, { maxEntryBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 });
  assert.throws(() => zip.read('word/document.xml'), (e: unknown) => e instanceof DocumentError && /zip bomb/.test(e.message));
  assert.throws(() => readDocx(bomb, { maxEntryBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 }), DocumentError);
});

test('an input over the byte limit is refused before it is read', () => {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'huge.docx');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 65 * 1024 * 1024);
    const r = runCli(['import', 'huge.docx'], dir, { SHITEI_LOCALE: 'en' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /huge\.docx: the file is too large/);
    assert.deepEqual(fs.readdirSync(dir), ['huge.docx']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the XML reader refuses a DOCTYPE, mismatched tags and runaway nesting', () => {
  assert.throws(() => parseXml('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'), XmlError);
  assert.throws(() => parseXml('<a><b></a></b>'), XmlError);
  assert.throws(() => parseXml('<a>'.repeat(5000) + '</a>'.repeat(5000)), XmlError);
  assert.equal((parseXml('<a x="1 &amp; 2">&#x41;&lt;<![CDATA[<c>]]></a>').children.join('')), 'A<<c>');
});

test('a missing file, a folder, and an unknown option: exit 2 with the name', () => {
  const dir = tempDir();
  try {
    let r = runCli(['import', 'none.docx'], dir, { SHITEI_LOCALE: 'en' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /none\.docx: cannot read the file \(ENOENT\)/);
    r = runCli(['import', '.'], dir, { SHITEI_LOCALE: 'en' });
    assert.equal(r.status, 2);
    r = runCli(['import', '--bogus', 'a.docx'], dir, { SHITEI_LOCALE: 'en' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Usage:/);
    r = runCli(['export', 'none.shitei'], dir, { SHITEI_LOCALE: 'en' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /none\.shitei: cannot read the file/);
    assert.deepEqual(fs.readdirSync(dir), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('adversarial text stays linear: long blank runs, long tags, many empty paragraphs (a hang fails by timeout)', { timeout: 60_000 }, () => {
  const blanks = ' '.repeat(300_000);
  const bigTag = `<w:p><w:r><w:t>整理番号：X-1</w:t></w:r></w:p><w:p ${'a'.repeat(300_000)}/>`;
  const body = [
    p(`1${blanks}x`),
    p(`【${blanks}`),
    p(`整理番号${'　'.repeat(100_000)}`),
    `<w:tbl><w:tr><w:tc>${'<w:p/>'.repeat(100_000)}<w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc><w:tc>${p('y')}</w:tc></w:tr></w:tbl>`,
    bigTag,
    p(`${'a '.repeat(150_000)}`),
  ].join('');
  const bytes = docxOf(body);
  const r = importDocx(bytes);
  assert.ok(r.document.fields.some((f) => f.label === '整理番号' && f.value === 'X-1'), 'the text after the odd parts is read');
});
