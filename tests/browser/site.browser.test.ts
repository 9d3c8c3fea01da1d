import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { previewServer, type PreviewServer } from '../../src/serve/static-server.ts';
import { dateline } from '../helpers/cli.ts';
import { FIXTURE, sample, SEEDS, tempDir } from '../helpers/files.ts';
import { describeNeeding, located } from '../helpers/requires.ts';

/*
 * The built site in a real browser (Debian's chromium, driven by playwright-core), served on
 * localhost by Dateline's preview server: what a reader does, axe-core on every page type, and
 * screenshots. Set DATELINE_SCREENSHOTS to a folder to keep the screenshots (`npm run screenshots`).
 */

const SEED_HEADLINE = /^North Korea officially confirms /;
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let work: Awaited<ReturnType<typeof tempDir>>;
let server: PreviewServer;
let browser: Browser;
let base: string;
const contexts: BrowserContext[] = [];

async function open(url: string, options: { javaScript?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, viewport: { width: options.width ?? 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/404/.test(message.text())) errors.push(message.text());
  });
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(new URL(url, base).href);
  return page;
}

/** The seed article's page, relative to the site root. */
async function seedArticle(): Promise<string> {
  const day = path.join(work.dir, 'site', '2025', '04', '27');
  const folder = (await readdir(day)).find((name) => name.endsWith('-8e7b29ad4a414b1e'));
  return `2025/04/27/${folder}/index.html`;
}

function errorsOf(page: Page): string[] {
  return (page as Page & { errors: string[] }).errors;
}

/** axe-core's violations on the page, as `rule: target` lines (empty when accessible). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
  return violations;
}

describeNeeding('chromium', 'the site in a browser', () => {
  beforeAll(async () => {
    work = await tempDir();
    const input = path.join(work.dir, 'input');
    await mkdir(input);
    await copyFile(path.join(SEEDS, '000_8e7b29ad4a414b1e.txt'), path.join(input, '000_8e7b29ad4a414b1e.txt'));
    for (const name of await sample(FIXTURE, 40)) await copyFile(path.join(FIXTURE, name), path.join(input, name));
    // Markup in article text must reach a search result as text. Filed on the seed's calendar day a
    // year before it, so that day has an "on this day" page.
    await writeFile(path.join(input, '999_markup.txt'), ' date 2024-04-27 Zanzibarword test: <img src=x onerror="window.markupRan = 1"> and <b>bold</b> zanzibarword.');
    // A results table too wide for a phone.
    await writeFile(
      path.join(input, '998_table.txt'),
      [' date 2024-04-26 CHICAGO, April 26 - Oper shr loss two cts vs profit seven cts', 'Oper net profit 442,000,000 dlrs vs profit 2,986,000,000 dlrs', 'Revenues from continuing operations 291.8 mln dlrs vs 151.1 mln dlrs', 'Six mths', 'Oper shr profit nil vs profit 12 cts', 'Average shares outstanding 51.7 mln vs 43.4 mln'].join('\n\n'),
    );
    // Small pages, so the front page paginates with 43 articles; every prominent name a topic, the seed's too.
    await writeFile(path.join(work.dir, 'dateline.config.json'), JSON.stringify({ input: 'input', output: 'site', pageSize: 5, topicMinArticles: 1, title: 'Dateline test archive' }));
    const built = await dateline(['build'], { cwd: work.dir });
    expect(built.code, built.stderr).toBe(0);
    server = previewServer(path.join(work.dir, 'site'));
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: located('chromium'), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await work?.cleanup();
  });

  it('front page → article → its day → its topic', async () => {
    const page = await open('');
    expect(await page.title()).toBe('Dateline test archive');
    await page.getByRole('link', { name: SEED_HEADLINE }).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(SEED_HEADLINE);
    expect(page.url()).toMatch(/\/2025\/04\/27\/[a-z0-9-]+-8e7b29ad4a414b1e\/index\.html$/);

    await page.getByRole('link', { name: 'April 27, 2025' }).last().click();
    expect(page.url()).toMatch(/\/2025\/04\/27\/index\.html$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('April 27, 2025');
    await page.getByRole('link', { name: SEED_HEADLINE }).click();

    await page.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: 'Kim Jong Un' }).click();
    expect(page.url()).toMatch(/\/topics\/kim-jong-un\/index\.html$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Kim Jong Un');
    expect(await page.getByRole('link', { name: SEED_HEADLINE }).count()).toBe(1);
    expect(errorsOf(page)).toEqual([]);
  });

  it('the header search box submits to /search/?q=…, which finds the seed; the result leads to it', async () => {
    const page = await open('archive/index.html');
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    await box.fill('Pyongyang');
    await box.press('Enter');
    await page.waitForURL(/\/search\/index\.html\?q=Pyongyang$/);
    const result = page.locator('[data-search-results] a').first();
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(SEED_HEADLINE);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^1 article found for “Pyongyang”/);
    expect(await page.locator('[data-search-results] mark').first().textContent()).toBe('Pyongyang');
    await result.click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(SEED_HEADLINE);
    expect(errorsOf(page)).toEqual([]);
  });

  it('a shared search link runs its query, and the year and topic filters narrow it', async () => {
    const page = await open('search/index.html?q=said&year=2023');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/articles? found for “said”, 2023/);
    const years = await page.locator('#search-year option').allTextContents();
    expect(years).toEqual(expect.arrayContaining(['Any year', expect.stringMatching(/^2025 \(1\)$/), expect.stringMatching(/^2024 \(2\)$/), expect.stringMatching(/^2023 \(40\)$/)]));
    expect(await page.locator('#search-year').inputValue()).toBe('2023');
    await expect.poll(() => page.locator('[data-search-results] a').count()).toBeGreaterThan(0);
    const hrefs = await page.locator('[data-search-results] a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs.every((href) => /\/2023\//.test(href))).toBe(true);

    await page.locator('#search-q').fill('');
    await page.locator('#search-year').selectOption('');
    await page.locator('#search-topic').selectOption('Kim Jong Un');
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/^1 article found for Kim Jong Un/);
    expect(page.url()).toMatch(/\?topic=Kim\+Jong\+Un$/);
    expect(errorsOf(page)).toEqual([]);
  });

  it('shows markup in article text as text in search results', async () => {
    const page = await open('search/index.html?q=zanzibarword');
    const excerpt = page.locator('[data-search-results] .summary').first();
    await expect.poll(() => excerpt.textContent(), { timeout: 15_000 }).toMatch(/<img src=x onerror="window\.markupRan = 1">/);
    expect(await page.locator('[data-search-results] img, [data-search-results] b').count()).toBe(0);
    expect(await page.locator('[data-search-results] mark').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { markupRan?: number }).markupRan)).toBeUndefined();
  });

  it('"Older articles" leads from the front page back through the whole archive, and "Newer articles" back again', async () => {
    const page = await open('');
    const seen = new Set(await page.locator('.article-list h3').allTextContents());
    const addresses: string[] = [];
    for (let step = 0; step < 20; step++) {
      const older = page.getByRole('navigation', { name: 'More articles' }).getByRole('link', { name: 'Older articles' });
      if ((await older.count()) === 0) break;
      await older.click();
      expect(page.url()).toMatch(/\/page\/[a-z0-9-]+\/index\.html$/);
      addresses.push(page.url());
      for (const headline of await page.locator('.article-list h3').allTextContents()) seen.add(headline);
      expect(await page.locator('h1').textContent()).toMatch(/^Articles from /);
    }
    expect(seen.size).toBe(43); // the seed, 40 fixture articles and two more: every article reached
    await page.getByRole('navigation', { name: 'More articles' }).getByRole('link', { name: 'Newer articles' }).click();
    expect(page.url()).toBe(addresses.at(-2));
  });

  it('the archive lists each year with its months; a year is a calendar of its months with articles; a day in it leads to that day, listed newest first like the front page', async () => {
    const page = await open('archive/index.html');
    expect(await page.locator('.calendar-year h2').allTextContents()).toEqual([expect.stringMatching(/^2025 1 article$/), expect.stringMatching(/^2024 2 articles$/), expect.stringMatching(/^2023 40 articles$/)]);
    expect(await page.locator('.calendar-year').first().locator('li').allTextContents()).toEqual([expect.stringMatching(/^April 2025 1 article$/)]);
    await page.getByRole('link', { name: '2025', exact: true }).click();
    expect(page.url()).toMatch(/\/2025\/index\.html$/);
    // Only the month that holds articles: no empty grids.
    expect(await page.locator('table.month').count()).toBe(1);
    // Days without articles are shown, not linked.
    const april = page.getByRole('table', { name: /^April 2025/ });
    expect(await april.getByRole('cell', { name: '26', exact: true }).getByRole('link').count()).toBe(0);
    await april.getByRole('link', { name: /^27 ?: 1 article$/ }).click();
    expect(page.url()).toMatch(/\/2025\/04\/27\/index\.html$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('April 27, 2025');
    expect(await page.locator('main .meta').first().textContent()).toBe('1 article');
    expect(await page.locator('.article-list.compact h2').allTextContents()).toEqual([expect.stringMatching(SEED_HEADLINE)]);

    // The busiest day of 2023, from its calendar: its articles in the front page's order (newest first).
    await page.goto(new URL('2023/index.html', base).href);
    const days = page.locator('td.has a');
    const counts = await days.evaluateAll((links) => links.map((link) => Number(link.querySelector('.n')?.textContent?.replace(/\D/g, ''))));
    const busiest = counts.indexOf(Math.max(...counts));
    await days.nth(busiest).click();
    expect(page.url()).toMatch(/\/2023\/\d\d\/\d\d\/index\.html$/);
    const dayHeadlines = await page.locator('.article-list.compact h2 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(dayHeadlines.length).toBe(Math.max(...counts));
    const archiveOrder: string[] = [];
    await page.goto(base);
    for (let step = 0; step < 20; step++) {
      archiveOrder.push(...(await page.locator('.article-list h3 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))));
      const older = page.getByRole('navigation', { name: 'More articles' }).getByRole('link', { name: 'Older articles' });
      if ((await older.count()) === 0) break;
      await older.click();
    }
    expect(archiveOrder.filter((href) => dayHeadlines.includes(href))).toEqual(dayHeadlines);
    expect(errorsOf(page)).toEqual([]);
  });

  it('a day links the same calendar day in other years, and its "on this day" page links them all', async () => {
    const page = await open('2025/04/27/index.html');
    await page.locator('.other-years').getByRole('link', { name: 'April 27' }).click();
    expect(page.url()).toMatch(/\/on-this-day\/04-27\/index\.html$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('On this day: April 27');
    expect(await page.locator('main h2').allTextContents()).toEqual(['April 27, 2025', 'April 27, 2024']);
    await page.getByRole('link', { name: 'April 27, 2024' }).click();
    expect(page.url()).toMatch(/\/2024\/04\/27\/index\.html$/);
    expect(await page.locator('.other-years').textContent()).toBe('April 27 in other years: 2025');
    await page.goto(new URL('on-this-day/index.html', base).href);
    expect(await page.locator('main li').allTextContents()).toEqual(['April 27 2024, 2025']);
    expect(errorsOf(page)).toEqual([]);
  });

  it('nothing overflows at 390 px: the calendars, a day, the front page, an article, "on this day"', async () => {
    const wide: string[] = [];
    for (const url of ['archive/index.html', '2023/index.html', '2025/04/27/index.html', '', await seedArticle(), 'on-this-day/04-27/index.html', 'on-this-day/index.html']) {
      const page = await open(url, { width: 390 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${url}: ${overflow}px`);
    }
    expect(wide).toEqual([]);
    // A calendar's days are targets a finger can tap (24 px at least, WCAG 2.2's 2.5.8) and their counts readable (11 px at least).
    const year = await open('2023/index.html', { width: 390 });
    const sizes = await year.locator('td.has a').evaluateAll((links) =>
      links.map((link) => ({ width: link.getBoundingClientRect().width, height: link.getBoundingClientRect().height, count: parseFloat(getComputedStyle(link.querySelector('.n')!).fontSize) })),
    );
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.filter((size) => size.width < 24 || size.height < 24 || size.count < 11)).toEqual([]);
  });

  it('a wire table of figures is one table that scrolls as a whole at 390 px, its labels in view', async () => {
    const day = path.join(work.dir, 'site', '2024', '04', '26');
    const folder = (await readdir(day)).find((name) => name.endsWith('-table'))!;
    const page = await open(`2024/04/26/${folder}/index.html`, { width: 390 });
    const table = page.locator('table.figures');
    expect(await table.count()).toBe(1);
    expect(await table.locator('tr').count()).toBe(6);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const scroll = await table.evaluate((element) => {
      const label = element.querySelector('th[scope="row"]')!;
      const before = label.getBoundingClientRect().left - element.getBoundingClientRect().left;
      element.scrollLeft = element.scrollWidth;
      return { overflows: element.scrollWidth > element.clientWidth, scrolled: element.scrollLeft, before, after: label.getBoundingClientRect().left - element.getBoundingClientRect().left };
    });
    expect(scroll.overflows).toBe(true);
    expect(scroll.scrolled).toBeGreaterThan(0);
    expect(Math.abs(scroll.after - scroll.before)).toBeLessThanOrEqual(1);
    expect(errorsOf(page)).toEqual([]);
  });

  it('a missing page gets the 404 page, whose links work', async () => {
    const page = await open('no/such/page/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Archive' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Archive');
  });

  it('without JavaScript every page reads, the header offers the archive instead of a search box, and /search/ says why', async () => {
    const page = await open('', { javaScript: false });
    expect(await page.locator('[data-search-box]').isVisible()).toBe(false);
    await page.getByRole('link', { name: 'Browse the archive' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Archive');
    await page.goto(new URL('search/index.html?q=Pyongyang', base).href);
    expect(await page.locator('main').textContent()).toMatch(/Search runs in your browser and needs JavaScript/);
  });

  it('the search page opened from disk says that search needs the site served over HTTP, and how; without JavaScript, that it needs JavaScript', async () => {
    const fromDisk = pathToFileURL(path.join(work.dir, 'site/search/index.html')).href;
    const page = await open(`${fromDisk}?q=Pyongyang`);
    const note = page.locator('[data-search-needs-http]');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/^Search needs the site served over HTTP: .*Preview the site with npx dateline serve in its folder, or serve the site's folder with any static web server/);
    expect(await page.locator('[data-search-page]').isVisible()).toBe(false);
    await page.getByRole('link', { name: 'archive', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Archive');
    expect(page.url()).toMatch(/^file:.*\/archive\/index\.html$/);
    expect(await axeViolations(await open(fromDisk))).toEqual([]);

    const withoutScript = await open(fromDisk, { javaScript: false });
    expect(await withoutScript.locator('main').textContent()).toMatch(/Search runs in your browser and needs JavaScript/);
    expect(await withoutScript.locator('[data-search-needs-http]').isVisible()).toBe(false);
  });

  it('axe-core finds no accessibility violations on any page type', async () => {
    const pages = {
      front: '',
      article: await seedArticle(),
      day: '2025/04/27/index.html',
      month: '2025/04/index.html',
      year: '2025/index.html',
      archive: 'archive/index.html',
      onThisDay: 'on-this-day/04-27/index.html',
      onThisDayIndex: 'on-this-day/index.html',
      topics: 'topics/index.html',
      topic: 'topics/kim-jong-un/index.html',
      search: 'search/index.html?q=oil',
      notFound: 'no/such/page/',
    };
    const found: Record<string, string[]> = {};
    for (const [kind, url] of Object.entries(pages)) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await open(url);
        await page.emulateMedia({ colorScheme });
        if (kind === 'search') await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
        const violations = await axeViolations(page);
        if (violations.length > 0) found[`${kind} (${colorScheme})`] = violations;
      }
    }
    expect(found).toEqual({});
  }, 360_000);

  it('takes screenshots of the front page and an article at mobile and desktop widths', async () => {
    const folder = process.env.DATELINE_SCREENSHOTS ?? path.join(work.dir, 'screenshots');
    await mkdir(folder, { recursive: true });
    const article = await seedArticle();
    for (const [name, url] of [['front', ''], ['article', article]] as const) {
      for (const [device, width] of [['mobile', 390], ['desktop', 1280]] as const) {
        const page = await open(url, { width });
        const file = path.join(folder, `${name}-${device}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect((await stat(file)).size).toBeGreaterThan(10_000);
      }
    }
  });
});
