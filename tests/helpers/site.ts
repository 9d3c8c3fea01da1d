import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildSummary } from '../../src/build/build.ts';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { MemoryStateStore } from '../../src/store/memory-store.ts';
import { MemoryWriter } from '../../src/write/writer.ts';
import { tempDir } from './files.ts';

/** Writes an input folder declared inline: file name → contents. */
export async function writeInput(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

/**
 * Builds a whole site declared inline into memory (Hugo's integration-test style) and returns
 * the written files and the summary.
 */
export async function buildSite(files: Record<string, string>, config: Partial<ConfigInput> = {}, drafts = false): Promise<{ site: MemoryWriter; summary: BuildSummary }> {
  const work = await tempDir();
  try {
    await writeInput(work.dir, files);
    const site = new MemoryWriter();
    // Pagefind's index is left out unless a test asks for it: it starts a process per build.
    const summary = await build({ config: configSchema.parse({ search: false, ...config, input: work.dir, output: path.join(work.dir, 'out') }), drafts, store: new MemoryStateStore() }, site);
    return { site, summary };
  } finally {
    await work.cleanup();
  }
}

/** The written file whose path matches, as text. */
export function page(site: MemoryWriter, pattern: RegExp): string {
  const file = [...site.files.keys()].find((name) => pattern.test(name));
  if (file === undefined) throw new Error(`no file matches ${pattern}; written: ${[...site.files.keys()].join(', ')}`);
  return site.text(file) ?? '';
}
