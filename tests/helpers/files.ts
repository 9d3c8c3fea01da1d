import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(prefix = 'dateline-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Every file under `root`, as `/`-separated relative paths, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Path → bytes for a whole tree, for byte-for-byte comparison. The output marker is left out: it
 * holds the identity of the build that wrote it (a token of its own per build), not the site.
 */
export async function readTree(root: string): Promise<Map<string, Buffer>> {
  const tree = new Map<string, Buffer>();
  for (const file of await listFiles(root)) if (file !== '.dateline-output') tree.set(file, await readFile(path.join(root, file)));
  return tree;
}

/** A built site as text, without its search index (whose segments depend on how it was made; compared by results elsewhere). */
export async function readPages(root: string): Promise<Map<string, string>> {
  const tree = await readTree(root);
  return new Map([...tree].filter(([file]) => !file.startsWith('pagefind/')).map(([file, bytes]) => [file, bytes.toString('utf8')]));
}

/** The Reuters-21578 corpus in the seed format: beside the repository, or wherever DATELINE_REUTERS says. Tests that read it declare `describeNeeding('reuters', …)`. */
export const REUTERS = process.env.DATELINE_REUTERS ?? path.resolve(import.meta.dirname, '../../../shared/corpora/reuters21578/articles');
export const SEEDS = path.resolve(import.meta.dirname, '../../seeds');
/** The repository's own realistic archive: 360 generated articles over nine days (tests/fixtures/README.md). */
export const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/archive');

/** `count` of the folder's articles spread evenly over it in name order (all of them if it has fewer): a fixed sample. */
export async function sample(folder: string, count: number): Promise<string[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort();
  if (count >= names.length) return names;
  return Array.from({ length: count }, (_, index) => names[Math.floor((index * names.length) / count)]!);
}
