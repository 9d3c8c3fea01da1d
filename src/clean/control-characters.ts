import { normaliseNewlines } from '../parse/text.ts';

/**
 * Characters that are not allowed in HTML or XML 1.0 text: C0 controls other than tab and newline,
 * DEL and the C1 range, and lone surrogates. Scraped text carries them (`\x03`, a literal `^M`).
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A carriage return typed out as the two characters `^M` at a line's end, as some wire copy has it. */
const CARET_M = /\^M(?=[ \t]*(?:\n|$))/g;

/** Removes characters no HTML page or feed may hold; carriage returns (real or typed `^M`) become newlines. */
export function stripControlCharacters(text: string): string {
  return normaliseNewlines(text).replace(CARET_M, '').replace(FORBIDDEN, '');
}
