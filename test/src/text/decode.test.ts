import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDocument, firstInvalidUtf8 } from '../../../core/out/text/decode';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const cat = (...parts: ArrayLike<number>[]): Uint8Array => {
  const out: number[] = [];
  for (const p of parts) out.push(...Array.from(p));
  return Uint8Array.from(out);
};

test('empty input is an empty UTF-8 document', () => {
  assert.deepEqual(decodeDocument(new Uint8Array(0)), { ok: true, text: '', bom: false, encoding: 'utf-8' });
});

test('UTF-8 without and with BOM', () => {
  const text = '整理番号：防衛-001\r\n【指定の理由】\n𠮷';
  assert.deepEqual(decodeDocument(utf8(text)), { ok: true, text, bom: false, encoding: 'utf-8' });
  assert.deepEqual(decodeDocument(cat([0xef, 0xbb, 0xbf], utf8(text))), { ok: true, text, bom: true, encoding: 'utf-8' });
  // Only the first BOM is the file's; a second U+FEFF is text.
  const twice = decodeDocument(cat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], utf8('a')));
  assert.deepEqual(twice, { ok: true, text: '\ufeffa', bom: true, encoding: 'utf-8' });
});

test('Shift_JIS: 令和8年4月1日 and full-width digits', () => {
  // 令 97DF, 和 9861, 年 944E, 月 8C8E, 日 93FA, ８ 8257, ４ 8253, １ 8250 (CP932).
  const half = Buffer.from('97df986138944e348c8e3193fa', 'hex');
  assert.deepEqual(decodeDocument(half), { ok: true, text: '令和8年4月1日', bom: false, encoding: 'shift_jis' });
  const full = Buffer.from('97df98618257944e82538c8e825093fa0d0a', 'hex');
  assert.deepEqual(decodeDocument(full), { ok: true, text: '令和８年４月１日\r\n', bom: false, encoding: 'shift_jis' });
});

test('UTF-16 with a BOM, both byte orders', () => {
  const text = '令和8年\n𠮷';
  const units = Array.from(text, (c) => c).join('');
  const le: number[] = [0xff, 0xfe];
  const be: number[] = [0xfe, 0xff];
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    le.push(u & 0xff, u >> 8);
    be.push(u >> 8, u & 0xff);
  }
  assert.deepEqual(decodeDocument(Uint8Array.from(le)), { ok: true, text, bom: true, encoding: 'utf-16le' });
  assert.deepEqual(decodeDocument(Uint8Array.from(be)), { ok: true, text, bom: true, encoding: 'utf-16be' });
  const odd = decodeDocument(Uint8Array.from(le.slice(0, 5)));
  assert.equal(odd.ok, false);
});

test('NUL bytes mean binary', () => {
  const r = decodeDocument(cat(utf8('abc'), [0], utf8('def')));
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.ja, 'バイナリファイルのようです(NUL バイトを含む)');
    assert.equal(r.error.en, 'looks like a binary file (contains NUL bytes)');
  }
});

test('bytes that are neither UTF-8 nor Shift_JIS are refused with where it failed', () => {
  // 0xFF is never valid in UTF-8 nor a Shift_JIS lead byte.
  const r = decodeDocument(cat(utf8('a\nb'), [0xff, 0x41]));
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.error.en, /not valid UTF-8 or Shift_JIS/);
    assert.match(r.error.en, /line 2, byte offset 3/);
    assert.match(r.error.ja, /UTF-8/);
  }
  // With a UTF-8 BOM the file claims UTF-8: no Shift_JIS fallback.
  const withBom = decodeDocument(cat([0xef, 0xbb, 0xbf], Buffer.from('97df9861', 'hex')));
  assert.equal(withBom.ok, false);
});

test('firstInvalidUtf8 finds overlongs, surrogates and truncation', () => {
  assert.equal(firstInvalidUtf8(utf8('令和𠮷')), -1);
  assert.equal(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0x80])), 1);
  assert.equal(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80])), 0);
  assert.equal(firstInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xe4, 0xb8])), 2);
});
