import { describe, expect, it } from 'vitest';
import { formatMonthDay, formatMonthName, monthLength, weekdayNames, weekdayOf } from '../../src/dates.ts';
import { calendarMonth, calendarYear } from '../../src/pages/calendar.ts';
import type { CalendarMonth } from '../../src/pages/types.ts';

/** A month's grid as text, one line a week: `.` pads, `12` a day without articles, `[26:3]` a day with 3. */
function grid(month: CalendarMonth): string[] {
  return month.weeks.map((week) => week.map((day) => (day === null ? '.' : day.href ? `[${day.day}:${day.count}]` : String(day.day))).join(' '));
}

describe('the calendar of a month', () => {
  it('lays February 1987 out Monday to Sunday: the 1st a Sunday, 28 days, padded to whole weeks', () => {
    const month = calendarMonth('archive/', '1987', '02', [{ date: '1987-02-26', count: 211 }], 'en');
    expect(grid(month)).toEqual([
      '. . . . . . 1',
      '2 3 4 5 6 7 8',
      '9 10 11 12 13 14 15',
      '16 17 18 19 20 21 22',
      '23 24 25 [26:211] 27 28 .',
    ]);
    expect(month).toMatchObject({ month: '1987-02', label: 'February 1987', count: 211, href: '../1987/02/index.html' });
    expect(month.weeks[4]![3]).toEqual({ day: 26, count: 211, href: '../1987/02/26/index.html' });
  });

  it('links every day that has articles, with its count, and no other', () => {
    const month = calendarMonth('archive/', '1987', '03', [
      { date: '1987-03-02', count: 51 },
      { date: '1987-03-01', count: 38 },
      { date: '1987-03-31', count: 1 },
    ], 'en');
    expect(grid(month)).toEqual([
      '. . . . . . [1:38]',
      '[2:51] 3 4 5 6 7 8',
      '9 10 11 12 13 14 15',
      '16 17 18 19 20 21 22',
      '23 24 25 26 27 28 29',
      '30 [31:1] . . . . .',
    ]);
    expect(month.count).toBe(90);
  });

  it('knows leap years, and gives a month without articles no link', () => {
    const month = calendarMonth('2024/', '2024', '02', [], 'en');
    expect(grid(month)).toEqual([
      '. . . 1 2 3 4',
      '5 6 7 8 9 10 11',
      '12 13 14 15 16 17 18',
      '19 20 21 22 23 24 25',
      '26 27 28 29 . . .',
    ]);
    expect(month).toEqual(expect.objectContaining({ count: 0 }));
    expect(month.href).toBeUndefined();
  });

  it('takes a month that starts on a Monday without padding (September 2025)', () => {
    expect(grid(calendarMonth('', '2025', '09', [], 'en'))[0]).toBe('1 2 3 4 5 6 7');
  });
});

describe('the calendar of a year', () => {
  it('has the months that hold articles, in order, its total, and links relative to the page showing it', () => {
    const year = calendarYear('1987/', '1987', [{ date: '1987-03-02', count: 51 }, { date: '1987-02-26', count: 211 }], 'en');
    expect(year).toMatchObject({ year: '1987', id: 'year-1987', href: 'index.html', count: 262 });
    // A one-year archive is not ten empty months, nor is one article in December twelve.
    expect(year.months.map((month) => [month.label, month.count, month.href])).toEqual([
      ['February 1987', 211, '02/index.html'],
      ['March 1987', 51, '03/index.html'],
    ]);
    expect(year.months[1]!.weeks[1]![0]).toEqual({ day: 2, count: 51, href: '03/02/index.html' });
    expect(calendarYear('1988/', '1988', [{ date: '1988-12-30', count: 1 }], 'en').months.map((month) => month.label)).toEqual(['December 1988']);
  });

  it('names months in the site language', () => {
    expect(calendarYear('archive/', '2025', [{ date: '2025-03-01', count: 1 }], 'de').months[0]!.label).toBe('März 2025');
  });
});

describe('calendar dates for the calendars', () => {
  it('finds the day of the week, Monday first, in UTC', () => {
    expect([weekdayOf('1987-02-01'), weekdayOf('2025-09-01'), weekdayOf('2025-04-27'), weekdayOf('2000-01-01')]).toEqual([6, 0, 6, 5]);
  });

  it('names the days of the week, Monday first', () => {
    expect(weekdayNames('en').map((day) => `${day.narrow} ${day.long}`)).toEqual(['M Monday', 'T Tuesday', 'W Wednesday', 'T Thursday', 'F Friday', 'S Saturday', 'S Sunday']);
    expect(weekdayNames('de')[0]).toEqual({ narrow: 'M', long: 'Montag' });
  });

  it('formats a calendar day without its year, 29 February included', () => {
    expect([formatMonthDay('03-05', 'en'), formatMonthDay('03-05', 'en-GB'), formatMonthDay('02-29', 'en'), formatMonthName('03', 'en')]).toEqual(['March 5', '5 March', 'February 29', 'March']);
  });

  it('knows month lengths', () => {
    expect([monthLength('1987', '02'), monthLength('2000', '02'), monthLength('1900', '02'), monthLength('2025', '04'), monthLength('2025', '12')]).toEqual([28, 29, 28, 30, 31]);
  });
});
