import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { previewServer, type PreviewServer } from '../../src/serve/static-server.ts';
import { dateline } from '../helpers/cli.ts';
import { FIXTURE, sample, tempDir } from '../helpers/files.ts';
import { describeNeeding, located } from '../helpers/requires.ts';

/*
 * The search page in a real browser after incremental builds: the search index is a set of
 * segments, one more per update, with the versions an update replaced or deleted marked dead.
 * A reader must find the new and the edited article, never a deleted one or an edited article's
 * old text, and a search without words must list the archive newest first across segments.
 */

let work: Awaited<ReturnType<typeof tempDir>>;
let input: string;
let server: PreviewServer;
let browser: Browser;
let base: string;

const article = (date: string, text: string) => ` date ${date} ${text}\n\nA second paragraph about grain and trade.\n`;

async function build(): Promise<void> {
  const built = await dateline(['build'], { cwd: work.dir });
  expect(built.code, built.stderr).toBe(0);
}

/** The search page for `query`, once it says what it found; its status line and result links. */
async function search(query: string, viewport?: { width: number; height: number }): Promise<{ page: Page; status: string; links: string[] }> {
  const page = await browser.newPage(viewport ? { viewport } : {});
  await page.goto(new URL(`search/index.html?${query}`, base).href);
  await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/found for/);
  const status = (await page.locator('[data-search-status]').textContent())!;
  // The status comes first, then the first page of results (appended at once): wait for them.
  if (!status.startsWith('0 ')) await expect.poll(() => page.locator('[data-search-results] a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const links = await page.locator('[data-search-results] a').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname));
  return { page, status, links };
}

describeNeeding('chromium', 'search after incremental builds', () => {
  beforeAll(async () => {
    work = await tempDir();
    input = path.join(work.dir, 'input');
    await mkdir(input);
    for (const name of await sample(FIXTURE, 30)) await copyFile(path.join(FIXTURE, name), path.join(input, name));
    await writeFile(path.join(input, '500_keep.txt'), article('2023-05-05', 'The wombatword report was published in May, officials said.'));
    await writeFile(path.join(input, '501_gone.txt'), article('2023-05-06', 'The bilbyword survey counted many farms, officials said.'));
    // A topic with a long name, as Reuters has ("Federal Reserve Board Chairman Paul Volcker"): the topic list box must still fit a phone.
    for (const [name, date] of [['503_tanker.txt', '2023-06-01'], ['504_charter.txt', '2023-06-02']] as const) {
      await writeFile(path.join(input, name), article(date, 'The International Association of Independent Tanker Owners and Charterers said tanker rates rose, officials said.'));
    }
    await writeFile(path.join(work.dir, 'dateline.config.json'), JSON.stringify({ input: 'input', output: 'site', pageSize: 5 }));
    await build();
    // Three updates, each a new segment: an add, an edit that takes a word out and puts another in, a deletion.
    await writeFile(path.join(input, '502_new.txt'), article('2023-12-31', 'The quokkaword harvest was the largest on record, officials said.'));
    await build();
    await writeFile(path.join(input, '500_keep.txt'), article('2023-05-05', 'The numbatword report was published in May, officials said.'));
    await build();
    await rm(path.join(input, '501_gone.txt'));
    await build();
    server = previewServer(path.join(work.dir, 'site'));
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: located('chromium'), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await work?.cleanup();
  });

  it('finds the added article and the edited one by its new words', async () => {
    const added = await search('q=quokkaword');
    expect(added.status).toMatch(/^1 article found/);
    expect(added.links).toEqual([expect.stringMatching(/^\/2023\/12\/31\/[a-z0-9-]+-new\/index\.html$/)]);
    const edited = await search('q=numbatword');
    expect(edited.status).toMatch(/^1 article found/);
    expect(edited.links).toEqual([expect.stringMatching(/^\/2023\/05\/05\/[a-z0-9-]+-keep\/index\.html$/)]);
    await added.page.close();
    await edited.page.close();
  });

  it('finds neither the deleted article nor the words an edit took out', async () => {
    for (const query of ['q=bilbyword', 'q=wombatword']) {
      const found = await search(query);
      expect(found.status, query).toMatch(/^0 articles found/);
      expect(found.links, query).toEqual([]);
      await found.page.close();
    }
  });

  it('lists a year newest first across the segments, each article once', async () => {
    const listed = await search('year=2023');
    const count = Number(/^(\d+) articles found/.exec(listed.status)?.[1]);
    // The page shows results a page at a time: load them all, a click each time it is idle.
    const shown = () => listed.page.locator('[data-search-results] a').count();
    const more = listed.page.locator('[data-search-more]');
    const button = more.locator('button');
    await expect.poll(shown).toBeGreaterThan(0);
    for (;;) {
      await expect.poll(() => button.isEnabled()).toBe(true);
      if (await more.isHidden()) break;
      const before = await shown();
      await button.click();
      await expect.poll(shown).toBeGreaterThan(before);
    }
    const links = await listed.page.locator('[data-search-results] a').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname));
    expect(links.length).toBe(count);
    expect(new Set(links).size).toBe(links.length);
    const dates = links.map((link) => link.slice(1, 11));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(links[0]).toMatch(/-new\/index\.html$/);
    expect(links.some((link) => link.includes('-gone/'))).toBe(false);
    expect(links.filter((link) => link.includes('-keep/'))).toHaveLength(1);
    await listed.page.close();
  });

  it('fits a 390-pixel phone: the header box shows the query, the topics are sorted, nothing is wider than the screen', async () => {
    const phone = { width: 390, height: 844 };
    const found = await search('q=owners', phone);
    expect(found.status).toMatch(/^2 articles found/);
    await expect.poll(() => found.page.locator('[data-search-results] li').count()).toBe(2);
    expect(await found.page.locator('#site-search').inputValue()).toBe('owners');
    const topics = await found.page.locator('#search-topic option').evaluateAll((options) => options.slice(1).map((option) => (option as HTMLOptionElement).value));
    const language = await found.page.locator('html').getAttribute('lang');
    expect(topics).toEqual([...topics].sort(new Intl.Collator(language ?? undefined, { sensitivity: 'base', numeric: true }).compare));
    expect(topics.some((topic) => topic.length >= 40), topics.join(', ')).toBe(true);
    // The search page, and the pages it leads to, at the phone's width.
    const pages = [found.page];
    for (const url of ['index.html', 'archive/index.html', 'topics/index.html', found.links[0]!.slice(1)]) {
      const page = await browser.newPage({ viewport: phone });
      await page.goto(new URL(url, base).href);
      pages.push(page);
    }
    for (const page of pages) {
      const wider = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const over = [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > width + 0.5);
        return { scroll: document.documentElement.scrollWidth, width, over: over.map((element) => `<${element.tagName.toLowerCase()} class="${element.className}">`) };
      });
      expect(wider.over, page.url()).toEqual([]);
      expect(wider.scroll, page.url()).toBeLessThanOrEqual(wider.width);
      await page.close();
    }
  });
});
