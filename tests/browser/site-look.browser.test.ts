import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { previewServer, type PreviewServer } from '../../src/serve/static-server.ts';
import { dateline } from '../helpers/cli.ts';
import { FIXTURE, listFiles, sample, SEEDS, tempDir } from '../helpers/files.ts';
import { itNeeding, located } from '../helpers/requires.ts';
import { checkHtml } from '../helpers/vnu.ts';

/*
 * A site with every look setting set (tagline, logo, navigation, footer, colours, social image), a
 * template override, an added asset and a helpers file, built by the CLI: every page passes the
 * W3C checker, and axe finds nothing in light or dark mode. The colours are a user's choice and
 * could fail contrast (the README says so); these are ones that pass, as the defaults do (see
 * site.browser.test.ts).
 */

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="48" viewBox="0 0 240 48"><rect width="240" height="48" fill="#8a1c1c"/><text x="12" y="32" font-size="24" fill="#fff">Planet</text></svg>\n';

let work: Awaited<ReturnType<typeof tempDir>>;
let output: string;
let server: PreviewServer;
let base: string;

beforeAll(async () => {
  work = await tempDir();
  output = path.join(work.dir, 'site');
  // The site's address is the preview server's, so that 404.html's absolute links (and the social image) resolve here.
  server = previewServer(output);
  await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/`;
  const input = path.join(work.dir, 'articles');
  await mkdir(input);
  await copyFile(path.join(SEEDS, '000_8e7b29ad4a414b1e.txt'), path.join(input, '000_8e7b29ad4a414b1e.txt'));
  for (const name of await sample(FIXTURE, 30)) await copyFile(path.join(FIXTURE, name), path.join(input, name));
  await mkdir(path.join(work.dir, 'templates/assets'), { recursive: true });
  await mkdir(path.join(work.dir, 'templates/pages'), { recursive: true });
  await writeFile(path.join(work.dir, 'templates/assets/logo.svg'), LOGO);
  await writeFile(path.join(work.dir, 'templates/pages/topics.njk'), '{% extends "dateline/pages/topics.njk" %}\n{% block main %}\n<p class="kicker">{{ edition | shout }}</p>\n{{ super() }}\n{% endblock %}\n');
  await writeFile(path.join(work.dir, 'dateline.config.mjs'), "export default { filters: { shout: (text) => String(text).toUpperCase() }, globals: { edition: 'Evening edition' } };\n");
  await writeFile(
    path.join(work.dir, 'dateline.config.json'),
    JSON.stringify({
      input: 'articles',
      output: 'site',
      templates: 'templates',
      baseUrl: base,
      pageSize: 5,
      topicMinArticles: 1,
      title: 'The Daily <Planet>',
      tagline: 'Wire stories & "analysis" since 1987',
      logo: 'assets/logo.svg',
      logoAlt: 'The Daily Planet',
      nav: [
        { label: 'About us', url: '/about/' },
        { label: 'Oil news', url: 'search/?q=oil' },
        { label: 'Mastodon', url: 'https://example.social/@planet' },
      ],
      footer: '© 2026 The Daily <Planet>.\nCorrections: corrections@example.org',
      colors: { light: { accent: '#8a1c1c', link: '#0b4f8a' }, dark: { accent: '#ff9e8f', link: '#9cc2ff' } },
      image: 'assets/logo.svg',
    }),
  );
  const built = await dateline(['build'], { cwd: work.dir });
  expect(built.code, built.stderr).toBe(0);
});

afterAll(async () => {
  await server?.close();
  await work?.cleanup();
});

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

describe('a site with every look setting set', () => {
  itNeeding('java', 'passes the W3C Nu HTML checker on every page', async () => {
    const html = (await listFiles(output)).filter((file) => file.endsWith('.html'));
    expect(html.length).toBeGreaterThan(40);
    const index = await readFile(path.join(output, 'index.html'), 'utf8');
    for (const setting of ['site-tagline', 'assets/logo.svg', 'About us', 'corrections@example.org', 'assets/theme.css']) expect(index).toContain(setting);
    const errors = await checkHtml(html.map((file) => path.join(output, file)));
    expect(errors.map((error) => `${path.relative(output, new URL(error.url).pathname)}:${error.lastLine}: ${error.message}`)).toEqual([]);
  });

  itNeeding(
    'chromium',
    'has no accessibility violations on any page type, in light and dark mode',
    async () => {
      const browser: Browser = await chromium.launch({ executablePath: located('chromium'), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
      try {
        const day = (await readdir(path.join(output, '2025/04/27'))).find((name) => name.endsWith('-8e7b29ad4a414b1e'));
        const pages = {
          front: '',
          older: (await listFiles(path.join(output, 'page'))).find((file) => file.endsWith('index.html'))!.replace(/^/, 'page/'),
          article: `2025/04/27/${day}/index.html`,
          day: '2025/04/27/index.html',
          archive: 'archive/index.html',
          topics: 'topics/index.html',
          search: 'search/index.html',
          notFound: 'no/such/page/',
        };
        const found: Record<string, string[]> = {};
        for (const [kind, url] of Object.entries(pages)) {
          for (const colorScheme of ['light', 'dark'] as const) {
            const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
            const page = await context.newPage();
            await page.goto(new URL(url, base).href);
            // The theme applies: the title's colour is the accent of this mode.
            const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
            expect(accent, `${kind} (${colorScheme})`).toBe(colorScheme === 'light' ? '#8a1c1c' : '#ff9e8f');
            const violations = await axeViolations(page);
            if (violations.length > 0) found[`${kind} (${colorScheme})`] = violations;
            await context.close();
          }
        }
        expect(found).toEqual({});
      } finally {
        await browser.close();
      }
    },
    300_000,
  );
});
