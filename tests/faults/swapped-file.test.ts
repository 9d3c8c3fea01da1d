// A file listed as an article and swapped for a symbolic link before it is read (a race, or an
// attacker with write access to the input) is never read through the link to outside the input.
import { rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFiles } from '../../src/read/read-sources.ts';
import { foundFile, scanInput } from '../../src/read/scan.ts';
import { tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

describe('a file swapped for a link after the folder was listed', () => {
  it('is refused when the link leads outside the input folder; a link inside it still reads', async () => {
    await writeInput(work.dir, { 'in/001_a.txt': ' date 2025-04-27 A.', 'in/002_b.txt': ' date 2025-04-27 B.', 'in/sub/003_c.txt': ' date 2025-04-27 C.', 'secret.txt': ' date 2025-04-27 TOP SECRET.' });
    const input = path.join(work.dir, 'in');
    const scan = await scanInput(input, 'in');
    const files = scan.paths.map((_, index) => foundFile(scan, index));
    // Between the listing and the reading: one file becomes a link out of the folder, another a link to a file in it.
    await rm(path.join(input, '001_a.txt'));
    await symlink(path.join(work.dir, 'secret.txt'), path.join(input, '001_a.txt'));
    await rm(path.join(input, '002_b.txt'));
    await symlink(path.join(input, 'sub/003_c.txt'), path.join(input, '002_b.txt'));
    const [outside, inside, plain] = await readFiles(files, 'in');
    expect(outside).toMatchObject({ code: 'symlink-outside', severity: 'error', file: 'in/001_a.txt' });
    expect(JSON.stringify(outside)).not.toContain('SECRET');
    expect(inside).toMatchObject({ relativePath: '002_b.txt', text: ' date 2025-04-27 C.' });
    expect(plain).toMatchObject({ relativePath: 'sub/003_c.txt', text: ' date 2025-04-27 C.' });
  });
});
