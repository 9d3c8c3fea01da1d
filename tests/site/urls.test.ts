import { describe, expect, it } from 'vitest';
import { absoluteUrl, articlePath, dayPath, frontPagePath, onThisDayPath, outputFileOf, relativeHref, topicPath } from '../../src/site/urls.ts';
import { checkOutputPath, resolveInside } from '../../src/write/output-path.ts';

describe('URLs', () => {
  it('build each kind of path in one place', () => {
    expect(articlePath('2025-04-27', 'troops-abc')).toBe('2025/04/27/troops-abc/');
    expect(dayPath('2025-04-27')).toBe('2025/04/27/');
    expect(dayPath('2025-04-27', '8e7b29ad4a414b1e')).toBe('2025/04/27/page/8e7b29ad4a414b1e/');
    expect(frontPagePath()).toBe('');
    expect(frontPagePath('8e7b29ad4a414b1e')).toBe('page/8e7b29ad4a414b1e/');
    expect(topicPath('kursk', 'abc')).toBe('topics/kursk/page/abc/');
    expect(onThisDayPath()).toBe('on-this-day/');
    expect(onThisDayPath('02-29')).toBe('on-this-day/02-29/');
    expect(outputFileOf('')).toBe('index.html');
    expect(outputFileOf('2025/')).toBe('2025/index.html');
    expect(outputFileOf('feed.xml')).toBe('feed.xml');
  });

  it.each([
    ['', '', 'index.html'],
    ['', '2025/', '2025/index.html'],
    ['2025/04/27/x/', '', '../../../../index.html'],
    ['2025/04/27/x/', '2025/04/27/', '../index.html'],
    ['2025/04/27/x/', '2025/04/27/y/', '../y/index.html'],
    ['2025/04/', '2025/04/27/', '27/index.html'],
    ['page/2/', 'page/3/', '../3/index.html'],
    ['2025/', 'assets/style.css', '../assets/style.css'],
  ])('link from "%s" to "%s" is "%s": relative, and naming index.html so it works from disk', (from, to, href) => {
    expect(relativeHref(from, to)).toBe(href);
  });

  it('make absolute URLs under a base URL with or without a trailing slash', () => {
    expect(absoluteUrl('https://example.org/news', '2025/')).toBe('https://example.org/news/2025/');
    expect(absoluteUrl('https://example.org/news/', '')).toBe('https://example.org/news/');
  });
});

describe('output paths', () => {
  it.each(['../x.html', 'a/../../x', '/etc/passwd', 'a//b', 'a/./b', '.hidden', 'a&amp;b/index.html', 'a\\b', ''])('refuses "%s"', (file) => {
    expect(() => checkOutputPath(file)).toThrow(/refusing to write/);
  });

  it('resolves safe paths inside the root', () => {
    expect(resolveInside('/srv/site', '2025/04/27/index.html')).toBe('/srv/site/2025/04/27/index.html');
  });
});
