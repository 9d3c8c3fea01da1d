import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSite } from '../../src/cli/build-command.ts';
import { configSchema } from '../../src/config/schema.ts';
import { previewServer } from '../../src/serve/static-server.ts';
import { FIXTURE, listFiles, sample, tempDir } from '../helpers/files.ts';

// Headline rules that a later Dateline might have: the test switches them on between builds.
const rules = vi.hoisted(() => ({ changed: false }));
vi.mock('../../src/derive/lede.ts', async (original) => {
  const actual = await original<typeof import('../../src/derive/lede.ts')>();
  return {
    ...actual,
    deriveLede: (...args: Parameters<typeof actual.deriveLede>) => {
      const lede = actual.deriveLede(...args);
      return rules.changed ? { ...lede, headline: `Breaking: ${lede.headline.split(' ').reverse().join(' ')}` } : lede;
    },
  };
});

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

const quiet = { out: () => {}, err: () => {} };
const ARTICLE_PAGE = /^\d{4}\/\d{2}\/\d{2}\/(?!page\/)[a-z0-9-]+\/index\.html$/;

/** Builds the site in `root` (articles in `articles/`, state in `.cache/`), in this process so the headline rules can be changed. */
async function build(root: string, options: { clean?: boolean; cache?: string } = {}): Promise<void> {
  const config = configSchema.parse({ input: path.join(root, 'articles'), output: path.join(root, 'dist'), baseUrl: 'https://example.org/news/', search: false, pageSize: 5 });
  const result = await buildSite(config, { strict: true, drafts: false, clean: options.clean ?? false, jobs: 1, cacheDir: path.join(root, options.cache ?? '.cache') }, quiet);
  expect(result.code).toBe(0);
}

/**
 * Every URL each build published, with the article it showed (each article's text carries a
 * marker of its own): a URL once given to an article must answer with it, or redirect to it, forever.
 */
const published = new Map<string, string>();

async function recordPublished(root: string): Promise<void> {
  for (const file of (await listFiles(path.join(root, 'dist'))).filter((name) => ARTICLE_PAGE.test(name))) {
    const html = await readFile(path.join(root, 'dist', file), 'utf8');
    if (html.includes('http-equiv="refresh"')) continue;
    const marker = /Marker (M\d+)\./.exec(html)?.[1];
    expect(marker, file).toBeDefined();
    const url = file.replace(/index\.html$/, '');
    expect(published.get(url) ?? marker, `/${url} was given to another article`).toBe(marker);
    published.set(url, marker!);
  }
}

/** Fetches every URL ever published from the site in `root` over HTTP: each is its article's page, or a redirect to it. */
async function expectEveryUrlAnswers(root: string, step: string): Promise<void> {
  const preview = previewServer(path.join(root, 'dist'));
  await new Promise<void>((resolve) => preview.server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(preview.server.address() as AddressInfo).port}/`;
  try {
    const current = new Map<string, string>();
    for (const [url, marker] of published) {
      let response = await fetch(new URL(url, origin));
      expect(response.status, `${step}: /${url}`).toBe(200);
      let html = await response.text();
      const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(html)?.[1];
      let at = url;
      if (refresh !== undefined) {
        const target = new URL(refresh, new URL(url, origin));
        response = await fetch(target);
        expect(response.status, `${step}: /${url} redirects to ${target.pathname}`).toBe(200);
        html = await response.text();
        expect(html, `${step}: /${url} redirects to a page that redirects again`).not.toContain('http-equiv="refresh"');
        at = target.pathname.slice(1).replace(/index\.html$/, '');
        expect(html, `${step}: the redirect page at /${url} names its article's canonical URL`).toContain(`<link rel="canonical" href="https://example.org/news/${at}">`);
      }
      expect(/Marker (M\d+)\./.exec(html)?.[1], `${step}: /${url}`).toBe(marker);
      // No two articles at one URL: an article is where its URLs lead, and only there.
      expect(current.get(marker) ?? at, `${step}: ${marker} answers at two URLs`).toBe(at);
      current.set(marker, at);
    }
  } finally {
    await preview.close();
  }
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=test@example.org', '-c', 'user.name=Test', ...args], { cwd, stdio: 'pipe' });

describe('a published URL', () => {
  it('works forever: through new headline rules, edited ledes, corrected dates, changed slugs, renamed files, --clean and a fresh clone', async () => {
    const site = path.join(work.dir, 'site');
    const articles = path.join(site, 'articles');
    await mkdir(articles, { recursive: true });
    const names = await sample(FIXTURE, 40);
    for (const [n, name] of names.entries()) await writeFile(path.join(articles, name), `${(await readFile(path.join(FIXTURE, name), 'utf8')).trimEnd()}\n\nMarker M${n}.\n`);
    const note = (slug: string, date = '2023-11-27') => `---\ntitle: A note on the markets\ndate: ${date}\nslug: ${slug}\n---\nWhat the desk saw this week.\n\nMarker M900.\n`;
    await writeFile(path.join(articles, 'desk-note.md'), note('markets-note'));
    await writeFile(path.join(site, '.gitignore'), 'dist/\n.cache/\n.cache-*/\n');
    const text = (index: number) => path.join(articles, names[index]!);
    const edit = async (file: string, change: (text: string) => string) => writeFile(file, change(await readFile(file, 'utf8')));

    await build(site);
    await recordPublished(site);
    expect(published.size).toBe(41);
    await expectEveryUrlAnswers(site, 'first build');
    const first = new Map(published);

    // A later Dateline derives other headlines: its first build starts from no state.
    rules.changed = true;
    await build(site, { cache: '.cache-new-version' });
    await recordPublished(site);
    expect(published).toEqual(first);
    await expectEveryUrlAnswers(site, 'other headline rules');

    // Ledes rewritten: the headlines change, the URLs do not.
    for (const index of [1, 2, 3]) await edit(text(index), (body) => body.replace(/^(\s*date \S+\s+)/, '$1Rewritten opening words. '));
    await build(site, { cache: '.cache-new-version' });
    await recordPublished(site);
    expect(published).toEqual(first);
    await expectEveryUrlAnswers(site, 'edited ledes');

    // Dates corrected: new URLs; the old ones redirect.
    for (const index of [4, 5]) await edit(text(index), (body) => body.replace(/date \d{4}-\d{2}-\d{2}/, 'date 2023-12-24'));
    await writeFile(path.join(articles, 'desk-note.md'), note('markets-note', '2023-12-01'));
    await build(site, { cache: '.cache-new-version' });
    await recordPublished(site);
    expect(published.size).toBe(44);
    await expectEveryUrlAnswers(site, 'corrected dates');

    // The author changes the note's slug; and a new note wants the old one: it never gets it.
    await writeFile(path.join(articles, 'desk-note.md'), note('weekly-markets', '2023-12-01'));
    await build(site, { cache: '.cache-new-version' });
    await writeFile(path.join(articles, 'second-note.md'), note('markets-note', '2023-12-01').replace('M900', 'M901'));
    await build(site, { cache: '.cache-new-version' });
    await recordPublished(site);
    expect([...published].filter(([, marker]) => marker === 'M901').map(([url]) => url)).toEqual(['2023/12/01/markets-note-second-note/']);
    await expectEveryUrlAnswers(site, 'a slug changed');

    // A file renamed to another id: the article gets a URL with its new id; its old URL redirects.
    const renamed = path.join(articles, names[6]!.replace(/_([0-9a-f]+)\.txt$/, '_renamed$1.txt'));
    await rename(text(6), renamed);
    await build(site, { cache: '.cache-new-version' });
    await recordPublished(site);
    expect([...published].filter(([, marker]) => marker === 'M6')).toHaveLength(2);
    await expectEveryUrlAnswers(site, 'a file renamed');

    await build(site, { clean: true, cache: '.cache-new-version' });
    await recordPublished(site);
    await expectEveryUrlAnswers(site, '--clean');

    // Only what a user keeps in git, built on another machine (no state, no output).
    git(site, 'init', '--quiet');
    git(site, 'add', '-A');
    git(site, 'commit', '--quiet', '-m', 'The archive');
    const clone = path.join(work.dir, 'clone');
    git(work.dir, 'clone', '--quiet', site, clone);
    expect((await listFiles(clone)).filter((file) => !file.startsWith('.git/'))).toEqual(expect.arrayContaining(['articles/urls/2023-11.lock']));
    rules.changed = false;
    await build(clone);
    await recordPublished(clone);
    await expectEveryUrlAnswers(clone, 'a fresh clone');
    expect(published.size).toBe(47);
  });
});

describe('a URL clash', () => {
  it('is said when the URL is given; once recorded the URL is the article\'s, and an update says what a clean build says', async () => {
    const site = path.join(work.dir, 'clash');
    await mkdir(path.join(site, 'articles'), { recursive: true });
    const note = (id: string) => `---\ntitle: Note ${id}\ndate: 2025-03-01\nslug: press\n---\nText ${id}.\n`;
    await writeFile(path.join(site, 'articles', 'a.md'), note('a'));
    await writeFile(path.join(site, 'articles', 'b.md'), note('b'));
    const config = configSchema.parse({ input: path.join(site, 'articles'), output: path.join(site, 'dist'), search: false });
    const warnings = async (clean: boolean) => {
      const lines: string[] = [];
      const result = await buildSite(config, { strict: false, drafts: false, clean, jobs: 1, cacheDir: path.join(site, '.cache') }, { out: () => {}, err: (line) => lines.push(line) });
      expect(result.code).toBe(0);
      return lines.filter((line) => line.includes('would have the same URL'));
    };
    expect(await warnings(false)).toEqual([expect.stringMatching(/b\.md: warning: would have the same URL \/2025\/03\/01\/press\/ as .*a\.md; it gets \/2025\/03\/01\/press-b\/ instead/)]);
    // Recorded: b's URL is press-b, for an update as for a clean build.
    await writeFile(path.join(site, 'articles', 'c.txt'), ' date 2025-03-01 Another story on the same day.');
    expect(await warnings(false)).toEqual([]);
    expect(await warnings(true)).toEqual([]);
  });
});
