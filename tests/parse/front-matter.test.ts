import { describe, expect, it } from 'vitest';
import { DatelineError } from '../../src/errors.ts';
import { parseFrontMatter } from '../../src/parse/front-matter.ts';

function problemOf(text: string) {
  try {
    parseFrontMatter(text, 'seeds/post.md');
  } catch (error) {
    if (error instanceof DatelineError) return error.problem;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('parseFrontMatter', () => {
  it('reads YAML front matter and the body after it, keeping dates as written', () => {
    const parsed = parseFrontMatter('---\ntitle: Troops deployed\ndate: 2025-04-27\ntags: [Russia, Ukraine]\n---\nBody *here*.\n', 'post.md');
    expect(parsed.data).toEqual({ title: 'Troops deployed', date: '2025-04-27', tags: ['Russia', 'Ukraine'] });
    expect(parsed.body).toBe('Body *here*.\n');
    expect(parsed.bodyLine).toBe(6);
    expect(parsed.keyLines).toEqual({ title: 2, date: 3, tags: 4 });
  });

  it('keeps an impossible date as the string written, so validation sees it', () => {
    expect(parseFrontMatter('---\ndate: 2025-02-30\n---\n', 'post.md').data.date).toBe('2025-02-30');
  });

  it.each(['js', 'javascript', 'JS', 'Javascript', ' js', 'coffee'])('refuses "---%s" front matter without running it', (language) => {
    const marker = `datelineEvalRan_${language.trim()}`;
    const problem = problemOf(`---${language}\n{ title: (globalThis.${marker} = 'yes') }\n---\nbody`);
    expect(problem.code).toBe('front-matter-language');
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('refuses YAML aliases, so a billion-laughs file cannot explode', () => {
    const laughs = '---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n';
    expect(problemOf(laughs).code).toBe('yaml-aliases');
  });

  it('points at the line of a YAML syntax error', () => {
    expect(problemOf('---\ntitle: ok\ndate: [unclosed\n---\n')).toMatchObject({ code: 'bad-yaml', file: 'seeds/post.md' });
    expect(problemOf('---\ntitle: a\ntitle: b\n---\n')).toMatchObject({ code: 'bad-yaml', line: 3 });
  });

  it('needs an opening and a closing fence', () => {
    expect(problemOf('title: x\n').code).toBe('missing-front-matter');
    expect(problemOf('---\ntitle: x\n').code).toBe('unclosed-front-matter');
  });

  it('gives two files with identical bytes two separate data objects', () => {
    const text = '---\ntags: [a]\n---\n';
    const first = parseFrontMatter(text, 'a.md');
    (first.data.tags as string[]).push('changed');
    expect(parseFrontMatter(text, 'b.md').data.tags).toEqual(['a']);
  });
});
