import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileTimes } from '../read/fingerprint.ts';
import { idSlug } from '../derive/slug.ts';
import type { Problem } from '../errors.ts';
import { UrlLedger, type FormerUrl } from './ledger.ts';



/** A ledger as read, with its file's identity: its size and times (another identity next time means it was edited, or restored). */
export interface ReadLedger {
  ledger: UrlLedger;
  /** The file's size, modification and change time; `none` when there is no file, `off` when the site keeps none. */
  identity: string;
  exists: boolean;
}

/**
 * Reads the ledger file; none yet is an empty ledger. One with the size and times the last build
 * left it with (`trusted`, its identity then) is taken as that build wrote it, unread but for the
 * lines looked up; any other (edited, merged, restored, touched) is checked line by line, and a
 * damaged one is an error naming its line.
 */
export async function readLedger(file: string | undefined, trusted?: { identity: string; formers: readonly FormerUrl[] }): Promise<ReadLedger> {
  if (file === undefined) return { ledger: UrlLedger.empty(), identity: 'off', exists: false };
  let bytes: Buffer;
  let identity: string;
  try {
    const handle = await open(file, 'r');
    try {
      identity = identityOf(await handle.stat());
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ledger: UrlLedger.empty(), identity: 'none', exists: false };
    throw error;
  }
  return { ledger: UrlLedger.parse(bytes, file, identity === trusted?.identity ? trusted : undefined), identity, exists: true };
}

/** A file's size and times, as the ledger's identity. */
function identityOf(info: FileTimes): string {
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
}

/**
 * Writes the ledger beside its old version and renames it over it, so the file is whole at any
 * moment. Returns the identity of what it wrote, or a warning when the folder cannot be written (a
 * read-only archive): the site is still built, but its URLs rest on the permalink rule alone.
 */
export async function writeLedger(file: string, ledger: UrlLedger): Promise<{ identity: string } | { problem: Problem }> {
  const pieces = ledger.format();
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writev(pieces);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    return { identity: identityOf(await stat(file)) };
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return {
      problem: {
        code: 'url-ledger-unwritable',
        severity: 'warning',
        file,
        message: `could not record the published URLs (${code}): the site was built, but new articles' URLs are not pinned`,
        hint: 'set "lockfile" in dateline.config.json to a file Dateline may write, and keep it with the articles',
      },
    };
  }
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
