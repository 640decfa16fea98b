import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeExpiry,
  exceedsYears,
  extensionStart,
  formatPeriod,
  parsePeriod,
  periodLengthMonths,
  type Period,
} from '../../../core/out/domain/periods';

const d = (year: number, month: number, day: number) => ({ year, month, day });
const dur = (years: number, months = 0): Period => ({ kind: 'duration', years, months });

function duration(text: string, years: number, months: number): void {
  const r = parsePeriod(text);
  assert.ok(r, text);
  assert.equal(r.error, undefined, `${text}: ${r.error?.ja}`);
  assert.deepEqual(r.period, dur(years, months), text);
}

function unreadable(text: string): void {
  const r = parsePeriod(text);
  assert.ok(r, text);
  assert.equal(r.period, undefined, text);
  assert.ok(r.error && r.error.ja && r.error.en, `${text}: error`);
  assert.notEqual(r.zero, true, text);
}

test('periods of years and months in every digit style and counter', () => {
  duration('5年', 5, 0);
  duration('５年', 5, 0);
  duration('五年', 5, 0);
  duration('3年6か月', 3, 6);
  duration('3年6ヶ月', 3, 6);
  duration('3年6ケ月', 3, 6);
  duration('3年6カ月', 3, 6);
  duration('3年6箇月', 3, 6);
  duration('3年6ヵ月', 3, 6);
  duration('三年六箇月', 3, 6);
  duration('３年６か月', 3, 6);
  duration('18か月', 0, 18);
  duration('十八か月', 0, 18);
  duration('1年間', 1, 0);
  duration('2年6箇月間', 2, 6);
  duration('6か月間', 0, 6);
  duration('3 年 6 か月', 3, 6);
  duration('３年　６か月', 3, 6);
  duration('0年6か月', 0, 6);
});

test('an end date with まで', () => {
  const r = parsePeriod('令和13年3月31日まで');
  assert.deepEqual(r?.period, { kind: 'until', date: d(2031, 3, 31), dateStyle: { calendar: 'era', digits: 'half' } });
  assert.deepEqual(parsePeriod('令和13年3月31日 まで')?.period?.kind, 'until');
  assert.deepEqual(parsePeriod('2031年3月31日迄')?.period, {
    kind: 'until',
    date: d(2031, 3, 31),
    dateStyle: { calendar: 'western', digits: 'half' },
  });
  assert.deepEqual(parsePeriod('令和十三年三月三十一日まで')?.period, {
    kind: 'until',
    date: d(2031, 3, 31),
    dateStyle: { calendar: 'era', digits: 'kanji' },
  });
});

test('an invalid end date carries the date error and its fix', () => {
  const r = parsePeriod('平成40年3月31日まで');
  assert.equal(r?.period, undefined);
  assert.match(r?.error?.ja ?? '', /平成40年は存在しません/);
  assert.deepEqual(r?.parsedDate?.fix?.date, d(2028, 3, 31));
  assert.match(parsePeriod('令和13年2月30日まで')?.error?.ja ?? '', /存在しません/);
});

test('zero, ambiguous and unreadable periods', () => {
  for (const z of ['0年', '０年', '0か月', '0年0か月']) {
    const r = parsePeriod(z);
    assert.equal(r?.zero, true, z);
    assert.ok(r?.error, z);
    assert.equal(r?.period, undefined, z);
  }
  unreadable('6月'); // a month name or six months?
  assert.match(parsePeriod('6月')?.error?.ja ?? '', /曖昧/);
  unreadable('1年6月');
  unreadable('令和13年3月31日'); // needs まで
  assert.match(parsePeriod('令和13年3月31日')?.error?.ja ?? '', /まで/);
  unreadable('五年くらい');
  unreadable('未定');
  unreadable('間');
  unreadable('5');
  unreadable('5年以内');
  assert.equal(parsePeriod(''), undefined);
  assert.equal(parsePeriod('  　'), undefined);
});

test('expiry: the day before the corresponding day (format.md examples)', () => {
  assert.deepEqual(computeExpiry(d(2026, 4, 1), dur(5)), d(2031, 3, 31));
  assert.deepEqual(computeExpiry(d(2028, 2, 29), dur(5)), d(2033, 2, 28));
  assert.deepEqual(computeExpiry(d(2026, 1, 31), dur(0, 1)), d(2026, 2, 28));
  assert.deepEqual(computeExpiry(d(2026, 4, 1), dur(2)), d(2028, 3, 31)); // the example file
});

test('expiry: month ends and leap days', () => {
  assert.deepEqual(computeExpiry(d(2026, 3, 31), dur(0, 1)), d(2026, 4, 30));
  assert.deepEqual(computeExpiry(d(2024, 2, 29), dur(4)), d(2028, 2, 28));
  assert.deepEqual(computeExpiry(d(2024, 2, 29), dur(1)), d(2025, 2, 28));
  assert.deepEqual(computeExpiry(d(2024, 1, 31), dur(0, 1)), d(2024, 2, 29));
  assert.deepEqual(computeExpiry(d(2026, 4, 15), dur(0, 1)), d(2026, 5, 14));
  assert.deepEqual(computeExpiry(d(2026, 1, 1), dur(1)), d(2026, 12, 31));
  assert.deepEqual(computeExpiry(d(2026, 12, 1), dur(0, 1)), d(2026, 12, 31));
  assert.deepEqual(computeExpiry(d(2026, 3, 1), dur(0, 1)), d(2026, 3, 31));
  assert.deepEqual(computeExpiry(d(2026, 8, 31), dur(0, 6)), d(2027, 2, 28));
  assert.deepEqual(computeExpiry(d(2026, 4, 1), dur(3, 6)), d(2029, 9, 30));
  assert.deepEqual(computeExpiry(d(2026, 4, 1), dur(0, 18)), d(2027, 9, 30));
  assert.deepEqual(computeExpiry(d(2026, 10, 31), dur(0, 4)), d(2027, 2, 28));
  assert.deepEqual(computeExpiry(d(2027, 10, 31), dur(0, 4)), d(2028, 2, 29));
  assert.deepEqual(computeExpiry(d(2019, 5, 1), dur(5)), d(2024, 4, 30));
});

test('expiry of an end date is that date', () => {
  const p: Period = { kind: 'until', date: d(2031, 3, 31), dateStyle: { calendar: 'era', digits: 'half' } };
  assert.deepEqual(computeExpiry(d(2026, 4, 1), p), d(2031, 3, 31));
});

test('extensions start the day after and are computed the same way', () => {
  assert.deepEqual(extensionStart(d(2031, 3, 31)), d(2031, 4, 1));
  assert.deepEqual(extensionStart(d(2027, 12, 31)), d(2028, 1, 1));
  assert.deepEqual(extensionStart(d(2028, 2, 28)), d(2028, 2, 29));
  assert.deepEqual(computeExpiry(extensionStart(d(2031, 3, 31)), dur(5)), d(2036, 3, 31));
  // 2033-02-28 expiry → extension from 2033-03-01 for a year ends 2034-02-28.
  assert.deepEqual(computeExpiry(extensionStart(d(2033, 2, 28)), dur(1)), d(2034, 2, 28));
});

test('periodLengthMonths and exceedsYears agree', () => {
  const start = d(2026, 4, 1);
  const until = (y: number, m: number, day: number): Period => ({
    kind: 'until',
    date: d(y, m, day),
    dateStyle: { calendar: 'era', digits: 'half' },
  });
  assert.equal(periodLengthMonths(dur(3, 6), start), 42);
  assert.equal(periodLengthMonths(until(2031, 3, 31), start), 60);
  assert.equal(periodLengthMonths(until(2031, 4, 1), start), 61);
  assert.equal(periodLengthMonths(until(2026, 4, 30), start), 1);
  assert.equal(periodLengthMonths(until(2026, 4, 1), start), 1);
  assert.equal(periodLengthMonths(until(2026, 3, 1), start), 0);
  assert.equal(exceedsYears(start, dur(5), 5), false);
  assert.equal(exceedsYears(start, dur(5, 1), 5), true);
  assert.equal(exceedsYears(start, dur(0, 60), 5), false);
  assert.equal(exceedsYears(start, until(2031, 3, 31), 5), false);
  assert.equal(exceedsYears(start, until(2031, 4, 1), 5), true);
  assert.equal(exceedsYears(d(2028, 2, 29), until(2033, 2, 28), 5), false);
  assert.equal(exceedsYears(d(2028, 2, 29), until(2033, 3, 1), 5), true);
  // Consistency over many end dates: longer than 60 months ⇔ exceeds 5 years.
  for (let day = 0; day < 400; day++) {
    const end = new Date(Date.UTC(2030, 9, 1 + day));
    const p = until(end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate());
    assert.equal(periodLengthMonths(p, start) > 60, exceedsYears(start, p, 5), JSON.stringify(p));
  }
});

test('formatPeriod', () => {
  assert.equal(formatPeriod(5, 0, 'half'), '5年');
  assert.equal(formatPeriod(3, 6, 'half'), '3年6か月');
  assert.equal(formatPeriod(0, 6, 'full'), '６か月');
  assert.equal(formatPeriod(5, 0, 'kanji'), '五年');
  assert.equal(formatPeriod(0, 18, 'kanji'), '十八か月');
  assert.deepEqual(parsePeriod(formatPeriod(3, 6, 'full'))?.period, dur(3, 6));
});
