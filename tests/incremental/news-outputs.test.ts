import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { tempDir } from '../helpers/files.ts';
import { expectUpdatesEqualClean, writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

const config = (output: string) => configSchema.parse({ input: path.join(work.dir, 'in'), output, baseUrl: 'https://example.org/', feedSize: 3, search: false });

/** The headlines the news sitemap lists, in its order (none when there is no news sitemap). */
function newsTitles(tree: Map<string, Buffer>): string[] {
  const xml = tree.get('sitemap-news.xml')?.toString() ?? '';
  return [...xml.matchAll(/<news:title>([^<]*)<\/news:title>/g)].map((match) => match[1]!);
}

describe('the news sitemap and the feeds on update', () => {
  it('equal a clean build byte for byte as the newest two days move', async () => {
    const input = path.join(work.dir, 'in');
    const file = (name: string) => path.join(input, name);
    await writeInput(input, {
      '001_a.txt': ' date 2025-02-27 Oil prices rose.',
      '002_b.txt': ' date 2025-02-28 Coffee exporters met.',
      '003_c.txt': ' date 2025-03-01 Gold was steady.',
    });
    // Each step, and the headlines the news sitemap lists after it: newest day first, each day in reverse archive order.
    const steps: [string, () => Promise<unknown>, string[]][] = [
      ['a headline in the window changes', () => writeFile(file('003_c.txt'), ' date 2025-03-01 Gold rose.'), ['Gold rose', 'Coffee exporters met']],
      ['a headline outside the window changes', () => writeFile(file('001_a.txt'), ' date 2025-02-27 Oil prices fell.'), ['Gold rose', 'Coffee exporters met']],
      ['an article on a new newest day: the window moves on', () => writeFile(file('004_d.txt'), ' date 2025-03-02 Tin talks opened.'), ['Tin talks opened', 'Gold rose']],
      ['a newest day with a day missing before it: that day alone', () => writeFile(file('005_e.txt'), ' date 2025-03-04 Wheat & <b>corn</b> traded.'), ['Wheat &amp; &lt;b&gt;corn&lt;/b&gt; traded']],
      ['the newest day goes: the window moves back', () => rm(file('005_e.txt')), ['Tin talks opened', 'Gold rose']],
      ['the newest article is back-dated out of the window', () => writeFile(file('004_d.txt'), ' date 2025-02-26 Tin talks opened.'), ['Gold rose', 'Coffee exporters met']],
      ['an older article is dated into the window', () => writeFile(file('001_a.txt'), ' date 2025-03-01 Oil prices fell.'), ['Gold rose', 'Oil prices fell', 'Coffee exporters met']],
      [
        'two Markdown articles take one slug in the window',
        () => writeInput(input, { 'm1.md': '---\ntitle: First note\ndate: 2025-03-01\nslug: note\n---\nOne.', 'm2.md': '---\ntitle: Second note\ndate: 2025-03-01\nslug: note\n---\nTwo.' }),
        ['Second note', 'First note', 'Gold rose', 'Oil prices fell', 'Coffee exporters met'],
      ],
      ['one of them goes: the other moves to the slug', () => rm(file('m1.md')), ['Second note', 'Gold rose', 'Oil prices fell', 'Coffee exporters met']],
      ['every article goes: the news sitemap goes', async () => Promise.all((await readdir(input)).filter((name) => /\.(txt|md)$/.test(name)).map((name) => rm(file(name)))), []],
      ['an article comes back', () => writeFile(file('006_f.txt'), ' date 1987-03-05 Cocoa talks resumed.'), ['Cocoa talks resumed']],
    ];
    await expectUpdatesEqualClean(
      work.dir,
      config,
      steps.map(([step, change, titles]) => [
        step,
        change,
        // The step reached what it was meant to.
        (tree) => {
          expect(newsTitles(tree), step).toEqual(titles);
          expect(tree.has('sitemap-news.xml'), step).toBe(titles.length > 0);
          expect(tree.get('robots.txt')?.toString().includes('sitemap-news.xml'), step).toBe(titles.length > 0);
        },
      ]),
      (tree) => expect(newsTitles(tree)).toEqual(['Gold was steady', 'Coffee exporters met']),
      // Deleting every article is meant here: without --allow-empty the published site would be kept.
      { allowEmpty: true },
    );
  });
});
