import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { openedPath } from './opened-path.ts';
import path from 'node:path';
import type { Problem } from '../errors.ts';
import type { SourceFile } from '../records/source-file.ts';
import { CODE_KEY } from '../version.ts';
import type { FileTimes } from './fingerprint.ts';
import { articleId, type FoundFile } from './scan.ts';

/** Larger files are refused: no news article is this long, and it bounds the work per file. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;
/**
 * Markdown is parsed by micromark at about 1.7 s a MiB even for ordinary prose (233 README files
 * measured): a Markdown article is limited to a quarter of that, still four times a long-read.
 */
export const MAX_MARKDOWN_BYTES = 256 * 1024;
const CONCURRENT_READS = 64;

/**
 * Reads files as UTF-8, in parallel, each to its source or the problem that stopped it (too big,
 * unreadable, not UTF-8), in the order given.
 */
export async function readFiles(files: readonly FoundFile[], displayDir: string): Promise<(SourceFile | Problem)[]> {
  const results = new Array<SourceFile | Problem>(files.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < files.length) {
      const index = next++;
      results[index] = await readOne(files[index]!, displayDir);
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, files.length) }, worker));
  return results;
}

/** The input folder's real path, from a listed file's path and its path within it. */
function inputRoot(file: Pick<FoundFile, 'absolutePath' | 'relativePath'>): string {
  return path.resolve(file.absolutePath, ...file.relativePath.split('/').map(() => '..'));
}

function inside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
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
      // Checked by what was opened, not by name: a file swapped for a link since the folder was listed is not read.
      if (!inside(openedPath(handle.fd, file.absolutePath), inputRoot(file))) {
        return { code: 'symlink-outside', severity: 'error', file: displayPath, message: 'leads outside the input folder (a symbolic link put in its place after the folder was listed); refused' };
      }
      const info = await handle.stat();
      const { size } = info;
      times = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
      if (size > MAX_ARTICLE_BYTES) {
        return { code: 'too-large', severity: 'error', file: displayPath, message: `is ${size} bytes; articles are limited to 1 MiB` };
      }
      if (file.format === 'markdown' && size > MAX_MARKDOWN_BYTES) {
        return { code: 'too-large', severity: 'error', file: displayPath, message: `is ${size} bytes; Markdown articles are limited to 256 KiB (plain-text ones to 1 MiB)` };
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
