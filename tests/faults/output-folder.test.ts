// The output folder as the user set it up: a symbolic link to where the host serves from, or a
// folder made read-only. A build replaces the site, never the user's arrangement.
import { chmod, copyFile, lstat, mkdir, readlink, stat, symlink } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateline } from '../helpers/cli.ts';
import { FIXTURE, readPages, tempDir } from '../helpers/files.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
const files = readdirSync(FIXTURE).sort().slice(0, 12);
beforeAll(async () => {
  work = await tempDir();
  await mkdir(path.join(work.dir, 'in'));
  for (const file of files.slice(0, 10)) await copyFile(path.join(FIXTURE, file), path.join(work.dir, 'in', file));
});
afterAll(() => work.cleanup());

const build = async (output: string, ...flags: string[]) => {
  const result = await dateline(['build', '--input', 'in', '--output', output, '--base-url', 'https://example.org/', ...flags], { cwd: work.dir });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
};

describe('the output folder', () => {
  it('a symbolic link: stays a link, and the site is built where it leads, clean and by updates', async () => {
    await mkdir(path.join(work.dir, 'www'));
    await symlink('www/site', path.join(work.dir, 'out'));
    await build('out');
    await copyFile(path.join(FIXTURE, files[10]!), path.join(work.dir, 'in', files[10]!));
    expect(await build('out')).toMatch(/^Built 11 articles .*1 file parsed/);
    expect((await lstat(path.join(work.dir, 'out'))).isSymbolicLink()).toBe(true);
    expect(await readlink(path.join(work.dir, 'out'))).toBe('www/site');
    await build('clean', '--clean');
    expect(await readPages(path.join(work.dir, 'www/site'))).toEqual(await readPages(path.join(work.dir, 'clean')));
  }, 60_000);

  it('read-only: the new version is read-only too, and the next update still builds', async () => {
    await build('ro');
    await chmod(path.join(work.dir, 'ro'), 0o555);
    await copyFile(path.join(FIXTURE, files[11]!), path.join(work.dir, 'in', files[11]!));
    expect(await build('ro')).toMatch(/^Built 12 articles/);
    expect((await stat(path.join(work.dir, 'ro'))).mode & 0o777).toBe(0o555);
    expect(await build('ro', '--clean')).toMatch(/^Built 12 articles/);
    expect((await stat(path.join(work.dir, 'ro'))).mode & 0o777).toBe(0o555);
    await build('clean', '--clean');
    expect(await readPages(path.join(work.dir, 'ro'))).toEqual(await readPages(path.join(work.dir, 'clean')));
  }, 60_000);
});
