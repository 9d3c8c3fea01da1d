import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { FoundFile } from './scan.ts';

/**
 * A cheap fingerprint of files without reading them: path, size, modification and change times.
 * Any write to a file changes its change time, so an edit is never missed; a false "changed"
 * only costs a real (incremental) build.
 */
export function fingerprintFiles(files: readonly FoundFile[]): string[] {
  return files.map((file) => `${file.relativePath}:${statFingerprint(statSync(file.absolutePath))}`);
}

/** Size, modification and change time of one file. */
export function statFingerprint(info: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs'>): string {
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
}

/** The same for every file under a folder (templates), found recursively. */
export function fingerprintFolder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
    .map((file) => `${path.relative(folder, file)}:${statFingerprint(statSync(file))}`);
}
