import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build-command.ts';
import { configSchema } from '../../src/config/schema.ts';
import { closeSearchService } from '../../src/search/pagefind.ts';
import { tempDir } from '../helpers/files.ts';
import { searchSite, type ResultData } from '../helpers/search.ts';
import { writeInput } from '../helpers/site.ts';

const ROWS = ['Sunoil', 'Linoil', 'Soybean oil', 'Cottonseed oil', 'Groundnut oil', 'Rapeseed oil', 'Palm oil', 'Olive oil'];

/** A whole site declared inline: a grain board's table that says "oil" on every row, a story on oil prices, and others. */
const SITE: Record<string, string> = {
  'table.txt': [
    ' date 1987-02-26 BUENOS AIRES, Feb 26 - Argentine grain board figures show crop registrations of grains and their products to February 11, in thousands of tonnes.',
    ...ROWS.flatMap((row, index) => [`${row} prev ${index}.4, Feb 10${index}.3, Mar 2${index}.5, total 18${index}.4 (11${index}.6).`, `${row} oil registrations ${index + 3}.0 (${index}.9)`]),
    'Vegetable oil registrations were : nil (nil)',
  ].join('\n\n'),
  'story.txt': [
    ' date 1987-02-27 NEW YORK, Feb 27 - Oil prices fell sharply on Friday as OPEC members pumped above their quotas, traders said.',
    'Benchmark crude slipped below 17 dollars a barrel in late trading, the lowest level in three weeks, and analysts expect further weakness if output is not cut.',
    'The ministers are due to meet in Vienna next month to review the production agreement reached in December.',
  ].join('\n\n'),
  'mention.txt': [
    ' date 1987-02-28 LONDON, Feb 28 - Shares in London closed higher on Friday, led by banks and insurers, as investors welcomed lower interest rates.',
    'Dealers said the market ignored weakness in the pound. Among the losers were shipping companies, hurt by lower freight rates, and one oil explorer that reported a dry well.',
  ].join('\n\n'),
  'coffee.txt': ' date 1987-03-01 LONDON, March 1 - Coffee producers will present a new proposal for export quotas to consumers next week, delegates said.',
  'bank.txt': ' date 1987-03-02 TOKYO, March 2 - The Bank of Japan will keep its discount rate unchanged for now, the central bank governor told parliament on Monday.',
};

let work: Awaited<ReturnType<typeof tempDir>>;
let site: string;
beforeAll(async () => {
  work = await tempDir();
  const input = path.join(work.dir, 'in');
  site = path.join(work.dir, 'out');
  await writeInput(input, SITE);
  const config = configSchema.parse({ input, output: site, search: true });
  expect((await buildSite(config, { strict: true, drafts: false, clean: true, cacheDir: path.join(work.dir, 'cache') }, { out: () => {}, err: () => {} })).code).toBe(0);
});
afterAll(async () => {
  await closeSearchService();
  await work.cleanup();
});

const slugOf = (result: ResultData | undefined) => result?.url.split('/').at(-2) ?? '';
/** The excerpt as text, its <mark>s taken off (Pagefind escapes the indexed text and adds only those). */
const textOf = (excerpt: string) => excerpt.replace(/<\/?mark>/g, '');

describe('search ranks stories before tables', () => {
  it('a table that says "oil" on every row ranks below the story with "oil" in its headline and lede, whose excerpt is prose', async () => {
    const { found } = await searchSite(site, [{ term: 'oil' }]);
    const results = found[0]!;
    expect(results.map(slugOf)).toHaveLength(3);
    expect(results[0]!.meta.title).toMatch(/^Oil prices fell/);
    expect(results.findIndex((result) => result.meta.title.startsWith('Argentine'))).toBe(2);
    // The story's excerpt quotes its sentences, the word marked; not a row of figures.
    expect(results[0]!.excerpt).toMatch(/<mark>Oil<\/mark> prices fell sharply/);
    // The table's excerpt is its one sentence, not its rows.
    const table = results[2]!;
    expect(textOf(table.excerpt)).toMatch(/Argentine grain board figures show crop registrations/);
    expect(textOf(table.excerpt)).not.toMatch(/prev \d/);
  });

  it('still finds an article by a word only its table holds, and by a phrase in its prose', async () => {
    const { results } = await searchSite(site, [{ term: 'sunoil' }, { term: 'Linoil' }, { term: '"crop registrations"' }, { term: 'oil OPEC' }]);
    expect(results.map((urls) => urls.length)).toEqual([1, 1, 1, 1]);
    expect(results[0]![0]).toBe(results[2]![0]);
  });

  it('marks every word of the query in the excerpt, by its stem too, and shows "…" where the excerpt cuts the text', async () => {
    const { found } = await searchSite(site, [{ term: 'oil quotas' }, { term: 'crude ministers' }]);
    const [story] = found[0]!;
    expect(story!.excerpt).toMatch(/<mark>Oil<\/mark> prices fell/);
    expect(story!.excerpt).toMatch(/their <mark>quotas,?<\/mark>/);
    // The story goes on after the thirty words quoted.
    expect(story!.excerpt.endsWith('…')).toBe(true);
    // Two words far apart: the stretch with one of them, and text cut before it says so.
    const [other] = found[1]!;
    expect(other!.excerpt).toMatch(/<mark>(?:crude|ministers)<\/mark>/);
    expect(other!.excerpt).toMatch(/^…|…$/);
  });
});
