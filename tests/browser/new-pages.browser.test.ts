import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { previewServer, type PreviewServer } from '../../src/serve/static-server.ts';
import { dateline } from '../helpers/cli.ts';
import { listFiles, tempDir } from '../helpers/files.ts';
import { png } from '../helpers/images.ts';
import { brokenLinks } from '../helpers/links.ts';
import { describeNeeding, itNeeding, located } from '../helpers/requires.ts';
import { checkHtml } from '../helpers/vnu.ts';

/*
 * The kinds of page issue 17 added, in a site built by the CLI: the site's own pages, author pages
 * and their index, a redirect page (an article whose date was corrected), an authored article with
 * pictures, authors and an update date. Every page passes the W3C checker; axe finds nothing on
 * each new kind in light and dark mode.
 */

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BASE_URL = 'https://example.org/news/';
let work: Awaited<ReturnType<typeof tempDir>>;
let site: string;

const article = (front: string, body: string) => `---\n${front}\n---\n${body}\n`;

beforeAll(async () => {
  work = await tempDir();
  const files: Record<string, string | Buffer> = {
    'articles/001_a.txt': ' date 2025-04-26 Troops were deployed to the border on Saturday, officials said.\n\nThe move followed weeks of talks.',
    'articles/002_b.txt': ' date 2025-04-27 The border was quiet on Sunday as the troops dug in.\n\nResidents stayed home.',
    'articles/desk/troops.md': article('title: Troops reach the border\ndate: 2025-04-27\nupdated: 2025-04-29\nauthor: [Ana María Pérez, Bo Lee]\nimage: lead.png', 'They arrived at dawn.\n\n![The route the troops took](maps/route.png)\n\nMore to follow.'),
    'articles/desk/lead.png': png(1200, 630),
    'articles/desk/maps/route.png': png(64, 48),
    'articles/desk/second.md': article('title: A second report\ndate: 2025-04-28\nauthor: Ana María Pérez', 'Calm returned.'),
    'pages/about.md': article('title: About us\nnav: true\ndescription: Who we are.', 'We are a **newsroom**.\n\n![Our office](office.png)'),
    'pages/office.png': png(32, 32),
    'static/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16"/></svg>',
  };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(work.dir, name)), { recursive: true });
    await writeFile(path.join(work.dir, name), content);
  }
  await writeFile(path.join(work.dir, 'dateline.config.json'), JSON.stringify({ input: 'articles', output: 'site', baseUrl: BASE_URL, icon: '/favicon.svg', search: false }));
  const first = await dateline(['build'], { cwd: work.dir });
  expect(first.code, first.stderr).toBe(0);
  // A corrected date: the article moves, and its old URL becomes a redirect page.
  const moved = path.join(work.dir, 'articles/001_a.txt');
  await writeFile(moved, (await readFile(moved, 'utf8')).replace('2025-04-26', '2025-04-25'));
  const second = await dateline(['build'], { cwd: work.dir });
  expect(second.code, second.stderr).toBe(0);
  site = path.join(work.dir, 'site');
});

afterAll(() => work?.cleanup());

/** The new kinds' pages, by kind. */
async function newPages(): Promise<Record<string, string>> {
  const files = await listFiles(site);
  const redirect = files.find((file) => file.startsWith('2025/04/26/') && file.endsWith('/index.html') && file !== '2025/04/26/index.html');
  return {
    ownPage: 'about/index.html',
    authorIndex: 'authors/index.html',
    author: 'authors/ana-maria-perez/index.html',
    article: '2025/04/27/troops/index.html',
    redirect: redirect ?? 'no redirect page found',
  };
}

it('has every new kind of page, with its pictures, and links that resolve', async () => {
  const files = await listFiles(site);
  for (const file of Object.values(await newPages())) expect(files).toContain(file);
  expect(files).toEqual(expect.arrayContaining(['2025/04/27/troops/lead.png', '2025/04/27/troops/route.png', 'about/office.png', 'favicon.svg', '_redirects', 'authors/bo-lee/feed.xml']));
  const html = files.filter((file) => file.endsWith('.html'));
  expect(await brokenLinks(site, html, { baseUrl: BASE_URL })).toEqual([]);
});

itNeeding('java', 'passes the W3C Nu HTML checker on every page, the new kinds among them', async () => {
  const html = (await listFiles(site)).filter((file) => file.endsWith('.html'));
  const errors = await checkHtml(html.map((file) => path.join(site, file)));
  expect(errors.map((error) => `${path.relative(site, new URL(error.url).pathname)}:${error.lastLine}: ${error.message}`)).toEqual([]);
}, 120_000);

describeNeeding('chromium', 'the new kinds of page in a browser', () => {
  let server: PreviewServer;
  let browser: Browser;
  let origin: string;
  beforeAll(async () => {
    server = previewServer(site);
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: located('chromium'), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** axe-core's violations on a page, as `rule: target` lines. */
  async function violations(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: axeSource });
    return page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return (await axe.run()).violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    });
  }

  it('sends a moved URL on to the article', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL((await newPages()).redirect!, origin).href);
    await page.waitForURL(/\/2025\/04\/25\/[a-z0-9-]+\/index\.html$/);
    expect(await page.locator('h1').textContent()).toMatch(/^Troops were deployed/);
    await context.close();
  });

  it('axe-core finds no violations on the new kinds of page, light and dark', async () => {
    const found: Record<string, string[]> = {};
    for (const [kind, file] of Object.entries(await newPages())) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        // The redirect page is checked as it is, without following its refresh.
        if (kind === 'redirect') {
          await page.route(`**/${file}`, async (route) => {
            const response = await route.fetch();
            await route.fulfill({ response, body: (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '') });
          });
        }
        await page.goto(new URL(file, origin).href);
        if (kind === 'redirect') expect(await page.locator('h1').textContent()).toBe('This article has moved');
        const problems = await violations(page);
        if (problems.length > 0) found[`${kind} (${colorScheme})`] = problems;
        await context.close();
      }
    }
    expect(found).toEqual({});
  }, 120_000);
});
