/**
 * Search as a reader of a news archive uses it: 20 fixed queries on the seed and the whole
 * Reuters corpus (19,044 articles), each query's top three results printed with headline, date,
 * first sentence and excerpt, for judging by hand (the judgements and their figures are in
 * `bench/search-judgements.md`). Runs the search page's own code (`search-index.js`, Pagefind's
 * browser module) in Node, through `tests/helpers/search.ts`.
 *
 *   npm run compile && npx tsx bench/search-queries.ts [--site DIR]
 *
 * With `--site`, a site already built from the seed and Reuters is searched; otherwise one is
 * built (about a minute) into a temporary folder and removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { splitSentences } from '../src/derive/sentences.ts';
import { closeSearchService } from '../src/search/pagefind.ts';
import { REUTERS, SEEDS, tempDir } from '../tests/helpers/files.ts';
import { searchSite } from '../tests/helpers/search.ts';

/** What a reader of a 1987 wire archive looks for: commodities, markets, companies, countries, institutions. */
export const QUERIES = [
  'oil',
  'coffee',
  'interest rates',
  'Brazil debt',
  'OPEC',
  'takeover bid',
  'gold',
  'dollar',
  'trade deficit',
  'wheat',
  'inflation',
  'bank merger',
  'strike',
  'sugar',
  'unemployment',
  'Federal Reserve',
  'copper',
  'stock split',
  'dividend',
  'Japan semiconductors',
] as const;

const TOP = 3;
const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { site: { type: 'string' } } });

/** Builds the site with the compiled command, from a folder linking the seed's and Reuters' articles. */
async function buildReuters(dir: string): Promise<string> {
  const input = path.join(dir, 'in');
  await mkdir(input);
  for (const folder of [SEEDS, REUTERS]) {
    for (const name of (await readdir(folder)).filter((file) => file.endsWith('.txt'))) await symlink(path.join(folder, name), path.join(input, name));
  }
  const output = path.join(dir, 'out');
  // Run from the temporary folder, so that no dateline.config.json of the working folder applies.
  execFileSync(process.execPath, [path.join(root, 'bin/dateline.js'), 'build', '--input', input, '--output', output, '--clean'], { cwd: dir, stdio: 'inherit' });
  return output;
}

const plain = (html: string) => html.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

const work = values.site ? undefined : await tempDir('dateline-search-bench-');
try {
  const site = values.site ?? (await buildReuters(work!.dir));
  const { found } = await searchSite(site, QUERIES.map((term) => ({ term })), { limit: TOP });
  QUERIES.forEach((query, index) => {
    console.log(`\n## ${index + 1}. ${query}`);
    found[index]!.forEach((result, rank) => {
      console.log(`${rank + 1}. ${result.meta.title} (${result.meta.date}) ${result.url}`);
      console.log(`   first sentence: ${splitSentences(result.content.replace(/\s+/g, ' ').trim())[0] ?? ''}`);
      console.log(`   excerpt: ${plain(result.excerpt)}`);
    });
    if (found[index]!.length === 0) console.log('(nothing found)');
  });
} finally {
  await closeSearchService();
  await work?.cleanup();
}
