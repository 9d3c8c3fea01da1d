import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageReader } from '../../src/read/read-image.ts';
import { tempDir } from '../helpers/files.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

describe('reading a picture beside an article', () => {
  it('reads a file inside the folder, through a link inside it too, and refuses a link out of it, a folder and a missing file', async () => {
    const root = path.join(work.dir, 'in');
    await mkdir(path.join(root, 'pictures'), { recursive: true });
    await writeFile(path.join(root, 'pictures/harbour.png'), 'PNG');
    await writeFile(path.join(work.dir, 'secret.png'), 'SECRET');
    await symlink(path.join(root, 'pictures/harbour.png'), path.join(root, 'inside.png'));
    await symlink(path.join(work.dir, 'secret.png'), path.join(root, 'outside.png'));
    const read = imageReader(await realpath(root));
    expect(read('pictures/harbour.png')?.toString()).toBe('PNG');
    expect(read('inside.png')?.toString()).toBe('PNG');
    expect(read('outside.png')).toBeUndefined();
    expect(read('../secret.png')).toBeUndefined();
    expect(read('pictures')).toBeUndefined();
    expect(read('missing.png')).toBeUndefined();
  });
});
