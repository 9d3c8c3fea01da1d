import { readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateline } from '../helpers/cli.ts';
import { listFiles, tempDir } from '../helpers/files.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  work = await tempDir();
});
afterEach(() => work.cleanup());

describe('dateline init', () => {
  it('starts a site with every config key, its own templates with --templates, and builds with them', async () => {
    const started = await dateline(['init', '--templates', 'news'], { cwd: work.dir });
    expect(started.code).toBe(0);
    const site = path.join(work.dir, 'news');
    expect(started.stdout).toContain(`Started a Dateline site in ${await realpath(site)}\nNext: cd news && npm install`);
    const config = JSON.parse(await readFile(path.join(site, 'dateline.config.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(config).sort()).toEqual(['baseUrl', 'dayPageSize', 'description', 'discoverLeftovers', 'feedSize', 'icon', 'input', 'keepParagraphs', 'language', 'leftoverPatterns', 'nav', 'output', 'pageSize', 'pages', 'search', 'static', 'templates', 'title'].sort());
    expect(config).toMatchObject({ baseUrl: null, input: 'articles', output: 'dist', templates: 'templates' });
    // The base URL is there to be filled in, and init says so.
    expect(started.stdout).toContain('Before publishing, set "baseUrl" in dateline.config.json');
    expect(JSON.parse(await readFile(path.join(site, 'package.json'), 'utf8'))).toMatchObject({ name: 'news', scripts: { build: 'dateline build', start: 'dateline serve' } });
    expect(await listFiles(path.join(site, 'templates'))).toContain('base.njk');

    // The site's templates are the ones used.
    const base = path.join(site, 'templates/base.njk');
    await writeFile(base, (await readFile(base, 'utf8')).replace('</body>', '<!-- my own template --></body>'));
    const built = await dateline(['build'], { cwd: site });
    expect(built.code, built.stderr).toBe(0);
    expect(await readFile(path.join(site, 'dist/index.html'), 'utf8')).toContain('<!-- my own template -->');
    // A null base URL is one not set yet: no address is made up, so no feed is written, and the build says why.
    expect(built.stderr).toContain('note: no base URL set');
    const published = await listFiles(path.join(site, 'dist'));
    expect(published).not.toContain('feed.xml');
    // The starter About page, in the navigation, and the site's own files, copied as they are.
    expect(published).toEqual(expect.arrayContaining(['about/index.html', 'favicon.svg']));
    expect(await readFile(path.join(site, 'dist/index.html'), 'utf8')).toContain('<a href="about/index.html">About</a>');
    expect(await readFile(path.join(site, 'dist/about/index.html'), 'utf8')).toContain('<link rel="icon" href="../favicon.svg">');
    // Its URLs are recorded with its articles, and only its own: the package's ledger stays behind.
    expect((await listFiles(path.join(site, 'articles'))).sort()).toEqual(['000_8e7b29ad4a414b1e.txt', 'urls/2025-04.lock']);
  });

  it('names the folder by its path when it starts the site in the working directory, not as "."', async () => {
    const started = await dateline(['init'], { cwd: work.dir });
    expect(started.code).toBe(0);
    expect(started.stdout).toContain(`Started a Dateline site in ${await realpath(work.dir)}\nNext: npm install && npm run build`);
  });

  it('never overwrites a file: a second init keeps them all and says so', async () => {
    await dateline(['init'], { cwd: work.dir });
    await writeFile(path.join(work.dir, 'dateline.config.json'), '{ "title": "Mine" }\n');
    const again = await dateline(['init'], { cwd: work.dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('kept dateline.config.json (it exists)');
    expect(again.stdout).toContain('kept .github/workflows/publish.yml (it exists)');
    expect(again.stdout).not.toContain('wrote');
    // The config kept is the user's: init does not ask them to set a base URL in it.
    expect(again.stdout).not.toContain('baseUrl');
    expect(await readFile(path.join(work.dir, 'dateline.config.json'), 'utf8')).toBe('{ "title": "Mine" }\n');
  });
});
