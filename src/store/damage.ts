import { crc32 } from 'node:zlib';

/**
 * The build state is damaged, truncated or not one this Dateline wrote: it is only a cache, so
 * the build drops it and builds everything again from the articles (saying why, once).
 */
export class StateDamaged extends Error {
  constructor(readonly reason: string) {
    super(`the build state is damaged (${reason})`);
    this.name = 'StateDamaged';
  }
}

/** What the build says when it drops a damaged state. */
export function droppedNote(damage: StateDamaged): string {
  return `${damage.message}: it was dropped, and everything is built again from the articles`;
}

/** The build state could not be written (read-only, full): the build publishes, and the next one builds everything. */
export class StateUnsaved extends Error {
  constructor(readonly reason: string) {
    super(`the build state could not be saved (${reason})`);
    this.name = 'StateUnsaved';
  }
}

/** A stored value's bytes with their CRC-32 in front: damage to a value is found when it is read. */
export function sealed(bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(bytes.byteLength + 4);
  out.writeUInt32LE(crc32(bytes), 0);
  out.set(bytes, 4);
  return out;
}

/** The bytes of a sealed value (a view, no copy), once their checksum matches. */
export function unsealed(stored: Uint8Array, what: string): Uint8Array {
  if (stored.byteLength < 4) throw new StateDamaged(`${what} is cut short`);
  const bytes = stored.subarray(4);
  const sum = stored[0]! | (stored[1]! << 8) | (stored[2]! << 16) | (stored[3]! << 24);
  if (crc32(bytes) !== sum >>> 0) throw new StateDamaged(`${what} does not match its checksum`);
  return bytes;
}

/**
 * Runs a read of the store: anything it throws (lmdb's MDB_CORRUPTED or MDB_PAGE_NOTFOUND, a
 * value that does not decode) means a damaged state.
 */
export function reading<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof StateDamaged) throw error;
    throw new StateDamaged(`reading ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** An error that says the state's file or folder cannot be written (read-only, no permission, full). */
export function isWriteRefusal(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'ENOSPC' || code === 'EDQUOT';
}
