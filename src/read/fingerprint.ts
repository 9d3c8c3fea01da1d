import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** A file's size and modification and change times: while they stay the same, the file is not read again. */
export interface FileTimes {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/**
 * Any write to a file changes its change time, so an edit is never missed; a false "changed"
 * only costs reading the file again.
 */
export function sameTimes(a: FileTimes, b: FileTimes): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/**
 * Timestamps are coarse on some file systems (a second or two on FAT and network mounts): a file
 * changed this recently could change again within the same tick, unseen. Such times are not
 * trusted for the next build.
 */
const SETTLE_MS = 2000;

/** True when the times are old enough to vouch for the file next time. */
export function isSettled(times: Pick<FileTimes, 'mtimeMs' | 'ctimeMs'>, now = Date.now()): boolean {
  return settled(times.mtimeMs, times.ctimeMs, now);
}

/** True when every file of a times column (size, modification and change time a file) is settled. */
export function allSettled(times: Float64Array, now = Date.now()): boolean {
  for (let at = 0; at < times.length; at += 3) if (!settled(times[at + 1]!, times[at + 2]!, now)) return false;
  return true;
}

/**
 * By its change time alone: the system sets it at every change of the file (its bytes, or its
 * modification time set by hand), so a later change always shows. A modification time can be
 * anything (`touch -d`, an archive unpacked with its dates): one in the future must not keep a
 * file from being vouched for forever.
 */
function settled(_mtimeMs: number, ctimeMs: number, now: number): boolean {
  return ctimeMs < now - SETTLE_MS;
}

/** The times of every file under a folder (the templates, the site's own pages and files), found recursively, as text lines; none when it does not exist. */
export function folderTimes(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
    .map((file) => {
      const info = statSync(file);
      return `${path.relative(folder, file)}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
    });
}
