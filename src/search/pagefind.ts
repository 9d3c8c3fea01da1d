import { childProcesses } from '../child-processes.ts';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DatelineError } from '../errors.ts';
import { faultPoint } from '../fault-point.ts';
import type { SearchEntry } from './entry.ts';

/** Part of every search key: another Pagefind or other settings give other files. */
export const SEARCH_INDEX_VERSION = 'pagefind 1.6, maxFragments 1000, segments 1, prose and tables 1';
/**
 * Fragment files per language: past this many articles Pagefind bundles fragments into shared
 * files, so a 19,043-article segment writes 1,000 fragment files instead of 19,043.
 */
export const MAX_FRAGMENTS = 1000;
/** Records sent to Pagefind at once: enough to keep its process busy, few enough to bound memory. */
const IN_FLIGHT = 64;

/** A segment's files (relative to its folder), and the Pagefind id of each article's version by URL. */
export interface IndexedSegment {
  files: Map<string, Uint8Array>;
  fragments: Map<string, string>;
}

/** The files a merged bundle needs: the search page loads Pagefind's script and WebAssembly from the runtime. */
const SEGMENT_FILE = /^(?:pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|(?:index|filter|fragment)\/[^/]+)$/;
/** Pagefind's runtime: its script, its worker and its WebAssembly (not its ready-made interfaces). */
const RUNTIME_FILE = /^(?:pagefind\.js|pagefind-worker\.js|wasm\.[a-z-]+\.pagefind)$/;

type PagefindModule = typeof import('pagefind');

let service: Promise<PagefindModule> | undefined;

/** Pagefind's Node API; its binary starts with the first index and stays up until {@link closeSearchService}. */
function pagefind(): Promise<PagefindModule> {
  service ??= import('pagefind');
  return service;
}

/**
 * Starts Pagefind's process now, so that it is up by the time there is something to index (a
 * build calls it first thing when search is on: the binary starts while the build reads).
 */
export function startSearchService(): void {
  void pagefind()
    .then((api) => api.createIndex())
    .then(({ index }) => index?.deleteIndex())
    .catch(() => undefined); // reported when indexing needs it
}

/** Stops Pagefind's process (a one-off build calls it at the end; `serve` keeps it running). */
export async function closeSearchService(): Promise<void> {
  if (service === undefined) return;
  const module = await service;
  service = undefined;
  await module.close();
}

/**
 * Indexes `entries` into one Pagefind bundle and returns the files a segment needs. Every entry
 * carries the filter `seg: [segment]`, so no two segments hold the same Pagefind id and the search
 * page can ask one segment at a time (to merge date-sorted results). Entries are added in order,
 * so the same entries give the same files.
 */
export async function indexSegment(entries: readonly SearchEntry[], segment: string, language: string): Promise<IndexedSegment> {
  const files = await indexFiles(
    entries.map((entry) => ({ ...entry, filters: { ...entry.filters, seg: [segment] } })),
    language,
    SEGMENT_FILE,
  );
  return { files, fragments: fragmentIds(files) };
}

/**
 * Pagefind's runtime, for `pagefind/`: its script, worker and WebAssembly, with a primary index
 * of one placeholder record (the search page merges the segments into it, and Pagefind takes the
 * language of its WebAssembly from the primary index). The placeholder's id is returned, to be
 * listed as dead: it is never shown.
 */
export async function runtimeFiles(language: string): Promise<{ files: Map<string, Uint8Array>; placeholder: string }> {
  const files = await indexFiles(
    [{ url: 'search/index.html', content: 'Dateline search', meta: { title: 'Search', date: '', dateLabel: '' }, filters: { year: [], topic: [] }, sort: { date: '' } }],
    language,
    new RegExp(`${SEGMENT_FILE.source}|${RUNTIME_FILE.source}`),
  );
  const [placeholder] = fragmentIds(files).values();
  return { files, placeholder: placeholder! };
}

/**
 * Indexes the entries in one Pagefind bundle and returns its files that `keep` matches, by path.
 * Pagefind writes the bundle into a temporary folder (faster than sending every file, its
 * runtime included, back through its pipe), from which the kept files are read.
 */
async function indexFiles(entries: readonly (Omit<SearchEntry, 'filters'> & { filters: Record<string, string[]> })[], language: string, keep: RegExp): Promise<Map<string, Uint8Array>> {
  try {
    return await whilePagefindAnswers(() => indexWithPagefind(entries, language, keep));
  } catch (error) {
    // Pagefind's process may be gone or broken: the next index starts a new one (`serve` goes on).
    await closeSearchService().catch(() => undefined);
    throw new DatelineError({
      code: 'search-failed',
      file: 'pagefind',
      message: `Pagefind failed while making the search index (${(error as Error).message}); nothing was published: the previous site is as it was`,
      hint: 'build again; if it fails again, build with "search": false in dateline.config.json to publish without search',
    });
  }
}

/** Calls waiting on Pagefind, failed if its process ends while they wait. */
const waiting = new Set<(error: Error) => void>();
let watching = false;
let polling: NodeJS.Timeout | undefined;

/**
 * Runs `work`, failing it if Pagefind's process ends without answering: its Node API then never
 * settles. A one-off build would then run out of work and Node would exit silently (status 13):
 * `beforeExit` comes exactly then. `serve` never runs out of work, so while calls wait, Pagefind's
 * process is also looked for among this process's children (Linux: /proc) every 200 ms, and its
 * end fails them; `serve` says so and starts a new one with the next build.
 */
function whilePagefindAnswers<T>(work: () => Promise<T>): Promise<T> {
  if (!watching) process.on('beforeExit', failWaiting);
  watching = true;
  if (polling === undefined) {
    // (Its process is up by now when the build started it early; one not seen yet may still be starting.)
    let seen = pagefindRunning() === true;
    polling = setInterval(() => {
      const alive = pagefindRunning();
      if (alive) seen = true;
      else if (alive === false && seen) failWaiting();
    }, 200);
    polling.unref();
  }
  return new Promise<T>((resolve, reject) => {
    waiting.add(reject);
    work()
      .then(resolve, reject)
      .finally(() => {
        waiting.delete(reject);
        if (waiting.size === 0) stopPolling();
      });
  });
}

function stopPolling(): void {
  clearInterval(polling);
  polling = undefined;
}

function failWaiting(): void {
  for (const fail of waiting) fail(new Error('its process ended without answering'));
  waiting.clear();
  stopPolling();
}

/** Whether a Pagefind process is among this process's children (undefined where /proc cannot say). */
function pagefindRunning(): boolean | undefined {
  const found = childProcesses(/pagefind/);
  return found === undefined ? undefined : found.length > 0;
}

async function indexWithPagefind(entries: readonly (Omit<SearchEntry, 'filters'> & { filters: Record<string, string[]> })[], language: string, keep: RegExp): Promise<Map<string, Uint8Array>> {
  const api = await pagefind();
  const forced = language.split('-')[0]!;
  const { index, errors } = await api.createIndex({ forceLanguage: forced, maxFragments: MAX_FRAGMENTS });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const pending = new Set<Promise<void>>();
    const failures: string[] = [];
    for (const entry of entries) {
      const added: Promise<void> = index
        .addCustomRecord({ ...entry, language: forced, meta: { ...entry.meta }, sort: { ...entry.sort } })
        .then(
          (response) => {
            faultPoint('search-record');
            if (response.errors.length > 0) failures.push(`${entry.url}: ${response.errors.join('; ')}`);
          },
          (error: unknown) => void failures.push(`${entry.url}: ${String(error)}`),
        )
        .finally(() => pending.delete(added));
      pending.add(added);
      if (pending.size >= IN_FLIGHT) await Promise.race(pending);
    }
    await Promise.all(pending);
    if (failures.length > 0) throw new Error(`Pagefind could not index ${failures.length} article(s), e.g. ${failures[0]}`);
    const folder = await mkdtemp(path.join(tmpdir(), 'dateline-pagefind-'));
    try {
      const writing = index.writeFiles({ outputPath: folder });
      faultPoint('search-files');
      const written = await writing;
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      const names = (await readdir(folder, { recursive: true })).map((name) => name.split(path.sep).join('/')).filter((name) => keep.test(name));
      const files = await Promise.all(names.sort().map(async (name) => [name, await readFile(path.join(folder, name))] as const));
      return new Map(files);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  } finally {
    await index.deleteIndex().catch(() => undefined); // gone with a dead process; the error that matters is thrown
  }
}

/**
 * The Pagefind id of each indexed URL, read from the fragment files: a fragment file holds one
 * page (named by its id) or, when Pagefind bundles fragments, a map of id → page. Pagefind's data
 * files are gzip of `pagefind_dcd` followed by the data.
 */
export function fragmentIds(files: ReadonlyMap<string, Uint8Array>): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [path, content] of files) {
    const match = /^fragment\/(.+)\.pf_fragment$/.exec(path);
    if (!match) continue;
    const data = JSON.parse(gunzipSync(content).subarray('pagefind_dcd'.length).toString('utf8')) as Record<string, unknown>;
    if (match[1]!.includes('_group_')) {
      for (const [id, fragment] of Object.entries(data as Record<string, { url: string }>)) ids.set(fragment.url, id);
    } else {
      ids.set((data as { url: string }).url, match[1]!);
    }
  }
  return ids;
}
