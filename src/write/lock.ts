import { link, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DatelineError } from '../errors.ts';

/**
 * Takes `<output>.lock` for the duration of a build, so two builds started at once on the same
 * output cannot interleave. The lock appears with its process id already in it (written to a
 * temporary file, then hard-linked into place, which fails if the lock exists), so no other build
 * can see it empty. A lock whose process is gone (a killed build) is taken over.
 * Returns the release function, which removes the lock only if it is still ours.
 */
export async function lockOutput(outputDir: string): Promise<() => Promise<void>> {
  const lock = `${path.resolve(outputDir)}.lock`;
  const mine = `${lock}.${process.pid}`;
  await writeFile(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(mine, lock);
        return async () => {
          if ((await holderOf(lock)) === process.pid) await rm(lock, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = await holderOf(lock);
        if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
          throw new DatelineError({
            code: 'output-locked',
            file: outputDir,
            message: `another Dateline build (process ${holder}) is writing this output folder`,
            hint: `wait for it to finish; if no build is running, remove ${lock}`,
          });
        }
        // Left by a build that was killed (or by an earlier process that had our id): take it over.
        await rm(lock, { force: true });
      }
    }
    throw new DatelineError({ code: 'output-locked', file: outputDir, message: 'could not take the build lock' });
  } finally {
    await rm(mine, { force: true });
  }
}

async function holderOf(lock: string): Promise<number | undefined> {
  const text = await readFile(lock, 'utf8').catch(() => '');
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
