import path from 'node:path';
import type { SiteConfig } from '../config/schema.ts';
import { LEDGER_FILE } from '../read/scan.ts';

/** Where the site keeps its URL ledger: `lockfile` in the config, else `urls.lock` in the input folder; undefined when turned off. */
export function ledgerFileOf(config: Pick<SiteConfig, 'input' | 'lockfile'>): string | undefined {
  if (config.lockfile === false) return undefined;
  return config.lockfile ?? path.join(config.input, LEDGER_FILE);
}
