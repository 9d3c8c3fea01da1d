/**
 * The README's screenshots, from a realistic archive: the seed and the first 300 Reuters articles
 * (as a new reader would try it), built with the default settings, served, and shot in Chromium at
 * phone and desktop widths.
 *
 *   npm run screenshots   (needs /usr/bin/chromium and the Reuters corpus; DATELINE_REUTERS points to it)
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { previewServer } from '../src/serve/static-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const reuters = process.env.DATELINE_REUTERS ?? path.resolve(root, '../shared/corpora/reuters21578/articles');
const out = path.join(root, 'docs/screenshots');

const work = await mkdtemp(path.join(os.tmpdir(), 'dateline-shots-'));
try {
  const input = path.join(work, 'articles');
  await mkdir(input);
  await copyFile(path.join(root, 'seeds/000_8e7b29ad4a414b1e.txt'), path.join(input, '000_8e7b29ad4a414b1e.txt'));
  for (const name of (await readdir(reuters)).sort().slice(0, 300)) await copyFile(path.join(reuters, name), path.join(input, name));
  await writeFile(path.join(work, 'dateline.config.json'), JSON.stringify({ title: 'The Wire Archive', description: 'Reuters stories from 1987, and one from 2025.', input: 'articles', output: 'site' }));
  const built = spawnSync(process.execPath, [path.join(root, 'bin/dateline.js'), 'build'], { cwd: work, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  const server = previewServer(path.join(work, 'site'));
  await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const seedDay = path.join(work, 'site/2025/04/27');
    const article = `2025/04/27/${(await readdir(seedDay)).find((name) => name.endsWith('-8e7b29ad4a414b1e'))}/`;
    const pages = { front: '', article, archive: 'archive/', day: '1987/03/02/', search: 'search/?q=oil' };
    await mkdir(out, { recursive: true });
    for (const [name, url] of Object.entries(pages)) {
      for (const [device, width] of [['mobile', 390], ['desktop', 1280]] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(new URL(url, base).href, { waitUntil: 'networkidle' });
        if (name === 'search') await page.waitForSelector('.search-results li, [data-search-results] li', { timeout: 20_000 }).catch(() => undefined);
        // Long pages are cut to the first two screens: the README shows what a reader sees first.
        await page.screenshot({ path: path.join(out, `${name}-${device}.png`), clip: { x: 0, y: 0, width, height: Math.min(1800, await page.evaluate(() => document.documentElement.scrollHeight)) } });
        await context.close();
        console.log(`docs/screenshots/${name}-${device}.png`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
