import { EXAMPLES, type WantedExamples } from '../clean/examples.ts';
import { RemovalCounts, type RemovalReport, type StoredRemovals } from '../clean/removal-counts.ts';
import type { FileTable, ReadArticles } from '../records/load-records.ts';
import type { ArticleRecord } from '../records/record.ts';
import type { Snapshot } from '../store/contents.ts';

/** A record by its hash: read now, or kept in the build state. */
export type RecordLookup = (hash: string) => ArticleRecord | undefined;

/**
 * Applies this build's changes to counts kept over the whole archive: each file whose content
 * changed takes its old record's share back and adds its new one's; files gone take theirs back.
 * A clean build adds every record to nothing. Files with errors have no share. Only the changed
 * files' records are read.
 */
export function applyChanges(read: ReadArticles, snapshot: Snapshot | undefined, record: RecordLookup, add: (record: ArticleRecord, sign: 1 | -1) => void): void {
  const share = (hash: string, status: string, sign: 1 | -1) => {
    if (status === 'error') return;
    const found = record(hash);
    if (found) add(found, sign);
  };
  const { files } = read;
  const kept = new Uint8Array(snapshot?.paths.length ?? 0);
  for (let row = 0; row < files.paths.length; row++) {
    const at = files.previous[row]!;
    if (at !== -1 && snapshot) {
      kept[at] = 1;
      if (snapshot.hashes[at] === files.hashes[row]) continue;
      share(snapshot.hashes[at]!, snapshot.statuses[at]!, -1);
    }
    share(files.hashes[row]!, files.statuses[row]!, 1);
  }
  if (snapshot) for (let at = 0; at < snapshot.paths.length; at++) if (kept[at] === 0) share(snapshot.hashes[at]!, snapshot.statuses[at]!, -1);
}

/**
 * Finds again the examples of counts that lost them all (an update removed or changed every file
 * they named): the archive's records, in the folder's order, until each count has its first
 * files. Records are read only then, and only as far as needed.
 */
export function fillExamples(wanted: readonly WantedExamples<ArticleRecord>[], files: FileTable, record: RecordLookup): void {
  const open = wanted.filter((count) => count.examples.length < Math.min(EXAMPLES, count.articles));
  for (let row = 0; row < files.paths.length && open.length > 0; row++) {
    if (files.statuses[row] === 'error') continue;
    const found = record(files.hashes[row]!);
    if (found === undefined) continue;
    for (let at = open.length - 1; at >= 0; at--) {
      const count = open[at]!;
      if (!count.holds(found)) continue;
      count.examples.push(files.paths[row]!);
      if (count.examples.length >= Math.min(EXAMPLES, count.articles)) open.splice(at, 1);
    }
  }
}

/** The removal counts after this build's changes (see {@link applyChanges}). */
export function countRemovals(stored: StoredRemovals | undefined, read: ReadArticles, snapshot: Snapshot | undefined, record: RecordLookup): RemovalCounts {
  const counts = new RemovalCounts(stored);
  applyChanges(read, snapshot, record, (article, sign) => counts.add(article, sign));
  return counts;
}

/** What the build reports as removed by pattern and sign-off, every line it lists with an example. */
export function reportRemovals(counts: RemovalCounts, files: FileTable, record: RecordLookup): RemovalReport {
  fillExamples(counts.wanting(), files, record);
  return counts.report();
}
