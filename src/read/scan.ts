import { lstatSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../errors.ts';
import type { FileTimes } from './fingerprint.ts';
import { SHARD_FILE } from '../ledger/ledger-folder.ts';
import { isPicture } from './pictures.ts';


/** An article file found in the input folder, with its size and times (see `sameTimes`). */
export interface FoundFile extends FileTimes {
  absolutePath: string;
  /** `/`-separated path relative to the input folder. */
  relativePath: string;
  format: 'text' | 'markdown';
}

/**
 * The input folder's article files as columns, like the snapshot a build keeps (see `Snapshot`):
 * no object per file, so a listing of 100,000 files is two arrays. {@link foundFile} gives one file.
 */
export interface ScanResult {
  /** The input folder's real path: every file is under it. */
  root: string;
  /** Each file's `/`-separated path relative to `root`: folder by folder, names in code unit order. */
  paths: string[];
  /** Each file's size, modification and change time: three numbers a file. */
  times: Float64Array;
  /** The pictures in the folder (authored articles may show them): paths, and size and times, three numbers a file. */
  attachments: { paths: string[]; times: number[] };
  problems: Problem[];
}

/** The file at `index` of a scan. */
export function foundFile(scan: ScanResult, index: number): FoundFile {
  const relativePath = scan.paths[index]!;
  return { absolutePath: path.join(scan.root, relativePath), relativePath, format: formatOf(relativePath)!, ...timesAt(scan.times, index) };
}

/** The size and times at `index` of a times column (of a scan or a snapshot). */
export function timesAt(times: Float64Array, index: number): FileTimes {
  return { size: times[index * 3]!, mtimeMs: times[index * 3 + 1]!, ctimeMs: times[index * 3 + 2]! };
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
  const paths: string[] = [];
  const times: number[] = [];
  const problems: Problem[] = [];
  const found = (relativePath: string, info: FileTimes) => {
    paths.push(relativePath);
    times.push(info.size, info.mtimeMs, info.ctimeMs);
  };
  const attachments = { paths: [] as string[], times: [] as number[] };
  const picture = (relativePath: string, info: FileTimes) => {
    attachments.paths.push(relativePath);
    attachments.times.push(info.size, info.mtimeMs, info.ctimeMs);
  };
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
        if (formatOf(name)) found(relativePath, entry);
        else if (isPicture(name)) picture(relativePath, entry);
        else if (SHARD_FILE.test(name)) continue; // a month of the URL ledger (see src/ledger/)
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
        if (formatOf(name)) found(relativePath, info);
        else if (isPicture(name)) picture(relativePath, info);
        else problems.push(notAnArticle(display()));
      }
    }
  }

  await walk(root, '');
  return { root, paths, times: Float64Array.from(times), attachments, problems };
}


function notAnArticle(file: string): Problem {
  return { code: 'not-an-article', severity: 'warning', file, message: 'is not an article (expected a .txt or .md file, or a picture an article shows); ignored' };
}

export function formatOf(name: string): FoundFile['format'] | undefined {
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
export function rescanFiles(previous: ScanResult, changed: Iterable<string>): ScanResult | undefined {
  // Each changed path: where it is in the listing (or would go), and its times now (none: it went).
  const updates: { at: number; known: boolean; relativePath: string; info: FileTimes | undefined }[] = [];
  for (const relativePath of new Set(changed)) {
    const name = path.basename(relativePath);
    if (name.startsWith('.') || EDITOR_LEFTOVER.test(name) || relativePath.split('/').some((segment) => segment.startsWith('.')) || SHARD_FILE.test(name)) continue;
    let info;
    try {
      info = lstatSync(path.join(previous.root, ...relativePath.split('/')), { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (info !== undefined && (!info.isFile() || formatOf(name) === undefined)) return undefined;
    const at = walkOrderIndex(previous.paths, relativePath);
    const known = previous.paths[at] === relativePath;
    // Something unknown went: perhaps a folder, and the files in it with it.
    if (info === undefined && !known && formatOf(name) === undefined) return undefined;
    updates.push({ at, known, relativePath, info: info && { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs } });
  }
  // The listing copied in runs between the changed paths.
  updates.sort((a, b) => a.at - b.at || (a.known === b.known ? 0 : a.known ? 1 : -1) || compareWalkOrder(a.relativePath, b.relativePath));
  const paths: string[] = [];
  const times = new Float64Array((previous.paths.length + updates.length) * 3);
  let from = 0;
  const copy = (to: number) => {
    times.set(previous.times.subarray(from * 3, to * 3), paths.length * 3);
    for (let index = from; index < to; index++) paths.push(previous.paths[index]!);
    from = to;
  };
  for (const { at, known, relativePath, info } of updates) {
    copy(at);
    if (info) {
      times.set([info.size, info.mtimeMs, info.ctimeMs], paths.length * 3);
      paths.push(relativePath);
    }
    if (known) from = at + 1;
  }
  copy(previous.paths.length);
  return { root: previous.root, paths, times: times.slice(0, paths.length * 3), attachments: previous.attachments, problems: previous.problems };
}

/** The index of the first path of a listing (in walk order) at or after `relativePath`. */
function walkOrderIndex(paths: readonly string[], relativePath: string): number {
  let low = 0;
  let high = paths.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareWalkOrder(paths[middle]!, relativePath) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The order {@link scanInput} lists paths in: folder by folder, names in code unit order. */
export function compareWalkOrder(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let at = 0; at < Math.min(left.length, right.length); at++) {
    if (left[at] !== right[at]) return left[at]! < right[at]! ? -1 : 1;
  }
  return left.length - right.length;
}
