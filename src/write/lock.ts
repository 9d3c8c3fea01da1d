import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DatelineError } from '../errors.ts';
import { faultLosesLock } from '../fault-point.ts';

/**
 * Takes `<output>.lock` for the duration of a build, so two builds started at once on the same
 * output cannot interleave. The lock appears with its process id already in it (written to a
 * temporary file, then hard-linked into place, which fails if the lock exists), so no other build
 * can see it empty. A lock whose process is gone (a killed build) is taken over in one step: the
 * build that first makes `<output>.lock.takeover-<dead pid>` (again a link, which only one can make)
 * renames its own file over the stale lock; any other finds the token taken and looks again, to
 * find the lock held by a live build. So two builds can never both take over one stale lock.
 * Returns the release function, which removes the lock only if it is still ours.
 */
export async function lockOutput(outputDir: string): Promise<() => Promise<void>> {
  const lock = `${path.resolve(outputDir)}.lock`;
  const mine = `${lock}.${process.pid}`;
  const locked = (holder: number) =>
    new DatelineError({
      code: 'output-locked',
      file: outputDir,
      message: `another Dateline build (process ${holder}) is writing this output folder`,
      hint: `wait for it to finish; if no build is running, remove ${lock}`,
    });
  await writeFile(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        await link(mine, lock);
        return releaseOf(lock);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await holderOf(lock);
      if (holder === undefined) continue; // released (or being written) meanwhile: try again
      if (holder !== process.pid && isAlive(holder)) throw locked(holder);
      // Left by a build that was killed (or by an earlier process that had our id): take it over.
      if (await takeOver(lock, mine, holder)) return releaseOf(lock);
    }
    throw new DatelineError({ code: 'output-locked', file: outputDir, message: 'could not take the build lock' });
  } finally {
    await rm(mine, { force: true });
  }
}

/** Replaces the lock `dead` left with `mine`, if this process is the one to take it over. */
async function takeOver(lock: string, mine: string, dead: number): Promise<boolean> {
  const token = `${lock}.takeover-${dead}`;
  try {
    await link(mine, token);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another build is taking it over; a token whose maker died too is cleared for the next look.
    const taker = await holderOf(token);
    if (taker !== undefined && taker !== process.pid && !isAlive(taker)) await rm(token, { force: true });
    return false;
  }
  try {
    // Still the dead build's lock (not one another build took over and gave back meanwhile)?
    if ((await holderOf(lock)) !== dead) return false;
    await rename(mine, lock);
    return true;
  } finally {
    await rm(token, { force: true });
  }
}

/**
 * Fails, saying nothing was published, when this build no longer holds the output's lock (removed
 * by hand, or taken over as stale by another build): another build may be writing the same output
 * and state. The build calls it before it saves the state and publishes.
 */
export async function assertLockHeld(outputDir: string): Promise<void> {
  const lock = `${path.resolve(outputDir)}.lock`;
  faultLosesLock(lock);
  const holder = await holderOf(lock);
  if (holder === process.pid) return;
  throw new DatelineError({
    code: 'lock-lost',
    file: lock,
    message: `${holder === undefined ? 'was removed' : `was taken by process ${holder}`} while this build ran, so another build may be writing this output; nothing was published: the previous site is as it was`,
    hint: 'build again',
  });
}

function releaseOf(lock: string): () => Promise<void> {
  return async () => {
    if ((await holderOf(lock)) === process.pid) await rm(lock, { force: true });
  };
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
