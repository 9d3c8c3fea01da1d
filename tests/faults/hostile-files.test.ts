// Generated hostile files among ordinary articles: long tokens, repeated abbreviations, deep
// brackets, a megabyte of tiny paragraphs or lines, NULs, other encodings, a 250-byte name,
// Markdown bombs. Each is built or named with its reason, and the rest of the site is always
// built; the whole build stays within the test's time limit (each text pass is linear: the
// per-file times at 1 MiB are in `npm run bench`, "Hostile files").
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateline } from '../helpers/cli.ts';
import { FIXTURE, tempDir } from '../helpers/files.ts';
import { HOSTILE, hostileFiles } from '../../bench/hostile-cases.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

describe('hostile files among ordinary articles', () => {
  it('are each built or named with a reason, and every ordinary article is built', async () => {
    const input = path.join(work.dir, 'in');
    await mkdir(input);
    const ordinary = (await readdir(FIXTURE)).sort().slice(0, 6);
    for (const file of ordinary) await copyFile(path.join(FIXTURE, file), path.join(input, file));
    const hostile = hostileFiles(256 * 1024);
    for (const { name, bytes } of hostile) await writeFile(path.join(input, name), bytes);
    expect(hostile.length).toBe(HOSTILE.length);

    const result = await dateline(['build', '--input', 'in', '--output', 'out', '--base-url', 'https://example.org/'], { cwd: work.dir });
    expect(result.code, result.stderr).toBe(0);
    // What was built is in the URL ledger, by id; what was not is named, with the reason, by its path.
    const ledger = (await Promise.all((await readdir(path.join(input, 'urls'))).map((month) => readFile(path.join(input, 'urls', month), 'utf8')))).join('\n');
    const built = (file: string) => ledger.includes(`\n${file.replace(/^\d+_|\.(txt|md)$/g, '')}\t`);
    for (const file of ordinary) expect(built(file), file).toBe(true);
    const named = (file: string) => result.stderr.split('\n').find((line) => line.startsWith(`in/${file}:`));
    let skipped = 0;
    for (const { name, kind } of hostile) {
      const reason = named(name);
      if (reason !== undefined && !/: warning: /.test(reason)) {
        skipped++;
        expect(built(name), `${kind}: named and built`).toBe(false);
        expect(reason, kind).toMatch(/^in\/\S+(:\d+)?: \S.{8,}/);
      } else expect(built(name), `${kind}: neither built nor named\n${result.stderr}`).toBe(true);
    }
    expect(result.stdout).toMatch(new RegExp(`^Built ${ordinary.length + hostile.length - skipped} articles`));
    // The site's pages are there for every built article, and search indexed them.
    expect(result.stdout).toMatch(new RegExp(`Search: ${ordinary.length + hostile.length - skipped} articles indexed`));
  }, 180_000);
});
