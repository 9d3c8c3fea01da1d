import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build-command.ts';
import { configSchema } from '../../src/config/schema.ts';
import { readTree, tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

const page = (front: string, body: string) => `---\n${front}\n---\n${body}\n`;

/** Builds `site/` into `out` (or a clean build into `clean`), and returns what its summary says it wrote and removed. */
async function build(output: 'out' | 'clean'): Promise<{ written: number; removed: number }> {
  const root = path.join(work.dir, 'site');
  const config = configSchema.parse({ input: path.join(root, 'articles'), pages: path.join(root, 'pages'), static: path.join(root, 'static'), output: path.join(work.dir, output), baseUrl: 'https://example.org/', search: false });
  const lines: string[] = [];
  const result = await buildSite(config, { strict: true, drafts: false, clean: output === 'clean', cacheDir: path.join(work.dir, `cache-${output}`) }, { out: (line) => lines.push(line), err: (line) => lines.push(line) });
  expect(result.code, lines.join('\n')).toBe(0);
  const [, written, removed] = /(\d+) files? written, \d+ unchanged, (\d+) removed/.exec(lines.join('\n')) ?? [];
  return { written: Number(written), removed: Number(removed) };
}

describe("an update to the site's own pages and files", () => {
  it('writes only the file that changed and what lists it, and equals a clean build', async () => {
    const at = (file: string) => path.join(work.dir, 'site', file);
    await writeInput(path.join(work.dir, 'site'), {
      'articles/001_a.txt': ' date 2025-04-27 Troops were deployed to the border on Sunday.',
      'articles/002_b.txt': ' date 2025-04-28 The border was quiet on Monday.',
      'pages/about.md': page('title: About us\nnav: true', 'We are a newsroom.'),
      'pages/contact.md': page('title: Contact', 'Write to us.'),
      'static/CNAME': 'news.example.org\n',
      'static/images/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    await build('out');
    const pages = [...(await readTree(path.join(work.dir, 'out'))).keys()].filter((file) => file.endsWith('.html')).length;
    const steps: [string, () => Promise<unknown>, (result: { written: number; removed: number }) => void][] = [
      ['one own file edited', () => writeFile(at('static/CNAME'), 'archive.example.org\n'), (result) => expect(result).toEqual({ written: 1, removed: 0 })],
      ['one own file added', () => writeFile(at('static/images/photo.jpg'), 'jpeg'), (result) => expect(result).toEqual({ written: 1, removed: 0 })],
      ['one own file deleted', () => rm(at('static/images/photo.jpg')), (result) => expect(result).toEqual({ written: 0, removed: 1 })],
      // Not in the navigation and with no date in the sitemap: only its own page.
      ['a page edited', () => writeFile(at('pages/contact.md'), page('title: Contact', 'Write to us, or call.')), (result) => expect(result).toEqual({ written: 1, removed: 0 })],
      // A new page: itself and the sitemap that lists it.
      ['a page added', () => writeFile(at('pages/corrections.md'), page('title: Corrections', 'We fix errors.')), (result) => expect(result).toEqual({ written: 2, removed: 0 })],
      ['a page deleted', () => rm(at('pages/corrections.md')), (result) => expect(result).toEqual({ written: 1, removed: 1 })],
      // In the navigation, its title is on every page: every page, and nothing else.
      ['the title of a page in the navigation', () => writeFile(at('pages/about.md'), page('title: Who we are\nnav: true', 'We are a newsroom.')), (result) => expect(result).toEqual({ written: pages, removed: 0 })],
    ];
    for (const [step, change, expectWrites] of steps) {
      await change();
      const result = await build('out');
      expectWrites(result);
      await rm(path.join(work.dir, 'clean'), { recursive: true, force: true });
      await rm(path.join(work.dir, 'cache-clean'), { recursive: true, force: true });
      await build('clean');
      const expected = await readTree(path.join(work.dir, 'clean'));
      const actual = await readTree(path.join(work.dir, 'out'));
      expect([...actual.keys()], step).toEqual([...expected.keys()]);
      for (const [file, bytes] of expected) expect(actual.get(file)?.toString(), `${step}: ${file}`).toBe(bytes.toString());
    }
  });
});
