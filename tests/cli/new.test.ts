import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localToday } from '../../src/cli/new-command.ts';
import { dateline, DATELINE_BIN } from '../helpers/cli.ts';
import { listFiles, tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  work = await tempDir();
});
afterEach(() => work.cleanup());

/** Runs `dateline new` with text on standard input. */
function newFromStdin(args: string[], text: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [DATELINE_BIN, 'new', ...args], { cwd: work.dir }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(text);
  });
}

describe('dateline new', () => {
  it('writes the next sequence number with a fresh 16-hex id, and says where it will be published', async () => {
    await writeInput(work.dir, { 'in/007_aaaa.txt': ' date 2025-04-27 Old.', 'in/0012_bbbb.txt': ' date 2025-04-27 Older.' });
    const result = await newFromStdin(['--input', 'in', '--date', '2025-05-01'], 'NEW YORK, May 1 - Markets rallied on Friday.\n\nSecond paragraph.\n');
    expect(result.code, result.stderr).toBe(0);
    const [, created] = /Wrote (in\/0013_([0-9a-f]{16})\.txt)/.exec(result.stdout) ?? [];
    expect(created).toBeDefined();
    expect(await readFile(path.join(work.dir, created ?? ''), 'utf8')).toBe(' date 2025-05-01 NEW YORK, May 1 - Markets rallied on Friday.\n\nSecond paragraph.\n');
    expect(result.stdout).toMatch(/It will be at \/2025\/05\/01\/markets-rallied-on-friday-[0-9a-f]{16}\/ after the next build\./);
    const built = await dateline(['build', '--input', 'in', '--output', 'out'], { cwd: work.dir });
    const url = /It will be at \/(\S+)/.exec(result.stdout)?.[1] ?? '';
    expect(built.code).toBe(0);
    expect(await listFiles(path.join(work.dir, 'out'))).toContain(`${url}index.html`);
  });

  it('reads a file, takes its date line, and gives two articles two ids', async () => {
    await writeInput(work.dir, { 'story.txt': 'date 2025-04-28 A story from a file.', 'in/.keep': '' });
    const first = await dateline(['new', '--input', 'in', 'story.txt'], { cwd: work.dir });
    const second = await dateline(['new', '--input', 'in', 'story.txt'], { cwd: work.dir });
    expect([first.code, second.code]).toEqual([0, 0]);
    const files = (await listFiles(path.join(work.dir, 'in'))).filter((file) => file.endsWith('.txt'));
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^000_[0-9a-f]{16}\.txt$/);
    expect(files[1]).toMatch(/^001_[0-9a-f]{16}\.txt$/);
    expect(files[0]?.slice(4, 20)).not.toBe(files[1]?.slice(4, 20));
    expect(first.stdout).toContain('/2025/04/28/a-story-from-a-file-');
  });

  it('uses today, and refuses bad dates and empty text without writing anything', async () => {
    await writeInput(work.dir, { 'in/.keep': '' });
    expect((await newFromStdin(['--input', 'in'], 'Plain text.')).stdout).toContain(`/${localToday().replaceAll('-', '/')}/plain-text-`);
    const badDate = await newFromStdin(['--input', 'in', '--date', '2025-02-30'], 'Text.');
    expect(badDate).toMatchObject({ code: 1, stderr: '--date: date "2025-02-30" is not a calendar date (expected YYYY-MM-DD)\n' });
    const empty = await newFromStdin(['--input', 'in'], '\n\nAdvertisement\n');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/no article text is left once scraper leftovers are removed/);
    expect((await listFiles(path.join(work.dir, 'in'))).filter((file) => file.endsWith('.txt'))).toHaveLength(1);
  });
});
