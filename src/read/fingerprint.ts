import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { FoundFile } from './scan.ts';

/**
 * A cheap fingerprint of files without reading them: path, size, modification and change times.
 * Any write to a file changes its change time, so an edit is never missed; a false "changed"
 * only costs a real (incremental) build.
 */
export function fingerprintFiles(files: readonly FoundFile[]): string[] {
  return files.map((file) => `${file.relativePath}:${file.fingerprint}`);
}

/**
 * Timestamps are coarse on some file systems (a second or two on FAT and network mounts): a file
 * changed this recently could change again within the same tick, unseen. Such fingerprints are not
 * trusted for the next build.
 */
const SETTLE_MS = 2000;

/** True when the fingerprint (or fingerprints) are old enough to vouch for the files next time. */
export function isSettled(fingerprints: string | readonly string[], now = Date.now()): boolean {
  return (typeof fingerprints === 'string' ? [fingerprints] : fingerprints).every((fingerprint) => {
    const [, mtime = '0', ctime = '0'] = fingerprint.split(':').slice(-3);
    return Math.max(Number(mtime), Number(ctime)) < now - SETTLE_MS;
  });
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
