import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foundFile, rescanFiles, scanInput } from '../../src/read/scan.ts';
import { tempDir } from '../helpers/files.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  work = await tempDir();
});
afterEach(() => work.cleanup());

describe('scanInput', () => {
  it('lists article files folder by folder with their sizes and times, and reports other files', async () => {
    await mkdir(path.join(work.dir, 'sub'));
    for (const [name, text] of Object.entries({ 'b.txt': 'bb', 'a.md': 'a', 'sub/c.txt': 'ccc', 'notes.pdf': 'x', '.hidden.txt': 'h', 'a.txt~': 'e' })) {
      await writeFile(path.join(work.dir, name), text);
    }
    const scan = await scanInput(work.dir, 'in');
    expect(scan.paths).toEqual(['a.md', 'b.txt', 'sub/c.txt']);
    expect(scan.times.length).toBe(9);
    expect(foundFile(scan, 2)).toMatchObject({ relativePath: 'sub/c.txt', absolutePath: path.join(scan.root, 'sub', 'c.txt'), format: 'text', size: 3 });
    expect(foundFile(scan, 0).format).toBe('markdown');
    expect(scan.problems.map((problem) => [problem.code, problem.file])).toEqual([['not-an-article', path.join('in', 'notes.pdf')]]);
  });
});

describe('rescanFiles', () => {
  it('patches a scan with the paths a watcher reports into what a new scan lists, over random changes', async () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    await mkdir(path.join(work.dir, 'sub'));
    const names = Array.from({ length: 30 }, (_, index) => `${index % 3 === 0 ? 'sub/' : ''}${String(Math.floor(next() * 1000)).padStart(3, '0')}_x${index}.txt`);
    // Paths listed before and after every other, added at the first step.
    names.push('000_first.txt', 'sub/999_last.txt');
    for (const name of names.slice(0, 15)) await writeFile(path.join(work.dir, name), ' date 2025-01-01 A.');
    let scan = await scanInput(work.dir, 'in');
    for (let step = 0; step < 40; step++) {
      const changed: string[] = step === 0 ? ['000_first.txt', 'sub/999_last.txt'] : [];
      for (const name of changed) await writeFile(path.join(work.dir, name), ' date 2025-01-01 C.');
      for (let change = Math.floor(next() * 4); change >= 0; change--) {
        const name = names[Math.floor(next() * names.length)]!;
        if (next() < 0.3) await rm(path.join(work.dir, name), { force: true });
        else await writeFile(path.join(work.dir, name), ` date 2025-01-01 ${'B'.repeat(Math.floor(next() * 9))}.`);
        changed.push(name);
      }
      const patched = rescanFiles(scan, changed);
      scan = await scanInput(work.dir, 'in');
      expect(patched?.paths, `step ${step}`).toEqual(scan.paths);
      expect([...patched!.times], `step ${step}`).toEqual([...scan.times]);
    }
  });

  it('asks for a full scan when a changed path is not an article file', async () => {
    const scan = await scanInput(work.dir, 'in');
    await mkdir(path.join(work.dir, 'folder.txt'));
    expect(rescanFiles(scan, ['folder.txt'])).toBeUndefined();
  });
});
