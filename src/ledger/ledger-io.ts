import { readFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { idSlug } from '../derive/slug.ts';
import type { Problem } from '../errors.ts';
import { faultPoint } from '../fault-point.ts';
import { UrlLedger, type LedgerSummary } from './ledger.ts';
import { listLedger, shardFileName } from './ledger-folder.ts';

/** A ledger as read, with its files' identity (see `listLedger`). */
export interface ReadLedger {
  ledger: UrlLedger;
  identity: string;
  exists: boolean;
}

/** What the last build left: the identity of the ledger it wrote, what it kept of it, and where the articles it published are. */
export interface TrustedLedger {
  identity: string;
  summary: LedgerSummary;
  /** The month whose file holds an article the last build published (its URL's month). */
  locate(id: string): string | undefined;
}

/**
 * Reads the ledger folder; none yet is an empty ledger. Files as the last build left them
 * (`trusted`, their identity then) are read a month at a time as articles are looked up; any
 * other (edited, merged, restored, touched) are read whole and checked line by line, and a damaged
 * one is an error naming its line.
 */
export async function readLedger(folder: string | undefined, trusted?: TrustedLedger): Promise<ReadLedger> {
  const listing = listLedger(folder);
  if (folder === undefined || listing.months.length === 0) return { ledger: UrlLedger.empty(), identity: listing.identity, exists: false };
  const name = (month: string) => path.join(folder, shardFileName(month));
  if (trusted !== undefined && listing.identity === trusted.identity) {
    return { ledger: UrlLedger.trusted({ months: listing.months, read: (month) => readFileSync(name(month)), name }, trusted.summary, trusted.locate), identity: listing.identity, exists: true };
  }
  const files = new Map(await Promise.all(listing.months.map(async (month) => [month, await readFile(name(month))] as const)));
  return { ledger: UrlLedger.checked({ months: listing.months, read: (month) => files.get(month)!, name }), identity: listing.identity, exists: true };
}

/**
 * Writes the months the ledger changed, each beside its old version and renamed over it, so every
 * file is whole at any moment, in the ledger's two rounds (see `UrlLedger.writes`). Returns the
 * identity of what it wrote, or a warning when the folder cannot be written (a read-only archive):
 * the site is still built, but its new URLs rest on the permalink rule alone.
 */
export async function writeLedger(folder: string, ledger: UrlLedger): Promise<{ identity: string } | { problem: Problem }> {
  const { first, then } = ledger.writes();
  try {
    await mkdir(folder, { recursive: true });
    await removeTemporaries(folder);
    for (const round of [first, then]) {
      for (const [month, pieces] of round) {
        const file = path.join(folder, shardFileName(month));
        if (pieces === undefined) await rm(file, { force: true });
        else await writeWhole(file, pieces);
      }
      if (round === first && then.size > 0) faultPoint('ledger-round');
    }
    return { identity: listLedger(folder).identity };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return {
      problem: {
        code: 'url-ledger-unwritable',
        severity: 'warning',
        file: folder,
        message: `could not record the published URLs (${code}): the site was built, but new articles' URLs are not pinned`,
        hint: 'set "urlLedger" in dateline.config.json to a folder Dateline may write, and keep it with the articles',
      },
    };
  }
}

/** Writes `file` beside itself and renames it over it. */
async function writeWhole(file: string, pieces: Buffer[]): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writev(pieces);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Removes what a killed write left (`.YYYY-MM.lock.<pid>.tmp`). */
async function removeTemporaries(folder: string): Promise<void> {
  for (const name of await readdir(folder)) if (/^\.\d{4}-\d{2}\.lock\.\d+\.tmp$/.test(name)) await rm(path.join(folder, name), { force: true });
}

/**
 * The URLs an output made before the ledger existed (by Dateline 0.1, whose article URLs ended in
 * the article's id), for the articles now published: id → path. So a site's first build with a
 * ledger records the URLs it had published, whatever the headline rules now say.
 */
export async function publishedBefore(outputDir: string, ids: readonly string[]): Promise<Map<string, string>> {
  const bySuffix = new Map(ids.map((id) => [idSlug(id), id]));
  const found = new Map<string, string>();
  const folders = async (dir: string, pattern: RegExp) => {
    try {
      return (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory() && pattern.test(entry.name)).map((entry) => entry.name).sort();
    } catch {
      return [];
    }
  };
  for (const year of await folders(outputDir, /^\d{4}$/)) {
    for (const month of await folders(path.join(outputDir, year), /^\d{2}$/)) {
      for (const day of await folders(path.join(outputDir, year, month), /^\d{2}$/)) {
        for (const segment of await folders(path.join(outputDir, year, month, day), /^[a-z0-9]+(?:-[a-z0-9]+)*$/)) {
          const id = bySuffix.get(segment) ?? bySuffix.get(idSuffix(segment, bySuffix));
          if (id !== undefined && !found.has(id)) found.set(id, `${year}/${month}/${day}/${segment}/`);
        }
      }
    }
  }
  return found;
}

/** The id part at the end of an old segment (`<words>-<id>`): the longest suffix after a hyphen that is a known id's. */
function idSuffix(segment: string, known: ReadonlyMap<string, string>): string {
  for (let at = segment.indexOf('-'); at !== -1; at = segment.indexOf('-', at + 1)) {
    const suffix = segment.slice(at + 1);
    if (known.has(suffix)) return suffix;
  }
  return '';
}
