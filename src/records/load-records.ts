import path from 'node:path';
import { compileLeftoverPatterns } from '../clean/leftovers.ts';
import { toProblem, type Problem } from '../errors.ts';
import { isSettled } from '../read/fingerprint.ts';
import { readOne, readSources, type KnownSource } from '../read/read-sources.ts';
import { displayPath, scanArticles, type ScanResult } from '../read/scan.ts';
import { markdownRecord } from './markdown-record.ts';
import { placeRecords } from './place.ts';
import type { ArticleRecord, PlacedRecord } from './record.ts';
import type { SourceEntry, SourceFile } from './source-file.ts';
import { textRecord } from './text-record.ts';

export interface LoadOptions {
  inputDir: string;
  /** Extra leftover patterns from the config. */
  leftoverPatterns: readonly string[];
  /** Publish articles marked `draft: true`. */
  drafts: boolean;
  /** Records of the previous build by source hash: reused instead of parsing again. */
  cached?: ReadonlyMap<string, ArticleRecord>;
  /** Files the previous build read, by path: not read again while their size and times are the same. */
  known?: ReadonlyMap<string, KnownSource>;
  /** The input folder's listing, when the caller already made it (see {@link scanArticles}). */
  scan?: ScanResult;
}

export interface LoadedRecords {
  /** Published records with their URLs, oldest first. */
  records: PlacedRecord[];
  /** Every problem found, errors and warnings, in file order. */
  problems: Problem[];
  /** Files that produced no article because of an error. */
  skipped: number;
  /** Drafts left out. */
  drafts: number;
  /** Every record made or reused, drafts too, by source hash: the cache for the next build. */
  byHash: Map<string, ArticleRecord>;
  /** Fingerprint and hash of every file that gave a record: `known` for the next build. */
  sources: Map<string, KnownSource>;
  parsed: number;
  reused: number;
}

/**
 * Reads the input folder and turns every article into a placed record. A bad file becomes a
 * problem naming it and never stops the others.
 */
export async function loadRecords(options: LoadOptions): Promise<LoadedRecords> {
  const started = Date.now();
  const display = displayPath(options.inputDir);
  const scan = options.scan ?? (await scanArticles(options.inputDir));
  const read = await readSources(scan.files, display, options.known);
  const leftovers = compileLeftoverPatterns(options.leftoverPatterns);
  const problems: Problem[] = [...scan.problems, ...read.problems];
  const records: ArticleRecord[] = [];
  const displayOf = new Map<string, string>();
  const byHash = new Map<string, ArticleRecord>();
  const sources = new Map<string, KnownSource>();
  let drafts = 0;
  let reused = 0;
  for (const source of read.sources) {
    const cached = options.cached?.get(source.hash);
    if (cached) reused++;
    const result = cached ?? (await recordOf(source, options.inputDir, display, leftovers));
    if ('code' in result) {
      problems.push(result);
      continue;
    }
    byHash.set(source.hash, result);
    if (isSettled(source.fingerprint, started)) sources.set(source.relativePath, { fingerprint: source.fingerprint, hash: source.hash });
    problems.push(...result.warnings);
    if (result.draft && !options.drafts) {
      drafts++;
      continue;
    }
    displayOf.set(result.id, source.displayPath);
    records.push(result);
  }
  const placed = placeRecords(records, (record) => displayOf.get(record.id) ?? record.source);
  problems.push(...placed.problems);
  const skipped = problems.filter((problem) => problem.severity === 'error').length;
  return { records: placed.placed, problems: sortProblems(problems), skipped, drafts, byHash, sources, parsed: read.sources.length - reused, reused };
}

/** The record of a file the cache has no record for, reading it if it was only recognised. */
async function recordOf(entry: SourceEntry, inputDir: string, display: string, leftovers: readonly RegExp[]): Promise<ArticleRecord | Problem> {
  if (entry.text !== undefined) return buildRecord({ ...entry, text: entry.text }, leftovers);
  const read = await readOne({ absolutePath: path.join(inputDir, entry.relativePath), relativePath: entry.relativePath, format: entry.format }, display);
  return 'code' in read ? read : buildRecord(read, leftovers);
}

/** One file to one record, or the problem that stopped it. */
export function buildRecord(source: SourceFile, leftovers: readonly RegExp[]): ArticleRecord | Problem {
  try {
    return source.format === 'text' ? textRecord(source, leftovers) : markdownRecord(source);
  } catch (error) {
    return toProblem(error, source.displayPath);
  }
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}
