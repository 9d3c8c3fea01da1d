import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { digest } from '../digest.ts';
import type { Problem } from '../errors.ts';
import type { ScanResult } from '../read/scan.ts';
import { isWriteRefusal } from './damage.ts';

/**
 * A small record of the last successful build: a key made from the fingerprints of everything
 * that goes into the site, and what the build reported. When the key is unchanged, nothing needs
 * doing, and the build only says so (and repeats the problems) without loading anything else.
 */
export interface BuildStamp {
  key: string;
  /** The output's identity after the build (see `outputIdentity`). */
  output: string | undefined;
  articles: number;
  pages: number;
  skipped: number;
  problems: Problem[];
}

export function stampFileOf(stateDir: string): string {
  return `${stateDir}.stamp.json`;
}

/** The stamp's key: the settings and template times in `parts`, and every input file's path and times. */
export function stampKey(parts: readonly string[], files: Pick<ScanResult, 'paths' | 'times'>): string {
  const { paths, times } = files;
  return digest(...parts, paths.join('\0'), new Uint8Array(times.buffer, times.byteOffset, times.byteLength));
}

export async function loadStamp(file: string): Promise<BuildStamp | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as BuildStamp;
  } catch {
    return undefined;
  }
}

/** Saves the stamp; where the cache cannot be written (read-only, full), there is none, and the next build does its work. */
export async function saveStamp(file: string, stamp: BuildStamp): Promise<void> {
  await saveFileAtomically(file, JSON.stringify(stamp)).catch(unlessRefused);
}

/**
 * Drops the stamp before a build changes the output. One the file system will not let go of
 * cannot mislead: it names the output as it was, and the build gives the output a new identity.
 */
export async function dropStamp(file: string): Promise<void> {
  await rm(file, { force: true }).catch(unlessRefused);
}

function unlessRefused(error: unknown): void {
  if (!isWriteRefusal(error)) throw error;
}

/** Writes a temporary file and renames it over `file`, so a reader never sees half of it. */
async function saveFileAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
