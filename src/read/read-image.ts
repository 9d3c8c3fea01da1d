import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ReadImage } from '../body/local-images.ts';

/**
 * Reads the pictures of a folder (`root`, a real path) by their path relative to it: undefined for
 * one that is not there, is not a file, or leads outside the folder through a symbolic link.
 */
export function imageReader(root: string): ReadImage {
  return (source) => {
    try {
      const real = realpathSync(path.join(root, ...source.split('/')));
      const inside = path.relative(root, real);
      if (inside.startsWith('..') || path.isAbsolute(inside) || !statSync(real).isFile()) return undefined;
      return readFileSync(real);
    } catch {
      return undefined;
    }
  };
}
