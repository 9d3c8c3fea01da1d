import { createHash } from 'node:crypto';
import path from 'node:path';
import { CACHE_DIR } from '../build-paths.ts';

/** The build state's folder for one output folder (several sites can share a cache). */
export function stateDir(outputDir: string, cacheDir = CACHE_DIR): string {
  const key = createHash('sha256').update(path.resolve(outputDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `${key}.lmdb`);
}
