import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildSummary } from '../../src/build/build.ts';
import { expect } from 'vitest';
import { configSchema, type ConfigInput, type SiteConfig } from '../../src/config/schema.ts';
import type { BuildFlags } from '../../src/cli/build-command.ts';
import { importHelpers, readHelpersSource } from '../../src/render/helpers.ts';
import { templateFolders } from '../../src/render/templates.ts';
import { MemoryStateStore } from '../../src/store/memory-store.ts';
import { MemoryWriter } from '../../src/write/writer.ts';
import { readTree, tempDir } from './files.ts';

/** Writes an input folder declared inline: file name → contents. */
export async function writeInput(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
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

/**
 * As {@link buildSite}, with a templates folder of the site's own (file name → contents, over
 * Dateline's templates) and a `dateline.config.mjs` declared inline too.
 */
export async function buildSiteWith(options: { articles: Record<string, string>; templates?: Record<string, string>; helpers?: string; config?: Partial<ConfigInput> }): Promise<{ site: MemoryWriter; summary: BuildSummary }> {
  const work = await tempDir();
  try {
    const input = path.join(work.dir, 'in');
    await writeInput(input, options.articles);
    const templates = options.templates === undefined ? undefined : path.join(work.dir, 'templates');
    if (templates !== undefined) await writeInput(templates, options.templates!);
    const config = configSchema.parse({ search: false, ...options.config, input, output: path.join(work.dir, 'out'), pages: path.join(work.dir, 'pages'), static: path.join(work.dir, 'static'), ...(templates === undefined ? {} : { templates }) });
    let helpers;
    if (options.helpers !== undefined) {
      await writeFile(path.join(work.dir, 'dateline.config.mjs'), options.helpers);
      helpers = await importHelpers((await readHelpersSource(path.join(work.dir, 'dateline.config.mjs')))!);
    }
    const site = new MemoryWriter();
    const summary = await build({ config, drafts: false, store: new MemoryStateStore(), templates: { folders: templateFolders(config), ...(helpers ? { helpers } : {}) } }, site);
    return { site, summary };
  } finally {
    await work.cleanup();
  }
}

/**
 * Builds a site declared inline into memory, its files in folders by their first segment:
 * `articles/…` (the input), `pages/…` (its own pages), `static/…` (its own files), `templates/…`.
 */
export async function buildSiteIn(files: Record<string, string | Uint8Array>, config: Partial<ConfigInput> = {}, drafts = false): Promise<{ site: MemoryWriter; summary: BuildSummary }> {
  const work = await tempDir();
  try {
    await mkdir(path.join(work.dir, 'articles'), { recursive: true });
    await writeInput(work.dir, files);
    const site = new MemoryWriter();
    const folders = { input: path.join(work.dir, 'articles'), pages: path.join(work.dir, 'pages'), static: path.join(work.dir, 'static'), output: path.join(work.dir, 'out') };
    const summary = await build({ config: configSchema.parse({ search: false, ...config, ...folders }), drafts, store: new MemoryStateStore() }, site);
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

/**
 * Applies each step's change to the input, updates the output at `dir/incremental` through the
 * CLI's build (keeping its state), and expects it equal byte for byte to a clean build of the same
 * input; then hands the updated tree to the step's own check. The first build is before any step.
 */
export async function expectUpdatesEqualClean(
  dir: string,
  config: (output: string) => SiteConfig,
  steps: readonly (readonly [step: string, change: () => Promise<unknown>, check?: (tree: Map<string, Buffer>) => void])[],
  first?: (tree: Map<string, Buffer>) => void,
  flags: Partial<BuildFlags> = {},
): Promise<Map<string, Buffer>> {
  const { buildSite: buildOnDisk } = await import('../../src/cli/build-command.ts');
  const quiet = { out: () => {}, err: () => {} };
  const output = path.join(dir, 'incremental');
  const update = { strict: true, drafts: false, clean: false, cacheDir: path.join(dir, 'cache'), ...flags };
  expect((await buildOnDisk(config(output), update, quiet)).code).toBe(0);
  first?.(await readTree(output));
  for (const [step, change, check] of steps) {
    await change();
    expect((await buildOnDisk(config(output), update, quiet)).code, step).toBe(0);
    const clean = path.join(dir, 'clean');
    await buildOnDisk(config(clean), { ...update, clean: true, cacheDir: path.join(dir, 'clean-cache') }, quiet);
    const expected = await readTree(clean);
    const actual = await readTree(output);
    expect([...actual.keys()].sort(), step).toEqual([...expected.keys()].sort());
    for (const [name, bytes] of expected) expect(actual.get(name)?.toString(), `${step}: ${name}`).toBe(bytes.toString());
    check?.(actual);
    await rm(clean, { recursive: true });
    await rm(path.join(dir, 'clean-cache'), { recursive: true, force: true });
  }
  return readTree(output);
}
