import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCssColor } from '../../src/config/css-color.ts';
import { loadConfig } from '../../src/config/load.ts';
import { themeCss } from '../../src/outputs/theme.ts';
import { parseSiteFile, parseSitePath } from '../../src/site/site-paths.ts';
import { tempDir } from '../helpers/files.ts';

describe('CSS colours a site may set', () => {
  it('accepts hex colours, rgb() and hsl() with numbers, and named colours', () => {
    for (const color of ['#fff', '#FFFA', '#8a1c1c', '#8a1c1c80', 'rgb(11 83 148)', 'rgb(11, 83, 148)', 'rgba(11,83,148,0.5)', 'rgb(10% 20% 30% / 50%)', 'hsl(5 100% 80%)', 'hsl(5deg, 100%, 80%)', 'hsla(.5turn 10% 10% / .3)', 'darkred', 'RebeccaPurple']) {
      expect(isCssColor(color), color).toBe(true);
    }
  });

  it('refuses anything that could leave the declaration or load something', () => {
    for (const value of [
      'red; } body { display: none',
      'red;',
      '#fff}',
      'url(https://evil.example/x.png)',
      'var(--text)',
      'expression(alert(1))',
      'rgb(1 2 3) ; color: red',
      'rgb(1 2 3',
      'rgb(1 2)',
      'rgb(a b c)',
      '"red"',
      'red /* x */',
      '#12345',
      'notacolour',
      'inherit',
      '',
      'calc(1px)',
      'rgb(1 2 3 / 4 / 5)',
    ]) {
      expect(isCssColor(value), value).toBe(false);
    }
  });
});

describe('paths from the site root a config names', () => {
  it('splits a path and its query or fragment, with or without a leading slash', () => {
    expect(parseSitePath('/about/')).toEqual({ path: 'about/', suffix: '' });
    expect(parseSitePath('about/')).toEqual({ path: 'about/', suffix: '' });
    expect(parseSitePath('/')).toEqual({ path: '', suffix: '' });
    expect(parseSitePath('search/?q=oil#results')).toEqual({ path: 'search/', suffix: '?q=oil#results' });
    expect(parseSitePath('static/corrections.pdf')).toEqual({ path: 'static/corrections.pdf', suffix: '' });
  });

  it('refuses schemes, other hosts, climbing out, backslashes, spaces and quotes', () => {
    for (const value of ['', 'javascript:alert(1)', 'data:text/html,x', 'https:x', '//evil.example/x', '/../secret', 'a/../../b', './a', 'a//b', 'a\\b', 'a b', 'a"b', "a'b?x", 'a<b', '?q="x"', 'mailto:x@example.org']) {
      expect(parseSitePath(value), value).toBeUndefined();
    }
  });

  it('takes only plain files for images: no query, fragment or folder', () => {
    expect(parseSiteFile('/static/logo.svg')).toBe('static/logo.svg');
    for (const value of ['static/', '/', 'logo.svg?v=2', 'logo.svg#x', '../logo.svg']) expect(parseSiteFile(value), value).toBeUndefined();
  });
});

describe('the theme stylesheet', () => {
  it("writes each mode's colours in its own media block, for screens only, and nothing without colours", () => {
    expect(themeCss(undefined)).toBeUndefined();
    expect(themeCss({ light: {}, dark: {} })).toBeUndefined();
    expect(themeCss({ light: { accent: '#8a1c1c', linkVisited: 'purple' }, dark: { accent: 'hsl(5 100% 80%)' } })).toBe(
      [
        '/* The site\'s colours, from "colors" in dateline.config.json. */',
        '@media screen and (prefers-color-scheme: light) {',
        '  :root {',
        '    --accent: #8a1c1c;',
        '    --link-visited: purple;',
        '  }',
        '}',
        '',
        '@media screen and (prefers-color-scheme: dark) {',
        '  :root {',
        '    --accent: hsl(5 100% 80%);',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('the site settings in dateline.config.json', () => {
  it('reports every bad setting at once, by its path', async () => {
    const work = await tempDir();
    try {
      const file = path.join(work.dir, 'dateline.config.json');
      await writeFile(
        file,
        JSON.stringify({
          logo: '../secret.png',
          image: 'https://cdn.example/x.png',
          nav: [{ label: 'Home', url: 'javascript:alert(1)' }, { label: '', url: '/about/' }, { label: 'X', url: '/a/', extra: 1 }],
          colors: { light: { accent: 'red; } body { display: none' }, dark: { shadow: '#000' } },
          footer: '',
        }),
      );
      const error = await loadConfig(file, {}).catch((thrown: Error) => thrown);
      const message = (error as Error).message;
      expect(message).toContain('logo: expected a path from the site root such as "/images/logo.svg"');
      expect(message).toContain('image: expected a path from the site root');
      expect(message).toContain('nav.0.url: expected an absolute http(s) URL or a path from the site root');
      expect(message).toMatch(/nav\.1\.label: Too small/);
      expect(message).toMatch(/nav\.2: Unrecognized key: "extra"/);
      expect(message).toContain('colors.light.accent: expected a CSS colour');
      expect(message).toMatch(/colors\.dark: Unrecognized key: "shadow"/);
      expect(message).toMatch(/footer: Too small/);
      expect(message.startsWith(`${file}: invalid configuration:`)).toBe(true);
    } finally {
      await work.cleanup();
    }
  });

  it('says when logoAlt is set without a logo', async () => {
    const work = await tempDir();
    try {
      const file = path.join(work.dir, 'dateline.config.json');
      await writeFile(file, JSON.stringify({ logoAlt: 'The Planet' }));
      await expect(loadConfig(file, {})).rejects.toThrow('logoAlt: names the text of a logo, but no "logo" is set');
    } finally {
      await work.cleanup();
    }
  });
});
