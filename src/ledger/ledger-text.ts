import { DatelineError } from '../errors.ts';
import { lowerBound } from '../sorted.ts';

/** What the ledger knows of one article. */
export interface LedgerEntry {
  /** Its text's fingerprint when it was last built (see `textFingerprint`): how a renamed file is known again. */
  fingerprint: string;
  /** Every URL path it has been published at, the current one first; the others redirect to it. */
  paths: string[];
}

export const HEADER = /^# Dateline URL ledger, permalink rule (\d+)\b/;
const ARTICLE_PATH = /^\d{4}\/\d{2}\/\d{2}\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/;
const FINGERPRINT = /^[0-9a-f]{16}$/;
const NEWLINE = 10;
const HASH = 35;

/**
 * The ledger file's data lines, found without decoding them: the file's bytes, and the same bytes
 * as a one-byte (latin1) string, where a character is a byte, so its offsets are byte offsets and
 * its fast string search finds the tabs and line ends. A key (an id as written) sorts there in
 * the byte order of its UTF-8. A ledger of 19,043 articles is indexed in a few milliseconds; a line
 * is decoded only when its article is looked up, and the lines a build does not change are
 * written back as the bytes they were.
 */
export interface LineIndex {
  bytes: Buffer;
  /** The bytes as a one-byte string. */
  latin1: string;
  /** In key order: each line's key (its bytes, as a one-byte string), first byte, and end (before its newline). */
  keys: string[];
  starts: number[];
  ends: number[];
  /** Positions (in key order) of the lines that hold former URLs. */
  formers: number[];
}

/** Indexes the data lines of a ledger file (comments and blank lines are skipped). */
export function indexLines(bytes: Buffer): LineIndex {
  const latin1 = bytes.toString('latin1');
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const formers: number[] = [];
  let sorted = true;
  for (let start = 0; start < latin1.length; ) {
    let end = latin1.indexOf('\n', start);
    if (end === -1) end = latin1.length;
    if (end > start && latin1.charCodeAt(start) !== HASH) {
      const tab1 = latin1.indexOf('\t', start);
      const key = latin1.slice(start, tab1 === -1 || tab1 > end ? end : tab1);
      if (sorted && keys.length > 0 && keys[keys.length - 1]! > key) sorted = false;
      const tab2 = tab1 === -1 ? -1 : latin1.indexOf('\t', tab1 + 1);
      const tab3 = tab2 === -1 ? -1 : latin1.indexOf('\t', tab2 + 1);
      if (tab3 !== -1 && tab3 < end) formers.push(keys.length);
      keys.push(key);
      starts.push(start);
      ends.push(end);
    }
    start = end + 1;
  }
  if (sorted) return { bytes, latin1, keys, starts, ends, formers };
  // A ledger edited by hand, its lines out of order: indexed in key order.
  const order = keys.map((_, at) => at).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : starts[a]! - starts[b]!));
  const former = new Set(formers);
  return {
    bytes,
    latin1,
    keys: order.map((at) => keys[at]!),
    starts: order.map((at) => starts[at]!),
    ends: order.map((at) => ends[at]!),
    formers: order.flatMap((at, position) => (former.has(at) ? [position] : [])),
  };
}

/** An id as the index keys it: its encoded form's UTF-8 bytes, as a one-byte string. */
export function keyOf(id: string): string {
  return Buffer.from(encodeId(id), 'utf8').toString('latin1');
}

/** The text of line `at` of the index. */
export function lineAt(index: LineIndex, at: number): string {
  return index.bytes.toString('utf8', index.starts[at], index.ends[at]);
}

/** The id on line `at` of the index. */
export function idAt(index: LineIndex, at: number): string {
  return decodeId(Buffer.from(index.keys[at]!, 'latin1').toString('utf8'));
}

/** The entry on line `at` of the index. */
export function entryAt(index: LineIndex, at: number): LedgerEntry {
  const [, fingerprint = '', ...paths] = lineAt(index, at).split('\t');
  return { fingerprint, paths };
}

/** The position of `key` (see `keyOf`) in the index, or -1. */
export function findKey(index: LineIndex, key: string): number {
  const at = lowerBound(index.keys, key);
  return index.keys[at] === key ? at : -1;
}

/** The id of the line that holds byte `offset`. */
export function idOfLineAt(index: LineIndex, offset: number): string {
  const start = index.latin1.lastIndexOf('\n', offset) + 1;
  return decodeId(index.bytes.toString('utf8', start, index.latin1.indexOf('\t', start)));
}

/** Every path and fingerprint of the index, by what holds them: for many lookups at once (a clean build). */
export interface FullIndex {
  holders: Map<string, string>;
  byFingerprint: Map<string, string[]>;
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
  for (let at = 0; at < index.starts.length; at++) {
    const start = index.starts[at]!;
    const line = lineAt(index, at);
    if (/^(?:<{7}|={7}|>{7}|\|{7})(?: |$)/.test(line)) fail(start, 'holds an unresolved merge conflict', 'keep the lines of both sides — one line an article, with the URLs of both — and remove the markers');
    const [key, fingerprint, ...paths] = line.split('\t');
    if (key === '' || fingerprint === undefined || !FINGERPRINT.test(fingerprint) || paths.length === 0) fail(start, 'is not "id, fingerprint, URL path, former URL paths…" separated by tabs');
    const id = decodeId(key!);
    if (at > 0 && index.keys[at - 1] === index.keys[at]) {
      const first = Math.min(index.starts[at - 1]!, start);
      fail(Math.max(index.starts[at - 1]!, start), `lists the article "${id}" again (first on line ${lineNumber(index.bytes, first)})`, 'merge the two lines into one: the current URL first, then every other');
    }
    for (const path of paths) {
      if (!ARTICLE_PATH.test(path)) fail(start, `"${path}" is not an article's URL path (YYYY/MM/DD/segment/)`);
      const holder = holders.get(path);
      if (holder !== undefined && holder !== id) {
        const [earlier, later] = holderLine.get(path)! < start ? [holderLine.get(path)!, start] : [start, holderLine.get(path)!];
        const [first, second] = earlier === start ? [id, holder] : [holder, id];
        fail(later, `gives /${path} to "${second}", but line ${lineNumber(index.bytes, earlier)} gives it to "${first}"`, 'a URL belongs to one article: keep it on the line of the article that was published there first');
      }
      holders.set(path, id);
      holderLine.set(path, start);
    }
    const ids = byFingerprint.get(fingerprint!);
    if (ids) ids.push(id);
    else byFingerprint.set(fingerprint!, [id]);
  }
  return { holders, byFingerprint };
}

/** The 1-based line of a byte offset. */
function lineNumber(bytes: Buffer, offset: number): number {
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
