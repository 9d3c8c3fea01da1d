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
  return parser.parse(body);
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
