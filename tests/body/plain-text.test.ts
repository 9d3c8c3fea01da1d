import { describe, expect, it } from 'vitest';
import { plainTextTree } from '../../src/body/plain-text.ts';
import { toSafeHtml } from '../../src/body/to-html.ts';

const html = (paragraphs: string[]) => toSafeHtml(plainTextTree(paragraphs)).trim();

describe('plain-text article bodies', () => {
  it('keep text that looks like Markdown literally', () => {
    expect(html(['1. Not a list', '# Not a heading', '> Not a quote', 'Not *emphasis* or _this_ or [a link](x.html)'])).toBe(
      '<p>1. Not a list</p>\n<p># Not a heading</p>\n<p>> Not a quote</p>\n<p>Not *emphasis* or _this_ or [a link](x.html)</p>',
    );
    // The bracket syntax stays as typed; only the bare URL inside it is linked.
    expect(html(['[a link](http://x.example)'])).toBe('<p>[a link](<a href="http://x.example">http://x.example</a>)</p>');
  });

  it('escape HTML in the text, so it never becomes markup', () => {
    const out = html(['<b>bold</b> <script>alert(1)</script> <img src=x onerror=alert(1)>']);
    expect(out).not.toMatch(/<(b|script|img)[\s>]/);
    expect(out).toContain('&#x3C;script>');
  });

  it('turn bare http(s) URLs into links and nothing else', () => {
    expect(html(['See https://example.org/a?b=1&c=2 or www.example.org or U.S. mln.Ma'])).toBe(
      '<p>See <a href="https://example.org/a?b=1&#x26;c=2">https://example.org/a?b=1&#x26;c=2</a> or www.example.org or U.S. mln.Ma</p>',
    );
  });

  it('link a line of two hundred thousand URLs without overflowing the stack', () => {
    const tree = plainTextTree(['http://a.b/ '.repeat(200_000) + 'https://example.org/']);
    expect(toSafeHtml(tree)).toContain('<a href="https://example.org/">');
  });

  it('keep line breaks inside a paragraph and show wire tables typed with spaces preformatted', () => {
    expect(html(['Line one\nLine two'])).toBe('<p>Line one<br>\nLine two</p>');
    expect(html(['Natl   Loan   Rate'])).toBe('<pre><code>Natl   Loan   Rate\n</code></pre>');
  });
});
