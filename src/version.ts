import { readFileSync } from 'node:fs';

/** Dateline's own version: part of every cache key and of the generator tag in feeds. */
export const DATELINE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
