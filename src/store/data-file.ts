import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The state's data file as a whole: checked before LMDB maps it, sealed after every commit. */

const META_MAGIC = 0xbeefc0de;
const DATA_VERSION = 2;

/**
 * Why the LMDB data file at `file` cannot be opened safely, or undefined when it can (or does not
 * exist). LMDB maps the file and trusts its two meta pages: a file cut shorter than the newer meta
 * page's last page would be read past its end, which kills the process with SIGBUS. So the meta
 * pages are read first (LMDB 1.0's layout, as the `lmdb` package builds it: a 24-byte page
 * header, then magic, version, address, map size, two 48-byte database records whose first
 * starts with the page size, last page number, transaction id).
 */
export function dataFileProblem(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(dataFileOf(file), 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(8192 * 4);
    const got = readSync(fd, head, 0, head.length, 0);
    if (got < 160) return `its data file is ${size} bytes, too short to hold its header`;
    const pageSize = head.readUInt32LE(48);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0 || got < pageSize + 160) return 'its header is damaged';
    const metas = [0, pageSize].map((at) => ({
      ok: head.readUInt32LE(at + 24) === META_MAGIC && head.readUInt32LE(at + 28) === DATA_VERSION,
      lastPage: head.readBigUInt64LE(at + 144),
      txn: head.readBigUInt64LE(at + 152),
    }));
    const valid = metas.filter((meta) => meta.ok);
    if (valid.length === 0) return 'its header is damaged or from another version of LMDB';
    const newest = valid.reduce((a, b) => (b.txn > a.txn ? b : a));
    const needed = (newest.lastPage + 1n) * BigInt(pageSize);
    if (BigInt(size) < needed) return `its data file is cut short: ${size} bytes of ${needed}`;
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The data file's seal: its size, inode and modification time as Dateline's last write left
 * them, kept beside it. LMDB does not check its pages, and damage to a branch page can crash the
 * process inside LMDB, so a state whose file is not as Dateline left it (damaged on the disk, or
 * only copied: restored from a CI cache) is read through once in a child process before it is
 * opened here (see `verifyInChild`). Written after every commit.
 */
export function sealState(file: string): void {
  const data = dataFileOf(file);
  const { size, ino, mtimeMs } = statSync(data);
  const seal = `${file}.seal`;
  writeFileSync(`${seal}.tmp`, JSON.stringify({ size, ino, mtimeMs }));
  renameSync(`${seal}.tmp`, seal);
}

/** Whether the data file at `file` is as the last commit left it (by its seal); true when there is no state. */
export function matchesSeal(file: string): boolean {
  const data = dataFileOf(file);
  if (!existsSync(data)) return true;
  try {
    const seal = JSON.parse(readFileSync(`${file}.seal`, 'utf8')) as { size: number; ino: number; mtimeMs: number };
    const { size, ino, mtimeMs } = statSync(data);
    return size === seal.size && ino === seal.ino && mtimeMs === seal.mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Reads every value of the state at `file` in a child process, checking each checksum: why it
 * cannot be trusted, or undefined when it can. Damage that crashes LMDB crashes only the child.
 * About a second for the state of 19,043 articles; done only when the seal does not match.
 */
export function verifyInChild(file: string, databases: readonly string[]): string | undefined {
  const child = spawnSync(process.execPath, ['-e', VERIFY, file, JSON.stringify(databases), import.meta.resolve('lmdb')], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status === 0 && child.stdout === 'ok') return undefined;
  if (child.signal !== null) return `reading it crashed LMDB (${child.signal})`;
  return child.stdout.trim() || `reading it failed: ${child.stderr.trim().split('\n').pop()}`;
}

const VERIFY = `
const [file, names, lmdb] = process.argv.slice(1);
const { crc32 } = require('node:zlib');
import(lmdb).then(({ open }) => {
  const root = open({ path: file, maxDbs: 16, compression: false, readOnly: true });
  const meta = root.openDB({ name: 'meta', encoding: 'binary' });
  if (meta !== undefined && meta.getBinary('format') === undefined && meta.getBinary('meta') !== undefined) {
    process.stdout.write('it was written by another version of Dateline');
    process.exit(1);
  }
  for (const name of JSON.parse(names)) {
    const db = root.openDB({ name, encoding: 'binary', keyEncoding: 'binary' });
    if (db === undefined) continue;
    for (const { value } of db.getRange({})) {
      if (value.length < 4 || crc32(value.subarray(4)) !== value.readUInt32LE(0)) {
        process.stdout.write('a value of ' + name + ' does not match its checksum');
        process.exit(1);
      }
    }
  }
  process.stdout.write('ok');
});
`;

/** LMDB's data file for a state at `file`: the file itself, or `data.mdb` in it when it is a folder. */
function dataFileOf(file: string): string {
  return existsSync(file) && statSync(file).isDirectory() ? path.join(file, 'data.mdb') : file;
}
