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
const FINGERPRINT = /^[0-9a-f]{16}$/;

/**
 * The ledger file's data lines, found without splitting them: where each is in the text, by its
 * id as written (`key`), in key order. A ledger of 19,043 articles is indexed in a few
 * milliseconds; a line is read only when its article is looked up.
 */
export interface LineIndex {
  text: string;
  keys: string[];
  starts: number[];
  ends: number[];
  /** Positions (in key order) of the lines that hold former URLs. */
  formers: number[];
}

/** Indexes the data lines of a ledger's text (comments and blank lines are skipped). */
export function indexLines(text: string): LineIndex {
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const formers: number[] = [];
  let sorted = true;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start && text.charCodeAt(start) !== 35 /* # */) {
      const tab1 = text.indexOf('\t', start);
      const key = text.slice(start, tab1 === -1 || tab1 > end ? end : tab1);
      if (sorted && keys.length > 0 && keys[keys.length - 1]! > key) sorted = false;
      const tab2 = tab1 === -1 ? -1 : text.indexOf('\t', tab1 + 1);
      const tab3 = tab2 === -1 ? -1 : text.indexOf('\t', tab2 + 1);
      if (tab3 !== -1 && tab3 < end) formers.push(keys.length);
      keys.push(key);
      starts.push(start);
      ends.push(end);
    }
    start = end + 1;
  }
  if (sorted) return { text, keys, starts, ends, formers };
  // A ledger edited by hand, its lines out of order: indexed in key order.
  const order = keys.map((_, at) => at).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : starts[a]! - starts[b]!));
  const former = new Set(formers);
  return {
    text,
    keys: order.map((at) => keys[at]!),
    starts: order.map((at) => starts[at]!),
    ends: order.map((at) => ends[at]!),
    formers: order.flatMap((at, position) => (former.has(at) ? [position] : [])),
  };
}

/** The entry on line `at` of the index. */
export function entryAt(index: LineIndex, at: number): LedgerEntry {
  const [, fingerprint = '', ...paths] = index.text.slice(index.starts[at], index.ends[at]).split('\t');
  return { fingerprint, paths };
}

/** The position of `key` in the index, or -1. */
export function findKey(index: LineIndex, key: string): number {
  const at = lowerBound(index.keys, key);
  return index.keys[at] === key ? at : -1;
}

/** The first position of a sorted list holding a value not below `value`. */
export function lowerBound(list: readonly string[], value: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
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
    throw new DatelineError({ code: 'bad-url-ledger', file, line: lineOf(index.text, offset), message, ...(hint ? { hint } : {}) });
  };
  const holders = new Map<string, string>();
  const holderLine = new Map<string, number>();
  const byFingerprint = new Map<string, string[]>();
  for (let at = 0; at < index.keys.length; at++) {
    const start = index.starts[at]!;
    const line = index.text.slice(start, index.ends[at]);
    if (/^(?:<{7}|={7}|>{7}|\|{7})(?: |$)/.test(line)) fail(start, 'holds an unresolved merge conflict', 'keep the lines of both sides — one line an article, with the URLs of both — and remove the markers');
    const [key, fingerprint, ...paths] = line.split('\t');
    if (key === '' || fingerprint === undefined || !FINGERPRINT.test(fingerprint) || paths.length === 0) fail(start, 'is not "id, fingerprint, URL path, former URL paths…" separated by tabs');
    const id = decodeId(key!);
    if (at > 0 && index.keys[at - 1] === key) {
      const first = Math.min(index.starts[at - 1]!, start);
      fail(Math.max(index.starts[at - 1]!, start), `lists the article "${id}" again (first on line ${lineOf(index.text, first)})`, 'merge the two lines into one: the current URL first, then every other');
    }
    for (const path of paths) {
      if (!ARTICLE_PATH.test(path)) fail(start, `"${path}" is not an article's URL path (YYYY/MM/DD/segment/)`);
      const holder = holders.get(path);
      if (holder !== undefined && holder !== id) {
        const [earlier, later] = holderLine.get(path)! < start ? [holderLine.get(path)!, start] : [start, holderLine.get(path)!];
        const [first, second] = earlier === start ? [id, holder] : [holder, id];
        fail(later, `gives /${path} to "${second}", but line ${lineOf(index.text, earlier)} gives it to "${first}"`, 'a URL belongs to one article: keep it on the line of the article that was published there first');
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

/** The 1-based line of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** Ids are file names: tabs, line breaks and other control characters (and `%`) are written as `%XX`. */
export function encodeId(id: string): string {
  return id.replace(/[\u0000-\u001f%\u007f]/g, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

export function decodeId(text: string): string {
  return text.includes('%') ? text.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}
