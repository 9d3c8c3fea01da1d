import { DatelineError } from '../errors.ts';
import { isCalendarDate, type IsoDate } from '../dates.ts';
import { lineAt, normaliseNewlines, stripBom } from './text.ts';

/** A `.txt` article split into its header date and its raw body. */
export interface SeedText {
  date: IsoDate;
  /** Everything after the date, line endings normalised to `\n`. */
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
}

const HEADER = /^[\s]*date[ \t]+(\S+)(?:\s+|$)/;

/**
 * Parses the seed format: optional BOM and white space, `date YYYY-MM-DD`, white space, body.
 * Throws a {@link DatelineError} naming the line when the header or date is wrong.
 */
export function parseSeedText(text: string, file: string): SeedText {
  const normalised = normaliseNewlines(stripBom(text));
  const match = HEADER.exec(normalised);
  if (!match) {
    throw new DatelineError({
      code: 'missing-date',
      file,
      line: firstContentLine(normalised),
      message: 'expected the file to start with "date YYYY-MM-DD"',
      hint: 'the seed format is: date 2025-04-27, then the article text',
    });
  }
  const date = match[1] ?? '';
  const dateLine = lineAt(normalised, match[0].indexOf('date'));
  if (!isCalendarDate(date)) {
    throw new DatelineError({
      code: 'bad-date',
      file,
      line: dateLine,
      message: `date "${date}" is not a calendar date (expected YYYY-MM-DD)`,
    });
  }
  const body = normalised.slice(match[0].length);
  if (body.trim() === '') {
    throw new DatelineError({ code: 'empty-body', file, line: dateLine, message: 'no article text after the date' });
  }
  return { date, body, bodyLine: lineAt(normalised, match[0].length) };
}

function firstContentLine(text: string): number {
  const offset = text.search(/\S/);
  return offset < 0 ? 1 : lineAt(text, offset);
}
