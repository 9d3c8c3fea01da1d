import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldParagraph, furnitureKey, FurnitureCounts, shortParagraphs } from '../../src/clean/boilerplate.ts';
import { DEFAULT_LEFTOVER_PATTERNS } from '../../src/clean/leftovers.ts';
import { buildSite as buildCli } from '../../src/cli/build-command.ts';
import { configSchema } from '../../src/config/schema.ts';
import { textRecord } from '../../src/records/text-record.ts';
import { FIXTURE, readTree, REUTERS, sample, tempDir } from '../helpers/files.ts';
import { itNeeding } from '../helpers/requires.ts';
import { buildSite, page } from '../helpers/site.ts';

const prose = (n: number) => `Paragraph ${n} of the story tells readers what happened, who said it and why it matters now.`;

describe('furniture keys and table context', () => {
  it('folds case and trailing numbers, and never keys a sentence', () => {
    expect(foldParagraph('ADVERTISEMENT 2')).toBe('advertisement');
    expect(furnitureKey('Scroll to continue with content')).toBe('scroll to continue with content');
    expect(furnitureKey('Terms were not disclosed.')).toBeUndefined();
    expect(furnitureKey(prose(1))).toBeUndefined();
  });

  it('marks a short line beside a table row as in a table', () => {
    expect(shortParagraphs(['Shr 10 cts vs 12 cts', 'Qtr ended Jan 31', 'Net 1.2 mln vs 1.5 mln'])).toEqual([
      { key: 'shr 10 cts vs 12 cts', inTable: true },
      { key: 'qtr ended jan', inTable: true },
      { key: 'net 1.2 mln vs 1.5 mln', inTable: true },
    ]);
    expect(shortParagraphs([prose(1), 'Most Read', prose(2)])).toEqual([{ key: 'most read', inTable: false }]);
    expect(shortParagraphs([prose(1), 'Most Read', 'Advertisement 2'])).toEqual([
      { key: 'most read', inTable: false },
      { key: 'advertisement', inTable: false },
    ]);
  });
});

describe('FurnitureCounts', () => {
  const article = (date: string, source: string, ...short: string[]) => ({ date, source, short: short.map((key) => ({ key, inTable: key.startsWith('row') })) });

  it('finds a line in enough articles over enough days, outside tables, and not one the user keeps', () => {
    const counts = new FurnitureCounts();
    for (let n = 0; n < 8; n++) counts.add(article(`2025-01-0${1 + (n % 3)}`, `a${n}.txt`, 'most read', 'row ended jan'), 1);
    expect(counts.found().map((line) => line.text)).toEqual(['most read']);
    expect(counts.found()[0]).toEqual({ text: 'most read', articles: 8, days: 3, example: 'a0.txt' });
    expect(counts.found(new Set(['most read']))).toEqual([]);
  });

  it('needs three days: one busy day of a repeated line is not furniture', () => {
    const counts = new FurnitureCounts();
    for (let n = 0; n < 9; n++) counts.add(article('2025-01-01', `a${n}.txt`, 'live updates'), 1);
    expect(counts.found()).toEqual([]);
  });

  it('keeps its counts through the stored form', () => {
    const counts = new FurnitureCounts();
    for (let n = 0; n < 8; n++) counts.add(article(`2025-01-0${1 + (n % 3)}`, `a${n}.txt`, 'most read', 'row ended jan'), 1);
    const again = new FurnitureCounts(counts.stored());
    expect(again.stored()).toEqual(counts.stored());
    expect(again.found()).toEqual(counts.found());
    // A key seen only in tables, then outside one: its table articles still count against it.
    for (let n = 0; n < 8; n++) again.add(article(`2025-02-0${1 + (n % 3)}`, `b${n}.txt`, 'row of figures'), 1);
    const later = new FurnitureCounts(again.stored());
    for (let n = 0; n < 8; n++) later.add({ date: `2025-03-0${1 + (n % 3)}`, source: `c${n}.txt`, short: [{ key: 'row of figures', inTable: false }] }, 1);
    expect(later.found().map((line) => line.text)).toEqual(['most read']);
    for (let n = 0; n < 8; n++) later.add(article(`2025-02-0${1 + (n % 3)}`, `b${n}.txt`, 'row of figures'), -1);
    expect(later.found().map((line) => line.text)).toEqual(['most read', 'row of figures']);
  });

  it('keeps as example the first file in the folder order, and asks for it again when every example went', () => {
    const counts = new FurnitureCounts();
    const sources = ['a0.txt', 'a1.txt', 'a2.txt', 'a3.txt', 'a4.txt', 'a5.txt', 'a6.txt', 'a7.txt', 'a8.txt', 'a9.txt'];
    sources.forEach((source, n) => counts.add(article(`2025-01-0${1 + (n % 3)}`, source, 'most read'), 1));
    for (const [n, source] of sources.slice(0, 3).entries()) counts.add(article(`2025-01-0${1 + n}`, source, 'most read'), -1);
    // A file added later than the examples that went is not the first: a3.txt is.
    counts.add(article('2025-01-01', 'b.txt', 'most read'), 1);
    expect(counts.found()).toEqual([{ text: 'most read', articles: 8, days: 3, example: '' }]);
    const [wanted] = counts.wanting(['most read']);
    expect(wanted!.holds({ date: '2025-01-01', source: 'x.txt', short: [{ key: 'most read', inTable: true }] })).toBe(false);
    wanted!.examples.push('a3.txt');
    expect(counts.found()[0]!.example).toBe('a3.txt');
  });

  it('takes back exactly what an article added', () => {
    const counts = new FurnitureCounts();
    const one = article('2025-01-01', 'a.txt', 'most read');
    counts.add(one, 1);
    counts.add(one, -1);
    expect(counts.stored()).toEqual({ numbers: new Float64Array(0), details: [] });
  });
});

/** The furniture counts of every article in a folder. */
async function furnitureIn(folder: string): Promise<FurnitureCounts> {
  const counts = new FurnitureCounts();
  for (const name of await readdir(folder)) {
    const record = textRecord({ relativePath: name, displayPath: name, id: name, format: 'text', text: await readFile(path.join(folder, name), 'utf8'), hash: name, times: { size: 0, mtimeMs: 0, ctimeMs: 0 } }, DEFAULT_LEFTOVER_PATTERNS);
    counts.add(record, 1);
  }
  return counts;
}

describe('furniture in whole archives', () => {
  itNeeding('reuters', 'finds nothing to remove in the 19,043 Reuters articles: table rows and short sentences repeat, and are text', async () => {
    expect((await furnitureIn(REUTERS)).found()).toEqual([]);
  }, 120_000);

  it('finds nothing to remove in the fixture archive: its table rows repeat, and its leftovers go by pattern', async () => {
    expect((await furnitureIn(FIXTURE)).found()).toEqual([]);
  });

  it('removes furniture in spellings no default pattern lists, and no real paragraph', async () => {
    const furniture = ['Scroll to continue with content', 'Story continues below advertisement', 'MOST READ', 'Continue reading the main story'];
    // Pages put furniture between paragraphs of prose: 60 articles of the fixture without tables or leftovers.
    const texts = await Promise.all((await sample(FIXTURE, 160)).map(async (name) => [name, await readFile(path.join(FIXTURE, name), 'utf8')] as const));
    const prose = texts.filter(([, text]) => text.split(/\n\s*\n/).every((paragraph) => /[.!?"”]$/.test(paragraph.trim()))).slice(0, 60);
    const names = prose.map(([name]) => name);
    const files: Record<string, string> = {};
    const originals = new Map<string, string[]>();
    for (const [index, [name, text]] of prose.entries()) {
      const [header, ...paragraphs] = text.split(/\n\s*\n/);
      originals.set(name, paragraphs);
      // Each line in every other article, at a different place in each.
      const injected = [...paragraphs];
      if (index % 2 === 0) injected.splice(1 + (index % Math.max(1, paragraphs.length - 1)), 0, furniture[index % furniture.length]!, `${furniture[(index + 1) % furniture.length]!} ${index}`);
      files[name] = [header, ...injected].join('\n\n');
    }
    const { site, summary } = await buildSite(files);
    expect(summary.furniture.map((line) => line.text).sort()).toEqual(furniture.map(foldParagraph).sort());
    for (const line of furniture) {
      for (const [file, bytes] of site.files) if (file.endsWith('.html')) expect(Buffer.from(bytes).toString('utf8'), file).not.toContain(line);
    }
    // Every real paragraph of a sample of articles is still on its page.
    const article = page(site, new RegExp(`${names[0]!.replace(/\.txt$/, '').split('_')[1]}/index\\.html$`));
    for (const paragraph of originals.get(names[0]!)!.slice(0, -1)) {
      const words = paragraph.replace(/\s+/g, ' ').trim().split(' ').slice(0, 4).join(' ').replace(/[<>&"']/g, '');
      if (words.length > 8) expect(article.replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/g, '').replace(/\s+/g, ' ')).toContain(words.replace(/\s+/g, ' '));
    }
  }, 120_000);
});

describe('furniture in incremental builds', () => {
  let work: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    work = await tempDir();
  });
  afterAll(() => work.cleanup());
  const quiet = { out: () => {}, err: () => {} };
  const config = (input: string, output: string) => configSchema.parse({ input, output, search: false });
  const story = (day: number, n: number) => ` date 2025-03-0${day} ${prose(n)}\n\nScroll to continue with content\n\n${prose(n + 1)}\n`;

  it('equal a clean build when a line becomes furniture, and again when it stops being furniture', async () => {
    const input = path.join(work.dir, 'in');
    await mkdir(input);
    for (let n = 0; n < 8; n++) await writeFile(path.join(input, `00${n}_a${n}.txt`), story(1 + (n % 2), n));
    const output = path.join(work.dir, 'out');
    const cacheDir = path.join(work.dir, 'cache');
    const compare = async (step: string) => {
      const clean = path.join(work.dir, `clean-${step}`);
      expect((await buildCli(config(input, clean), { strict: false, drafts: false, clean: true, cacheDir }, quiet)).code).toBe(0);
      expect(await readTree(output)).toEqual(await readTree(clean));
    };
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: () => {} };
    expect((await buildCli(config(input, output), { strict: false, drafts: false, clean: false, cacheDir }, io)).code).toBe(0);
    expect(lines.join('\n')).not.toContain('page furniture');
    // Two days only: kept. A third day makes it furniture.
    await writeFile(path.join(input, '008_a8.txt'), story(3, 8));
    expect((await buildCli(config(input, output), { strict: false, drafts: false, clean: false, cacheDir }, io)).code).toBe(0);
    expect(lines.join('\n')).toContain('"scroll to continue with content": 9 articles over 3 days');
    await compare('found');
    await rm(path.join(input, '008_a8.txt'));
    expect((await buildCli(config(input, output), { strict: false, drafts: false, clean: false, cacheDir }, io)).code).toBe(0);
    await compare('gone');
  }, 120_000);
});

describe('a change of the settings that shape records', () => {
  let work: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    work = await tempDir();
  });
  afterAll(() => work.cleanup());

  it('leaves no page of the old records behind in an updated output (a new leftover pattern moves an article)', async () => {
    const input = path.join(work.dir, 'in');
    await mkdir(input);
    await writeFile(path.join(input, '001_a1.txt'), ` date 2025-03-01 Breaking update from the newsroom desk today.\n\n${prose(1)}\n`);
    await writeFile(path.join(input, '002_a2.txt'), ` date 2025-03-02 ${prose(2)}\n`);
    const cacheDir = path.join(work.dir, 'cache');
    const quiet = { out: () => {}, err: () => {} };
    const config = (output: string, leftoverPatterns: string[]) => configSchema.parse({ input, output, search: false, leftoverPatterns });
    const output = path.join(work.dir, 'out');
    expect((await buildCli(config(output, []), { strict: false, drafts: false, clean: false, cacheDir }, quiet)).code).toBe(0);
    expect((await buildCli(config(output, ['Breaking update from the newsroom desk today\\.']), { strict: false, drafts: false, clean: false, cacheDir }, quiet)).code).toBe(0);
    const clean = path.join(work.dir, 'clean');
    expect((await buildCli(config(clean, ['Breaking update from the newsroom desk today\\.']), { strict: false, drafts: false, clean: true, cacheDir }, quiet)).code).toBe(0);
    expect([...(await readTree(output)).keys()].sort()).toEqual([...(await readTree(clean)).keys()].sort());
  }, 60_000);
});
