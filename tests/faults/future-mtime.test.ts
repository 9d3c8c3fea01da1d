// A file whose modification time is in the future (`touch -d`, an archive unpacked with its dates)
// must not keep every later build from finding that nothing changed; a real change still shows.
import { utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build-command.ts';
import { configSchema } from '../../src/config/schema.ts';
import { tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

describe('a file dated in the future', () => {
  it('is vouched for by its change time: the next build finds nothing changed, and an edit is still seen', async () => {
    await writeInput(work.dir, { 'in/001_a.txt': ' date 2025-04-27 First story.', 'in/002_b.txt': ' date 2025-04-28 Second story.' });
    const future = new Date('2100-01-01T00:00:00Z');
    await utimes(path.join(work.dir, 'in/002_b.txt'), future, future);
    const config = configSchema.parse({ input: path.join(work.dir, 'in'), output: path.join(work.dir, 'out'), search: false });
    const lines: string[] = [];
    // Builds as if a minute had passed since the files were written (their change times are then settled).
    const build = async () => {
      lines.length = 0;
      const code = await runBuild(config, { strict: false, drafts: false, clean: false, cacheDir: path.join(work.dir, 'cache'), clock: () => Date.now() + 60_000 }, { out: (line) => lines.push(line), err: () => {} });
      expect(code).toBe(0);
      return lines.join('\n');
    };
    expect(await build()).toMatch(/^Built 2 articles/);
    expect(await build()).toMatch(/^Nothing changed since the last build/);
    // The same size and the same modification time: only the change time tells.
    await writeFile(path.join(work.dir, 'in/002_b.txt'), ' date 2025-04-28 Second story!');
    await utimes(path.join(work.dir, 'in/002_b.txt'), future, future);
    expect(await build()).toMatch(/^Built 2 articles .*1 file parsed/);
    expect(await build()).toMatch(/^Nothing changed since the last build/);
  });
});
