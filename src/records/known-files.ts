import type { Snapshot } from '../store/contents.ts';

/**
 * For each found path, its index in the last build's snapshot, or -1 when that build did not know
 * it. Both lists are in the scan's order, so they are compared from each end first: only the
 * files in between (usually the few added, removed or renamed) are looked up by path.
 */
export function matchSnapshot(found: readonly string[], snapshot: Pick<Snapshot, 'paths'>): Int32Array {
  const paths = snapshot.paths;
  const match = new Int32Array(found.length).fill(-1);
  let head = 0;
  const shorter = Math.min(found.length, paths.length);
  while (head < shorter && found[head] === paths[head]) {
    match[head] = head;
    head++;
  }
  let tail = 0;
  while (tail < shorter - head && found[found.length - 1 - tail] === paths[paths.length - 1 - tail]) {
    match[found.length - 1 - tail] = paths.length - 1 - tail;
    tail++;
  }
  if (head + tail < found.length && head + tail < paths.length) {
    const middle = new Map<string, number>();
    for (let at = head; at < paths.length - tail; at++) middle.set(paths[at]!, at);
    for (let at = head; at < found.length - tail; at++) match[at] = middle.get(found[at]!) ?? -1;
  }
  return match;
}
