// A lock left by a killed build is taken over by one build only, however many start at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

const CHILD = path.join(import.meta.dirname, 'lock-child.ts');

/** A process id no process has: one that ran and ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** Starts a child that will try the lock: `ready` resolves once it is loaded and waits for the signal, `result` with what it got. */
function contender(output: string): { child: ChildProcess; ready: Promise<void>; result: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, output], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  let wake = () => {};
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    out += chunk;
    wake();
  });
  const line = (n: number) => new Promise<string>((resolve) => (wake = () => out.split('\n').length > n && resolve(out.split('\n')[n - 1]!)))
  const ready = new Promise<void>((resolve) => {
    wake = () => out.includes('ready\n') && (resolve(), (wake = () => {}));
  });
  const result = ready.then(() => {
    const next = line(2);
    wake();
    return next;
  });
  return { child, ready, result };
}

describe('the output lock', () => {
  it('is taken over from a killed build by exactly one of several builds started at once', async () => {
    const output = path.join(work.dir, 'out');
    for (let round = 0; round < 6; round++) {
      await writeFile(`${output}.lock`, String(await deadPid()));
      const contenders = Array.from({ length: 4 }, () => contender(output));
      // All loaded and waiting, the signal goes to all at once.
      await Promise.all(contenders.map(({ ready }) => ready));
      for (const { child } of contenders) child.stdin!.write('go\n');
      const results = await Promise.all(contenders.map(({ result }) => result));
      expect(results.filter((result) => result === 'acquired'), `round ${round}: ${results.join(', ')}`).toHaveLength(1);
      expect(results.filter((result) => result !== 'acquired').every((result) => result === 'output-locked')).toBe(true);
      for (const { child } of contenders) child.stdin!.end();
      await Promise.all(contenders.map(({ child }) => new Promise((resolve) => (child.exitCode === null ? child.on('exit', resolve) : resolve(null)))));
    }
  }, 120_000);
});

describe('a lock lost while a build runs', () => {
  it('fails the build before it saves or publishes anything, saying so; the next build succeeds', async () => {
    const { copyFile, mkdir, readdir } = await import('node:fs/promises');
    const { dateline } = await import('../helpers/cli.ts');
    const { FIXTURE, readTree } = await import('../helpers/files.ts');
    const site = path.join(work.dir, 'lost');
    await mkdir(path.join(site, 'in'), { recursive: true });
    const files = (await readdir(FIXTURE)).sort();
    for (const file of files.slice(0, 8)) await copyFile(path.join(FIXTURE, file), path.join(site, 'in', file));
    const args = ['build', '--input', 'in', '--output', 'out', '--base-url', 'https://example.org/'];
    expect((await dateline(args, { cwd: site })).code).toBe(0);
    const before = await readTree(path.join(site, 'out'));
    await copyFile(path.join(FIXTURE, files[8]!), path.join(site, 'in', files[8]!));
    // The lock is removed (as by hand, or by a build that took it for stale) just before the state would be saved.
    const lost = await dateline(args, { cwd: site, env: { DATELINE_LOSE_LOCK: '1' } });
    expect(lost.code).toBe(1);
    expect(lost.stderr).toMatch(/^\S+out\.lock: was removed while this build ran, so another build may be writing this output; nothing was published: the previous site is as it was \(build again\)$/m);
    expect(await readTree(path.join(site, 'out'))).toEqual(before);
    expect((await readdir(site)).filter((name) => /^out\.(staging|old|sealed|kept)-/.test(name))).toEqual([]);
    const next = await dateline(args, { cwd: site });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/^Built 9 articles .*1 file parsed/);
  }, 60_000);
});
