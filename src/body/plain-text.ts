import LinkifyIt from 'linkify-it';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { trimLines } from 'trim-lines';
import { figuresRuns, figuresTableHtml } from './figures-table.ts';

const linkify = new LinkifyIt().set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
/** Wire tables are typed with runs of spaces; they keep their columns only when shown preformatted. */
const TYPED_TABLE = /(?<! ) {3,}\S/;
const MAY_LINK = /https?:\/\//i;
/** A line break, and the spaces and tabs that open the next line (remark-html drops them). */
const LINE_BREAK = /\n[\t ]*/g;

/**
 * The HTML of a plain-text article, written directly, in one pass over its text: each paragraph is
 * literal text, so `1.`, `#`, `>`, `*`, `[x](y)` and `<b>` stay exactly what they are; only bare
 * http(s) URLs become links, a wire table typed with spaces is preformatted, and consecutive rows
 * of figures ("Shr 45 cts vs 58 cts") are one table (`figures-table.ts`). Apart from those tables
 * it is byte for byte what remark-html (with `sanitize`) makes of the same text as a Markdown tree
 * of paragraphs, breaks, links and code (tests/body/plain-text.test.ts holds it to that), without
 * building the tree: a megabyte of one-line paragraphs took remark 1.6 s.
 */
export function plainTextHtml(paragraphs: readonly string[]): string {
  const tables = figuresRuns(paragraphs);
  let html = '';
  for (let at = 0; at < paragraphs.length; at++) {
    const table = tables.get(at);
    html += (html === '' ? '' : '\n') + (table ? figuresTableHtml(table, escapeText) : paragraphHtml(paragraphs[at]!));
    if (table) at += table.length - 1;
  }
  return paragraphs.length === 0 ? '' : `${html}\n`;
}

function paragraphHtml(text: string): string {
  if (TYPED_TABLE.test(text)) return `<pre><code>${escapeText(text)}\n</code></pre>`;
  // Most paragraphs hold no link and no carriage return: their lines are escaped in one pass.
  if (!MAY_LINK.test(text) && !text.includes('\r')) return `<p>${escapeText(text).replace(LINE_BREAK, '<br>\n')}</p>`;
  let html = '<p>';
  let first = true;
  for (const line of text.split('\n')) {
    if (!first) html += '<br>\n';
    html += linkedLine(line, !first);
    first = false;
  }
  return `${html}</p>`;
}

/**
 * One line: its text, with bare http(s) URLs linked. As remark-html has it, spaces and tabs
 * around a carriage return inside the text go (`trimLines`), and so do those that open a line
 * after a break.
 */
function linkedLine(line: string, afterBreak: boolean): string {
  // (linkify's own test costs a megabyte of short lines half a second; a bare URL has to say http.)
  const matches = MAY_LINK.test(line) && linkify.test(line) ? (linkify.match(line) ?? []) : [];
  let html = '';
  let last = 0;
  const text = (value: string) => {
    const trimmed = value.includes('\r') ? trimLines(value) : value;
    html += escapeText(afterBreak && last === 0 ? trimmed.replace(/^[\t ]+/, '') : trimmed);
  };
  for (const match of matches) {
    if (!/^https?:$/i.test(match.schema) && match.schema !== '') continue;
    if (!/^https?:\/\//i.test(match.url)) continue;
    if (match.index > last) text(line.slice(last, match.index));
    html += `<a href="${escapeAttribute(normalizeUri(match.url))}">${escapeText(trimLines(match.raw))}</a>`;
    last = match.lastIndex;
  }
  if (last < line.length) text(line.slice(last));
  return html;
}

/** Text as hast-util-to-html writes it: `<` and `&` as hexadecimal references. */
function escapeText(text: string): string {
  return text.replace(/[<&]/g, (char) => (char === '<' ? '&#x3C;' : '&#x26;'));
}

/** A double-quoted attribute value as hast-util-to-html writes it: `"`, `&`, `'` and `` ` `` as hexadecimal references. */
function escapeAttribute(value: string): string {
  return value.replace(/["&'`]/g, (char) => `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`);
}
