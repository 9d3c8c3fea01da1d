import { readlinkSync, realpathSync } from 'node:fs';

/**
 * The real path of the file open as `fd`: what was opened, not what its name leads to now (Linux
 * names it in /proc; elsewhere, the real path of `name` is the best there is). A file is checked
 * by this after it is opened, so a symbolic link swapped in after a check by name is caught.
 */
export function openedPath(fd: number, name: string): string {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return realpathSync(name);
  }
}
