import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build-command.ts';
import { configSchema } from '../../src/config/schema.ts';
import { closeSearchService } from '../../src/search/pagefind.ts';
import { FIXTURE, sample, tempDir } from '../helpers/files.ts';
import { searchSite, type Query } from '../helpers/search.ts';
import { random } from '../helpers/random.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(async () => {
  await closeSearchService();
  await work.cleanup();
});

const quiet = { out: () => {}, err: () => {} };
const settings = (input: string, output: string) => configSchema.parse({ input, output, topicMinArticles: 2, search: true });

/** Single words, a phrase, filters, and filters alone (newest first). */
const QUERIES: Query[] = [
  { term: 'oil' },
  { term: 'bank' },
  { term: 'dividend' },
  { term: 'shares' },
  { term: 'Harlow' },
  { term: '"interest rates"' },
  // Words of tables and of tables' headlines: matched in a field, not in the prose.
  { term: 'wheat' },
  { term: 'corn' },
  { term: 'trade', filters: { year: '2023' } },
  { term: 'profit', filters: { topic: 'United States' } },
  { filters: { year: '2023' } },
  { filters: { topic: 'United States' } },
];


describe('the search index, updated segment by segment', () => {
  it('returns what a clean build returns, in the same order, after 30 random adds, edits and deletions: no deleted article, no old version', async () => {
    const next = random(88);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const input = path.join(work.dir, 'in');
    await mkdir(input);
    const pool = await sample(FIXTURE, 120);
    for (const name of pool.slice(0, 40)) await copyFile(path.join(FIXTURE, name), path.join(input, name));
    let unused = pool.slice(40);
    const output = path.join(work.dir, 'out');
    const cacheDir = path.join(work.dir, 'cache');
    expect((await buildSite(settings(input, output), { strict: false, drafts: false, clean: false, cacheDir }, quiet)).code).toBe(0);
    let merges = 0;
    for (let step = 0; step < 30; step++) {
      const present = (await readdir(input)).sort();
      const roll = next();
      if (roll < 0.45 && unused.length > 0) {
        const name = pick(unused);
        unused = unused.filter((other) => other !== name);
        await copyFile(path.join(FIXTURE, name), path.join(input, name));
      } else if (roll < 0.8) {
        const file = path.join(input, pick(present));
        const text = await readFile(file, 'utf8');
        // An edit that puts a searched word in, or takes one out.
        await writeFile(file, next() < 0.5 ? `${text}\n\nThe bank said oil and dividend news lifted shares.` : text.replace(/\b(oil|bank|shares|dividend|trade|profit)\b/gi, 'it'));
      } else {
        await rm(path.join(input, pick(present)));
      }
      const lines: string[] = [];
      await buildSite(settings(input, output), { strict: false, drafts: false, clean: false, cacheDir }, { out: (line) => lines.push(line), err: () => {} });
      if (/merging/.test(lines.join('\n'))) merges++;
      if (step % 6 !== 5) continue;
      const clean = path.join(work.dir, `clean-${step}`);
      await buildSite(settings(input, clean), { strict: false, drafts: false, clean: true, cacheDir }, quiet);
      const [updated, whole] = [await searchSite(output, QUERIES), await searchSite(clean, QUERIES)];
      // In the same order: the ranking reads nothing that depends on how the index is segmented.
      for (const [index, urls] of updated.results.entries()) expect(urls, `step ${step}: ${JSON.stringify(QUERIES[index])}`).toEqual(whole.results[index]);
      expect(updated.filters, `step ${step}: filter counts`).toEqual(whole.filters);
      for (const urls of updated.results) expect(new Set(urls).size, `step ${step}: an article found twice`).toBe(urls.length);
      await rm(clean, { recursive: true });
    }
    // The index was segmented and merged along the way; several queries found something.
    expect(merges).toBeGreaterThan(0);
    const { results } = await searchSite(output, QUERIES);
    expect(results.filter((urls) => urls.length > 0).length).toBeGreaterThanOrEqual(8);
    expect(JSON.parse(await readFile(path.join(output, 'pagefind', 'segments.json'), 'utf8')).segments.length).toBeGreaterThan(1);
  });
});
