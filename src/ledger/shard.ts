import { PERMALINK_RULE } from '../derive/permalink.ts';
import { DatelineError } from '../errors.ts';
import { checkLines, entryAt, findKey, HEADER, idOfLineAt, indexLines, keyBound, keyOf, lineNumber, type FullIndex, type LedgerEntry, type LineIndex } from './ledger-text.ts';

/** The month (`YYYY-MM`) of an article's URL path (`YYYY/MM/DD/segment/`): the file its entry is kept in. */
export function monthOf(path: string): string {
  return `${path.slice(0, 4)}-${path.slice(5, 7)}`;
}

/** Lookups by text search before a file's paths are indexed all at once. */
const SEARCHES_BEFORE_INDEXING = 64;

/**
 * One month's file of the URL ledger: the articles whose URL is in that month, one line each,
 * indexed in its bytes (see `LineIndex`). A file as the last build wrote it is only indexed; any
 * other is checked line by line, and a damaged one refused with its line.
 */
export class Shard {
  readonly month: string;
  /** The file, as errors name it. */
  readonly file: string;
  readonly index: LineIndex;
  #full: FullIndex | undefined;
  #searches = 0;

  private constructor(month: string, file: string, index: LineIndex, full?: FullIndex) {
    this.month = month;
    this.file = file;
    this.index = index;
    this.#full = full;
  }

  static empty(month: string, file = ''): Shard {
    return new Shard(month, file, indexLines(Buffer.alloc(0)));
  }

  static read(bytes: Buffer, file: string, month: string, trusted: boolean): Shard {
    const firstLine = bytes.indexOf(10);
    const header = HEADER.exec(bytes.toString('utf8', 0, firstLine === -1 ? bytes.length : firstLine));
    const fail = (message: string, hint: string): never => {
      throw new DatelineError({ code: 'bad-url-ledger', file, line: 1, message, hint });
    };
    if (!header) fail('is not a Dateline URL ledger (its first line must be "# Dateline URL ledger, permalink rule N")', 'restore it from version control; building without it could move published URLs');
    const rule = Number(header![1]);
    if (rule !== PERMALINK_RULE) fail(`was written with permalink rule ${rule}, which this Dateline does not know`, 'use the Dateline version that wrote it, or a newer one');
    if (trusted) return new Shard(month, file, indexLines(bytes));
    const index = indexLines(bytes, false);
    return new Shard(month, file, index, checkLines(index, file));
  }

  /** Every path and fingerprint of the file, its lines checked (indexed once, when first asked). */
  get full(): FullIndex {
    this.#full ??= checkLines(this.index, this.file);
    return this.#full;
  }

  get lines(): number {
    return this.index.starts.length;
  }

  entry(id: string): LedgerEntry | undefined {
    const at = findKey(this.index, keyOf(id));
    return at === -1 ? undefined : entryAt(this.index, at);
  }

  /** The line number of `id`'s entry, for messages. */
  lineOf(id: string): number {
    return lineNumber(this.index.bytes, this.index.starts[findKey(this.index, keyOf(id))]!);
  }

  /** The article whose line holds `path` (as its URL or a former one), searched in the bytes until lookups are many. */
  holder(path: string): string | undefined {
    if (this.#full !== undefined || ++this.#searches > SEARCHES_BEFORE_INDEXING) return this.full.holders.get(path);
    const { bytes } = this.index;
    const needle = Buffer.from(`\t${path}`);
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
      const after = bytes[at + needle.length];
      if (after === undefined || after === 9 || after === 10) return idOfLineAt(this.index, at);
    }
    return undefined;
  }
}

const HEADER_TEXT = (rule: number) =>
  [
    `# Dateline URL ledger, permalink rule ${rule}`,
    '# Every URL each article has been published at, so that none ever breaks: keep this folder with',
    '# the articles (commit it). A line: the article id, its text fingerprint, its URL, then the URLs',
    '# it had before, which redirect to it. A file holds the articles whose URL is in its month.',
    '# Every build adds to it; edit it only to mend a URL.',
  ].join('\n');

/**
 * A month's file with some lines replaced, added (an entry) or removed (null), in pieces to be
 * written one after another: the header, then one line an article in key order (the bytes of its
 * id as written), the runs of lines not changed as the bytes they were (no copy is made).
 * Undefined when no line is left.
 */
export function formatShard(index: LineIndex, changes: ReadonlyMap<string, LedgerEntry | null>): Buffer[] | undefined {
  const { bytes, starts, ends } = index;
  const newline = Buffer.from('\n');
  const pieces: Buffer[] = [Buffer.from(HEADER_TEXT(PERMALINK_RULE))];
  let lines = 0;
  const copy = (from: number, to: number) => {
    lines += Math.max(0, to - from);
    // Runs of lines that follow one another in the file are copied as one piece.
    for (let at = from; at < to; ) {
      let last = at;
      while (last + 1 < to && starts[last + 1] === ends[last]! + 1) last++;
      pieces.push(newline, bytes.subarray(starts[at], ends[last]));
      at = last + 1;
    }
  };
  const changed = [...changes].map(([id, entry]) => [keyOf(id), entry] as const).sort(([a], [b]) => a.compare(b));
  let next = 0;
  for (const [key, entry] of changed) {
    const at = keyBound(index, key);
    copy(next, at);
    next = findKey(index, key) === at ? at + 1 : at;
    if (entry === null) continue;
    pieces.push(newline, key, Buffer.from(['', entry.fingerprint, ...entry.paths].join('\t')));
    lines++;
  }
  copy(next, starts.length);
  pieces.push(newline);
  return lines === 0 ? undefined : pieces;
}
