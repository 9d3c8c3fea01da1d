import path from 'node:path';
import { compileLeftoverPatterns } from '../clean/leftovers.ts';
import { toProblem, type Problem } from '../errors.ts';
import type { FileTimes } from '../read/fingerprint.ts';
import { readOne, readSources } from '../read/read-sources.ts';
import { displayPath, type ScanResult } from '../read/scan.ts';
import type { ArticleRecord } from './record.ts';
import type { SourceEntry, SourceFile } from './source-file.ts';

/** What a file gave the last time it was read. */
export type FileStatus = 'article' | 'draft' | 'error';

/** One article file as this build knows it. */
export interface FileState {
  /** Path relative to the input folder. */
  path: string;
  id: string;
  times: FileTimes;
  hash: string;
  status: FileStatus;
}

/** What the previous build knew of a file: its times (NaN when too recent to vouch for it), hash and status. */
export interface KnownFile extends FileTimes {
  hash: string;
  id: string;
  status: FileStatus;
}

export interface ReadOptions {
  inputDir: string;
  scan: ScanResult;
  /** Extra leftover patterns from the config. */
  leftoverPatterns: readonly string[];
  /** The previous build's knowledge of a file, by relative path (absent: read everything). */
  known?: (relativePath: string) => KnownFile | undefined;
  /** A record the previous builds made, by source hash. */
  stored?: (hash: string) => ArticleRecord | undefined;
  /** The problems reported for a file the last time it was read. */
  storedProblems?: (relativePath: string) => readonly Problem[] | undefined;
}

export interface ReadArticles {
  /** Every article file that was read or recognised, in path order (unreadable files and repeated ids left out). */
  files: FileState[];
  /** Records of the files whose content is new to the last build, by hash. */
  records: Map<string, ArticleRecord>;
  /** Every problem, for the report: the scan's and the reader's, and each file's. */
  problems: Problem[];
  /** Each file's parsing problems and warnings, by relative path: kept, to be reported while the file is unchanged. */
  fileProblems: Map<string, Problem[]>;
  /** Files parsed now, and files whose record was known. */
  parsed: number;
  reused: number;
}

/**
 * Reads the input folder's changes: a file whose size and times are those the last build saw is
 * not read; one whose bytes hash as before is not parsed; only new content becomes a record (or
 * the problem that stopped it — a bad file never stops the others).
 */
export async function readArticles(options: ReadOptions): Promise<ReadArticles> {
  const display = displayPath(options.inputDir);
  const read = await readSources(options.scan.files, display, options.known);
  const leftovers = compileLeftoverPatterns(options.leftoverPatterns);
  const problems = new Map<string, Problem[]>();
  const files: FileState[] = [];
  const records = new Map<string, ArticleRecord>();
  let parsed = 0;
  let reused = 0;
  for (const source of read.sources) {
    const known = options.known?.(source.relativePath);
    if (known && known.hash === source.hash) {
      reused++;
      files.push({ path: source.relativePath, id: source.id, times: source.times, hash: source.hash, status: known.status });
      const before = options.storedProblems?.(source.relativePath);
      if (before && before.length > 0) problems.set(source.relativePath, [...before]);
      continue;
    }
    const stored = options.stored?.(source.hash);
    if (stored) reused++;
    else parsed++;
    const result = stored ?? (await recordOf(source, options.inputDir, display, leftovers));
    if ('code' in result) {
      problems.set(source.relativePath, [result]);
      files.push({ path: source.relativePath, id: source.id, times: source.times, hash: source.hash, status: 'error' });
      continue;
    }
    records.set(result.hash, result);
    if (result.warnings.length > 0) problems.set(source.relativePath, [...result.warnings]);
    files.push({ path: source.relativePath, id: source.id, times: source.times, hash: source.hash, status: result.draft ? 'draft' : 'article' });
  }
  return { files, records, problems: sortProblems([...options.scan.problems, ...read.problems, ...[...problems.values()].flat()]), fileProblems: problems, parsed, reused };
}

/** The record of a file the cache has no record for, reading it if it was only recognised. */
async function recordOf(entry: SourceEntry, inputDir: string, display: string, leftovers: readonly RegExp[]): Promise<ArticleRecord | Problem> {
  if (entry.text !== undefined) return buildRecord({ ...entry, text: entry.text }, leftovers);
  const read = await readOne({ absolutePath: path.join(inputDir, entry.relativePath), relativePath: entry.relativePath, format: entry.format }, display);
  return 'code' in read ? read : buildRecord(read, leftovers);
}

/**
 * One file to one record, or the problem that stopped it. The parsers are loaded when first
 * needed: an update that parses one scraped article never loads the Markdown and YAML parsers.
 */
export async function buildRecord(source: SourceFile, leftovers: readonly RegExp[]): Promise<ArticleRecord | Problem> {
  try {
    if (source.format === 'text') return (await import('./text-record.ts')).textRecord(source, leftovers);
    return (await import('./markdown-record.ts')).markdownRecord(source);
  } catch (error) {
    return toProblem(error, source.displayPath);
  }
}

/** Problems in file order, then line order. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}
