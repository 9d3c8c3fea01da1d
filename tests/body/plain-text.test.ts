import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import LinkifyIt from 'linkify-it';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { figuresRuns, figuresTableHtml } from '../../src/body/figures-table.ts';
import { plainTextHtml } from '../../src/body/plain-text.ts';
import { toSafeHtml } from '../../src/body/to-html.ts';
import { REUTERS } from '../helpers/files.ts';
import { itNeeding } from '../helpers/requires.ts';

const html = (paragraphs: string[]) => plainTextHtml(paragraphs).trim();

/**
 * What the body was before it was written directly, and must stay byte for byte: the text as a
 * Markdown tree of paragraphs, breaks, bare http(s) links and (for typed tables) code, made HTML
 * by remark-html with `sanitize`.
 */
function throughRemark(paragraphs: readonly string[]): string {
  const linkify = new LinkifyIt().set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  const line = (text: string): PhrasingContent[] => {
    const nodes: PhrasingContent[] = [];
    let last = 0;
    for (const match of linkify.test(text) ? (linkify.match(text) ?? []) : []) {
      if ((!/^https?:$/i.test(match.schema) && match.schema !== '') || !/^https?:\/\//i.test(match.url)) continue;
      if (match.index > last) nodes.push({ type: 'text', value: text.slice(last, match.index) });
      nodes.push({ type: 'link', url: match.url, children: [{ type: 'text', value: match.raw }] });
      last = match.lastIndex;
    }
    if (last < text.length) nodes.push({ type: 'text', value: text.slice(last) });
    return nodes;
  };
  const block = (text: string): RootContent => {
    if (/(?<! ) {3,}\S/.test(text)) return { type: 'code', value: text };
    const children: PhrasingContent[] = [];
    text.split('\n').forEach((part, index) => {
      if (index > 0) children.push({ type: 'break' });
      for (const node of line(part)) children.push(node);
    });
    return { type: 'paragraph', children };
  };
  return toSafeHtml({ type: 'root', children: paragraphs.map(block) } satisfies Root);
}

/**
 * The reference with Dateline's tables of figures: runs of rows of figures are one table (made by
 * the code under test, so only what is around them is held to remark's output), the rest as before.
 */
function throughRemarkWithTables(paragraphs: readonly string[]): string {
  const escape = (text: string) => text.replace(/[<&]/g, (char) => (char === '<' ? '&#x3C;' : '&#x26;'));
  const runs = figuresRuns(paragraphs);
  const parts: string[] = [];
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length > 0) parts.push(throughRemark(chunk).replace(/\n$/, ''));
    chunk = [];
  };
  for (let at = 0; at < paragraphs.length; at++) {
    const run = runs.get(at);
    if (!run) {
      chunk.push(paragraphs[at]!);
      continue;
    }
    flush();
    parts.push(figuresTableHtml(run, escape));
    at += run.length - 1;
  }
  flush();
  return parts.length === 0 ? '' : `${parts.join('\n')}\n`;
}

/** A random paragraph list over characters that HTML, URLs, linkify and the table rule care about. */
function randomParagraphs(seed: number): string[] {
  let state = seed;
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pieces = ['a', 'Z', ' ', '   ', '\n', '&', '<', '>', '"', "'", '`', 'é', '中', '🙂', '\u00a0', '\u2028', '\t', '\r', '%', '%zz', '%41', '#', '?', '=',
    'http://', 'https://', 'www.', 'x.com', 'é.org', '/path', '(', ')', '[', ']', '.', ',', 'mailto:a@b.c', 'javascript:', '\u0000', '\ud800'];
  return Array.from({ length: 1 + Math.floor(next() * 4) }, () => Array.from({ length: Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join('')).filter((text) => text.trim() !== '');
}

describe('plain-text article bodies', () => {
  it('keep text that looks like Markdown literally', () => {
    expect(html(['1. Not a list', '# Not a heading', '> Not a quote', 'Not *emphasis* or _this_ or [a link](x.html)'])).toBe(
      '<p>1. Not a list</p>\n<p># Not a heading</p>\n<p>> Not a quote</p>\n<p>Not *emphasis* or _this_ or [a link](x.html)</p>',
    );
    // The bracket syntax stays as typed; only the bare URL inside it is linked.
    expect(html(['[a link](http://x.example)'])).toBe('<p>[a link](<a href="http://x.example">http://x.example</a>)</p>');
  });

  it('escape HTML in the text, so it never becomes markup', () => {
    const out = html(['<b>bold</b> <script>alert(1)</script> <img src=x onerror=alert(1)>', 'http://x.example/"><script>alert(1)</script>']);
    expect(out).not.toMatch(/<(b|script|img)[\s>]/);
    expect(out).toContain('&#x3C;script>');
  });

  it('turn bare http(s) URLs into links and nothing else', () => {
    expect(html(['See https://example.org/a?b=1&c=2 or www.example.org or U.S. mln.Ma'])).toBe(
      '<p>See <a href="https://example.org/a?b=1&#x26;c=2">https://example.org/a?b=1&#x26;c=2</a> or www.example.org or U.S. mln.Ma</p>',
    );
  });

  it('link a line of two hundred thousand URLs', () => {
    expect(plainTextHtml(['http://a.b/ '.repeat(200_000) + 'https://example.org/'])).toContain('<a href="https://example.org/">');
  });

  it('keep line breaks inside a paragraph and show wire tables typed with spaces preformatted', () => {
    expect(html(['Line one\nLine two'])).toBe('<p>Line one<br>\nLine two</p>');
    expect(html(['Natl   Loan   Rate'])).toBe('<pre><code>Natl   Loan   Rate\n</code></pre>');
  });

  it('set consecutive rows of figures as one table: label, figure, the figure it is set against, a period across the row', () => {
    expect(html(['Shr loss 51 cts vs loss three cts', 'Net loss 7,041,000 vs loss 467,000', '12 months', 'Shr loss 64 cts vs profit 46 cts', 'NOTE: Net loss includes a charge.'])).toBe(
      [
        '<table class="figures">',
        '<tbody>',
        '<tr><th scope="row">Shr</th><td>loss 51 cts</td><td>loss three cts</td></tr>',
        '<tr><th scope="row">Net</th><td>loss 7,041,000</td><td>loss 467,000</td></tr>',
        '<tr><th colspan="3" scope="colgroup">12 months</th></tr>',
        '<tr><th scope="row">Shr</th><td>loss 64 cts</td><td>profit 46 cts</td></tr>',
        '</tbody>',
        '</table>',
        '<p>NOTE: Net loss includes a charge.</p>',
      ].join('\n'),
    );
    // One row alone, or rows around a sentence, stay paragraphs; text in a cell is escaped.
    expect(html(['Shr 10 cts vs 12 cts', 'Sales rose.'])).toBe('<p>Shr 10 cts vs 12 cts</p>\n<p>Sales rose.</p>');
    expect(html(['<b>Shr</b> 10 cts vs 12 cts', 'Net 5 mln vs 4 mln'])).toContain('<th scope="row">&#x3C;b>Shr&#x3C;/b></th>');
  });

  it('are byte for byte what remark-html made of the same text, on hostile and random texts', () => {
    const hostile = [['One & two < three > four "q" \'s\' `b` é 中 \u00a0 \u0000x \u2028 \ud800 🙂'], ['http://exa mple.com', 'https://a.b/c?d=e&f=g"h<i>', 'javascript:alert(1) http://[::1]/x', 'http://x.com/%zz https://é.com/ü'], ['A    table & row\n  <next>   row'], []];
    for (const paragraphs of hostile) expect(plainTextHtml(paragraphs)).toBe(throughRemark(paragraphs));
    for (let seed = 1; seed <= 2000; seed++) {
      const paragraphs = randomParagraphs(seed);
      expect(plainTextHtml(paragraphs), JSON.stringify(paragraphs)).toBe(throughRemark(paragraphs));
    }
  });

  itNeeding('reuters', 'are byte for byte what remark-html made of every Reuters article', async () => {
    const names = (await readdir(REUTERS)).filter((name) => name.endsWith('.txt'));
    for (const name of names) {
      const paragraphs = (await readFile(path.join(REUTERS, name), 'utf8')).split(/\n\s*\n/).map((text) => text.trim()).filter(Boolean);
      expect(plainTextHtml(paragraphs), name).toBe(throughRemarkWithTables(paragraphs));
    }
  }, 300_000);
});
