import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateline } from '../helpers/cli.ts';
import { readTree, tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  work = await tempDir();
});
afterEach(() => work.cleanup());

/** What a CI cache does to the output and the build state: saves them, and restores them as new files in a fresh checkout. */
async function saveAndRestore(dir: string, folders: readonly string[]): Promise<void> {
  for (const folder of folders) {
    await cp(path.join(dir, folder), path.join(dir, `saved-${folder}`), { recursive: true });
    await rm(path.join(dir, folder), { recursive: true });
  }
  for (const folder of folders) await cp(path.join(dir, `saved-${folder}`), path.join(dir, folder), { recursive: true });
}

describe('a build state kept in a CI cache', () => {
  it('keeps the next build incremental when restored with the output, and its result equals a clean build', async () => {
    const env = { DATELINE_CACHE_DIR: '.dateline-cache' };
    await writeInput(path.join(work.dir, 'in'), { '001_a.txt': ' date 2025-04-27 LONDON - The first article.', '002_b.txt': ' date 2025-04-28 PARIS - The second article.' });
    expect((await dateline(['build', '--input', 'in', '--output', 'dist'], { cwd: work.dir, env })).code).toBe(0);
    await saveAndRestore(work.dir, ['dist', '.dateline-cache']);
    await writeInput(path.join(work.dir, 'in'), { '003_c.txt': ' date 2025-04-29 ROME - A third article.' });
    const update = await dateline(['build', '--input', 'in', '--output', 'dist'], { cwd: work.dir, env });
    expect(update.stdout).toContain('Built 3 articles');
    expect(update.stdout).toContain('1 file parsed, 2 reused from the cache');

    // Restored without the output, the state describes nothing there: the build is clean.
    await rm(path.join(work.dir, 'dist'), { recursive: true });
    const fresh = await dateline(['build', '--input', 'in', '--output', 'dist'], { cwd: work.dir, env });
    expect(fresh.stdout).toContain('3 files parsed, 0 reused');
    const clean = await dateline(['build', '--input', 'in', '--output', 'clean', '--clean'], { cwd: work.dir, env });
    expect(clean.code).toBe(0);
    expect(await readTree(path.join(work.dir, 'dist'))).toEqual(await readTree(path.join(work.dir, 'clean')));
  });
});
