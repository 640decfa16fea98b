import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BEPPYO, KANA_ORDER, findGou, findItem, findSaimoku } from '../../../core/out/domain/beppyo/catalog';

const ROOT = path.resolve(__dirname, '../../..');
const REFERENCE = path.resolve(ROOT, '../shared/reference/oversight-report-2015-with-law-excerpts.txt');

const kanaOf = (n: number) => findGou(n)?.items.map((it) => it.kana).join('');

test('each 号 has the items the law lists', () => {
  assert.deepEqual(
    BEPPYO.map((g) => g.number),
    [1, 2, 3, 4],
  );
  assert.equal(kanaOf(1), 'イロハニホヘトチリヌ');
  assert.equal(findGou(1)?.items.length, 10);
  assert.equal(kanaOf(2), 'イロハニホ');
  assert.equal(kanaOf(3), 'イロハニ');
  assert.equal(kanaOf(4), 'イロハニ');
  for (const g of BEPPYO) assert.ok(KANA_ORDER.startsWith(kanaOf(g.number) ?? '?'));
  assert.equal(findGou(5), undefined);
});

test('titles and law text', () => {
  assert.deepEqual(
    BEPPYO.map((g) => g.title),
    ['防衛に関する事項', '外交に関する事項', '特定有害活動の防止に関する事項', 'テロリズムの防止に関する事項'],
  );
  assert.equal(findItem(1, 'ト')?.lawText, '防衛の用に供する暗号');
  assert.equal(findItem(1, 'イ')?.lawText, '自衛隊の運用又はこれに関する見積り若しくは計画若しくは研究');
  // The 運用基準 heading of 1号ホ adds a parenthesis the law does not have.
  assert.match(findItem(1, 'ホ')?.kijunHeading ?? '', /船舶を含む/);
  assert.doesNotMatch(findItem(1, 'ホ')?.lawText ?? '', /船舶/);
  for (const g of BEPPYO) for (const it of g.items) assert.equal(it.gou, g.number);
});

test('1号イ has 細目 a with (a)(b)(c) and b', () => {
  const item = findItem(1, 'イ');
  assert.ok(item);
  assert.deepEqual(
    item.saimoku.map((s) => s.letter),
    ['a', 'b'],
  );
  const a = findSaimoku(item, 'a');
  assert.deepEqual(
    a?.subItems.map((x) => x.letter),
    ['a', 'b', 'c'],
  );
  assert.equal(a?.subItems[0].text, '自衛隊の訓練又は演習');
  assert.deepEqual(findSaimoku(item, 'b')?.subItems, []);
  assert.equal(findSaimoku(item, 'c'), undefined);
  assert.equal(findSaimoku(item, null), undefined);
});

test('1号ハ, ホ, ヘ, ト, ヌ have one unlettered 細目', () => {
  for (const kana of 'ハホヘトヌ') {
    const item = findItem(1, kana);
    assert.ok(item, kana);
    assert.equal(item.saimoku.length, 1, kana);
    assert.equal(item.saimoku[0].letter, null, kana);
    assert.equal(findSaimoku(item, null), item.saimoku[0]);
  }
  // The unlettered 細目 of 1号ハ begins with "ロa…", which must not be read as a letter.
  assert.match(findItem(1, 'ハ')?.saimoku[0].text ?? '', /^ロaからcまで/);
  for (const kana of 'イロニチリ') assert.ok(findItem(1, kana)?.saimoku.every((s) => s.letter !== null), kana);
});

test('2号ロ a has sub-items (a)–(f)', () => {
  const a = findSaimoku(findItem(2, 'ロ'), 'a');
  assert.deepEqual(
    a?.subItems.map((x) => x.letter),
    ['a', 'b', 'c', 'd', 'e', 'f'],
  );
  assert.equal(findItem(2, 'ヘ'), undefined);
});

test('the extractor reproduces the committed data.json', { skip: !existsSync(REFERENCE) && 'no ../shared/reference' }, () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/extract-beppyo.js'), REFERENCE, '-'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const committed = readFileSync(path.join(ROOT, 'core/src/domain/beppyo/data.json'), 'utf8');
  assert.equal(run.stdout, committed);
});
