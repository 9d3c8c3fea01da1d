/**
 * Splits plain text into paragraphs at blank lines (lines holding only white space count as blank).
 * Line breaks inside a paragraph are kept; surrounding white space is trimmed.
 */
export function splitParagraphs(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}
