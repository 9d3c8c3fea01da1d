import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReadImage } from '../body/local-images.ts';
import { openedPath } from './opened-path.ts';

/**
 * Reads the pictures of a folder (`root`, a real path) by their path relative to it: undefined for
 * one that is not there, is not a file, or leads outside the folder through a symbolic link. It
 * is checked by what was opened, not by its name, so a link swapped in after the check is caught.
 */
export function imageReader(root: string): ReadImage {
  return (source) => {
    let fd: number | undefined;
    try {
      const name = path.join(root, ...source.split('/'));
      fd = openSync(name, 'r');
      const inside = path.relative(root, openedPath(fd, name));
      if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside) || !fstatSync(fd).isFile()) return undefined;
      return readFileSync(fd);
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
}
