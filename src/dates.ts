/**
 * Dates in Dateline are calendar dates kept as `YYYY-MM-DD` strings from input to output.
 * They are never turned into local-time `Date` objects, so no time zone can shift them.
 */
export type IsoDate = string;

export interface DateParts {
  year: string;
  month: string;
  day: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real `YYYY-MM-DD` calendar date (no 30 February, no month 13). */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function dateParts(date: IsoDate): DateParts {
  const [year = '', month = '', day = ''] = date.split('-');
  return { year, month, day };
}

/**
 * Formats the calendar date for people, e.g. `27 April 2025`.
 * The formatter runs in UTC on a UTC instant, so the machine's zone never moves the day.
 */
export function formatDate(date: IsoDate, language: string, style: 'day' | 'month' | 'year' = 'day'): string {
  // An archive shows the same few thousand dates hundreds of thousands of times: remember them.
  const key = `${language}\0${style}\0${date}`;
  let label = formattedDates.get(key);
  if (label === undefined) {
    // The year as written (a number): Intl names year 0000 "1", the year 1 BC it is in its calendar.
    const year = String(Number(dateParts(date).year));
    label = formatter(language, style)
      .formatToParts(utcInstant(date))
      .map((part) => (part.type === 'year' ? year : part.value))
      .join('');
    formattedDates.set(key, label);
  }
  return label;
}

const formattedDates = new Map<string, string>();

/** Name of a month such as `April 1987` for archive headings. */
export function formatMonth(year: string, month: string, language: string): string {
  return formatDate(`${year}-${month}-01`, language, 'month');
}

/** A `Date` at UTC midnight of the calendar date, for libraries that insist on `Date`. */
export function utcInstant(date: IsoDate): Date {
  const { year, month, day } = dateParts(date);
  const instant = new Date(Date.UTC(2000, Number(month) - 1, Number(day)));
  instant.setUTCFullYear(Number(year)); // Date.UTC would read year 87 as 1987
  return instant;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, style: 'day' | 'month' | 'year'): Intl.DateTimeFormat {
  const key = `${language}|${style}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === 'day'
        ? { day: 'numeric', month: 'long', year: 'numeric' }
        : style === 'month'
          ? { month: 'long', year: 'numeric' }
          : { year: 'numeric' };
    format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format;
}

/** `March 5` (`5 March` in en-GB): a calendar day without its year, `monthDay` being `MM-DD`. */
export function formatMonthDay(monthDay: string, language: string): string {
  // 2000 was a leap year, so 02-29 is a date in it.
  return formatOnce(language, 'monthDay', `2000-${monthDay}`, { month: 'long', day: 'numeric' });
}

/** The name of month `MM` alone: `March`. */
export function formatMonthName(month: string, language: string): string {
  return formatOnce(language, 'monthName', `2000-${month}-01`, { month: 'long' });
}

/** A date formatted with `options` in UTC, made once per language, style and date. */
function formatOnce(language: string, style: string, date: IsoDate, options: Intl.DateTimeFormatOptions): string {
  const key = `${language}\0${style}\0${date}`;
  let label = formattedDates.get(key);
  if (label === undefined) {
    label = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(utcInstant(date));
    formattedDates.set(key, label);
  }
  return label;
}

/** The day of the week of a calendar date, Monday 0 to Sunday 6. */
export function weekdayOf(date: IsoDate): number {
  return (utcInstant(date).getUTCDay() + 6) % 7;
}

/** The names of the days of the week, Monday first: `{ narrow: 'M', long: 'Monday' }` in English. */
export function weekdayNames(language: string): { narrow: string; long: string }[] {
  // 1 January 2001 was a Monday.
  const narrow = new Intl.DateTimeFormat(language, { weekday: 'narrow', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, day) => {
    const instant = utcInstant(`2001-01-0${day + 1}`);
    return { narrow: narrow.format(instant), long: long.format(instant) };
  });
}

/**
 * The latest calendar date anywhere on Earth at `now` (ms): today in the easternmost time zone,
 * UTC+14. An article dated after it is dated in the future wherever it was written.
 */
export function latestToday(now: number): IsoDate {
  return new Date(now + 14 * 3_600_000).toISOString().slice(0, 10) as IsoDate;
}

/**
 * The calendar day before `date`, worked out on the date's own numbers (no `Date`, no time zone):
 * `2025-03-01` → `2025-02-28`, `2025-01-01` → `2024-12-31`.
 */
export function dayBefore(date: IsoDate): IsoDate {
  const { year, month, day } = dateParts(date);
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const [yy, mm, dd] = d > 1 ? [y, m, d - 1] : m > 1 ? [y, m - 1, daysInMonth(y, m - 1)] : [y - 1, 12, 31];
  return `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** The number of days in month `MM` of year `YYYY`. */
export function monthLength(year: string, month: string): number {
  return daysInMonth(Number(year), Number(month));
}
