import path from 'node:path';
import { FurnitureCounts, type FoundFurniture, type StoredFurnitureCounts } from '../clean/boilerplate.ts';
import type { SiteConfig } from '../config/schema.ts';
import { readOne } from '../read/read-sources.ts';
import { displayPath, formatOf } from '../read/scan.ts';
import type { FileTable, ReadArticles } from '../records/load-records.ts';
import { buildRecord, compileCleaning } from '../records/parse-sources.ts';
import type { Snapshot } from '../store/contents.ts';
import { applyChanges, fillExamples, type RecordLookup } from './count-stage.ts';

/** What the build state keeps of the archive's furniture: the counts, and the lines its records were cleaned of. */
export interface StoredFurniture {
  counts: StoredFurnitureCounts;
  removed: string[];
}

/** The furniture counts after this build's changes (see `applyChanges`). */
export function countFurniture(stored: StoredFurniture | undefined, read: ReadArticles, snapshot: Snapshot | undefined, record: RecordLookup): FurnitureCounts {
  const counts = new FurnitureCounts(stored?.counts);
  applyChanges(read, snapshot, record, (article, sign) => counts.add(article, sign));
  return counts;
}

/** The furniture found, but the lines the user keeps (folded), each with an example file. */
export function foundFurniture(counts: FurnitureCounts, keep: ReadonlySet<string>, files: FileTable, record: RecordLookup): FoundFurniture[] {
  const found = counts.found(keep);
  const wanted = counts.wanting(found.filter((line) => line.example === '').map((line) => line.text));
  if (wanted.length === 0) return found;
  fillExamples(wanted, files, record);
  return counts.found(keep);
}

/** Whether two sets of furniture lines are the same. */
export function sameFurniture(found: readonly FoundFurniture[], removed: readonly string[]): boolean {
  return found.length === removed.length && found.every((line, index) => line.text === removed[index]);
}

/**
 * Parses again, without the furniture found, the records read in this (clean) build that hold
 * some of it. The files are read again: records keep only their cleaned text.
 */
export async function removeFoundFurniture(read: ReadArticles, inputDir: string, config: Pick<SiteConfig, 'leftoverPatterns' | 'keepParagraphs'>, found: readonly FoundFurniture[]): Promise<void> {
  const furniture = new Set(found.map((line) => line.text));
  if (furniture.size === 0) return;
  const cleaning = compileCleaning(config.leftoverPatterns, config.keepParagraphs, furniture);
  for (const [hash, record] of read.records) {
    if (!record.short?.some((line) => furniture.has(line.key))) continue;
    const source = await readOne({ absolutePath: path.join(inputDir, record.source), relativePath: record.source, format: formatOf(record.source)! }, displayPath(inputDir));
    if ('code' in source || source.hash !== hash) continue; // changed while building: the next build reads it again
    const cleaned = await buildRecord(source, cleaning);
    if (!('code' in cleaned)) read.records.set(hash, cleaned);
  }
}
