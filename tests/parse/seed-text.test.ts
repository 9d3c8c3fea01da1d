import { describe, expect, it } from 'vitest';
import { DatelineError } from '../../src/errors.ts';
import { parseSeedText } from '../../src/parse/seed-text.ts';
import { splitParagraphs } from '../../src/parse/paragraphs.ts';

function problemOf(text: string) {
  try {
    parseSeedText(text, 'seeds/001_x.txt');
  } catch (error) {
    if (error instanceof DatelineError) return error.problem;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('parseSeedText', () => {
  it('reads the seed header: a leading space, the date, a space, the body', () => {
    expect(parseSeedText(' date 2025-04-27 North Korea has confirmed.', 'f.txt')).toEqual({ date: '2025-04-27', body: 'North Korea has confirmed.', bodyLine: 1 });
  });

  it('accepts a byte-order mark, leading blank lines and CRLF line endings', () => {
    const parsed = parseSeedText('\uFEFF\r\n\r\n  date 2024-02-29\r\nFirst.\r\n\r\nSecond.', 'f.txt');
    expect(parsed.date).toBe('2024-02-29');
    expect(parsed.body).toBe('First.\n\nSecond.');
    expect(parsed.bodyLine).toBe(4);
  });

  it('refuses dates that are not on the calendar, naming the line', () => {
    expect(problemOf('\n\ndate 2025-02-30 Text')).toMatchObject({ code: 'bad-date', line: 3, message: 'date "2025-02-30" is not a calendar date (expected YYYY-MM-DD)' });
    expect(problemOf('date 2025-13-01 Text').code).toBe('bad-date');
    expect(problemOf('date 2023-02-29 Text').code).toBe('bad-date');
    expect(problemOf('date 25-04-27 Text').code).toBe('bad-date');
    expect(problemOf('date 2025-4-27 Text').code).toBe('bad-date');
  });

  it('says the date header is missing, on the first line with text', () => {
    expect(problemOf('\n\nNorth Korea has confirmed.')).toMatchObject({ code: 'missing-date', file: 'seeds/001_x.txt', line: 3 });
    expect(problemOf('date: 2025-04-27 Text').code).toBe('missing-date');
  });

  it('says when there is no text after the date', () => {
    expect(problemOf(' date 2025-04-27 \n\n ').code).toBe('empty-body');
  });
});

describe('splitParagraphs', () => {
  it('splits at blank lines, including lines of spaces, and keeps single line breaks', () => {
    expect(splitParagraphs('One\nstill one.\n\nTwo.\n   \n\nThree.\n')).toEqual(['One\nstill one.', 'Two.', 'Three.']);
  });
});
