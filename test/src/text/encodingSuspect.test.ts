import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suspectEncoding } from '../../../core/out/text/encodingSuspect';
import { decodeDocument } from '../../../core/out/text/decode';
import { analyze } from '../support/analysis';
import { encodeShiftJis } from '../support/shiftJis';
import { sheet } from '../support/sheet';

const REPO = path.resolve(__dirname, '../../..');

test('a Shift_JIS sheet read as UTF-8 (what an editor without guessing shows): encoding-suspect on the first U+FFFD run', async () => {
  const bytes = encodeShiftJis(sheet());
  const decoded = decodeDocument(bytes);
  assert.ok(decoded.ok && decoded.encoding === 'shift_jis', 'the CLI reads it correctly');
  const garbled = new TextDecoder('utf-8').decode(bytes);
  const suspect = suspectEncoding(garbled)!;
  assert.equal(suspect.kind, 'replacement');
  assert.ok(suspect.count > 50);
  const result = await analyze(garbled);
  const d = result.diagnostics.filter((x) => x.code === 'encoding-suspect');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'error');
  assert.match(garbled.slice(d[0].span.start, d[0].span.end), /^\uFFFD+$/);
  assert.match(d[0].message.ja, /別の文字コードで読み込まれている/);
  assert.match(d[0].message.ja, /置換文字\(U\+FFFD\)が\d+個/);
  assert.match(d[0].message.en, /wrong encoding/);
  // The same bytes decoded as Shift_JIS: nothing suspect, no diagnostics at all.
  const right = new TextDecoder('shift_jis').decode(bytes);
  assert.equal(suspectEncoding(right), undefined);
  assert.deepEqual((await analyze(right)).diagnostics.map((x) => x.code), []);
});

test('UTF-8 read as Windows-1252 (ã€…) and as Shift_JIS (縺繧…) are suspect too', () => {
  const utf8 = new TextEncoder().encode(sheet());
  assert.equal(suspectEncoding(new TextDecoder('windows-1252').decode(utf8))?.kind, 'latin1');
  const asSjis = new TextDecoder('shift_jis').decode(utf8);
  const s = suspectEncoding(asSjis);
  assert.ok(s && (s.kind === 'utf8-as-sjis' || s.kind === 'replacement'), `kind ${s?.kind}`);
  const hiragana = new TextDecoder('shift_jis').decode(new TextEncoder().encode('これはひらがなとカタカナの多い文です。'.repeat(3)));
  assert.equal(suspectEncoding(hiragana.replace(/\uFFFD/g, ''))?.kind, 'utf8-as-sjis');
});

test('real sheets are never suspect: every sample, ×× placeholders, a few Latin-1 signs', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith('.shitei')) files.push(path.join(dir, e.name));
    }
  };
  walk(path.join(REPO, 'samples'));
  assert.ok(files.length > 30);
  for (const f of files) {
    const decoded = decodeDocument(fs.readFileSync(f));
    if (!decoded.ok) continue;
    assert.equal(suspectEncoding(decoded.text), undefined, f);
  }
  assert.equal(suspectEncoding(sheet({ fields: { 特定秘密管理者: '××課長' }, sections: { 備考: '温度は±5°、価格は¥100、§3、©、é' } })), undefined);
  assert.equal(suspectEncoding('plain ASCII'), undefined);
});

test('encoding-suspect can be turned off and disabled by a directive', async () => {
  const garbled = new TextDecoder('utf-8').decode(encodeShiftJis(sheet()));
  assert.ok(!(await analyze(garbled, { today: '2026-11-23', rules: { 'encoding-suspect': 'off' } })).diagnostics.some((d) => d.code === 'encoding-suspect'));
  assert.ok(!(await analyze(`# shitei-disable-file encoding-suspect\n${garbled}`)).diagnostics.some((d) => d.code === 'encoding-suspect'));
});
