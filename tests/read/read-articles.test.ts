import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchSnapshot } from '../../src/records/known-files.ts';
import { readArticles } from '../../src/records/load-records.ts';
import { scanInput } from '../../src/read/scan.ts';
import type { Snapshot } from '../../src/store/contents.ts';
import { tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
  await writeInput(work.dir, { '001_a.txt': ' date 2025-04-27 A.', '002_b.txt': ' date 2025-04-27 B.', 'sub/003_a.txt': ' date 2025-04-27 Same id as 001_a.' });
});
afterAll(() => work.cleanup());

describe('readArticles', () => {
  it('reads every file, hashes it, and reports a repeated id', async () => {
    const scan = await scanInput(work.dir, 'in');
    const read = await readArticles({ inputDir: work.dir, scan, leftoverPatterns: [] });
    expect(read.files.paths).toEqual(['001_a.txt', '002_b.txt']);
    expect(read.files.hashes[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect([...read.records.values()].map((record) => record.id).sort()).toEqual(['a', 'b']);
    expect(read.problems).toEqual([expect.objectContaining({ code: 'duplicate-id', file: path.join(work.dir, 'sub/003_a.txt') })]);
    expect(read.parsed).toBe(2);
  });

  it('does not read a file whose size and times are those the previous build read, and reads it once they change', async () => {
    const scan = await scanInput(work.dir, 'in');
    const { size, mtimeMs, ctimeMs } = statSync(path.join(work.dir, '002_b.txt'));
    const snapshot: Snapshot = { paths: ['002_b.txt'], times: Float64Array.from([size, mtimeMs, ctimeMs]), hashes: ['known-hash'], ids: ['b'], statuses: ['article'] };
    const previous = (files: typeof scan.paths) => ({ snapshot, match: matchSnapshot(files, snapshot), record: () => undefined, problems: () => undefined });
    const recognised = await readArticles({ inputDir: work.dir, scan, leftoverPatterns: [], previous: previous(scan.paths) });
    expect(recognised.files.hashes[recognised.files.paths.indexOf('002_b.txt')]).toBe('known-hash');
    expect([recognised.parsed, recognised.reused]).toEqual([1, 1]);

    await writeFile(path.join(work.dir, '002_b.txt'), ' date 2025-04-27 C.'); // same size, new content, new times
    const rescan = await scanInput(work.dir, 'in');
    const reread = await readArticles({ inputDir: work.dir, scan: rescan, leftoverPatterns: [], previous: previous(rescan.paths) });
    const hash = reread.files.hashes[reread.files.paths.indexOf('002_b.txt')]!;
    expect(hash).not.toBe('known-hash');
    expect(reread.records.get(hash)?.text).toContain('C.');
  });
});

describe('the size limits', () => {
  it('refuse a text file over 1 MiB and a Markdown file over 256 KiB, naming each, and read those just under', async () => {
    const { readOne } = await import('../../src/read/read-sources.ts');
    const dir = path.join(work.dir, 'sizes');
    const text = ' date 2025-04-27 ' + 'Words and more words. '.repeat(50_000);
    const markdown = '---\ntitle: Long\ndate: 2025-04-27\n---\n\n' + 'Words and more words. '.repeat(12_000);
    await writeInput(dir, { 'big.txt': `${text.slice(0, 1024 * 1024)}x`, 'fits.txt': text.slice(0, 1024 * 1024), 'big.md': `${markdown.slice(0, 256 * 1024)}x`, 'fits.md': markdown.slice(0, 256 * 1024) });
    const read = (name: string, format: 'text' | 'markdown') => readOne({ absolutePath: path.join(dir, name), relativePath: name, format }, dir);
    expect(await read('big.txt', 'text')).toMatchObject({ code: 'too-large', message: 'is 1048577 bytes; articles are limited to 1 MiB' });
    expect(await read('big.md', 'markdown')).toMatchObject({ code: 'too-large', message: 'is 262145 bytes; Markdown articles are limited to 256 KiB (plain-text ones to 1 MiB)' });
    expect(await read('fits.txt', 'text')).toMatchObject({ format: 'text' });
    expect(await read('fits.md', 'markdown')).toMatchObject({ format: 'markdown' });
  });
});
