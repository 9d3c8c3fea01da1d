import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReplacingWriter, SwappingUpdateWriter, UpdatingWriter } from '../../src/write/disk-writer.ts';
import { listFiles, tempDir } from '../helpers/files.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
let output: string;
beforeEach(async () => {
  work = await tempDir();
  output = path.join(work.dir, 'site');
  const first = await ReplacingWriter.open(output);
  await first.write('index.html', 'old home');
  await first.write('a/index.html', 'old a');
  await first.write('gone/index.html', 'gone');
  await first.seal();
  await first.publish();
});
afterEach(() => work.cleanup());

const read = (file: string) => readFile(path.join(output, file), 'utf8');

/** Seals and publishes, as a build does (the state is saved in between). */
async function finish(writer: { seal(): Promise<unknown>; publish(): Promise<void> }): Promise<void> {
  await writer.seal();
  await writer.publish();
}

describe('disk writers', () => {
  it('a clean build keeps a hard-linked copy of the new site beside it, for the next update to start from', async () => {
    expect(await listFiles(work.dir)).toEqual([
      '.site.previous/.dateline-output',
      '.site.previous/a/index.html',
      '.site.previous/gone/index.html',
      '.site.previous/index.html',
      'site/.dateline-output',
      'site/a/index.html',
      'site/gone/index.html',
      'site/index.html',
    ]);
    const writer = await SwappingUpdateWriter.open(output, { changedSince: [] });
    await writer.write('a/index.html', 'new a');
    await finish(writer);
    expect([await read('index.html'), await read('a/index.html')]).toEqual(['old home', 'new a']);
  });

  it('a swapping update leaves the published site untouched until it is published, then replaces it whole', async () => {
    const writer = await SwappingUpdateWriter.open(output);
    await writer.write('index.html', 'new home'); // staged as a hard link: must not be written through
    await writer.write('b/index.html', 'new b');
    await writer.remove('gone/index.html');
    expect(await read('index.html')).toBe('old home');
    expect(await listFiles(output)).toEqual(['.dateline-output', 'a/index.html', 'gone/index.html', 'index.html']);
    await finish(writer);
    expect(await read('index.html')).toBe('new home');
    expect(await read('a/index.html')).toBe('old a');
    expect(await listFiles(output)).toEqual(['.dateline-output', 'a/index.html', 'b/index.html', 'index.html']);
    // The replaced version is kept, hidden, for the next update to start from.
    expect(await listFiles(work.dir)).toEqual(['.site.previous/.dateline-output', '.site.previous/a/index.html', '.site.previous/gone/index.html', '.site.previous/index.html', 'site/.dateline-output', 'site/a/index.html', 'site/b/index.html', 'site/index.html']);

    // The next update starts from the kept version and brings what the last one changed up to date.
    const next = await SwappingUpdateWriter.open(output, { changedSince: writer.changes() });
    await next.write('a/index.html', 'newer a');
    await finish(next);
    expect(await listFiles(output)).toEqual(['.dateline-output', 'a/index.html', 'b/index.html', 'index.html']);
    expect([await read('index.html'), await read('a/index.html'), await read('b/index.html')]).toEqual(['new home', 'newer a', 'new b']);
  });

  it('an aborted swapping update changes nothing and leaves no staging folder', async () => {
    const writer = await SwappingUpdateWriter.open(output);
    await writer.write('index.html', 'new home');
    await writer.abort();
    expect(await read('index.html')).toBe('old home');
    expect(await listFiles(work.dir)).toEqual(['site/.dateline-output', 'site/a/index.html', 'site/gone/index.html', 'site/index.html']);
  });

  it('an in-place update renames new and changed files in and removes what is gone', async () => {
    const writer = await UpdatingWriter.open(output);
    await writer.write('index.html', 'new home');
    await writer.remove('gone/index.html');
    expect(await read('index.html')).toBe('old home');
    await finish(writer);
    expect(await read('index.html')).toBe('new home');
    expect(await listFiles(output)).toEqual(['.dateline-output', 'a/index.html', 'index.html']);
  });
});
