import { DatelineError } from '../errors.ts';
import { PERMALINK_RULE } from '../derive/permalink.ts';

/** What the ledger knows of one article. */
export interface LedgerEntry {
  /** Its text's fingerprint when it was last built (see `textFingerprint`): how a renamed file is known again. */
  fingerprint: string;
  /** Every URL path it has been published at, the current one first; the others redirect to it. */
  paths: string[];
}

/** A URL the site once had that now redirects to the article `id`. */
export interface FormerUrl {
  from: string;
  id: string;
}

const HEADER = /^# Dateline URL ledger, permalink rule (\d+)\b/;
const ARTICLE_PATH = /^\d{4}\/\d{2}\/\d{2}\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/;

/**
 * Every URL path each article has been published at: the record that keeps published URLs
 * working forever (`urls.lock`, kept with the articles like a lockfile). A published article
 * keeps its URL whatever later builds derive from its text; where its URL must change (its date
 * is corrected, its author sets another slug, its file is renamed to another id), the URLs it had
 * stay its own and redirect to the new one, and no other article ever takes them — not even after
 * it is deleted.
 */
export class UrlLedger {
  /** The permalink rule new articles are placed with (see `src/derive/permalink.ts`). */
  readonly rule: number;
  readonly #entries: Map<string, LedgerEntry>;
  /** Path → the id that holds it (current or former). */
  readonly #holders = new Map<string, string>();
  #byFingerprint: Map<string, string[]> | undefined;
  #changed = false;
  /** Articles recorded for the first time, and URLs that moved, since it was read. */
  #recorded = 0;
  readonly #moved: { from: string; to: string }[] = [];

  private constructor(rule: number, entries: Map<string, LedgerEntry>) {
    this.rule = rule;
    this.#entries = entries;
    for (const [id, entry] of entries) for (const path of entry.paths) this.#holders.set(path, id);
  }

  static empty(rule = PERMALINK_RULE): UrlLedger {
    return new UrlLedger(rule, new Map());
  }

  /** Reads a ledger file's text; a damaged one is refused with its line, since building without it would break URLs. */
  static parse(text: string, file: string): UrlLedger {
    const lines = text.split('\n');
    const header = HEADER.exec(lines[0] ?? '');
    const fail = (line: number, message: string, hint?: string): never => {
      throw new DatelineError({ code: 'bad-url-ledger', file, line, message, ...(hint ? { hint } : {}) });
    };
    if (!header) fail(1, 'is not a Dateline URL ledger (its first line must be "# Dateline URL ledger, permalink rule N")', 'restore it from version control; building without it could move published URLs');
    const rule = Number(header![1]);
    if (rule !== PERMALINK_RULE) fail(1, `was written with permalink rule ${rule}, which this Dateline does not know`, 'use the Dateline version that wrote it, or a newer one');
    const entries = new Map<string, LedgerEntry>();
    const lineOf = new Map<string, number>();
    const holders = new Map<string, string>();
    lines.forEach((line, index) => {
      const number = index + 1;
      if (line === '' || line.startsWith('#')) return;
      if (/^(?:<{7}|={7}|>{7}|\|{7})(?: |$)/.test(line)) fail(number, 'holds an unresolved merge conflict', 'keep the lines of both sides — one line an article, with the URLs of both — and remove the markers');
      const [id, fingerprint, ...paths] = line.split('\t');
      if (id === undefined || id === '' || fingerprint === undefined || !/^[0-9a-f]{16}$/.test(fingerprint) || paths.length === 0) {
        fail(number, 'is not "id, fingerprint, URL path, former URL paths…" separated by tabs');
      }
      const decoded = decodeId(id!);
      const earlier = lineOf.get(decoded);
      if (earlier !== undefined) fail(number, `lists the article "${decoded}" again (first on line ${earlier})`, 'merge the two lines into one: the current URL first, then every other');
      for (const path of paths) {
        if (!ARTICLE_PATH.test(path)) fail(number, `"${path}" is not an article's URL path (YYYY/MM/DD/segment/)`);
        const holder = holders.get(path);
        if (holder !== undefined && holder !== decoded) fail(number, `gives /${path} to "${decoded}", but line ${lineOf.get(holder)} gives it to "${holder}"`, 'a URL belongs to one article: keep it on the line of the article that was published there first');
        holders.set(path, decoded);
      }
      lineOf.set(decoded, number);
      entries.set(decoded, { fingerprint: fingerprint!, paths: [...new Set(paths)] });
    });
    return new UrlLedger(rule, entries);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Whether anything was recorded since it was read. */
  get changed(): boolean {
    return this.#changed;
  }

  entry(id: string): LedgerEntry | undefined {
    return this.#entries.get(id);
  }

  /** The article that holds `path` (as its URL or a former one), if any. */
  holder(path: string): string | undefined {
    return this.#holders.get(path);
  }

  /** Ids whose last recorded text has this fingerprint, in id order. */
  withFingerprint(fingerprint: string): readonly string[] {
    if (this.#byFingerprint === undefined) {
      this.#byFingerprint = new Map();
      for (const [id, entry] of this.#entries) {
        const ids = this.#byFingerprint.get(entry.fingerprint);
        if (ids) ids.push(id);
        else this.#byFingerprint.set(entry.fingerprint, [id]);
      }
      for (const ids of this.#byFingerprint.values()) ids.sort(compare);
    }
    return this.#byFingerprint.get(fingerprint) ?? [];
  }

  /**
   * Records that article `id` is published at `path` with text `fingerprint`. A new path becomes
   * its URL and the one it had becomes a former URL. The path must not be another article's.
   */
  record(id: string, path: string, fingerprint: string): void {
    const holder = this.#holders.get(path);
    if (holder !== undefined && holder !== id) throw new Error(`/${path} belongs to "${holder}" in the URL ledger; "${id}" cannot take it`);
    const entry = this.#entries.get(id);
    if (entry === undefined) {
      this.#entries.set(id, { fingerprint, paths: [path] });
      this.#holders.set(path, id);
      this.#indexed(id, fingerprint);
      this.#changed = true;
      this.#recorded++;
      return;
    }
    if (entry.paths[0] !== path) {
      this.#moved.push({ from: entry.paths[0]!, to: path });
      entry.paths = [path, ...entry.paths.filter((other) => other !== path)];
      this.#holders.set(path, id);
      this.#changed = true;
    }
    if (entry.fingerprint !== fingerprint) {
      this.#byFingerprint = undefined;
      entry.fingerprint = fingerprint;
      this.#changed = true;
    }
  }

  /** Article `to` is article `from` under another id (its file was renamed): it takes every URL `from` had. */
  adopt(from: string, to: string): void {
    const entry = this.#entries.get(from);
    if (entry === undefined || this.#entries.has(to)) throw new Error(`cannot move the URLs of "${from}" to "${to}"`);
    this.#entries.delete(from);
    this.#entries.set(to, { fingerprint: entry.fingerprint, paths: [...entry.paths] });
    for (const path of entry.paths) this.#holders.set(path, to);
    this.#byFingerprint = undefined;
    this.#changed = true;
  }

  /** What changed since it was read: articles recorded for the first time, and URLs that moved. */
  news(): { recorded: number; moved: { from: string; to: string }[] } {
    return { recorded: this.#recorded, moved: [...this.#moved] };
  }

  /** Every former URL, with the article it redirects to (whether or not that article is published now). */
  formerUrls(): FormerUrl[] {
    const former: FormerUrl[] = [];
    for (const [id, entry] of this.#entries) for (const from of entry.paths.slice(1)) former.push({ from, id });
    return former.sort((a, b) => compare(a.from, b.from));
  }

  /** The ledger as its file holds it: a header, then one line an article in id order. */
  format(): string {
    const lines = [
      `# Dateline URL ledger, permalink rule ${this.rule}`,
      '# Every URL each article has been published at, so that none ever breaks: keep this file with',
      '# the articles (commit it). A line: the article id, its text fingerprint, its URL, then the URLs',
      '# it had before, which redirect to it. Every build adds to it; edit it only to mend a URL.',
    ];
    for (const id of [...this.#entries.keys()].sort(compare)) {
      const entry = this.#entries.get(id)!;
      lines.push([encodeId(id), entry.fingerprint, ...entry.paths].join('\t'));
    }
    return `${lines.join('\n')}\n`;
  }

  #indexed(id: string, fingerprint: string): void {
    if (this.#byFingerprint === undefined) return;
    const ids = this.#byFingerprint.get(fingerprint);
    if (ids) {
      ids.push(id);
      ids.sort(compare);
    } else this.#byFingerprint.set(fingerprint, [id]);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ids are file names: tabs, line breaks and other control characters (and `%`) are written as `%XX`. */
function encodeId(id: string): string {
  return id.replace(/[\u0000-\u001f%\u007f]/g, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

function decodeId(text: string): string {
  return text.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
