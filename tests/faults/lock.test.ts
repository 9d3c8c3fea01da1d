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
