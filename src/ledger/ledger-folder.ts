import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/schema.ts';

/** The URL ledger's folder in the input folder, by default. */
export const LEDGER_FOLDER = 'urls';

/** A ledger file's name: the month of the URLs it holds, `YYYY-MM.lock`. */
export const SHARD_FILE = /^(\d{4}-\d{2})\.lock$/;

export function shardFileName(month: string): string {
  return `${month}.lock`;
}

/** Where the site keeps its URL ledger: `urlLedger` in the config, else `urls` in the input folder; undefined when turned off. */
export function ledgerFolderOf(config: Pick<SiteConfig, 'input' | 'urlLedger'>): string | undefined {
  if (config.urlLedger === false) return undefined;
  return config.urlLedger ?? path.join(config.input, LEDGER_FOLDER);
}

/** The ledger's files as listed now: their months, and their identity (their names, sizes and times: another next time means one was edited, added or restored). */
export interface LedgerListing {
  months: string[];
  identity: string;
  /** The latest change time of its files (0: none): see `isSettled`. */
  latest: number;
}

/** Lists the ledger folder (one stat a month); `none` when there is none, `off` when the site keeps no ledger. */
export function listLedger(folder: string | undefined): LedgerListing {
  if (folder === undefined) return { months: [], identity: 'off', latest: 0 };
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { months: [], identity: 'none', latest: 0 };
    throw error;
  }
  const months: string[] = [];
  const parts: string[] = [];
  let latest = 0;
  for (const name of names.sort()) {
    const month = SHARD_FILE.exec(name)?.[1];
    if (month === undefined) continue;
    const info = statSync(path.join(folder, name), { throwIfNoEntry: false });
    if (!info?.isFile()) continue;
    months.push(month);
    parts.push(`${month}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`);
    latest = Math.max(latest, info.ctimeMs);
  }
  return { months, identity: parts.length === 0 ? 'none' : parts.join(' '), latest };
}
