import { DatelineError } from '../errors.ts';

/** What the ledger knows of one article. */
export interface LedgerEntry {
  /** Its text's fingerprint when it was last built (see `textFingerprint`): how a renamed file is known again. */
  fingerprint: string;
  /** Every URL path it has been published at, the current one first; the others redirect to it. */
  paths: string[];
}

export const HEADER = /^# Dateline URL ledger, permalink rule (\d+)\b/;
const ARTICLE_PATH = /^\d{4}\/\d{2}\/\d{2}\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/;
/** The longest segment a URL path may have: a page is a folder of that name, and file systems allow 255 bytes (Dateline makes at most about 150). */
const MAX_SEGMENT = 200;
const FINGERPRINT = /^[0-9a-f]{16}$/;
const NEWLINE = 10;
const TAB = 9;
const HASH = 35;

/**
 * A ledger file's data lines, found in its bytes without decoding them: where each line is and
 * where its id as written (its key) ends, in key order (the byte order of the UTF-8). A month of
 * 10,000 articles is indexed in a millisecond or two; a line is decoded only when its article is
 * looked up, and the lines a build does not change are written back as the bytes they were.
 */
export interface LineIndex {
  bytes: Buffer;
  /** In key order: each line's first byte, the end of its key (its first tab), and its end (before its newline). */
  starts: Uint32Array;
  keyEnds: Uint32Array;
  ends: Uint32Array;
}

/**
 * Indexes the data lines of a ledger file (comments and blank lines are skipped). A file this
 * build's state wrote is in key order; `sorted: false` (a file edited by hand) checks, and sorts.
 */
export function indexLines(bytes: Buffer, sorted = true): LineIndex {
  let count = 1;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  const starts = new Uint32Array(count);
  const keyEnds = new Uint32Array(count);
  const ends = new Uint32Array(count);
  let lines = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    if (end > start && bytes[start] !== HASH) {
      const tab = bytes.indexOf(TAB, start);
      starts[lines] = start;
      keyEnds[lines] = tab === -1 || tab > end ? end : tab;
      ends[lines] = end;
      lines++;
    }
    start = end + 1;
  }
  const index = { bytes, starts: starts.subarray(0, lines), keyEnds: keyEnds.subarray(0, lines), ends: ends.subarray(0, lines) };
  if (sorted) return index;
  let inOrder = true;
  for (let at = 1; at < lines && inOrder; at++) if (compareKeys(index, at - 1, at) > 0) inOrder = false;
  if (inOrder) return index;
  const order = Array.from({ length: lines }, (_, at) => at).sort((a, b) => compareKeys(index, a, b) || index.starts[a]! - index.starts[b]!);
  return { bytes, starts: Uint32Array.from(order, (at) => index.starts[at]!), keyEnds: Uint32Array.from(order, (at) => index.keyEnds[at]!), ends: Uint32Array.from(order, (at) => index.ends[at]!) };
}

/** Byte order of the keys of lines `a` and `b`. */
function compareKeys(index: LineIndex, a: number, b: number): number {
  return index.bytes.compare(index.bytes, index.starts[b], index.keyEnds[b], index.starts[a], index.keyEnds[a]);
}

/** An id as the index keys it: its encoded form's UTF-8 bytes. */
export function keyOf(id: string): Buffer {
  return Buffer.from(encodeId(id), 'utf8');
}

/** The text of line `at` of the index. */
export function lineAt(index: LineIndex, at: number): string {
  return index.bytes.toString('utf8', index.starts[at], index.ends[at]);
}

/** The id on line `at` of the index. */
export function idAt(index: LineIndex, at: number): string {
  return decodeId(index.bytes.toString('utf8', index.starts[at], index.keyEnds[at]));
}

/** The entry on line `at` of the index. */
export function entryAt(index: LineIndex, at: number): LedgerEntry {
  const [, fingerprint = '', ...paths] = lineAt(index, at).split('\t');
  return { fingerprint, paths };
}

/** The first position of the index whose key is not below `key`. */
export function keyBound(index: LineIndex, key: Buffer): number {
  let low = 0;
  let high = index.starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key.compare(index.bytes, index.starts[middle], index.keyEnds[middle]) > 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The position of `key` in the index, or -1. */
export function findKey(index: LineIndex, key: Buffer): number {
  const at = keyBound(index, key);
  return at < index.starts.length && key.compare(index.bytes, index.starts[at], index.keyEnds[at]) === 0 ? at : -1;
}

/** The id of the line that holds byte `offset`. */
export function idOfLineAt(index: LineIndex, offset: number): string {
  const start = index.bytes.lastIndexOf(NEWLINE, offset) + 1;
  return decodeId(index.bytes.toString('utf8', start, index.bytes.indexOf(TAB, start)));
}

/** Every path and fingerprint of the index, by what holds them (for many lookups at once: a clean build), and its former URLs. */
export interface FullIndex {
  holders: Map<string, string>;
  byFingerprint: Map<string, string[]>;
  formers: { from: string; id: string }[];
}

/**
 * Checks every line of a ledger that this build did not write (edited by hand, merged, restored)
 * and indexes its paths and fingerprints. A damaged ledger is refused with the line and what to
 * do: building without it could move published URLs.
 */
export function checkLines(index: LineIndex, file: string): FullIndex {
  const fail = (offset: number, message: string, hint?: string): never => {
    throw new DatelineError({ code: 'bad-url-ledger', file, line: lineNumber(index.bytes, offset), message, ...(hint ? { hint } : {}) });
  };
  const holders = new Map<string, string>();
  const holderLine = new Map<string, number>();
  const byFingerprint = new Map<string, string[]>();
  const formers: { from: string; id: string }[] = [];
  for (let at = 0; at < index.starts.length; at++) {
    const start = index.starts[at]!;
    const line = lineAt(index, at);
    if (/^(?:<{7}|={7}|>{7}|\|{7})(?: |$)/.test(line)) fail(start, 'holds an unresolved merge conflict', 'keep the lines of both sides — one line an article, with the URLs of both — and remove the markers');
    const [key, fingerprint, ...paths] = line.split('\t');
    if (key === '' || fingerprint === undefined || !FINGERPRINT.test(fingerprint) || paths.length === 0) fail(start, 'is not "id, fingerprint, URL path, former URL paths…" separated by tabs');
    const id = decodeId(key!);
    if (at > 0 && compareKeys(index, at - 1, at) === 0) {
      const first = Math.min(index.starts[at - 1]!, start);
      fail(Math.max(index.starts[at - 1]!, start), `lists the article "${id}" again (first on line ${lineNumber(index.bytes, first)})`, 'merge the two lines into one: the current URL first, then every other');
    }
    for (const path of paths) {
      if (!ARTICLE_PATH.test(path)) fail(start, `"${path}" is not an article's URL path (YYYY/MM/DD/segment/)`);
      if (path.length > 12 + MAX_SEGMENT) fail(start, `"${path.slice(0, 40)}…" has a segment of ${path.length - 12} characters, longer than a folder name may safely be (${MAX_SEGMENT})`);
      const holder = holders.get(path);
      if (holder !== undefined && holder !== id) {
        const [earlier, later] = holderLine.get(path)! < start ? [holderLine.get(path)!, start] : [start, holderLine.get(path)!];
        const [first, second] = earlier === start ? [id, holder] : [holder, id];
        fail(later, `gives /${path} to "${second}", but line ${lineNumber(index.bytes, earlier)} gives it to "${first}"`, 'a URL belongs to one article: keep it on the line of the article that was published there first');
      }
      holders.set(path, id);
      holderLine.set(path, start);
    }
    for (const from of paths.slice(1)) formers.push({ from, id });
    const ids = byFingerprint.get(fingerprint!);
    if (ids) ids.push(id);
    else byFingerprint.set(fingerprint!, [id]);
  }
  return { holders, byFingerprint, formers };
}

/** The 1-based line of a byte offset. */
export function lineNumber(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let at = bytes.indexOf(NEWLINE); at !== -1 && at < offset; at = bytes.indexOf(NEWLINE, at + 1)) line++;
  return line;
}

/** Ids are file names: tabs, line breaks and other control characters (and `%`) are written as `%XX`. */
export function encodeId(id: string): string {
  return id.replace(/[\u0000-\u001f%\u007f]/g, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

export function decodeId(text: string): string {
  return text.includes('%') ? text.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}
