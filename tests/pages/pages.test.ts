import { describe, expect, it } from 'vitest';
import { formatDate, isCalendarDate } from '../../src/dates.ts';
import { scriptSafeJson } from '../../src/pages/json-ld.ts';

describe('scriptSafeJson', () => {
  it('cannot close its <script> element and stays the same JSON', () => {
    const value = { headline: '</script><script>alert(1)</script> & \u2028' };
    const json = scriptSafeJson(value);
    expect(json).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('calendar dates', () => {
  it('knows leap years and month lengths', () => {
    expect(['2024-02-29', '2000-02-29', '1987-02-26', '2025-12-31'].every(isCalendarDate)).toBe(true);
    expect(['2023-02-29', '1900-02-29', '2025-04-31', '2025-00-10', '2025-04-00', '2025-4-27', '2025-04-27T00:00'].some(isCalendarDate)).toBe(false);
  });

  it('shows years before 1000 as written', () => {
    expect(formatDate('0087-02-26', 'en')).toBe('February 26, 87');
    // Year 0000 is the year 1 BC in Intl's calendar, which would name it 1.
    expect(formatDate('0000-01-01', 'en')).toBe('January 1, 0');
    expect(formatDate('0000-03-05', 'de', 'month')).toBe('März 0');
  });

  it('formats dates in UTC, so the day is the one written (the e2e test builds in far time zones)', () => {
    expect(formatDate('2025-04-27', 'en')).toBe('April 27, 2025');
    expect(formatDate('1987-01-01', 'de')).toBe('1. Januar 1987');
    expect(formatDate('2025-12-31', 'en-GB')).toBe('31 December 2025');
  });
});
