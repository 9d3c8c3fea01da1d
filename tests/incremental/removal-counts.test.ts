import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/build/count-stage.ts';
import { buildSite } from '../../src/cli/build-command.ts';
import { configSchema } from '../../src/config/schema.ts';
import type { ReadArticles } from '../../src/records/load-records.ts';
import type { ArticleRecord } from '../../src/records/record.ts';
import type { Snapshot } from '../../src/store/contents.ts';
import { tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

const prose = (n: number) => `Paragraph ${n} of the story tells readers what happened, who said it and why it matters now.`;

/** Article n: prose around a furniture line, an advertisement in every other one, signed off. */
const article = (n: number, extra = n % 2 === 0 ? '\n\nAdvertisement 2' : '') => ` date 2025-03-0${1 + (n % 4)} ${prose(n)}\n\nScroll to continue with content${extra}\n\n${prose(n + 100)} Reuter\n`;

describe('removal and furniture counts in incremental builds', () => {
  let work: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    work = await tempDir();
  });
  afterAll(() => work.cleanup());

  /** The lines a build prints about what it removed: furniture, leftover lines, sign-offs. */
  const removalLines = async (output: string, clean: boolean): Promise<string[]> => {
    const lines: string[] = [];
    const config = configSchema.parse({ input: path.join(work.dir, 'in'), output, search: false });
    const cacheDir = path.join(work.dir, clean ? 'clean-cache' : 'cache');
    const { code } = await buildSite(config, { strict: false, drafts: false, clean, cacheDir, clock: () => Date.now() + 3000 }, { out: (line) => lines.push(line), err: () => {} });
    expect(code).toBe(0);
    return lines.filter((line) => line.startsWith('Removed') || line.startsWith('  "'));
  };

  it('equal a clean build over adds, edits, deletions of every example, a rename and a broken file', async () => {
    const input = path.join(work.dir, 'in');
    await writeInput(input, Object.fromEntries(Array.from({ length: 12 }, (_, n) => [`${String(n).padStart(3, '0')}_a${n}.txt`, article(n)])));
    const file = (name: string) => path.join(input, name);
    const first = await removalLines(path.join(work.dir, 'out'), false);
    expect(first).toEqual([
      'Removed 1 line of page furniture the archive repeats (to keep one as text, add it to "keepParagraphs" in dateline.config.json):',
      '  "scroll to continue with content": 12 articles over 4 days, e.g. 000_a0.txt',
      'Removed 1 line that leftover patterns match, from 6 articles (to keep one as text, add it to "keepParagraphs" in dateline.config.json; to remove more, add a pattern to "leftoverPatterns"):',
      '  "advertisement": 6 articles, e.g. 000_a0.txt',
      'Removed the wire sign-off at the end ("Reuter", "REUTER...", "MORE") from 12 articles, e.g. 000_a0.txt.',
    ]);
    const steps: [string, () => Promise<unknown>][] = [
      ['an article added with another leftover', () => writeFile(file('012_a12.txt'), article(12, '\n\nSponsored content'))],
      ['an article edited: its advertisement gone', () => writeFile(file('000_a0.txt'), article(0, ''))],
      ['the first three articles deleted: every example of each count', () => Promise.all(['000_a0.txt', '001_a1.txt', '002_a2.txt'].map((name) => rm(file(name))))],
      ['an article renamed ahead of the rest', () => rename(file('011_a11.txt'), file('000_z.txt'))],
      ['an article broken', () => writeFile(file('004_a4.txt'), ' date 2025-02-30 Broken.')],
      ['the broken article fixed', () => writeFile(file('004_a4.txt'), article(4))],
    ];
    let last: string[] = [];
    for (const [index, [step, change]] of steps.entries()) {
      await change();
      last = await removalLines(path.join(work.dir, 'out'), false);
      expect(last, step).toEqual(await removalLines(path.join(work.dir, `clean-${index}`), true));
    }
    expect(last).toContain('  "advertisement": 4 articles, e.g. 004_a4.txt');
  }, 120_000);
});

describe('applyChanges', () => {
  it("reads only the changed files' records: the old version of an edited file, the new one, and those of files gone", () => {
    const snapshot: Snapshot = { paths: ['a.txt', 'b.txt', 'c.txt', 'd.txt'], hashes: ['ha', 'hb', 'hc', 'hd'], ids: ['a', 'b', 'c', 'd'], statuses: ['article', 'article', 'error', 'article'], times: new Float64Array(12) };
    // b edited, c (an error) and d gone, e new.
    const files = { paths: ['a.txt', 'b.txt', 'e.txt'], hashes: ['ha', 'hb2', 'he'], ids: ['a', 'b', 'e'], statuses: ['article', 'article', 'article'], times: new Float64Array(9), previous: new Int32Array([0, 1, -1]) } as ReadArticles['files'];
    const read: string[] = [];
    const shares: [string, number][] = [];
    applyChanges({ files } as ReadArticles, snapshot, (hash) => (read.push(hash), { hash } as ArticleRecord), (record, sign) => shares.push([record.hash, sign]));
    expect(read).toEqual(['hb', 'hb2', 'he', 'hd']);
    expect(shares).toEqual([
      ['hb', -1],
      ['hb2', 1],
      ['he', 1],
      ['hd', -1],
    ]);
  });
});
