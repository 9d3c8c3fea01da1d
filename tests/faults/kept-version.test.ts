// The previous version kept beside the output (`.out.previous`), from which an update starts, and
// the output itself, changed by hand between builds: the update never publishes what the hand
// changed in the kept copy, and an output changed by hand is built again whole — each time the
// site a clean build makes, and a page deleted by hand is back for good.
import { copyFile, mkdir, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateline } from '../helpers/cli.ts';
import { FIXTURE, readPages, tempDir } from '../helpers/files.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
const ARGS = ['--input', 'in', '--base-url', 'https://example.org/'];
const files = readdirSync(FIXTURE).sort().slice(0, 30);
let edits = 0;

beforeAll(async () => {
  work = await tempDir();
  await mkdir(path.join(work.dir, 'in'));
  for (const file of files.slice(0, 20)) await copyFile(path.join(FIXTURE, file), path.join(work.dir, 'in', file));
});
afterAll(() => work.cleanup());

async function edit(): Promise<void> {
  const handle = await open(path.join(work.dir, 'in', files[edits % 20]!), 'a');
  await handle.write(`\n\nA late paragraph, edit ${++edits}, on the harbour works.\n`);
  await handle.close();
}

async function update(): Promise<string> {
  const result = await dateline(['build', ...ARGS, '--output', 'out'], { cwd: work.dir });
  expect(result.code, result.stderr).toBe(0);
  return result.stderr;
}

async function expectCleanSite(): Promise<void> {
  expect((await dateline(['build', ...ARGS, '--output', 'clean', '--clean'], { cwd: work.dir })).code).toBe(0);
  expect(await readPages(path.join(work.dir, 'out'))).toEqual(await readPages(path.join(work.dir, 'clean')));
}

/** The page of an article no update here edits, as the URL ledger gives it. */
async function steadyPage(): Promise<string> {
  const id = files[19]!.replace(/^\d+_|\.txt$/g, '');
  for (const month of await readdir(path.join(work.dir, 'in/urls'))) {
    const line = (await readFile(path.join(work.dir, 'in/urls', month), 'utf8')).split('\n').find((text) => text.startsWith(`${id}\t`));
    if (line !== undefined) return `${line.split('\t')[2]}index.html`;
  }
  throw new Error(`no URL recorded for ${id}`);
}

describe('the kept previous version, changed by hand', () => {
  it('is brought back to what the output holds before it is published: no page lost, no stray file', async () => {
    expect((await dateline(['build', ...ARGS, '--output', 'out', '--clean'], { cwd: work.dir })).code).toBe(0);
    await edit();
    await update(); // a swapping update: the version it replaced is kept
    const kept = path.join(work.dir, '.out.previous');
    expect(existsSync(kept)).toBe(true);
    const page = await steadyPage();
    await rm(path.join(kept, page));
    await writeFile(path.join(kept, 'stray.html'), '<p>not part of the site</p>');
    await mkdir(path.join(kept, 'stray-folder'));
    await writeFile(path.join(kept, 'stray-folder', 'index.html'), '<p>nor this</p>');
    await edit();
    expect(await update()).not.toMatch(/note: the output/);
    expect(existsSync(path.join(work.dir, 'out', page))).toBe(true);
    expect(existsSync(path.join(work.dir, 'out', 'stray.html'))).toBe(false);
    expect(existsSync(path.join(work.dir, 'out', 'stray-folder'))).toBe(false);
    await expectCleanSite();
  }, 120_000);
});

describe('the output, changed by hand', () => {
  it('a page deleted: the state no longer describes it, so everything is built again, and the page stays back', async () => {
    const page = await steadyPage();
    await rm(path.join(work.dir, 'out', page));
    await edit();
    const said = await update();
    expect(said).toMatch(/^note: the output was changed since the last build \(in [^)]+\): everything is built again from the articles$/m);
    expect(existsSync(path.join(work.dir, 'out', page))).toBe(true);
    await expectCleanSite();
    // The next update starts from a sound kept version: the page is not lost again.
    await edit();
    expect(await update()).not.toMatch(/note: the output/);
    expect(existsSync(path.join(work.dir, 'out', page))).toBe(true);
    await expectCleanSite();
  }, 120_000);

  it('a file added: gone after the next build, which equals a clean one', async () => {
    await writeFile(path.join(work.dir, 'out', 'added-by-hand.html'), '<p>hand-made</p>');
    await edit();
    expect(await update()).toMatch(/note: the output was changed since the last build/);
    expect(await readdir(path.join(work.dir, 'out'))).not.toContain('added-by-hand.html');
    await expectCleanSite();
  }, 120_000);
});

describe('a first build that fails after its site was made', () => {
  it('leaves no output and no kept copy of the site it did not publish; the next build makes the site', async () => {
    const { spawn } = await import('node:child_process');
    const { DATELINE_BIN } = await import('../helpers/cli.ts');
    // Killed once the state is saved and before the swap: its site was whole, never published.
    const child = spawn(process.execPath, [DATELINE_BIN, 'build', ...ARGS, '--output', 'first'], { cwd: work.dir, stdio: 'ignore', env: { ...process.env, DATELINE_KILL_AT: 'commit' } });
    expect(await new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)))).toBe('SIGKILL');
    const left = (await readdir(work.dir)).filter((name) => name.includes('first'));
    expect(left.some((name) => name === 'first' || name === '.first.previous')).toBe(false);
    const next = await dateline(['build', ...ARGS, '--output', 'first'], { cwd: work.dir });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/^Built \d+ articles .* 0 reused from the cache/);
    expect((await readdir(work.dir)).filter((name) => /^first\.(staging|old|sealed|kept)-/.test(name))).toEqual([]);
    expect((await dateline(['build', ...ARGS, '--output', 'clean', '--clean'], { cwd: work.dir })).code).toBe(0);
    expect(await readPages(path.join(work.dir, 'first'))).toEqual(await readPages(path.join(work.dir, 'clean')));
  }, 120_000);
});
