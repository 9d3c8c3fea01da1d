import { compareWalkOrder } from '../read/scan.ts';

/**
 * Example files a count keeps: its first files in the input folder's order. The report shows
 * the first; the others stand in for it when it goes.
 */
export const EXAMPLES = 3;

/**
 * A count's examples after `source` joins it. They stay the count's first files in the folder's
 * order, so the first is the one a clean build shows: a file after the last example joins only
 * while the examples are every file of the count (`held`: how many it had before).
 */
export function withExample(examples: readonly string[], source: string, held: number): string[] {
  const last = examples.at(-1);
  if (examples.length < held && (last === undefined || compareWalkOrder(source, last) > 0)) return [...examples];
  return [...examples, source].sort(compareWalkOrder).slice(0, EXAMPLES);
}

/** A count's examples after `source` leaves it: still its first files, fewer (none when they all went). */
export function withoutExample(examples: readonly string[], source: string): string[] {
  return examples.filter((each) => each !== source);
}

/**
 * A count shown in a report whose examples all went while it still counts articles: the
 * archive's records are offered to it in the folder's order (see `fillExamples`) until it has
 * its first files again.
 */
export interface WantedExamples<T> {
  /** Files the count holds, and its examples (filled in place). */
  articles: number;
  examples: string[];
  holds(article: T): boolean;
}
