import path from 'node:path';
import type { Problem } from '../errors.ts';
import { displayPath, foundFile, type ScanResult } from '../read/scan.ts';
import type { Snapshot } from '../store/contents.ts';
import type { ArticleRecord } from './record.ts';
import type { SourceEntry } from './source-file.ts';
import { readAndParse } from './parse-sources.ts';

/** What a file gave the last time it was read. */
export type FileStatus = 'article' | 'draft' | 'error';

/**
 * The article files a build knows, in the scan's order, as columns: every file read or
 * recognised (files that could not be read, and repeated ids, are left out). Mostly references to
 * the scan's and the last snapshot's strings: a build that reads one file makes nothing per file.
 */
export interface FileTable extends Snapshot {
  /** Each file's index in the last build's snapshot, or -1. */
  previous: Int32Array;
}

/** What the last build knew: its snapshot, which of its files each found file is (see `matchSnapshot`), its records, its files' problems. */
export interface PreviousRead {
  snapshot: Snapshot;
  match: Int32Array;
  record(hash: string): ArticleRecord | undefined;
  problems(path: string): readonly Problem[] | undefined;
  /** The pictures of the input folder as it saw them, and the authored articles that show pictures, with the paths they refer to. */
  attachments?: Attachments;
  imageRefs?: readonly [string, string[]][];
}

/** The input folder's pictures, as listed: paths and, three numbers a file, size and times. */
export interface Attachments {
  paths: string[];
  times: number[];
}

export interface ReadOptions {
  inputDir: string;
  scan: ScanResult;
  /** Extra leftover patterns from the config. */
  leftoverPatterns: readonly string[];
  /** Lines no leftover pattern removes (`keepParagraphs` in the config). */
  keepParagraphs?: readonly string[];
  /** Page furniture the archive revealed (folded keys, see `src/clean/boilerplate.ts`), removed from new records. */
  furniture?: ReadonlySet<string>;
  /** Absent: read everything. */
  previous?: PreviousRead;
  /** Worker threads for parsing (1: parse in this thread). */
  jobs?: number;
}

export interface ReadArticles {
  files: FileTable;
  /** Records of the files whose content is new to the last build, by hash. */
  records: Map<string, ArticleRecord>;
  /** Every problem, for the report: the scan's and the reader's, and each file's. */
  problems: Problem[];
  /** Each file's parsing problems and warnings, by relative path: kept, to be reported while the file is unchanged. */
  fileProblems: Map<string, Problem[]>;
  /** Files parsed now, and files whose record was known. */
  parsed: number;
  reused: number;
  /** Authored articles that show pictures of the input, with every path they refer to: kept, to know which to read again when a picture changes. */
  imageRefs: [string, string[]][];
}

/**
 * Reads the input folder's changes: a file whose size and times are those the last build saw is
 * not read; one whose bytes hash as before is not parsed; only new content becomes a record (or
 * the problem that stopped it — a bad file never stops the others). Of files with one id, the
 * first in path order is the article and the others are reported.
 */
export async function readArticles(options: ReadOptions): Promise<ReadArticles> {
  const { scan, previous } = options;
  const found = scan.paths;
  const display = displayPath(options.inputDir);
  const was = (index: number) => (previous ? previous.match[index]! : -1);
  // An authored article is read again when a picture it refers to came, went or changed, though its own file did not.
  const showsChanged = articlesShowingChanged(scan.attachments, previous?.attachments, previous?.imageRefs ?? []);
  const toRead: number[] = [];
  for (let index = 0; index < found.length; index++) {
    const at = was(index);
    if (at === -1 || !sameTimesAt(scan.times, index, previous!.snapshot.times, at) || showsChanged.has(found[index]!)) toRead.push(index);
  }
  // Read and parsed together (in worker threads when there are many); a file whose bytes are the last build's version is not parsed again.
  const results = await readAndParse(
    {
      files: toRead.map((index) => foundFile(scan, index)),
      known: toRead.map((index) => (was(index) === -1 ? undefined : previous!.snapshot.hashes[was(index)])),
      displayDir: display,
      leftoverPatterns: options.leftoverPatterns,
      keepParagraphs: options.keepParagraphs ?? [],
      furniture: [...(options.furniture ?? [])],
      root: scan.root,
    },
    options.jobs ?? 1,
  );
  const read = new Map<number, SourceEntry | Problem>();
  const built = new Map<string, ArticleRecord | Problem>();
  results.forEach(({ source, record }, at) => {
    read.set(toRead[at]!, source);
    if (record !== undefined && !('code' in source)) built.set(source.hash, record);
  });
  const readProblems: Problem[] = [];
  const duplicates = repeatedIds(found, read, previous, display, readProblems);

  // Columns made at their full length and cut to the rows filled: no growing of 100,000-row arrays.
  const files: FileTable = { paths: new Array(found.length), ids: new Array(found.length), hashes: new Array(found.length), statuses: new Array(found.length), times: new Float64Array(found.length * 3), previous: new Int32Array(found.length) };
  let rows = 0;
  const problems = new Map<string, Problem[]>();
  const records = new Map<string, ArticleRecord>();
  let parsed = 0;
  let reused = 0;
  // Pictures referred to: those of files not parsed now as they were; parsed ones set theirs.
  const refs = new Map(previous?.imageRefs ?? []);
  const add = (index: number, id: string, hash: string, status: FileStatus) => {
    const row = rows++;
    files.paths[row] = found[index]!;
    files.ids[row] = id;
    files.hashes[row] = hash;
    files.statuses[row] = status;
    files.times[row * 3] = scan.times[index * 3]!;
    files.times[row * 3 + 1] = scan.times[index * 3 + 1]!;
    files.times[row * 3 + 2] = scan.times[index * 3 + 2]!;
    files.previous[row] = was(index);
  };
  const keepProblems = (path: string) => {
    const before = previous?.problems(path);
    if (before && before.length > 0) problems.set(path, [...before]);
  };
  for (let index = 0; index < found.length; index++) {
    if (duplicates.has(index)) continue;
    const at = was(index);
    const source = read.get(index);
    if (source === undefined) {
      // Recognised by its times: as the last build read it.
      const { snapshot } = previous!;
      add(index, snapshot.ids[at]!, snapshot.hashes[at]!, snapshot.statuses[at]!);
      keepProblems(found[index]!);
      reused++;
      continue;
    }
    if ('code' in source) continue; // reported by `repeatedIds`
    if (at !== -1 && previous!.snapshot.hashes[at] === source.hash) {
      // Read again (its times moved) but the same bytes.
      add(index, source.id, source.hash, previous!.snapshot.statuses[at]!);
      keepProblems(source.relativePath);
      reused++;
      continue;
    }
    const result = built.get(source.hash)!;
    parsed++;
    refs.delete(source.relativePath);
    if ('code' in result) {
      problems.set(source.relativePath, [result]);
      add(index, source.id, source.hash, 'error');
      continue;
    }
    records.set(result.hash, result);
    if (result.warnings.length > 0) problems.set(source.relativePath, [...result.warnings]);
    if (result.imageRefs !== undefined) refs.set(source.relativePath, result.imageRefs);
    // A record of an article with pictures is keyed by its pictures' bytes too (see `markdownRecord`).
    add(index, source.id, result.hash, result.draft ? 'draft' : 'article');
  }
  for (const column of [files.paths, files.ids, files.hashes, files.statuses]) column.length = rows;
  if (rows < found.length) {
    files.times = files.times.slice(0, rows * 3);
    files.previous = files.previous.slice(0, rows);
  }
  // Of files still there (only a site with pictures pays for the lookup).
  const present = refs.size === 0 ? undefined : new Set(files.paths);
  const imageRefs = [...refs].filter(([file]) => present!.has(file)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, records, problems: sortProblems([...options.scan.problems, ...readProblems, ...[...problems.values()].flat()]), fileProblems: problems, parsed, reused, imageRefs };
}

/** The authored articles (by path) that refer to a picture of the input that came, went or changed since the last build. */
function articlesShowingChanged(now: Attachments, before: Attachments | undefined, imageRefs: readonly [string, string[]][]): Set<string> {
  const articles = new Set<string>();
  if (imageRefs.length === 0) return articles;
  const times = (list: Attachments) => new Map(list.paths.map((file, at) => [file, `${list.times[at * 3]}:${list.times[at * 3 + 1]}:${list.times[at * 3 + 2]}`]));
  const was = times(before ?? { paths: [], times: [] });
  const is = times(now);
  const changed = new Set<string>();
  for (const [file, stamp] of is) if (was.get(file) !== stamp) changed.add(file);
  for (const file of was.keys()) if (!is.has(file)) changed.add(file);
  if (changed.size === 0) return articles;
  for (const [article, refs] of imageRefs) if (refs.some((ref) => changed.has(ref))) articles.add(article);
  return articles;
}

/** Whether the found file at `index` has the size and times the snapshot holds for its file `at`. */
function sameTimesAt(found: Float64Array, index: number, times: Float64Array, at: number): boolean {
  return found[index * 3] === times[at * 3] && found[index * 3 + 1] === times[at * 3 + 1] && found[index * 3 + 2] === times[at * 3 + 2];
}

/**
 * The found files that repeat an earlier file's id (in path order), each reported in
 * `problems` with the files that could not be read. Files recognised from the last build hold
 * distinct ids (it left repeats out), so only the ids of files read now are looked for among them.
 */
function repeatedIds(found: readonly string[], read: ReadonlyMap<number, SourceEntry | Problem>, previous: PreviousRead | undefined, display: string, problems: Problem[]): Set<number> {
  const holders = new Map<string, number[]>();
  for (const [index, source] of read) {
    if ('code' in source) problems.push(source);
    else (holders.get(source.id) ?? holders.set(source.id, []).get(source.id)!).push(index);
  }
  if (previous && holders.size > 0) {
    for (let index = 0; index < found.length; index++) {
      if (read.has(index)) continue;
      const list = holders.get(previous.snapshot.ids[previous.match[index]!]!);
      if (list) list.push(index);
    }
  }
  const repeated = new Set<number>();
  for (const [id, list] of holders) {
    if (list.length < 2) continue;
    list.sort((a, b) => a - b);
    const first = found[list[0]!]!;
    for (const index of list.slice(1)) {
      repeated.add(index);
      problems.push({
        code: 'duplicate-id',
        severity: 'error',
        file: path.join(display, found[index]!),
        message: `has the same id "${id}" as ${path.join(display, first)}; skipped`,
        hint: 'give each file a unique id after the first "_" of its name',
      });
    }
  }
  return repeated;
}

/** Problems in file order, then line order. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}
