import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { KnownSource } from '../read/read-sources.ts';
import type { ArticleRecord } from '../records/record.ts';
import { CODE_KEY } from '../version.ts';

/**
 * What a build leaves for the next one: parsed records by source hash, and the key of every
 * output file, so an unchanged article is not parsed again and an unchanged page not rendered or
 * written again. Kept outside the output folder, under `node_modules/.cache/dateline/`.
 */
export interface BuildState {
  /** Dateline's code key (see CODE_KEY) when the state was saved: another key means start clean. */
  version: string;
  /** Hash of the settings that shape records (leftover patterns): records only carry over when equal. */
  recordsKey: string;
  /** Source hash → record. */
  records: Map<string, ArticleRecord>;
  /** Source path → fingerprint and hash when last read, so unchanged files are not read again. */
  sources: Map<string, KnownSource>;
  /** Hash of what the search index was built from: the index is rebuilt only when it changes. */
  searchKey?: string;
  /** Output file → key of what produced it (page model and templates, or file content). */
  outputs: Map<string, string>;
  /** The output's identity when saved (see `outputIdentity`): another means the output moved on without this state. */
  output?: string;
  /** The previous version kept beside the output by a swapping update: its identity, and what changed since. */
  retained?: { identity: string; changedSince: string[] };
}

import { CACHE_DIR } from '../build-paths.ts';

/** The state file of one output folder (several sites can share a cache). */
export function stateFile(outputDir: string, cacheDir = CACHE_DIR): string {
  const key = createHash('sha256').update(path.resolve(outputDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `${key}.state`);
}

/** The previous build's state, or undefined when there is none or it came from other Dateline code. */
export async function loadState(file: string): Promise<BuildState | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  try {
    const state = deserialize(bytes) as BuildState;
    return state.version === CODE_KEY ? state : undefined;
  } catch {
    return undefined; // a damaged cache is the same as none: the build starts clean
  }
}

/** Saves the state atomically (a temporary file renamed over the old one). */
export async function saveState(file: string, state: BuildState): Promise<void> {
  await saveFileAtomically(file, serialize(state));
}

/** Writes a temporary file and renames it over `file`, so a reader never sees half of it. */
export async function saveFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

/** Forgets the state, before the output changes in a way it no longer describes. */
export async function dropState(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** A short, stable hash of strings, for keys. */
export function digest(...parts: readonly (string | Uint8Array)[]): string {
  return digestAll(parts);
}

/** {@link digest} of any number of parts, taken one at a time (never all in memory as one string). */
export function digestAll(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url').slice(0, 22);
}
