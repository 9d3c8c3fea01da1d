import { rename, rm, writeFile } from 'node:fs/promises';
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

/** Small pages, so a busy day is cut into pages that move as articles come and go. */
const config = (output: string) => configSchema.parse({ input: path.join(work.dir, 'in'), output, baseUrl: 'https://example.org/', pageSize: 3, dayPageSize: 2, search: false });

describe('the calendar, day pages and "on this day" pages on update', () => {
  it('equal a clean build byte for byte after each change that reaches them', async () => {
    const input = path.join(work.dir, 'in');
    const file = (name: string) => path.join(input, name);
    await writeInput(input, {
      '001_a.txt': ' date 1987-03-05 Oil prices rose.',
      '002_b.txt': ' date 1987-03-05 SALVADOR, March 5 - Coffee exporters met.',
      '003_c.txt': ' date 1987-03-06 Gold was steady.',
      '004_d.txt': ' date 1986-07-01 Cocoa talks opened.',
    });
    const steps: [string, () => Promise<unknown>][] = [
      ['a day in another year on the same calendar day: an "on this day" page, its index and links appear', () => writeFile(file('005_e.txt'), ' date 1986-03-05 Tin talks failed.')],
      ['a third year joins the day', () => writeFile(file('006_f.txt'), ' date 2025-03-05 Troops moved.')],
      ['a headline an "on this day" page shows changes', () => writeFile(file('001_a.txt'), ' date 1987-03-05 Oil prices fell.')],
      ['a busy day: more articles than the page shows', async () => {
        for (let n = 0; n < 6; n++) await writeFile(file(`01${n}_busy${n}.txt`), ` date 1987-03-05 Busy story ${n} was filed.`);
      }],
      ['an article moves to the next calendar day, which gains a second year', () => writeFile(file('005_e.txt'), ' date 1986-03-06 Tin talks failed.')],
      ['a year leaves the day', () => rm(file('006_f.txt'))],
      ['the last day shared across years goes: the index goes', () => rm(file('005_e.txt'))],
      ['a day in a new month and year: the calendar gains them', () => writeFile(file('007_g.txt'), ' date 1985-12-31 Year-end trading was thin.')],
      ['an article is renamed (same id, new order within its day)', () => rename(file('012_busy2.txt'), file('000_busy2.txt'))],
      ['the only article of a month goes', () => rm(file('004_d.txt'))],
    ];
    const updated = await expectUpdatesEqualClean(work.dir, config, steps);
    // The steps reached what they were meant to: the index went with the last shared day.
    expect(updated.has('on-this-day/index.html')).toBe(false);
  });
});
