import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticles } from '../../src/records/load-records.ts';
import { scanInput } from '../../src/read/scan.ts';
import { tempDir } from '../helpers/files.ts';

const PLACES = ['LONDON', 'TOKYO', 'NEW YORK', 'Brussels'];

/** 450 varied articles: enough for the worker threads; one not UTF-8, one without a date line, one furniture line. */
async function writeArchive(dir: string): Promise<void> {
  for (let n = 0; n < 450; n++) {
    const place = PLACES[n % PLACES.length]!;
    const text = ` date 2025-0${1 + (n % 9)}-1${n % 10} ${place}, March ${1 + (n % 28)} - Acme Corp said its quarter ${n} profit rose ${n % 40} pct on sales of Widgets in Europe, said chairman John Smith.\n\nThe company said Acme Corp would pay a dividend of ${n} cents.\n\nAdvertisment1\n\nShare this story\n\nSmith told Reuters the outlook for Europe was good.`;
    await writeFile(path.join(dir, `${String(n).padStart(3, '0')}_a${n}.txt`), text);
  }
  await writeFile(path.join(dir, '900_latin1.txt'), Buffer.from([0x20, 0x64, 0x61, 0x74, 0x65, 0x20, 0xe9, 0xff]));
  await writeFile(path.join(dir, '901_nodate.txt'), 'No date line here.');
}

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
  await writeArchive(work.dir);
});
afterAll(() => work.cleanup());

describe('reading and parsing in worker threads', () => {
  it('gives the same files, records and problems as one thread, in the same order', async () => {
    const scan = await scanInput(work.dir, 'in');
    const options = { inputDir: work.dir, scan, leftoverPatterns: ['Follow us on \\w+'], furniture: new Set(['share this story']) };
    const one = await readArticles({ ...options, jobs: 1 });
    const two = await readArticles({ ...options, jobs: 2 });
    expect(two.parsed).toBe(451);
    expect(two.files).toEqual(one.files);
    expect([...two.records.keys()]).toEqual([...one.records.keys()]);
    expect(two.records).toEqual(one.records);
    expect(two.problems).toEqual(one.problems);
    expect(two.problems.map((problem) => [path.basename(problem.file), problem.code])).toEqual([
      ['900_latin1.txt', 'not-utf8'],
      ['901_nodate.txt', expect.any(String)],
    ]);
    // The settings reach the workers: the furniture line and the leftover are gone from every record.
    const record = two.records.get(two.files.hashes[7]!)!;
    expect(record.text).not.toMatch(/Advertisment1|Share this story/);
    expect(record.text).toMatch(/outlook for Europe/);
    expect(record.headline).toMatch(/Acme/);
  });
});
