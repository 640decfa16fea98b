import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  compareDates,
  daysBetween,
  daysInMonth,
  fiscalYear,
  formatDate,
  formatYear,
  isLeapYear,
  isValidDate,
  parseDate,
  parseIso,
  toEra,
  toIso,
  weekday,
  weekdayName,
  type DateStyle,
} from '../../../core/out/domain/dates';

const d = (year: number, month: number, day: number) => ({ year, month, day });

function ok(text: string, year: number, month: number, day: number, style: DateStyle): void {
  const p = parseDate(text);
  assert.ok(p, `${text}: parsed`);
  assert.equal(p.error, undefined, `${text}: ${p.error?.ja}`);
  assert.deepEqual(p.date, d(year, month, day), text);
  assert.deepEqual(p.style, style, text);
}

function invalid(text: string): NonNullable<ReturnType<typeof parseDate>> {
  const p = parseDate(text);
  assert.ok(p, `${text}: looks like a date`);
  assert.equal(p.date, undefined, `${text}: no date`);
  assert.ok(p.error && p.error.ja.length > 0 && p.error.en.length > 0, `${text}: has an error`);
  return p;
}

test('the date forms of format.md', () => {
  ok('令和8年4月1日', 2026, 4, 1, { calendar: 'era', digits: 'half' });
  ok('令和元年5月1日', 2019, 5, 1, { calendar: 'era', digits: 'half' });
  ok('平成27年12月17日', 2015, 12, 17, { calendar: 'era', digits: 'half' });
  ok('昭和64年1月7日', 1989, 1, 7, { calendar: 'era', digits: 'half' });
  ok('2026年4月1日', 2026, 4, 1, { calendar: 'western', digits: 'half' });
  ok('2026-04-01', 2026, 4, 1, { calendar: 'iso', digits: 'half' });
  ok('2026/4/1', 2026, 4, 1, { calendar: 'slash', digits: 'half' });
});

test('digit styles and blanks', () => {
  ok('令和８年４月１日', 2026, 4, 1, { calendar: 'era', digits: 'full' });
  ok('令和八年四月一日', 2026, 4, 1, { calendar: 'era', digits: 'kanji' });
  ok('令和元年五月一日', 2019, 5, 1, { calendar: 'era', digits: 'kanji' });
  ok('令和元年５月１日', 2019, 5, 1, { calendar: 'era', digits: 'full' });
  ok('平成二十七年十二月十七日', 2015, 12, 17, { calendar: 'era', digits: 'kanji' });
  ok('２０２６年４月１日', 2026, 4, 1, { calendar: 'western', digits: 'full' });
  ok('二〇二六年四月一日', 2026, 4, 1, { calendar: 'western', digits: 'kanji' });
  ok('２０２６－０４－０１', 2026, 4, 1, { calendar: 'iso', digits: 'full' });
  ok('２０２６／４／１', 2026, 4, 1, { calendar: 'slash', digits: 'full' });
  ok('2026.4.1', 2026, 4, 1, { calendar: 'slash', digits: 'half' });
  ok('令和 8 年 4 月 1 日', 2026, 4, 1, { calendar: 'era', digits: 'half' });
  ok('令和　８年　４月　１日', 2026, 4, 1, { calendar: 'era', digits: 'full' });
  ok('2026 年 4 月 1 日', 2026, 4, 1, { calendar: 'western', digits: 'half' });
  ok('令和8年04月01日', 2026, 4, 1, { calendar: 'era', digits: 'half' });
});

test('era boundaries', () => {
  ok('平成31年4月30日', 2019, 4, 30, { calendar: 'era', digits: 'half' });
  ok('令和元年5月1日', 2019, 5, 1, { calendar: 'era', digits: 'half' });
  ok('令和1年5月1日', 2019, 5, 1, { calendar: 'era', digits: 'half' });
  ok('平成元年1月8日', 1989, 1, 8, { calendar: 'era', digits: 'half' });
  ok('昭和64年1月7日', 1989, 1, 7, { calendar: 'era', digits: 'half' });
  ok('昭和元年12月25日', 1926, 12, 25, { calendar: 'era', digits: 'half' });
  ok('大正15年12月24日', 1926, 12, 24, { calendar: 'era', digits: 'half' });
  invalid('昭和64年1月8日');
  invalid('平成元年1月7日');
  invalid('令和元年4月30日');
  invalid('昭和65年1月1日');
  invalid('昭和元年12月24日');
});

test('era and eraYear are reported', () => {
  const p = parseDate('令和元年5月1日');
  assert.equal(p?.era, '令和');
  assert.equal(p?.eraYear, 1);
  assert.equal(parseDate('2026年4月1日')?.era, undefined);
});

test('dates that do not exist are date-invalid', () => {
  invalid('令和8年2月30日');
  invalid('2026-02-30');
  invalid('2026/2/29');
  invalid('令和8年13月1日');
  invalid('令和8年4月31日');
  invalid('令和8年4月0日');
  invalid('令和0年4月1日');
  invalid('平成32年4月1日');
  invalid('2026-13-01');
  invalid('26年4月1日');
  ok('令和6年2月29日', 2024, 2, 29, { calendar: 'era', digits: 'half' });
  ok('2000-02-29', 2000, 2, 29, { calendar: 'iso', digits: 'half' });
  invalid('1900-02-29');
});

test('messages are specific and bilingual', () => {
  const p = invalid('平成32年4月1日');
  assert.match(p.error!.ja, /平成32年は存在しません/);
  assert.match(p.error!.ja, /平成は31年4月30日まで/);
  assert.match(p.error!.en, /平成 has no year 32/);
  assert.match(p.error!.en, /2019-04-30/);
  assert.match(invalid('令和0年4月1日').error!.ja, /令和0年は存在しません/);
  assert.match(invalid('令和8年2月30日').error!.ja, /2月30日は存在しません/);
  assert.match(invalid('令和8年2月30日').error!.ja, /28日まで/);
  assert.match(invalid('令和8年13月1日').error!.en, /month 13/);
  assert.match(invalid('令和元年4月30日').error!.ja, /令和は2019年5月1日から/);
  assert.match(invalid('令和元年4月30日').error!.ja, /平成31年4月30日/);
});

test('平成 past its end offers the same day (heisei-overflow); other errors do not', () => {
  assert.deepEqual(invalid('平成32年4月1日').fix, { date: d(2020, 4, 1), reason: 'heisei-overflow' });
  assert.deepEqual(invalid('平成31年5月1日').fix, { date: d(2019, 5, 1), reason: 'heisei-overflow' });
  assert.deepEqual(invalid('平成三十二年四月一日').fix, { date: d(2020, 4, 1), reason: 'heisei-overflow' });
  assert.equal(invalid('平成32年2月30日').fix, undefined);
  assert.equal(invalid('令和8年2月30日').fix, undefined);
  assert.equal(invalid('昭和65年1月1日').fix, undefined);
  assert.equal(invalid('令和元年4月30日').fix, undefined);
  assert.equal(invalid('平成0年1月8日').fix, undefined);
  // Leap day in 平成32 (2020) exists, so it can be fixed.
  assert.deepEqual(invalid('平成32年2月29日').fix, { date: d(2020, 2, 29), reason: 'heisei-overflow' });
});

test('something that is not a date at all is undefined; a garbled date is an error', () => {
  for (const s of ['', '未定', '防衛省', '5年', 'abc', '12']) assert.equal(parseDate(s), undefined, s);
  const garbled = invalid('令和8年4月');
  assert.equal(garbled.style.calendar, 'era');
  invalid('令和○年○月○日');
  invalid('2026年4月');
  invalid('2026-04');
});

test('leap years and month lengths', () => {
  assert.equal(isLeapYear(2024), true);
  assert.equal(isLeapYear(2026), false);
  assert.equal(isLeapYear(1900), false);
  assert.equal(isLeapYear(2000), true);
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2026, 2), 28);
  assert.equal(daysInMonth(2026, 4), 30);
  assert.equal(daysInMonth(2026, 12), 31);
  assert.equal(isValidDate(d(2026, 2, 29)), false);
  assert.equal(isValidDate(d(2028, 2, 29)), true);
  assert.equal(isValidDate(d(2026, 0, 1)), false);
  assert.equal(isValidDate(d(2026, 6, 31)), false);
});

test('compare, add, difference', () => {
  assert.equal(compareDates(d(2026, 4, 1), d(2026, 4, 1)), 0);
  assert.equal(compareDates(d(2026, 4, 1), d(2026, 4, 2)), -1);
  assert.equal(compareDates(d(2027, 1, 1), d(2026, 12, 31)), 1);
  assert.deepEqual(addDays(d(2026, 3, 31), 1), d(2026, 4, 1));
  assert.deepEqual(addDays(d(2026, 12, 31), 1), d(2027, 1, 1));
  assert.deepEqual(addDays(d(2024, 2, 28), 1), d(2024, 2, 29));
  assert.deepEqual(addDays(d(2024, 3, 1), -1), d(2024, 2, 29));
  assert.deepEqual(addDays(d(2026, 3, 1), -1), d(2026, 2, 28));
  assert.deepEqual(addDays(d(2026, 4, 1), 365), d(2027, 4, 1));
  assert.deepEqual(addDays(d(1970, 1, 1), 0), d(1970, 1, 1));
  assert.deepEqual(addDays(d(1969, 12, 31), 1), d(1970, 1, 1));
  assert.equal(daysBetween(d(2026, 4, 1), d(2026, 6, 30)), 90);
  assert.equal(daysBetween(d(2026, 6, 30), d(2026, 4, 1)), -90);
  assert.equal(daysBetween(d(2024, 1, 1), d(2025, 1, 1)), 366);
  assert.equal(daysBetween(d(1926, 12, 25), d(2026, 12, 25)), 36525);
});

test('weekdays', () => {
  assert.equal(weekday(d(2026, 4, 1)), 3); // Wednesday
  assert.equal(weekday(d(2019, 5, 1)), 3);
  assert.equal(weekday(d(1970, 1, 1)), 4);
  assert.equal(weekday(d(1969, 12, 28)), 0);
  assert.equal(weekdayName(d(2026, 4, 1), 'ja'), '水');
  assert.equal(weekdayName(d(2026, 4, 5), 'ja'), '日');
  assert.equal(weekdayName(d(2026, 4, 5), 'en'), 'Sun');
  assert.equal(weekdayName(d(2026, 4, 6), 'en'), 'Mon');
});

test('toEra at the boundaries', () => {
  assert.deepEqual(toEra(d(2019, 5, 1)), { era: '令和', year: 1 });
  assert.deepEqual(toEra(d(2019, 4, 30)), { era: '平成', year: 31 });
  assert.deepEqual(toEra(d(2026, 4, 1)), { era: '令和', year: 8 });
  assert.deepEqual(toEra(d(1989, 1, 8)), { era: '平成', year: 1 });
  assert.deepEqual(toEra(d(1989, 1, 7)), { era: '昭和', year: 64 });
  assert.deepEqual(toEra(d(1926, 12, 25)), { era: '昭和', year: 1 });
  assert.deepEqual(toEra(d(1926, 12, 24)), { era: '大正', year: 15 });
  assert.equal(toEra(d(1800, 1, 1)), undefined);
});

test('fiscal year runs April to March', () => {
  assert.equal(fiscalYear(d(2027, 2, 1)), 2026);
  assert.equal(fiscalYear(d(2027, 3, 31)), 2026);
  assert.equal(fiscalYear(d(2027, 4, 1)), 2027);
  assert.equal(fiscalYear(d(2026, 12, 31)), 2026);
});

test('formatDate in each style', () => {
  const era: DateStyle = { calendar: 'era', digits: 'half' };
  assert.equal(formatDate(d(2026, 4, 1), era), '令和8年4月1日');
  assert.equal(formatDate(d(2019, 5, 1), era), '令和元年5月1日');
  assert.equal(formatDate(d(2019, 4, 30), era), '平成31年4月30日');
  assert.equal(formatDate(d(1989, 1, 7), era), '昭和64年1月7日');
  assert.equal(formatDate(d(1989, 1, 8), era), '平成元年1月8日');
  assert.equal(formatDate(d(2031, 3, 31), era), '令和13年3月31日');
  assert.equal(formatDate(d(2026, 4, 1), { calendar: 'era', digits: 'full' }), '令和８年４月１日');
  assert.equal(formatDate(d(2026, 4, 1), { calendar: 'era', digits: 'kanji' }), '令和八年四月一日');
  assert.equal(formatDate(d(2019, 5, 1), { calendar: 'era', digits: 'kanji' }), '令和元年五月一日');
  assert.equal(formatDate(d(2031, 12, 31), { calendar: 'era', digits: 'kanji' }), '令和十三年十二月三十一日');
  assert.equal(formatDate(d(2026, 4, 1), { calendar: 'western', digits: 'half' }), '2026年4月1日');
  assert.equal(formatDate(d(2026, 4, 1), { calendar: 'western', digits: 'full' }), '２０２６年４月１日');
  assert.equal(formatDate(d(2026, 4, 1), { calendar: 'western', digits: 'kanji' }), '二〇二六年四月一日');
  assert.equal(formatDate(d(2026, 4, 1), { calendar: 'iso', digits: 'half' }), '2026-04-01');
  assert.equal(formatDate(d(2026, 4, 1), { calendar: 'iso', digits: 'full' }), '2026-04-01');
  assert.equal(formatDate(d(2026, 4, 1), { calendar: 'slash', digits: 'half' }), '2026/4/1');
  assert.equal(formatDate(d(2026, 12, 31), { calendar: 'slash', digits: 'full' }), '２０２６/１２/３１');
});

test('formatDate and parseDate round-trip in every style', () => {
  const styles: DateStyle[] = [];
  for (const calendar of ['era', 'western', 'iso', 'slash'] as const) {
    for (const digits of ['half', 'full', 'kanji'] as const) styles.push({ calendar, digits });
  }
  for (const day of [d(2019, 4, 30), d(2019, 5, 1), d(2024, 2, 29), d(1989, 1, 7), d(1989, 1, 8), d(2031, 12, 31)]) {
    for (const style of styles) {
      const text = formatDate(day, style);
      const p = parseDate(text);
      assert.deepEqual(p?.date, day, `${text}`);
      assert.equal(p?.style.calendar, style.calendar, text);
    }
  }
});

test('formatYear names a year by the era in force at its end', () => {
  const era: DateStyle = { calendar: 'era', digits: 'half' };
  assert.equal(formatYear(2026, era, '年度'), '令和8年度');
  assert.equal(formatYear(2019, era, '年度'), '令和元年度');
  assert.equal(formatYear(2019, era, '年中'), '令和元年中');
  assert.equal(formatYear(2018, era, '年度'), '平成30年度');
  assert.equal(formatYear(1989, era, '年'), '平成元年');
  assert.equal(formatYear(2026, { calendar: 'era', digits: 'full' }, '年度'), '令和８年度');
  assert.equal(formatYear(2026, { calendar: 'era', digits: 'kanji' }, '年度'), '令和八年度');
  assert.equal(formatYear(2026, { calendar: 'western', digits: 'half' }, '年度'), '2026年度');
  assert.equal(formatYear(2026, { calendar: 'iso', digits: 'half' }, '年中'), '2026年中');
  assert.equal(formatYear(2026, { calendar: 'western', digits: 'full' }, '年度'), '２０２６年度');
});

test('ISO helpers', () => {
  assert.equal(toIso(d(2026, 4, 1)), '2026-04-01');
  assert.deepEqual(parseIso('2026-04-01'), d(2026, 4, 1));
  assert.equal(parseIso('2026-02-30'), undefined);
  assert.equal(parseIso('2026-4-1'), undefined);
  assert.equal(parseIso('令和8年4月1日'), undefined);
});

test('an optional weekday must match the date', () => {
  ok('令和8年4月1日(水)', 2026, 4, 1, { calendar: 'era', digits: 'half' });
  ok('令和8年4月1日（水曜日）', 2026, 4, 1, { calendar: 'era', digits: 'half' });
  ok('2026年4月1日 (水曜)', 2026, 4, 1, { calendar: 'western', digits: 'half' });
  const p = invalid('令和8年4月1日(木)');
  assert.match(p.error!.ja, /水曜日/);
  assert.match(p.error!.en, /Wed/);
  assert.match(p.error!.en, /Thu/);
  // A date that does not exist keeps its own error.
  assert.match(invalid('令和8年2月30日(月)').error!.ja, /2月30日/);
});
