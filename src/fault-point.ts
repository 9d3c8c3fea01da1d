import { rmSync } from 'node:fs';
import { childProcesses } from './child-processes.ts';

/**
 * Fault injection, for tests: a build passes these named steps, and when the environment variable
 * DATELINE_KILL_AT names one, the process kills itself there with SIGKILL, as a power cut or
 * `kill -9` would stop it. tests/incremental/killed.test.ts places its kills this way, at a known
 * step rather than after a guessed delay. Unset, as it is outside that test, it does nothing.
 */
export type BuildStep =
  /** The changed articles are read and parsed; nothing is written yet. */
  | 'read'
  /** The first file of the new version is written into the staging folder. */
  | 'write'
  /** Every page is written and the search index made; nothing is published. */
  | 'index'
  /** The URL ledger's first round is written (the months that gain a line), the second not (those that lose one to another month). */
  | 'ledger-round'
  /** The URL ledger records the URLs given; the state is not committed yet. */
  | 'ledger'
  /** The build state is committed for the new version; the output is not swapped yet. */
  | 'commit'
  /** Between the two renames of the swap: the old version is moved aside, the new one not yet in. */
  | 'swap'
  /** The new version is published; the build has not finished (no stamp is saved). */
  | 'publish'
  /** The build state is written (DATELINE_FAIL_AT fails the write as a full disk would). */
  | 'state-write'
  /** Pagefind has taken a record into an index it is making (DATELINE_KILL_SEARCH_AT kills Pagefind's process here). */
  | 'search-record'
  /** Pagefind was asked for the index's files, its last request: nothing more is sent to it while it answers. */
  | 'search-files';


/**
 * Marks a step of the build: the process dies here when DATELINE_KILL_AT names it (see above);
 * Pagefind's process (a child of this one, found in /proc: Linux) when DATELINE_KILL_SEARCH_AT does.
 */
export function faultPoint(step: BuildStep): void {
  // Read at each step, so that a test running `serve` in its own process can set it for one build.
  if (step === process.env.DATELINE_KILL_AT) process.kill(process.pid, 'SIGKILL');
  if (step === process.env.DATELINE_KILL_SEARCH_AT) for (const pid of childProcesses(/pagefind/) ?? []) process.kill(pid, 'SIGKILL');
}

/** Fails a step as a full disk would: when DATELINE_FAIL_AT names it, throws ENOSPC there. */
export function faultError(step: BuildStep): void {
  if (step === process.env.DATELINE_FAIL_AT) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
}

/** Removes the build's lock as someone else would, when DATELINE_LOSE_LOCK is set (called where the build checks that it holds it). */
export function faultLosesLock(lock: string): void {
  if (process.env.DATELINE_LOSE_LOCK === '1') rmSync(lock, { force: true });
}
