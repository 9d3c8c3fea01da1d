import type { UrlLedger } from '../ledger/ledger.ts';
import { publishedBefore } from '../ledger/ledger-io.ts';
import type { ArticleEntry } from '../records/entry.ts';
import type { FileStatus, FileTable } from '../records/load-records.ts';
import type { ArticleRecord } from '../records/record.ts';

/**
 * Records in a new ledger the URLs the output folder already has for the articles published now
 * (a site built before Dateline kept a ledger), so that its first build with one keeps them.
 */
export async function seedLedger(ledger: UrlLedger, output: string, files: FileTable, publishes: (status: FileStatus) => boolean, record: (hash: string) => ArticleRecord | undefined): Promise<void> {
  const rows = new Map<string, number>();
  files.ids.forEach((id, row) => publishes(files.statuses[row]!) && rows.set(id, row));
  for (const [id, path] of await publishedBefore(output, [...rows.keys()])) {
    const found = record(files.hashes[rows.get(id)!]!);
    if (found !== undefined && !found.draft && ledger.holder(path) === undefined) ledger.record(id, path, found.fingerprint);
  }
}

/**
 * Adds to `changes` the published articles the last build placed where the ledger now says
 * otherwise, or that the ledger lacks: placed again, they take the ledger's URLs (or are recorded).
 */
export function addLedgerDrift(changes: Map<string, string | undefined>, files: FileTable, publishes: (status: FileStatus) => boolean, ledger: UrlLedger, entry: (id: string) => ArticleEntry | undefined): void {
  for (let row = 0; row < files.ids.length; row++) {
    const id = files.ids[row]!;
    if (changes.has(id) || !publishes(files.statuses[row]!)) continue;
    const was = entry(id);
    if (was === undefined || was.draft) continue;
    if (ledger.entry(id)?.paths[0] !== was.path) changes.set(id, files.hashes[row]!);
  }
}

