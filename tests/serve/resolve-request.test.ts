import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequest } from '../../src/serve/static-server.ts';
import { tempDir } from '../helpers/files.ts';

// The server parses request URLs with `new URL`, which already removes plain and %2e-encoded
// dot segments; these call the resolver with the raw paths, so its own checks are what is tested.
let work: Awaited<ReturnType<typeof tempDir>>;
let root: string;
beforeAll(async () => {
  work = await tempDir();
  root = path.join(work.dir, 'out');
  await mkdir(path.join(root, 'page'), { recursive: true });
  await writeFile(path.join(root, 'page', 'index.html'), 'page');
  await writeFile(path.join(work.dir, 'secret.txt'), 'secret');
  await mkdir(path.join(work.dir, 'out-secret'));
  await writeFile(path.join(work.dir, 'out-secret', 'file.txt'), 'sibling');
  await symlink(path.join(work.dir, 'secret.txt'), path.join(root, 'link.txt'));
  await symlink(path.join(work.dir, 'out-secret'), path.join(root, 'linked-folder'));
});
afterAll(() => work.cleanup());

describe('resolveRequest', () => {
  it('serves files and folder indexes inside the root', async () => {
    expect(await resolveRequest(root, '/page/')).toBe(path.join(await realRoot(), 'page', 'index.html'));
    expect(await resolveRequest(root, '/page')).toBe(path.join(await realRoot(), 'page', 'index.html'));
  });

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%2fout-secret/file.txt', '/../out-secret/file.txt', '/..%5csecret.txt', '/secret.txt%00', '/%E0%A4%A', '/link.txt', '/linked-folder/file.txt'])(
    'refuses %s',
    async (pathname) => {
      expect(await resolveRequest(root, pathname)).toBeUndefined();
    },
  );
});

async function realRoot(): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  return realpath(root);
}
