import path from 'node:path';
import { FurnitureCounts, type FoundFurniture, type StoredFurnitureCounts } from '../clean/boilerplate.ts';
import { compileLeftoverPatterns } from '../clean/leftovers.ts';
import { readOne } from '../read/read-sources.ts';
import { displayPath, formatOf } from '../read/scan.ts';
import type { ReadArticles } from '../records/load-records.ts';
import { buildRecord } from '../records/parse-sources.ts';
import type { ArticleRecord } from '../records/record.ts';
import type { Snapshot } from '../store/contents.ts';

/** What the build state keeps of the archive's furniture: the counts, and the lines its records were cleaned of. */
export interface StoredFurniture {
  counts: StoredFurnitureCounts;
  removed: string[];
}

/**
 * The furniture counts after this build's changes: each file whose content changed takes its old
 * record's share back and adds its new one's; files gone take theirs back. A clean build adds
 * every record to nothing.
 */
export function countFurniture(stored: StoredFurniture | undefined, read: ReadArticles, snapshot: Snapshot | undefined, record: (hash: string) => ArticleRecord | undefined): FurnitureCounts {
  const counts = new FurnitureCounts(stored?.counts);
  const share = (hash: string, status: string, sign: 1 | -1) => {
    if (status === 'error') return;
    const found = record(hash);
    if (found) counts.add(found, sign);
  };
  const { files } = read;
  const kept = new Set<number>();
  for (let row = 0; row < files.paths.length; row++) {
    const at = files.previous[row]!;
    if (at !== -1 && snapshot) {
      kept.add(at);
      if (snapshot.hashes[at] === files.hashes[row]) continue;
      share(snapshot.hashes[at]!, snapshot.statuses[at]!, -1);
    }
    share(files.hashes[row]!, files.statuses[row]!, 1);
  }
  if (snapshot) for (let at = 0; at < snapshot.paths.length; at++) if (!kept.has(at)) share(snapshot.hashes[at]!, snapshot.statuses[at]!, -1);
  return counts;
}

/** Whether two sets of furniture lines are the same. */
export function sameFurniture(found: readonly FoundFurniture[], removed: readonly string[]): boolean {
  return found.length === removed.length && found.every((line, index) => line.text === removed[index]);
}

/**
 * Parses again, without the furniture found, the records read in this (clean) build that hold
 * some of it. The files are read again: records keep only their cleaned text.
 */
export async function removeFoundFurniture(read: ReadArticles, inputDir: string, leftoverPatterns: readonly string[], found: readonly FoundFurniture[]): Promise<void> {
  const furniture = new Set(found.map((line) => line.text));
  if (furniture.size === 0) return;
  const leftovers = compileLeftoverPatterns(leftoverPatterns);
  for (const [hash, record] of read.records) {
    if (!record.short?.some((line) => furniture.has(line.key))) continue;
    const source = await readOne({ absolutePath: path.join(inputDir, record.source), relativePath: record.source, format: formatOf(record.source)! }, displayPath(inputDir));
    if ('code' in source || source.hash !== hash) continue; // changed while building: the next build reads it again
    const cleaned = await buildRecord(source, leftovers, furniture);
    // An article that was nothing but furniture keeps its lines rather than become an error.
    if (!('code' in cleaned)) read.records.set(hash, cleaned);
  }
}
