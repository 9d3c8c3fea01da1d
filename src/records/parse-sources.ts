import { foldParagraph } from '../clean/boilerplate.ts';
import { compileLeftoverPatterns } from '../clean/leftovers.ts';
import { toProblem, type Problem } from '../errors.ts';
import { readFiles } from '../read/read-sources.ts';
import type { FoundFile } from '../read/scan.ts';
import type { ArticleRecord } from './record.ts';
import type { ReadImage } from '../body/local-images.ts';
import { imageReader } from '../read/read-image.ts';
import type { SourceEntry, SourceFile } from './source-file.ts';

/** Files to read, and to parse unless their bytes hash as the last build's version (`known`). */
export interface ReadTask {
  files: FoundFile[];
  /** The hash of each file's version the last build parsed, if any. */
  known: (string | undefined)[];
  displayDir: string;
  leftoverPatterns: readonly string[];
  /** Lines no leftover pattern removes (`keepParagraphs`, as written). */
  keepParagraphs: readonly string[];
  /** Page furniture to remove (folded keys). */
  furniture: readonly string[];
  /** The input folder's real path: authored articles' pictures are read from it. */
  root: string;
}

/** One file read: its source (without its text) or why it could not be read, and its record or problem when it was parsed. */
export interface ReadResult {
  source: SourceEntry | Problem;
  record?: ArticleRecord | Problem;
}

/** Below this many files a build reads and parses in its own thread: starting workers costs more. */
const PARALLEL_FROM = 400;
/** Files a worker reads and parses at once. */
const BATCH = 50;

/** Reads and parses the task's files: in `jobs` worker threads when there are enough of them. */
export async function readAndParse(task: ReadTask, jobs: number): Promise<ReadResult[]> {
  if (jobs <= 1 || task.files.length < PARALLEL_FROM) return readAndParseHere(task);
  const { workerPool, batches } = await import('../parallel/pool.ts');
  const pool = await workerPool('parse-worker', Math.min(jobs, Math.ceil(task.files.length / BATCH)));
  try {
    const files = batches(task.files, BATCH);
    const known = batches(task.known, BATCH);
    const done = await Promise.all(files.map((part, at) => pool.run({ ...task, files: part, known: known[at]! }) as Promise<ReadResult[]>));
    return done.flat();
  } finally {
    await pool.destroy();
  }
}

let compiled: { key: string; cleaning: Cleaning } | undefined;

/** The two parsers: a worker thread passes them loaded (see `parse-worker.ts`); otherwise each is loaded when first needed. */
export interface Parsers {
  text: typeof import('./text-record.ts').textRecord;
  markdown: typeof import('./markdown-record.ts').markdownRecord;
}

/** {@link readAndParse} in this thread (what each worker runs on its batch). */
export async function readAndParseHere(task: ReadTask, parsers?: Parsers): Promise<ReadResult[]> {
  const key = JSON.stringify([task.leftoverPatterns, task.keepParagraphs, task.furniture]);
  if (compiled?.key !== key) compiled = { key, cleaning: compileCleaning(task.leftoverPatterns, task.keepParagraphs, task.furniture) };
  const sources = await readFiles(task.files, task.displayDir);
  const readImage = imageReader(task.root);
  const results: ReadResult[] = [];
  for (const [at, source] of sources.entries()) {
    if ('code' in source) {
      results.push({ source });
      continue;
    }
    const { text: _text, ...entry } = source;
    results.push(source.hash === task.known[at] ? { source: entry } : { source: entry, record: await buildRecord(source, compiled.cleaning, parsers, readImage) });
  }
  return results;
}

/** What cleaning a scraped article removes: leftover patterns, the lines the user keeps from them (folded), the archive's furniture (folded). */
export interface Cleaning {
  leftovers: readonly RegExp[];
  keep: ReadonlySet<string>;
  furniture: ReadonlySet<string>;
}

/** The cleaning the config asks for, with the furniture found. */
export function compileCleaning(leftoverPatterns: readonly string[], keepParagraphs: readonly string[], furniture: Iterable<string> = []): Cleaning {
  return { leftovers: compileLeftoverPatterns(leftoverPatterns), keep: new Set(keepParagraphs.map(foldParagraph)), furniture: new Set(furniture) };
}

/**
 * One file to one record, or the problem that stopped it. The parsers are loaded when first
 * needed: an update that parses one scraped article never loads the Markdown and YAML parsers.
 */
export async function buildRecord(source: SourceFile, cleaning: Cleaning, parsers?: Parsers, readImage?: ReadImage): Promise<ArticleRecord | Problem> {
  try {
    if (source.format === 'text') return (parsers?.text ?? (await import('./text-record.ts')).textRecord)(source, cleaning.leftovers, cleaning.furniture, cleaning.keep);
    return (parsers?.markdown ?? (await import('./markdown-record.ts')).markdownRecord)(source, readImage);
  } catch (error) {
    return toProblem(error, source.displayPath);
  }
}
