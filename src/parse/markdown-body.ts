import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { DatelineError } from '../errors.ts';

/** Deeper container nesting than this is refused before remark sees it (its parser recurses). */
export const MAX_NESTING = 64;

const parser = unified().use(remarkParse);

/**
 * Parses an authored Markdown body into mdast.
 * Guards first: remark's recursion overflows the stack on pathological nesting after seconds of work,
 * so a file nested deeper than {@link MAX_NESTING} containers is refused with the line it happens on.
 */
export function parseMarkdownBody(body: string, file: string, bodyLine: number): Root {
  const deep = findDeepNesting(body);
  if (deep) {
    throw new DatelineError({
      code: 'too-deep',
      file,
      line: bodyLine + deep.line - 1,
      message: `quotes or lists nested ${deep.depth} levels deep (the limit is ${MAX_NESTING})`,
      hint: 'flatten the nesting',
    });
  }
  const dense = findDenseMarkup(body);
  if (dense) {
    throw new DatelineError({
      code: 'too-complex',
      file,
      line: bodyLine + dense.line - 1,
      message: dense.message,
      hint: 'write it as plain text, or split it up',
    });
  }
  return parser.parse(body);
}

/**
 * More setext headings than this (`Title` over `===` or `---`) in one body are refused: the
 * Markdown parser (micromark) copies its whole list of events for each, quadratic in their number.
 */
export const MAX_SETEXT_HEADINGS = 500;
/**
 * More emphasis runs (`*`, `_`) or brackets (`[`, `]`) than this in one paragraph are refused:
 * micromark pairs each closing one by walking back over the paragraph, quadratic in their number.
 */
export const MAX_INLINE_DELIMITERS = 2000;
/**
 * More lines, markup characters and levels of nesting at line starts than this in one body are
 * refused: micromark's time grows with them (tens of microseconds each), and the densest of 233
 * real Markdown files has under 9,000.
 */
export const MAX_MARKUP = 20_000;
const MARKUP = /[\\<&`|!~*_[\]]/g;
/** An angle bracket that may open an autolink or HTML: each makes a node to build and sanitize, so it counts three times. */
const TAG_OPEN = /<[A-Za-z/!?]/g;

/** A body that would take the Markdown parser quadratic time: where, and why. Counted over lines, in one pass. */
export function findDenseMarkup(body: string): { line: number; message: string } | undefined {
  const lines = body.split('\n');
  let setext = 0;
  let delimiters = 0;
  let paragraphStart = 0;
  let previousBlank = true;
  /** The fence a fenced code block opened with, while inside one: its text is literal, and costs nothing. */
  let fence: string | undefined;
  let markup = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    // A line costs micromark more for each container (quote, list) it is in, and for each markup character outside code.
    markup += 1 + containerDepth(line) + (fence === undefined ? (line.match(MARKUP)?.length ?? 0) + 2 * (line.match(TAG_OPEN)?.length ?? 0) : 0);
    if (markup > MAX_MARKUP) return { line: index + 1, message: `more than ${MAX_MARKUP.toLocaleString('en')} lines, markup characters (\\ < & \` | ! ~ * _ [ ]) and levels of nesting` };
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && /^ {0,3}[`~]+[ \t]*$/.test(line)) fence = undefined;
      continue;
    }
    if (marker !== undefined) {
      fence = marker;
      delimiters = 0;
      previousBlank = true;
      continue;
    }
    const blank = /^[ \t]*$/.test(line);
    if (blank) {
      delimiters = 0;
      previousBlank = true;
      continue;
    }
    if (previousBlank) paragraphStart = index;
    // Any `===` or `---` line under text may underline a heading (a few more than the parser finds: a guard, not a parser).
    if (!previousBlank && /^ {0,3}(?:=+|-+)[ \t]*$/.test(line) && ++setext > MAX_SETEXT_HEADINGS) {
      return { line: index + 1, message: `more than ${MAX_SETEXT_HEADINGS} headings underlined with === or ---` };
    }
    delimiters += (line.match(/\*+|_+|[[\]]/g) ?? []).length;
    if (delimiters > MAX_INLINE_DELIMITERS) {
      return { line: paragraphStart + 1, message: `a paragraph with more than ${MAX_INLINE_DELIMITERS} emphasis marks or brackets` };
    }
    previousBlank = false;
  }
  return undefined;
}

/** Counts block-container markers (`>`, list bullets, ordered-list numbers, indentation) at each line start. */
export function findDeepNesting(body: string): { line: number; depth: number } | undefined {
  const lines = body.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const depth = containerDepth(lines[index] ?? '');
    if (depth > MAX_NESTING) return { line: index + 1, depth };
  }
  return undefined;
}

/** Container markers at the start of a line, plus its leading indentation in steps of two columns. */
function containerDepth(line: string): number {
  const indentation = /^[ \t]*/.exec(line)?.[0] ?? '';
  const columns = [...indentation].reduce((sum, char) => sum + (char === '\t' ? 4 : 1), 0);
  // A bullet only opens a list before white space: a rule of 70 dashes is not 70 levels deep.
  const markers = /^(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])))*/.exec(line)?.[0] ?? '';
  const count = markers.match(/>|[*+-]|\d{1,9}[.)]/g)?.length ?? 0;
  return count + Math.floor(columns / 2);
}
