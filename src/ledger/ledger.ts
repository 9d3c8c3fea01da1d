import { DatelineError } from '../errors.ts';
import { PERMALINK_RULE } from '../derive/permalink.ts';
import { checkLines, entryAt, findKey, HEADER, idOfLineAt, indexLines, keyBound, keyOf, type FullIndex, type LedgerEntry, type LineIndex } from './ledger-text.ts';

export type { LedgerEntry };

/** A URL the site once had that now redirects to the article `id`. */
export interface FormerUrl {
  from: string;
  id: string;
}

/** Lookups by text search before the ledger indexes every path and fingerprint at once. */
const SEARCHES_BEFORE_INDEXING = 64;

/**
 * Every URL path each article has been published at: the record that keeps published URLs
 * working forever (`urls.lock`, kept with the articles like a lockfile). A published article
 * keeps its URL whatever later builds derive from its text; where its URL must change (its date
 * is corrected, its author sets another slug, its file is renamed to another id), the URLs it had
 * stay its own and redirect to the new one, and no other article ever takes them — not even after
 * it is deleted.
 *
 * It is the file's text, indexed by line (see `indexLines`), with this build's changes over it:
 * an update looks up the few articles it places, and writes the file back by copying the lines it
 * did not change, so keeping a ledger costs an update a few milliseconds, not a parse of every line.
 */
export class UrlLedger {
  /** The permalink rule new articles are placed with (see `src/derive/permalink.ts`). */
  readonly rule: number;
  readonly #index: LineIndex;
  /** Articles whose entry changed now: id → entry (null: its URLs went to another id). */
  readonly #changes = new Map<string, LedgerEntry | null>();
  /** Paths of the changed entries → their id, and their fingerprints → their ids. */
  readonly #changedHolders = new Map<string, string>();
  readonly #changedFingerprints = new Map<string, Set<string>>();
  /** Every path and fingerprint of the file, indexed when lookups are many (or the file was checked). */
  #full: FullIndex | undefined;
  /** The file's former URLs: found when it was checked, or as the build that wrote it left them. */
  #formers: readonly FormerUrl[];
  #searches = 0;
  /** Articles recorded for the first time, and URLs that moved, since it was read. */
  #recorded = 0;
  readonly #moved: { from: string; to: string }[] = [];

  private constructor(rule: number, index: LineIndex, formers: readonly FormerUrl[], full?: FullIndex) {
    this.rule = rule;
    this.#index = index;
    this.#formers = formers;
    this.#full = full;
  }

  static empty(rule = PERMALINK_RULE): UrlLedger {
    return new UrlLedger(rule, indexLines(Buffer.alloc(0)), [], { holders: new Map(), byFingerprint: new Map(), formers: [] });
  }

  /**
   * Reads a ledger file. A file as the last build wrote it (`trusted`, with the former URLs that
   * build left in it) is only indexed; any other is checked line by line, and a damaged one refused
   * with its line, since building without it would break URLs.
   */
  static parse(content: string | Buffer, file: string, trusted?: { formers: readonly FormerUrl[] }): UrlLedger {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const firstLine = bytes.indexOf(10);
    const header = HEADER.exec(bytes.toString('utf8', 0, firstLine === -1 ? bytes.length : firstLine));
    const fail = (message: string, hint: string): never => {
      throw new DatelineError({ code: 'bad-url-ledger', file, line: 1, message, hint });
    };
    if (!header) fail('is not a Dateline URL ledger (its first line must be "# Dateline URL ledger, permalink rule N")', 'restore it from version control; building without it could move published URLs');
    const rule = Number(header![1]);
    if (rule !== PERMALINK_RULE) fail(`was written with permalink rule ${rule}, which this Dateline does not know`, 'use the Dateline version that wrote it, or a newer one');
    if (trusted) return new UrlLedger(rule, indexLines(bytes), trusted.formers);
    const index = indexLines(bytes, false);
    const full = checkLines(index, file);
    return new UrlLedger(rule, index, full.formers, full);
  }

  get size(): number {
    let size = this.#index.starts.length;
    for (const [id, entry] of this.#changes) {
      const inFile = findKey(this.#index, keyOf(id)) !== -1;
      if (entry !== null && !inFile) size++;
      else if (entry === null && inFile) size--;
    }
    return size;
  }

  /** Whether anything was recorded since it was read. */
  get changed(): boolean {
    return this.#changes.size > 0;
  }

  entry(id: string): LedgerEntry | undefined {
    if (this.#changes.has(id)) return this.#changes.get(id) ?? undefined;
    const at = findKey(this.#index, keyOf(id));
    return at === -1 ? undefined : entryAt(this.#index, at);
  }

  /** The article that holds `path` (as its URL or a former one), if any. */
  holder(path: string): string | undefined {
    const changed = this.#changedHolders.get(path);
    if (changed !== undefined) return changed;
    const holder = this.#full ? this.#full.holders.get(path) : this.#search() ? this.holder(path) : this.#searchHolder(path);
    // One whose URLs went to another id holds none now (that one's are among the changed).
    return holder === undefined || this.#changes.get(holder) === null ? undefined : holder;
  }

  /** Ids whose last recorded text has this fingerprint, in id order. */
  withFingerprint(fingerprint: string): readonly string[] {
    const ids = new Set<string>();
    const inFile = this.#full ? (this.#full.byFingerprint.get(fingerprint) ?? []) : this.#search() ? undefined : this.#searchFingerprint(fingerprint);
    if (inFile === undefined) return this.withFingerprint(fingerprint);
    for (const id of inFile) if (!this.#changes.has(id)) ids.add(id);
    for (const id of this.#changedFingerprints.get(fingerprint) ?? []) if (this.#changes.get(id)?.fingerprint === fingerprint) ids.add(id);
    return [...ids].sort(compare);
  }

  /**
   * Records that article `id` is published at `path` with text `fingerprint`. A new path becomes
   * its URL and the one it had becomes a former URL. The path must not be another article's.
   */
  record(id: string, path: string, fingerprint: string): void {
    const holder = this.holder(path);
    if (holder !== undefined && holder !== id) throw new Error(`/${path} belongs to "${holder}" in the URL ledger; "${id}" cannot take it`);
    const entry = this.entry(id);
    if (entry === undefined) {
      this.#set(id, { fingerprint, paths: [path] });
      this.#recorded++;
      return;
    }
    if (entry.paths[0] === path && entry.fingerprint === fingerprint) return;
    if (entry.paths[0] !== path) this.#moved.push({ from: entry.paths[0]!, to: path });
    this.#set(id, { fingerprint, paths: entry.paths[0] === path ? entry.paths : [path, ...entry.paths.filter((other) => other !== path)] });
  }

  /** Article `to` is article `from` under another id (its file was renamed): it takes every URL `from` had. */
  adopt(from: string, to: string): void {
    const entry = this.entry(from);
    if (entry === undefined || this.entry(to) !== undefined) throw new Error(`cannot move the URLs of "${from}" to "${to}"`);
    this.#changes.set(from, null);
    this.#set(to, { fingerprint: entry.fingerprint, paths: [...entry.paths] });
  }

  /** What changed since it was read: articles recorded for the first time, and URLs that moved. */
  news(): { recorded: number; moved: { from: string; to: string }[] } {
    return { recorded: this.#recorded, moved: [...this.#moved] };
  }

  /** Every former URL, with the article it redirects to (whether or not that article is published now). */
  formerUrls(): FormerUrl[] {
    const former = this.#formers.filter(({ id }) => !this.#changes.has(id));
    for (const [id, entry] of this.#changes) for (const from of entry?.paths.slice(1) ?? []) former.push({ from, id });
    return former.sort((a, b) => compare(a.from, b.from));
  }

  /**
   * The ledger as its file holds it, in pieces to be written one after another: a header, then one
   * line an article in key order (the bytes of its id as written), the runs of lines not changed
   * as the bytes they were (no copy of the file is made).
   */
  format(): Buffer[] {
    const { bytes, starts, ends } = this.#index;
    const newline = Buffer.from('\n');
    const pieces: Buffer[] = [
      Buffer.from(
        [
          `# Dateline URL ledger, permalink rule ${this.rule}`,
          '# Every URL each article has been published at, so that none ever breaks: keep this file with',
          '# the articles (commit it). A line: the article id, its text fingerprint, its URL, then the URLs',
          '# it had before, which redirect to it. Every build adds to it; edit it only to mend a URL.',
        ].join('\n'),
      ),
    ];
    const copy = (from: number, to: number) => {
      // Runs of lines that follow one another in the file are copied as one piece.
      for (let at = from; at < to; ) {
        let last = at;
        while (last + 1 < to && starts[last + 1] === ends[last]! + 1) last++;
        pieces.push(newline, bytes.subarray(starts[at], ends[last]));
        at = last + 1;
      }
    };
    const changed = [...this.#changes].map(([id, entry]) => [keyOf(id), entry] as const).sort(([a], [b]) => a.compare(b));
    let next = 0;
    for (const [key, entry] of changed) {
      const at = keyBound(this.#index, key);
      copy(next, at);
      next = findKey(this.#index, key) === at ? at + 1 : at;
      if (entry !== null) pieces.push(newline, key, Buffer.from(['', entry.fingerprint, ...entry.paths].join('\t')));
    }
    copy(next, starts.length);
    pieces.push(newline);
    return pieces;
  }

  #set(id: string, entry: LedgerEntry): void {
    this.#changes.set(id, entry);
    for (const path of entry.paths) this.#changedHolders.set(path, id);
    const ids = this.#changedFingerprints.get(entry.fingerprint);
    if (ids) ids.add(id);
    else this.#changedFingerprints.set(entry.fingerprint, new Set([id]));
  }

  /** Counts a lookup by text search; past a few, indexes every path and fingerprint instead (and says so). */
  #search(): boolean {
    if (++this.#searches <= SEARCHES_BEFORE_INDEXING) return false;
    this.#full = checkLines(this.#index, 'urls.lock');
    return true;
  }

  /** The id of the line that holds `path` in the file, found by searching its bytes. */
  #searchHolder(path: string): string | undefined {
    const { bytes } = this.#index;
    const needle = Buffer.from(`\t${path}`);
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
      const after = bytes[at + needle.length];
      if (after === undefined || after === 9 || after === 10) return idOfLineAt(this.#index, at);
    }
    return undefined;
  }

  /** The ids of the lines of the file whose fingerprint (their second field) is `fingerprint`. */
  #searchFingerprint(fingerprint: string): string[] {
    const { bytes } = this.#index;
    const needle = Buffer.from(`\t${fingerprint}\t`);
    const ids: string[] = [];
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
      const start = bytes.lastIndexOf(10, at) + 1;
      if (bytes.indexOf(9, start) === at) ids.push(idOfLineAt(this.#index, at));
    }
    return ids;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
