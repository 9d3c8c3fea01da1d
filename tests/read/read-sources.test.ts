import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '../../src/read/read-sources.ts';
import { scanInput } from '../../src/read/scan.ts';
import { tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
  await writeInput(work.dir, { '001_a.txt': ' date 2025-04-27 A.', '002_b.txt': ' date 2025-04-27 B.', 'sub/003_a.txt': ' date 2025-04-27 Same id as 001_a.' });
});
afterAll(() => work.cleanup());

describe('readSources', () => {
  it('reads every file, hashes it, and reports a repeated id', async () => {
    const scan = await scanInput(work.dir, 'in');
    const read = await readSources(scan.files, 'in');
    expect(read.sources.map((source) => [source.relativePath, source.text])).toEqual([
      ['001_a.txt', ' date 2025-04-27 A.'],
      ['002_b.txt', ' date 2025-04-27 B.'],
    ]);
    expect(read.sources[0]?.hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(read.problems).toEqual([expect.objectContaining({ code: 'duplicate-id', file: 'in/sub/003_a.txt' })]);
  });

  it('does not read a file whose size and times are those the previous build read, and reads it once they change', async () => {
    const scan = await scanInput(work.dir, 'in');
    const file = path.join(work.dir, '002_b.txt');
    const { size, mtimeMs, ctimeMs } = statSync(file);
    const known = new Map([['002_b.txt', { size, mtimeMs, ctimeMs, hash: 'known-hash', id: 'b' }]]);
    const recognised = (await readSources(scan.files, 'in', (path) => known.get(path))).sources.find((source) => source.relativePath === '002_b.txt');
    expect(recognised).toMatchObject({ hash: 'known-hash' });
    expect(recognised?.text).toBeUndefined();

    await writeFile(file, ' date 2025-04-27 C.'); // same size, new content, new times
    const rescan = await scanInput(work.dir, 'in');
    const reread = (await readSources(rescan.files, 'in', (path) => known.get(path))).sources.find((source) => source.relativePath === '002_b.txt');
    expect(reread?.text).toBe(' date 2025-04-27 C.');
    expect(reread?.hash).not.toBe('known-hash');
  });
});
