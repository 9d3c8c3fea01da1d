import { describe, expect, it } from 'vitest';
import { DatelineError } from '../../src/errors.ts';
import { findDeepNesting, parseMarkdownBody } from '../../src/parse/markdown-body.ts';

describe('parseMarkdownBody', () => {
  it('parses ordinary Markdown', () => {
    expect(parseMarkdownBody('# Title\n\n> quote\n\n- a\n- b\n', 'post.md', 5).children.map((node) => node.type)).toEqual(['heading', 'blockquote', 'list']);
  });

  it('refuses 20,000 nested quotes at once, naming the line, instead of overflowing the stack', () => {
    const started = performance.now();
    let problem: unknown;
    try {
      parseMarkdownBody(`fine\n\n${'>'.repeat(20_000)} deep`, 'post.md', 5);
    } catch (error) {
      problem = error instanceof DatelineError ? error.problem : error;
    }
    expect(problem).toMatchObject({ code: 'too-deep', file: 'post.md', line: 7 });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses markup the parser would take quadratic time over (a paragraph dense with emphasis, hundreds of underlined headings), naming the line', () => {
    const problemOf = (body: string) => {
      try {
        parseMarkdownBody(body, 'post.md', 5);
      } catch (error) {
        return error instanceof DatelineError ? error.problem : error;
      }
      return undefined;
    };
    expect(problemOf(`fine\n\n${'*_'.repeat(5_000)}`)).toMatchObject({ code: 'too-complex', file: 'post.md', line: 7 });
    expect(problemOf(`fine\n\n${'Title\n===\n\n'.repeat(600)}`)).toMatchObject({ code: 'too-complex', file: 'post.md' });
    // Markup the parser takes linear but long over: a megabyte's worth of lines, entities, autolinks, deep lists.
    for (const body of ['a\n\n'.repeat(15_000), '&amp; '.repeat(25_000), '<a@b.c> '.repeat(25_000), `${Array.from({ length: 60 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n')}\n\n`.repeat(15)]) {
      expect(problemOf(`fine\n\n${body}`)).toMatchObject({ code: 'too-complex', file: 'post.md', message: expect.stringMatching(/^more than 20,000 lines, markup characters/) });
    }
    // Ordinary emphasis and headings, and markup inside fenced code, are parsed.
    expect(problemOf(`# A\n\n${'Some *emphasis* and [a link](https://example.org/).\n\n'.repeat(500)}\`\`\`\n${'*_['.repeat(5_000)}\n\`\`\`\n`)).toBeUndefined();
  });

  it('counts list markers and indentation as nesting too', () => {
    expect(findDeepNesting(`${'- '.repeat(100)}x`)).toEqual({ line: 1, depth: 100 });
    expect(findDeepNesting(`${' '.repeat(400)}- x`)?.depth).toBeGreaterThan(64);
    expect(findDeepNesting('> > > fine\n1. 2. fine')).toBeUndefined();
    expect(findDeepNesting(`${'-'.repeat(80)}\n${'*'.repeat(80)}`)).toBeUndefined();
  });
});
