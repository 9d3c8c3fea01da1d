import type { Snapshot } from './contents.ts';

/**
 * The snapshot of the input folder is stored in chunks of about this many files. A chunk ends at
 * a file whose path hashes to a multiple of it, so where chunks end depends on the paths alone:
 * adding, editing or removing a file changes the one chunk that holds it, and only that chunk is
 * written again.
 */
export const SNAPSHOT_CHUNK = 512;

/** A stored chunk: its key, and the rows of the whole snapshot it holds. */
export interface SnapshotChunk {
  key: number;
  from: number;
  to: number;
}

/** Where each chunk of `paths` ends (exclusive), in order; the last ends at `paths.length`. */
export function chunkEnds(paths: readonly string[]): number[] {
  const ends: number[] = [];
  for (let row = 0; row < paths.length; row++) {
    if (row === paths.length - 1 || pathHash(paths[row]!) % SNAPSHOT_CHUNK === 0) ends.push(row + 1);
  }
  return ends;
}

/** FNV-1a over the path's UTF-16 code units: cheap, and the same on every machine. */
function pathHash(path: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < path.length; at++) hash = Math.imul(hash ^ path.charCodeAt(at), 0x01000193);
  return hash >>> 0;
}

/** Whether rows `[aFrom, aFrom + count)` of `a` equal rows `[bFrom, bFrom + count)` of `b` (times equal when both are NaN). */
export function sameRows(a: Snapshot, aFrom: number, b: Snapshot, bFrom: number, count: number): boolean {
  for (let at = 0; at < count; at++) {
    const x = aFrom + at;
    const y = bFrom + at;
    if (a.paths[x] !== b.paths[y] || a.hashes[x] !== b.hashes[y] || a.ids[x] !== b.ids[y] || a.statuses[x] !== b.statuses[y]) return false;
    for (let field = 0; field < 3; field++) if (!Object.is(a.times[x * 3 + field], b.times[y * 3 + field])) return false;
  }
  return true;
}

/** The chunks' rows as one snapshot, in order (each list made at its full length, then filled). */
export function joinSnapshots(parts: readonly Snapshot[]): Snapshot {
  const count = parts.reduce((sum, part) => sum + part.paths.length, 0);
  const joined: Snapshot = { paths: new Array<string>(count), times: new Float64Array(count * 3), hashes: new Array<string>(count), ids: new Array<string>(count), statuses: new Array<Snapshot['statuses'][number]>(count) };
  let row = 0;
  for (const part of parts) {
    joined.times.set(part.times, row * 3);
    for (let at = 0; at < part.paths.length; at++, row++) {
      joined.paths[row] = part.paths[at]!;
      joined.hashes[row] = part.hashes[at]!;
      joined.ids[row] = part.ids[at]!;
      joined.statuses[row] = part.statuses[at]!;
    }
  }
  return joined;
}

const STATUSES = ['article', 'draft', 'error'] as const;

/**
 * Rows `[from, to)` of a snapshot as one binary value, read back in a few copies: four 32-bit
 * numbers (rows, and the bytes of the paths, hashes and ids), the times as 64-bit floats, a byte
 * per status, then the paths, hashes and ids, each list as UTF-8 joined by NUL (which no path holds).
 */
export function encodeSnapshot(snapshot: Snapshot, from = 0, to = snapshot.paths.length): Buffer {
  const texts = [snapshot.paths, snapshot.hashes, snapshot.ids].map((list) => Buffer.from(list.slice(from, to).join('\0'), 'utf8'));
  const head = Int32Array.from([to - from, ...texts.map((text) => text.length)]);
  const statuses = Uint8Array.from(snapshot.statuses.slice(from, to), (status) => STATUSES.indexOf(status));
  const times = snapshot.times.subarray(from * 3, to * 3);
  return Buffer.concat([new Uint8Array(head.buffer), new Uint8Array(times.buffer, times.byteOffset, times.byteLength), statuses, ...texts]);
}

export function decodeSnapshot(bytes: Uint8Array): Snapshot {
  const head = new Int32Array(4);
  new Uint8Array(head.buffer).set(bytes.subarray(0, 16));
  const [count, ...lengths] = head as unknown as [number, number, number, number];
  let at = 16;
  const times = new Float64Array(count * 3);
  new Uint8Array(times.buffer).set(bytes.subarray(at, (at += times.byteLength)));
  const statuses = Array.from(bytes.subarray(at, (at += count)), (status) => STATUSES[status]!);
  const [paths, hashes, ids] = lengths.map((length) => {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset + at, length).toString('utf8');
    at += length;
    return count === 0 ? [] : text.split('\0');
  }) as [string[], string[], string[]];
  return { paths, times, hashes, ids, statuses };
}
