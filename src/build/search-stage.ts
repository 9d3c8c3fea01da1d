import type { ArticleRecord } from '../records/record.ts';
import type { SiteState } from '../pages/state.ts';
import { searchEntry, searchKey, type SearchEntry } from '../search/entry.ts';
import { indexSegment, runtimeFiles, type IndexedSegment } from '../search/pagefind.ts';
import { countDead, initialSegments, planSegments, type SearchDoc, type Segment } from '../search/segments.ts';
import { SEARCH_MANIFEST_PATH, searchSegmentPath, PAGEFIND_DIR } from '../site/urls.ts';
import type { SegmentContents, StateStore } from '../store/contents.ts';

/** The search index's part of the build state (see `StoredMeta`). */
export interface SearchMeta {
  segments: Segment[];
  nextSegment: number;
  placeholder?: string;
  runtimeFiles: string[];
}

export interface SearchInput {
  enabled: boolean;
  /** Index every article anew, dropping the old segments (a clean build, or other search settings). */
  rebuild: boolean;
  language: string;
  state: SiteState;
  /** Positions whose search entry may have changed (their own text, their topics' names); all when rebuilding. */
  candidates: Iterable<number>;
  /** Ids of articles that went. */
  removed: readonly string[];
  previous: SearchMeta;
  store: Pick<StateStore, 'doc' | 'segment'>;
  record(hash: string): ArticleRecord;
  /** Segments indexed at once, each in its own Pagefind process (default 1). */
  jobs?: number;
}

export interface SearchResult {
  write: Map<string, Uint8Array | string>;
  remove: string[];
  docs: { put: [string, SearchDoc][]; remove: string[] };
  segments: { put: [string, SegmentContents][]; remove: string[] };
  meta: SearchMeta;
  /** Articles indexed now, and segments merged into the new one. */
  indexed: number;
  merged: string[];
}

/**
 * Brings the search index up to date: the new and changed articles go into a new segment, the
 * versions they replace and the articles that went become dead in theirs, and segments merge by
 * the size-tiered policy of `segments.ts`. The search page reads `pagefind/segments.json`.
 */
export async function updateSearch(input: SearchInput): Promise<SearchResult> {
  const { previous, state } = input;
  const result: SearchResult = { write: new Map(), remove: [], docs: { put: [], remove: [] }, segments: { put: [], remove: [] }, meta: { segments: [], nextSegment: previous.nextSegment, runtimeFiles: [] }, indexed: 0, merged: [] };
  const dropAll = () => {
    for (const segment of previous.segments) {
      result.remove.push(...(input.store.segment(segment.id)?.files ?? []));
      result.segments.remove.push(segment.id);
      result.docs.remove.push(...(input.store.segment(segment.id)?.ids ?? []));
    }
  };
  if (!input.enabled) {
    dropAll();
    result.remove.push(...previous.runtimeFiles, ...(previous.runtimeFiles.length > 0 ? [SEARCH_MANIFEST_PATH] : []));
    return result;
  }
  const entryOf = (position: number): SearchEntry => {
    const entry = state.entry(position);
    const topics = [...state.rows.topics.at(position)].map((key) => state.topics.byKey.get(key)!.label);
    return searchEntry(entry, input.record(entry.hash).text, topics, state.site.language);
  };
  // By id, for the articles of segments merged again: made only when a merge needs it.
  let positionOf: Map<string, number> | undefined;
  const positionOfId = (id: string) => {
    positionOf ??= new Map(Array.from({ length: state.rows.length }, (_, position) => [state.rows.id(position), position]));
    return positionOf.get(id)!;
  };
  let segments: Segment[];
  if (input.rebuild) {
    dropAll();
    segments = [];
    const ids = Array.from({ length: state.rows.length }, (_, position) => state.rows.id(position));
    const groups = initialSegments(ids);
    const named = groups.map(() => `s${result.meta.nextSegment++}`);
    // A segment's entries are made when it is indexed, not all at once: at most one per Pagefind process is held.
    segments.push(
      ...(await indexSegments(groups.length, input.language, input.jobs ?? 1, async (at, index) => {
        const entries = groups[at]!.map((id) => entryOf(positionOfId(id)));
        return addSegment(result, named[at]!, groups[at]!, entries, await index(entries, named[at]!));
      })),
    );
  } else {
    const fresh: string[] = [];
    const entries = new Map<string, SearchEntry>();
    for (const position of input.candidates) {
      const id = state.rows.id(position);
      const entry = entryOf(position);
      if (input.store.doc(id)?.key !== searchKey(entry)) {
        fresh.push(id);
        entries.set(id, entry);
      }
    }
    const plan = planSegments(previous.segments, { doc: (id) => input.store.doc(id), idsOf: (segment) => input.store.segment(segment)?.ids ?? [] }, fresh, input.removed, previous.nextSegment);
    const merged = new Set(plan.merged);
    segments = previous.segments.filter((segment) => !merged.has(segment.id)).map((segment) => ({ ...segment, dead: [...segment.dead], deadFilters: structuredClone(segment.deadFilters) }));
    for (const { segment, doc } of plan.retire) {
      const holder = segments.find((each) => each.id === segment);
      if (holder === undefined) continue; // merged away: its dead go with it
      holder.dead.push(doc.fragment);
      countDead(holder.deadFilters, doc.filters);
    }
    for (const id of merged) {
      result.remove.push(...(input.store.segment(id)?.files ?? []));
      result.segments.remove.push(id);
    }
    result.docs.remove.push(...input.removed.filter((id) => input.store.doc(id) !== undefined));
    result.merged = plan.merged;
    if (plan.segment !== undefined) {
      const segment = `s${result.meta.nextSegment++}`;
      const indexed = plan.index.map((id) => entries.get(id) ?? entryOf(positionOfId(id)));
      segments.push(addSegment(result, segment, plan.index, indexed, await indexSegment(indexed, segment, input.language)));
    }
  }
  result.meta.segments = segments;
  // Pagefind's runtime and its placeholder index: made once per language and Pagefind version.
  if (previous.placeholder === undefined || input.rebuild) {
    const runtime = await runtimeFiles(input.language);
    for (const [path, content] of runtime.files) result.write.set(`${PAGEFIND_DIR}${path}`, content);
    result.meta.placeholder = runtime.placeholder;
    result.meta.runtimeFiles = [...runtime.files.keys()].map((path) => `${PAGEFIND_DIR}${path}`);
    result.remove.push(...previous.runtimeFiles.filter((file) => !result.write.has(file)));
  } else {
    result.meta.placeholder = previous.placeholder;
    result.meta.runtimeFiles = previous.runtimeFiles;
  }
  result.write.set(SEARCH_MANIFEST_PATH, manifest(result.meta, state.rows.length));
  return result;

  function addSegment(into: SearchResult, id: string, ids: readonly string[], entries: readonly SearchEntry[], indexed: IndexedSegment): Segment {
    const files: string[] = [];
    for (const [path, content] of indexed.files) {
      const file = `${searchSegmentPath(id)}${path}`;
      into.write.set(file, content);
      files.push(file);
    }
    entries.forEach((entry, index) => {
      const fragment = indexed.fragments.get(entry.url);
      if (fragment === undefined) throw new Error(`Pagefind indexed no page for ${entry.url}`);
      into.docs.put.push([ids[index]!, { segment: id, fragment, key: searchKey(entry), filters: entry.filters }]);
    });
    into.segments.put.push([id, { files, ids: [...ids] }]);
    into.indexed += ids.length;
    return { id, size: ids.length, dead: [], deadFilters: {} };
  }
}

/**
 * Does `work` for `count` segments, in order of their numbers, handing it the way to index one:
 * this process's Pagefind, one segment after another, or up to `jobs − 1` at once, each in a
 * worker thread with a Pagefind process of its own (one core is left to the rendering that runs
 * meanwhile: on two cores, two Pagefind processes beside it made the build slower).
 */
async function indexSegments<T>(count: number, language: string, jobs: number, work: (at: number, index: (entries: SearchEntry[], segment: string) => Promise<IndexedSegment>) => Promise<T>): Promise<T[]> {
  const processes = Math.min(jobs - 1, count);
  const done = new Array<T>(count);
  if (processes <= 1) {
    for (let at = 0; at < count; at++) done[at] = await work(at, (entries, segment) => indexSegment(entries, segment, language));
    return done;
  }
  const { workerPool } = await import('../parallel/pool.ts');
  const pool = await workerPool('search-worker', processes);
  const inWorker = (entries: SearchEntry[], segment: string) => pool.run({ entries, segment, language }) as Promise<IndexedSegment>;
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: processes }, async () => {
        while (next < count) {
          const at = next++;
          done[at] = await work(at, inWorker);
        }
      }),
    );
    return done;
  } finally {
    await pool.destroy();
  }
}

/**
 * `pagefind/segments.json`: the segments to merge into Pagefind's (placeholder) primary index,
 * the ids of dead versions to drop from results, the filter counts of those to take off, and the
 * number of articles (the search page ranks by BM25 over the whole archive).
 */
function manifest(meta: SearchMeta, articles: number): string {
  const deadFilters: Record<string, Record<string, number>> = {};
  for (const segment of meta.segments) {
    for (const [name, values] of Object.entries(segment.deadFilters)) {
      const counts = (deadFilters[name] ??= {});
      for (const [value, count] of Object.entries(values)) counts[value] = (counts[value] ?? 0) + count;
    }
  }
  return `${JSON.stringify({
    version: 1,
    articles,
    segments: meta.segments.map((segment) => segment.id),
    dead: [...(meta.placeholder ? [meta.placeholder] : []), ...meta.segments.flatMap((segment) => segment.dead)].sort(),
    deadFilters,
  })}\n`;
}
