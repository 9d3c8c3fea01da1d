import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { digest, digestAll, type BuildState } from './cache/state.ts';
import type { SiteConfig } from './config/schema.ts';
import { DatelineError, type Problem } from './errors.ts';
import type { PageModel, SiteSettings } from './pages/types.ts';
import type { ScanResult } from './read/scan.ts';
import { loadRecords } from './records/load-records.ts';
import { createRenderer } from './render/nunjucks.ts';
import { buildSearchIndex, SEARCH_INDEX_VERSION, type SearchEntry } from './search/search-index.ts';
import { planSite } from './site/assemble.ts';
import { PAGEFIND_DIR } from './site/urls.ts';
import { DEFAULT_TEMPLATES } from './build-paths.ts';
import { CODE_KEY, DATELINE_VERSION } from './version.ts';
import type { Writer } from './write/writer.ts';

const WRITES_IN_FLIGHT = 32;

export interface BuildOptions {
  config: SiteConfig;
  /** Publish drafts. */
  drafts: boolean;
  /** The previous build's state: unchanged records and pages are reused. Absent: a clean build. */
  previous?: BuildState;
  /** Told how far writing has got. */
  progress?: Progress;
  /** The input folder's listing, when the caller already made it. */
  scan?: ScanResult;
}

/** Told how far a stage has got (the CLI draws a progress bar from it). */
export type Progress = (stage: string, done: number, total: number) => void;

export interface StageTime {
  stage: string;
  seconds: number;
}

export interface BuildSummary {
  articles: number;
  skipped: number;
  drafts: number;
  problems: Problem[];
  /** Records parsed from their files, and records reused from the previous build. */
  parsed: number;
  reused: number;
  pages: number;
  /** Output files written, left as they were, and removed. */
  written: number;
  unchanged: number;
  removed: number;
  stages: StageTime[];
  seconds: number;
  /** The state to hand to the next build. */
  state: BuildState;
}

/**
 * The build, as named stages: load (read → parse → clean → derive → place) → plan (page models,
 * feeds, sitemap) → render (Eleventy) and write. Every stage is timed for the summary.
 *
 * Every build is incremental when given the previous state: a record is reused when its source
 * hash is unchanged, a page is rendered only when its model or the templates changed, a file is
 * written only when its bytes changed, and outputs the site no longer has are removed. The result
 * is the same, byte for byte, as a clean build of the same input.
 */
export async function build(options: BuildOptions, writer: Writer): Promise<BuildSummary> {
  const started = performance.now();
  const stages: StageTime[] = [];
  const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    stages.push({ stage, seconds: (performance.now() - start) / 1000 });
    return result;
  };
  const { config, previous } = options;
  const templatesDir = config.templates ?? DEFAULT_TEMPLATES;
  const recordsKey = digest(CODE_KEY, JSON.stringify(config.leftoverPatterns));
  try {
    const loaded = await timed('read and parse', () =>
      loadRecords({
        inputDir: config.input,
        leftoverPatterns: config.leftoverPatterns,
        drafts: options.drafts,
        ...(options.scan ? { scan: options.scan } : {}),
        ...(previous?.recordsKey === recordsKey ? { cached: previous.records, known: previous.sources } : {}),
      }),
    );
    if (loaded.records.length === 0 && loaded.skipped > 0) {
      throw new DatelineError({
        code: 'nothing-built',
        file: config.input,
        message: `none of the articles could be built (${loaded.skipped} skipped with errors), so the previous site was left as it was`,
      }, { problems: loaded.problems });
    }
    const site = { title: config.title, description: config.description, language: config.language, generator: `Dateline ${DATELINE_VERSION}` };
    const plan = await timed('plan pages', () => planSite(loaded.records, siteSettings(config)));
    const templates = await templatesFingerprint(templatesDir);
    const outputs = new Map<string, string>();
    const changed = (file: string, key: string) => {
      outputs.set(file, key);
      return previous?.outputs.get(file) !== key;
    };
    const pagesToRender = plan.pages.filter((page) => changed(page.outputFile, pageKey(page, templates, site)));
    const files = new Map<string, string | Uint8Array>(plan.files);
    for (const asset of await listAssets(templatesDir)) files.set(`assets/${asset}`, await readFile(path.join(templatesDir, 'assets', asset)));
    const searchKey = config.search ? digestAll(searchKeyParts(plan.search, config.language)) : undefined;
    const searchIndexed = searchKey !== undefined && searchKey !== previous?.searchKey;
    // Pagefind indexes in its own process while the pages render in this one.
    const indexing = searchIndexed ? timed('index for search', () => buildSearchIndex(plan.search, config.language)) : undefined;
    indexing?.catch(() => undefined); // a failure is rethrown where it is awaited, below
    if (!searchIndexed && searchKey !== undefined && previous) {
      // The same entries give the same index: its files stay as they are.
      for (const [file, key] of previous.outputs) if (file.startsWith(PAGEFIND_DIR)) outputs.set(file, key);
    }
    let filesToWrite: [string, string | Uint8Array][] = [];
    let removed: string[] = [];

    await timed('render and write', async () => {
      const queue = writeQueue(writer);
      let done = 0;
      options.progress?.('rendering', 0, pagesToRender.length);
      const renderer = pagesToRender.length > 0 ? createRenderer(templatesDir, site) : undefined;
      for (const page of pagesToRender) {
        await queue.write(page.outputFile, renderer!.render(page));
        options.progress?.('writing', ++done, pagesToRender.length);
      }
      for (const [file, content] of (await indexing) ?? []) files.set(file, content);
      filesToWrite = [...files].filter(([file, content]) => changed(file, digest(content)));
      removed = [...(previous?.outputs.keys() ?? [])].filter((file) => !outputs.has(file));
      for (const [file, content] of filesToWrite) await queue.write(file, content);
      await queue.drain();
      for (const file of removed) await writer.remove(file);
    });
    await timed('publish', () => writer.commit());
    const written = pagesToRender.length + filesToWrite.length;
    return {
      articles: loaded.records.length,
      skipped: loaded.skipped,
      drafts: loaded.drafts,
      problems: loaded.problems,
      parsed: loaded.parsed,
      reused: loaded.reused,
      pages: plan.pages.length,
      written,
      unchanged: outputs.size - written,
      removed: removed.length,
      stages,
      seconds: (performance.now() - started) / 1000,
      state: { version: CODE_KEY, recordsKey, records: loaded.byHash, sources: loaded.sources, outputs, ...(searchKey === undefined ? {} : { searchKey }) },
    };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** What decides the search index's files: Pagefind's settings and every entry, in order. */
function* searchKeyParts(entries: readonly SearchEntry[], language: string): Generator<string> {
  yield SEARCH_INDEX_VERSION;
  yield language;
  for (const entry of entries) yield JSON.stringify(entry);
}

/** What decides a page's bytes: its model, the templates and the site-wide values. */
function pageKey(page: PageModel, templates: string, site: Record<string, string>): string {
  return digest(templates, JSON.stringify(site), JSON.stringify(page));
}

/** Keeps a bounded number of writes in flight; the first failure is rethrown, none goes unhandled. */
function writeQueue(writer: Writer): { write(file: string, content: string | Uint8Array): Promise<void>; drain(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  let failure: unknown;
  return {
    async write(file, content) {
      if (failure !== undefined) throw failure;
      const promise: Promise<void> = writer
        .write(file, content)
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => pending.delete(promise));
      pending.add(promise);
      if (pending.size >= WRITES_IN_FLIGHT) await Promise.race(pending);
    },
    async drain() {
      await Promise.all(pending);
      if (failure !== undefined) throw failure;
    },
  };
}

export function siteSettings(config: SiteConfig): SiteSettings {
  return {
    title: config.title,
    description: config.description,
    language: config.language,
    ...(config.baseUrl === undefined ? {} : { baseUrl: config.baseUrl }),
    pageSize: config.pageSize,
    dayPageSize: config.dayPageSize,
    feedSize: config.feedSize,
    ...(config.topicMinArticles === undefined ? {} : { topicMinArticles: config.topicMinArticles }),
    search: config.search,
  };
}

/** A hash of every template file, so editing a template re-renders the pages.*/
async function templatesFingerprint(templatesDir: string): Promise<string> {
  const entries = await readdir(templatesDir, { recursive: true, withFileTypes: true });
  // Every file but the assets (those are compared by content as outputs): layouts, includes, data.
  const assets = path.join(templatesDir, 'assets');
  const files = entries
    .filter((entry) => entry.isFile() && entry.parentPath !== assets && !entry.parentPath.startsWith(`${assets}${path.sep}`))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const parts: string[] = [];
  for (const file of files) parts.push(path.relative(templatesDir, file), await readFile(file, 'utf8'));
  return digest(...parts);
}

/** Files under `templates/assets/`, copied as they are (flat: the stylesheet and friends). */
async function listAssets(templatesDir: string): Promise<string[]> {
  try {
    const entries = await readdir(path.join(templatesDir, 'assets'), { withFileTypes: true });
    return entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
