import { DatelineError } from '../errors.ts';
import { PERMALINK_RULE } from '../derive/permalink.ts';
import { entryAt, idAt, type LedgerEntry } from './ledger-text.ts';
import { formatShard, monthOf, Shard } from './shard.ts';

export type { LedgerEntry };

/** A URL the site once had that now redirects to the article `id`. */
export interface FormerUrl {
  from: string;
  id: string;
}

/** An article in the ledger that its last build did not publish (deleted, or made a draft): a renamed file may be it. */
export interface UnpublishedEntry {
  id: string;
  month: string;
  fingerprint: string;
}

/** What a build keeps of the ledger in its state, so that the next one reads only the months it looks up. */
export interface LedgerSummary {
  formers: FormerUrl[];
  unpublished: UnpublishedEntry[];
}

/** The ledger's files: a month's file is read when one of its articles is first looked up. */
export interface LedgerFiles {
  readonly months: readonly string[];
  read(month: string): Buffer;
  /** The file of a month, as messages name it. */
  name(month: string): string;
}

/** What the ledger writes: the months' new files (undefined: the file goes), in two rounds (see `UrlLedger.writes`). */
export interface LedgerWrites {
  first: Map<string, Buffer[] | undefined>;
  then: Map<string, Buffer[] | undefined>;
}

/** Every line of every file, checked and indexed together (a ledger not as its last build wrote it). */
interface AllIndex {
  /** id → the month of the file its line is in, and its fingerprint. */
  months: Map<string, string>;
  fingerprints: Map<string, string>;
  holders: Map<string, string>;
  byFingerprint: Map<string, string[]>;
}

/**
 * Every URL path each article has been published at: the record that keeps published URLs
 * working forever (the `urls` folder, kept with the articles like a lockfile). A published article
 * keeps its URL whatever later builds derive from its text; where its URL must change (its date
 * is corrected, its author sets another slug, its file is renamed to another id), the URLs it had
 * stay its own and redirect to the new one, and no other article ever takes them — not even after
 * it is deleted.
 *
 * It is kept in one file a month (the month of each article's URL), so that it grows with the
 * archive without any one file growing past what git and its hosts accept, and an update reads and
 * writes only the months it touches. A ledger as its last build wrote it (`trusted`) is read a
 * month at a time as articles are looked up: the build's state says which month holds an article,
 * and keeps the former URLs and the articles not published (see `LedgerSummary`). Any other
 * (edited, pulled, restored, or no state) is read whole and checked, and what an interrupted
 * write left (an article in two months) is settled (see `settle`).
 */
export class UrlLedger {
  /** The permalink rule new articles are placed with (see `src/derive/permalink.ts`). */
  readonly rule = PERMALINK_RULE;
  readonly #files: LedgerFiles | undefined;
  readonly #shards = new Map<string, Shard>();
  /** Trusted: the month whose file holds an article published by the last build. */
  readonly #locate: (id: string) => string | undefined;
  readonly #all: AllIndex | undefined;
  #formers: readonly FormerUrl[];
  #formerHolders: Map<string, string> | undefined;
  readonly #unpublished: Map<string, UnpublishedEntry>;
  /** Articles whose entry changed now: id → entry (null: its URLs went to `#adoptedBy`). */
  readonly #changes = new Map<string, LedgerEntry | null>();
  /** The months whose files hold a line of a changed article now. */
  readonly #origins = new Map<string, string[]>();
  readonly #adoptedBy = new Map<string, string>();
  /** Lines to remove because another line of the same article, already written, holds all they do: month → ids. */
  readonly #drops = new Map<string, Set<string>>();
  /** Paths of the changed entries → their id, and their fingerprints → their ids. */
  readonly #changedHolders = new Map<string, string>();
  readonly #changedFingerprints = new Map<string, Set<string>>();
  /** Articles recorded for the first time, and URLs that moved, since it was read. */
  #recorded = 0;
  readonly #moved: { from: string; to: string }[] = [];

  private constructor(files: LedgerFiles | undefined, all: AllIndex | undefined, formers: readonly FormerUrl[], unpublished: readonly UnpublishedEntry[], locate: (id: string) => string | undefined) {
    this.#files = files;
    this.#all = all;
    this.#formers = formers;
    this.#unpublished = new Map(unpublished.map((entry) => [entry.id, entry]));
    this.#locate = locate;
  }

  static empty(): UrlLedger {
    return new UrlLedger(undefined, { months: new Map(), fingerprints: new Map(), holders: new Map(), byFingerprint: new Map() }, [], [], () => undefined);
  }

  /**
   * A ledger as its last build wrote it: read a month at a time. `locate` says which month holds an
   * article that build published (its URL's); `summary` is what it kept of the rest.
   */
  static trusted(files: LedgerFiles, summary: LedgerSummary, locate: (id: string) => string | undefined): UrlLedger {
    return new UrlLedger(files, undefined, summary.formers, summary.unpublished, locate);
  }

  /** A ledger read whole: every file checked line by line, a damaged one refused with its line, as building without it could break URLs. */
  static checked(files: LedgerFiles): UrlLedger {
    const shards = files.months.map((month) => Shard.read(files.read(month), files.name(month), month, false));
    const ledger = new UrlLedger(files, { months: new Map(), fingerprints: new Map(), holders: new Map(), byFingerprint: new Map() }, [], [], () => undefined);
    for (const shard of shards) ledger.#shards.set(shard.month, shard);
    ledger.#settle(shards);
    return ledger;
  }

  /** Whether anything was recorded since it was read. */
  get changed(): boolean {
    return this.#changes.size > 0 || this.#drops.size > 0;
  }

  entry(id: string): LedgerEntry | undefined {
    if (this.#changes.has(id)) return this.#changes.get(id) ?? undefined;
    const month = this.#fileMonth(id);
    return month === undefined ? undefined : this.#shard(month)!.entry(id);
  }

  /** The article that holds `path` (as its URL or a former one), if any. */
  holder(path: string): string | undefined {
    const changed = this.#changedHolders.get(path);
    if (changed !== undefined) return changed;
    const holder = this.#all ? this.#all.holders.get(path) : (this.#formerHolder(path) ?? this.#shard(monthOf(path))?.holder(path));
    // One whose URLs went to another id holds none now (that one's are among the changed).
    return holder === undefined || this.#changes.get(holder) === null ? undefined : holder;
  }

  /** The articles not published now (`published` says which are) whose last recorded text has this fingerprint, in id order. */
  withFingerprint(fingerprint: string, published: (id: string) => boolean): readonly string[] {
    const ids = new Set<string>();
    const inFile = this.#all ? (this.#all.byFingerprint.get(fingerprint) ?? []) : [...this.#unpublished.values()].filter((entry) => entry.fingerprint === fingerprint).map((entry) => entry.id);
    for (const id of inFile) if (!this.#changes.has(id)) ids.add(id);
    for (const id of this.#changedFingerprints.get(fingerprint) ?? []) if (this.#changes.get(id)?.fingerprint === fingerprint) ids.add(id);
    return [...ids].filter((id) => !published(id)).sort(compare);
  }

  /** Article `id`, published by the last build, is not now (deleted, made a draft): a renamed file may be it. */
  gone(id: string): void {
    if (this.#all || this.#unpublished.has(id) || this.#changes.has(id)) return;
    const month = this.#fileMonth(id);
    const entry = month === undefined ? undefined : this.#shard(month)!.entry(id);
    if (entry !== undefined) this.#unpublished.set(id, { id, month: month!, fingerprint: entry.fingerprint });
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
    this.#set(from, null);
    this.#adoptedBy.set(from, to);
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

  /** What the next build needs to read this ledger a month at a time, once it is written: `published` says which articles this build published. */
  summary(published: (id: string) => boolean): LedgerSummary {
    const unpublished = new Map<string, UnpublishedEntry>();
    if (this.#all) for (const [id, month] of this.#all.months) unpublished.set(id, { id, month, fingerprint: this.#all.fingerprints.get(id)! });
    else for (const [id, entry] of this.#unpublished) unpublished.set(id, entry);
    for (const [id, entry] of this.#changes) {
      if (entry === null) unpublished.delete(id);
      else unpublished.set(id, { id, month: monthOf(entry.paths[0]!), fingerprint: entry.fingerprint });
    }
    return { formers: this.formerUrls(), unpublished: [...unpublished.values()].filter(({ id }) => !published(id)).sort((a, b) => compare(a.id, b.id)) };
  }

  /**
   * The files to write, in two rounds, so that a write cut short anywhere leaves every URL
   * recorded: first every file that gains a line (with the lines that leave it only where what
   * replaces them is in the same file), then the files that lose a line to another. An article
   * moved to another month is then, at worst, in both, which the next read settles.
   */
  writes(): LedgerWrites {
    const final = new Map<string, Map<string, LedgerEntry | null>>();
    const early = new Map<string, Map<string, LedgerEntry | null>>();
    const late = new Set<string>();
    const put = (into: Map<string, Map<string, LedgerEntry | null>>, month: string, id: string, entry: LedgerEntry | null) => {
      let changes = into.get(month);
      if (!changes) into.set(month, (changes = new Map()));
      changes.set(id, entry);
    };
    for (const [month, ids] of this.#drops) for (const id of ids) put(final, month, id, null), put(early, month, id, null);
    for (const [id, entry] of this.#changes) {
      const target = entry === null ? undefined : monthOf(entry.paths[0]!);
      const replacedIn = entry === null ? this.#monthAfter(this.#adoptedBy.get(id)!) : target;
      for (const month of this.#origins.get(id) ?? []) {
        if (month === target) continue;
        put(final, month, id, null);
        if (replacedIn === month) put(early, month, id, null);
        else late.add(month);
      }
      if (entry !== null) put(final, target!, id, entry), put(early, target!, id, entry);
    }
    const write = (month: string, changes: Map<string, LedgerEntry | null>) => formatShard((this.#shard(month) ?? Shard.empty(month)).index, changes);
    const first = new Map<string, Buffer[] | undefined>();
    const then = new Map<string, Buffer[] | undefined>();
    for (const [month, changes] of early) first.set(month, write(month, changes));
    for (const month of late) then.set(month, write(month, final.get(month)!));
    return { first, then };
  }

  /** The month whose file holds `id`'s line once this ledger is written. */
  #monthAfter(id: string): string | undefined {
    const entry = this.#changes.get(id);
    return entry === undefined ? this.#fileMonth(id) : entry === null ? undefined : monthOf(entry.paths[0]!);
  }

  /** The month whose file holds `id`'s line now, if any. */
  #fileMonth(id: string): string | undefined {
    if (this.#all) return this.#all.months.get(id);
    const month = this.#unpublished.get(id)?.month ?? this.#locate(id);
    return month !== undefined && this.#shard(month)?.entry(id) !== undefined ? month : undefined;
  }

  #shard(month: string): Shard | undefined {
    let shard = this.#shards.get(month);
    if (shard === undefined && !this.#all && this.#files?.months.includes(month)) {
      shard = Shard.read(this.#files.read(month), this.#files.name(month), month, true);
      this.#shards.set(month, shard);
    }
    return shard;
  }

  #formerHolder(path: string): string | undefined {
    this.#formerHolders ??= new Map(this.#formers.map(({ from, id }) => [from, id]));
    return this.#formerHolders.get(path);
  }

  #set(id: string, entry: LedgerEntry | null): void {
    if (!this.#origins.has(id)) {
      const month = this.#fileMonth(id);
      this.#origins.set(id, month === undefined ? [] : [month]);
    }
    this.#changes.set(id, entry);
    this.#unpublished.delete(id);
    if (entry === null) return;
    for (const path of entry.paths) this.#changedHolders.set(path, id);
    const ids = this.#changedFingerprints.get(entry.fingerprint);
    if (ids) ids.add(id);
    else this.#changedFingerprints.set(entry.fingerprint, new Set([id]));
  }

  /**
   * Indexes every line of every month, each file already checked on its own. Across files, two
   * lines of one article, or two articles with one URL, are what a write cut short between its
   * rounds leaves (see `writes`): the line that holds every URL of the other stands, and the
   * other goes (the article moved, or was renamed). Any other such pair is an error naming both
   * lines. A line in a month other than its URL's is moved to its month.
   */
  #settle(shards: readonly Shard[]): void {
    const all = this.#all!;
    const lines = new Map<string, { entry: LedgerEntry; shard: Shard }>();
    const conflict = (shard: Shard, id: string, other: Shard, otherId: string, message: string): never => {
      throw new DatelineError({
        code: 'bad-url-ledger',
        file: shard.file,
        line: shard.lineOf(id),
        message: `${message} (${other.file}:${other.lineOf(otherId)})`,
        hint: 'keep one line an article, with every URL it has had, in the file of its URL\'s month; a URL belongs to the article published there first',
      });
    };
    const drop = (shard: Shard, id: string) => {
      let ids = this.#drops.get(shard.month);
      if (!ids) this.#drops.set(shard.month, (ids = new Set()));
      ids.add(id);
    };
    for (const shard of shards) {
      for (let at = 0; at < shard.lines; at++) {
        const id = idAt(shard.index, at);
        const entry = entryAt(shard.index, at);
        const other = lines.get(id);
        if (other === undefined) lines.set(id, { entry, shard });
        else if (covers(other.entry, entry)) drop(shard, id);
        else if (covers(entry, other.entry)) {
          drop(other.shard, id);
          lines.set(id, { entry, shard });
        } else conflict(shard, id, other.shard, id, `lists the article "${id}" with other URLs than another file does`);
      }
    }
    for (const [id, { entry, shard }] of lines) {
      if (!lines.has(id)) continue; // given up to another article below
      for (const path of entry.paths) {
        const otherId = all.holders.get(path);
        if (otherId === undefined || otherId === id) {
          all.holders.set(path, id);
          continue;
        }
        const other = lines.get(otherId)!;
        const [winner, loser] = covers(entry, other.entry) ? [id, otherId] : covers(other.entry, entry) ? [otherId, id] : conflict(shard, id, other.shard, otherId, `gives /${path} to "${id}", but another file gives it to "${otherId}"`);
        lines.delete(loser);
        this.#origins.set(loser, [(loser === id ? shard : other.shard).month]);
        this.#changes.set(loser, null);
        this.#adoptedBy.set(loser, winner);
        for (const held of lines.get(winner)!.entry.paths) all.holders.set(held, winner);
        if (loser === id) break;
      }
    }
    const formers: FormerUrl[] = [];
    for (const [id, { entry, shard }] of lines) {
      all.months.set(id, shard.month);
      all.fingerprints.set(id, entry.fingerprint);
      const ids = all.byFingerprint.get(entry.fingerprint);
      if (ids) ids.push(id);
      else all.byFingerprint.set(entry.fingerprint, [id]);
      for (const from of entry.paths.slice(1)) formers.push({ from, id });
      if (monthOf(entry.paths[0]!) !== shard.month) this.#set(id, entry);
    }
    this.#formers = formers;
  }
}

/** Whether entry `a` holds every URL `b` does. */
function covers(a: LedgerEntry, b: LedgerEntry): boolean {
  return b.paths.every((path) => a.paths.includes(path));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
