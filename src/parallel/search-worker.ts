import { closeSearchService, indexSegment, type IndexedSegment } from '../search/pagefind.ts';
import type { SearchEntry } from '../search/entry.ts';

export interface SearchTask {
  entries: SearchEntry[];
  segment: string;
  language: string;
}

/** A worker thread's task: index one segment in this thread's own Pagefind process, then stop it. */
export default async function indexInWorker(task: SearchTask): Promise<IndexedSegment> {
  try {
    return await indexSegment(task.entries, task.segment, task.language);
  } finally {
    await closeSearchService();
  }
}
