import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { DatelineError } from '../errors.ts';

/**
 * Takes `<output>.lock` for the duration of a build, so two builds started at once on the same
 * output cannot interleave. A lock left by a build that was killed (its process is gone) is taken over.
 * Returns the release function.
 */
export async function lockOutput(outputDir: string): Promise<() => Promise<void>> {
  const lock = `${path.resolve(outputDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DatelineError({
          code: 'output-locked',
          file: outputDir,
          message: `another Dateline build (process ${holder}) is writing this output folder`,
          hint: `wait for it to finish; if no build is running, remove ${lock}`,
        });
      }
      await rm(lock, { force: true }); // left by a build that was killed
    }
  }
  throw new DatelineError({ code: 'output-locked', file: outputDir, message: 'could not take the build lock' });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
