import { readFile, writeFile } from 'node:fs/promises';
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
    const config = JSON.parse(await readFile(path.join(site, 'dateline.config.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(config).sort()).toEqual(['dayPageSize', 'description', 'discoverLeftovers', 'feedSize', 'input', 'keepParagraphs', 'language', 'leftoverPatterns', 'nav', 'output', 'pageSize', 'search', 'templates', 'title'].sort());
    expect(config).toMatchObject({ input: 'articles', output: 'dist', templates: 'templates' });
    expect(JSON.parse(await readFile(path.join(site, 'package.json'), 'utf8'))).toMatchObject({ name: 'news', scripts: { build: 'dateline build', start: 'dateline serve' } });
    expect(await listFiles(path.join(site, 'templates'))).toContain('base.njk');

    // The site's templates are the ones used.
    const base = path.join(site, 'templates/base.njk');
    await writeFile(base, (await readFile(base, 'utf8')).replace('</body>', '<!-- my own template --></body>'));
    expect((await dateline(['build'], { cwd: site })).code).toBe(0);
    expect(await readFile(path.join(site, 'dist/index.html'), 'utf8')).toContain('<!-- my own template -->');
  });

  it('never overwrites a file: a second init keeps them all and says so', async () => {
    await dateline(['init'], { cwd: work.dir });
    await writeFile(path.join(work.dir, 'dateline.config.json'), '{ "title": "Mine" }\n');
    const again = await dateline(['init'], { cwd: work.dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('kept dateline.config.json (it exists)');
    expect(again.stdout).toContain('kept .github/workflows/publish.yml (it exists)');
    expect(again.stdout).not.toContain('wrote');
    expect(await readFile(path.join(work.dir, 'dateline.config.json'), 'utf8')).toBe('{ "title": "Mine" }\n');
  });
});
