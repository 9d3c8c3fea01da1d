import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../errors.ts';
import type { SourceEntry, SourceFile } from '../records/source-file.ts';
import { CODE_KEY } from '../version.ts';
import { sameTimes, type FileTimes } from './fingerprint.ts';
import { articleId, type FoundFile } from './scan.ts';

/** Larger files are refused: no news article is this long, and it bounds the work per file. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;
const CONCURRENT_READS = 64;

export interface ReadResult {
  sources: SourceEntry[];
  problems: Problem[];
}

/**
 * Reads the found files as UTF-8 (in parallel, results in path order). Files that are too big,
 * unreadable, not UTF-8, or that repeat another file's id are reported and left out.
 */
export async function readSources(found: readonly FoundFile[], displayDir: string, known?: (relativePath: string) => KnownSource | undefined): Promise<ReadResult> {
  const results = new Array<SourceEntry | Problem>(found.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < found.length) {
      const index = next++;
      const file = found[index] as FoundFile;
      results[index] = recognise(file, displayDir, known?.(file.relativePath)) ?? (await readOne(file, displayDir));
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, found.length) }, worker));

  const sources: SourceEntry[] = [];
  const problems: Problem[] = [];
  const firstById = new Map<string, SourceEntry>();
  for (const result of results) {
    if ('code' in result) {
      problems.push(result);
      continue;
    }
    const first = firstById.get(result.id);
    if (first) {
      problems.push({
        code: 'duplicate-id',
        severity: 'error',
        file: result.displayPath,
        message: `has the same id "${result.id}" as ${first.displayPath}; skipped`,
        hint: 'give each file a unique id after the first "_" of its name',
      });
      continue;
    }
    firstById.set(result.id, result);
    sources.push(result);
  }
  return { sources, problems };
}

/** What the previous build knew of a file: its times when read (NaN when too recent to trust), and its content hash. */
export interface KnownSource extends FileTimes {
  hash: string;
  id: string;
}

/** A file whose size and times are those the previous build read: its hash is known without reading it. */
function recognise(file: FoundFile, displayDir: string, known: KnownSource | undefined): SourceEntry | undefined {
  if (known === undefined || !sameTimes(file, known)) return undefined;
  return { relativePath: file.relativePath, displayPath: displayOf(displayDir, file.relativePath), id: known.id, format: file.format, hash: known.hash, times: file };
}

/** A file's path as messages show it: under the input folder as the user named it. */
function displayOf(displayDir: string, relativePath: string): string {
  return displayDir === '.' ? relativePath : `${displayDir}${path.sep}${relativePath}`;
}

/** Reads one file (the cache could not vouch for it). */
export async function readOne(file: Pick<FoundFile, 'absolutePath' | 'relativePath' | 'format'>, displayDir: string): Promise<SourceFile | Problem> {
  const displayPath = path.join(displayDir, file.relativePath);
  let bytes: Buffer;
  let times: FileTimes;
  try {
    // The size is checked on the open file before reading, so a huge file is never loaded.
    const handle = await open(file.absolutePath, 'r');
    try {
      const info = await handle.stat();
      const { size } = info;
      times = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
      if (size > MAX_ARTICLE_BYTES) {
        return { code: 'too-large', severity: 'error', file: displayPath, message: `is ${size} bytes; articles are limited to 1 MiB` };
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { code: 'unreadable', severity: 'error', file: displayPath, message: `cannot be read: ${(error as Error).message}` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { code: 'not-utf8', severity: 'error', file: displayPath, message: 'is not UTF-8 text', hint: 'save it as UTF-8' };
  }
  return {
    relativePath: file.relativePath,
    displayPath,
    id: articleId(file.relativePath),
    format: file.format,
    text,
    hash: createHash('sha256').update(CODE_KEY).update('\0').update(file.relativePath).update('\0').update(bytes).digest('base64url').slice(0, 22),
    times,
  };
}
