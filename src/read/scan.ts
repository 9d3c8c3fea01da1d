import { lstatSync, statSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../errors.ts';
import type { FileTimes } from './fingerprint.ts';

/** An article file found in the input folder, with its size and times (see `sameTimes`). */
export interface FoundFile extends FileTimes {
  absolutePath: string;
  /** `/`-separated path relative to the input folder. */
  relativePath: string;
  format: 'text' | 'markdown';
}

export interface ScanResult {
  files: FoundFile[];
  problems: Problem[];
}

const EDITOR_LEFTOVER = /(?:~|\.swp|\.swo|\.swx|\.bak|\.orig|\.rej|\.tmp|\.part|\.crdownload)$|^#.*#$|^(?:Thumbs\.db|desktop\.ini|Icon\r)$/i;

/**
 * Lists the article files of `inputDir` (recursively, sorted by path so every run sees one order),
 * each with its fingerprint: one `stat` per file, the whole cost of finding that nothing changed.
 * Hidden files and editor leftovers are skipped silently; other files are reported once as warnings;
 * symbolic links that lead outside the input folder are refused.
 */
export async function scanInput(inputDir: string, displayDir: string): Promise<ScanResult> {
  const root = await realpath(inputDir);
  const files: FoundFile[] = [];
  const problems: Problem[] = [];
  const visited = new Set<string>([root]);

  async function walk(dir: string, relativeDir: string): Promise<void> {
    // Names only, and one lstat each (which says what a Dirent would, and gives the times too).
    const names = (await readdir(dir)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      if (name.startsWith('.') || EDITOR_LEFTOVER.test(name)) continue;
      const absolutePath = `${dir}${path.sep}${name}`;
      const relativePath = relativeDir === '' ? name : `${relativeDir}/${name}`;
      const display = () => path.join(displayDir, relativePath);
      // Synchronous: thousands of small stats are faster one after another than through the thread pool.
      const entry = lstatSync(absolutePath, { throwIfNoEntry: false });
      if (entry === undefined) continue; // gone since it was listed
      if (entry.isFile()) {
        const format = formatOf(name);
        if (format) files.push({ absolutePath, relativePath, format, size: entry.size, mtimeMs: entry.mtimeMs, ctimeMs: entry.ctimeMs });
        else problems.push(notAnArticle(display()));
        continue;
      }
      if (!entry.isSymbolicLink() && !entry.isDirectory()) {
        problems.push(notAnArticle(display()));
        continue;
      }
      const target = await followLink(absolutePath, root);
      if (target === 'outside') {
        problems.push({ code: 'symlink-outside', severity: 'error', file: display(), message: 'is a symbolic link to a place outside the input folder; refused' });
        continue;
      }
      if (target === 'broken') {
        problems.push({ code: 'broken-symlink', severity: 'error', file: display(), message: 'is a symbolic link to nothing; skipped' });
        continue;
      }
      const info = await stat(target);
      if (info.isDirectory()) {
        if (visited.has(target)) continue;
        visited.add(target);
        await walk(absolutePath, relativePath);
      } else if (info.isFile()) {
        const format = formatOf(name);
        if (format) files.push({ absolutePath, relativePath, format, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs });
        else problems.push(notAnArticle(display()));
      }
    }
  }

  await walk(root, '');
  return { files, problems };
}

function notAnArticle(file: string): Problem {
  return { code: 'not-an-article', severity: 'warning', file, message: 'is not an article (expected a .txt or .md file); ignored' };
}

function formatOf(name: string): FoundFile['format'] | undefined {
  const extension = path.extname(name).toLowerCase();
  if (extension === '.txt') return 'text';
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  return undefined;
}

/** Real path of `file` when it stays inside `root`; symlinks are followed and checked. */
async function followLink(file: string, root: string): Promise<string | 'outside' | 'broken'> {
  const info = await lstat(file);
  if (!info.isSymbolicLink()) return file;
  let target: string;
  try {
    target = await realpath(file);
  } catch {
    return 'broken';
  }
  const relative = path.relative(root, target);
  return relative.startsWith('..') || path.isAbsolute(relative) ? 'outside' : target;
}

/** The article id: the part after the first `_` of `NNN_<id>.txt`, else the file's stem. */
export function articleId(fileName: string): string {
  const stem = path.basename(fileName).replace(/\.[^.]+$/, '');
  const underscore = stem.indexOf('_');
  const id = underscore >= 0 ? stem.slice(underscore + 1) : stem;
  return id === '' ? stem : id;
}

/** Lists the input folder, naming files in messages relative to the working directory. */
export function scanArticles(inputDir: string): Promise<ScanResult> {
  return scanInput(inputDir, displayPath(inputDir));
}

/** A folder as messages name it: relative to the working directory when inside it. */
export function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), path.resolve(dir));
  return relative === '' ? '.' : relative.startsWith('..') ? path.resolve(dir) : relative;
}

/**
 * The scan after some files changed, patched from the last one without listing the folder again:
 * for `serve`, which is told the changed paths by its watcher. Returns undefined when the change
 * needs a full scan (a folder, a link, a file that is not an article).
 */
export function rescanFiles(previous: ScanResult, root: string, changed: Iterable<string>): ScanResult | undefined {
  const files = new Map(previous.files.map((file) => [file.relativePath, file]));
  for (const relativePath of new Set(changed)) {
    const name = path.basename(relativePath);
    if (name.startsWith('.') || EDITOR_LEFTOVER.test(name) || relativePath.split('/').some((segment) => segment.startsWith('.'))) continue;
    const absolutePath = path.join(root, ...relativePath.split('/'));
    let info;
    try {
      info = lstatSync(absolutePath, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (info === undefined) {
      files.delete(relativePath);
      continue;
    }
    const format = formatOf(name);
    if (!info.isFile() || format === undefined) return undefined;
    files.set(relativePath, { absolutePath, relativePath, format, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs });
  }
  return { files: [...files.values()].sort((a, b) => compareWalkOrder(a.relativePath, b.relativePath)), problems: previous.problems };
}

/** The order {@link scanInput} lists paths in: folder by folder, names in code unit order. */
function compareWalkOrder(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let at = 0; at < Math.min(left.length, right.length); at++) {
    if (left[at] !== right[at]) return left[at]! < right[at]! ? -1 : 1;
  }
  return left.length - right.length;
}
