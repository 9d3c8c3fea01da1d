import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteConfig } from './config/schema.ts';
import { DatelineError, type Problem } from './errors.ts';
import type { SiteSettings } from './pages/types.ts';
import { loadRecords } from './records/load-records.ts';
import { renderPages } from './render/eleventy.ts';
import { planSite } from './site/assemble.ts';
import { DATELINE_VERSION } from './version.ts';
import type { Writer } from './write/writer.ts';

/** Dateline's own templates, used unless the config names others. */
export const DEFAULT_TEMPLATES = fileURLToPath(new URL('../templates', import.meta.url));
const WRITES_IN_FLIGHT = 32;

export interface BuildOptions {
  config: SiteConfig;
  /** Publish drafts. */
  drafts: boolean;
}

export interface StageTime {
  stage: string;
  seconds: number;
}

export interface BuildSummary {
  articles: number;
  skipped: number;
  drafts: number;
  problems: Problem[];
  pages: number;
  files: number;
  stages: StageTime[];
  seconds: number;
}

/**
 * The build, as named stages: load (read → parse → clean → derive → place) → plan (page models,
 * feeds, sitemap) → render (Eleventy) and write. Every stage is timed for the summary.
 */
export async function build(options: BuildOptions, writer: Writer): Promise<BuildSummary> {
  const started = performance.now();
  const stages: StageTime[] = [];
  const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    stages.push({ stage, seconds: (performance.now() - start) / 1000 });
    return result;
  };
  const { config } = options;
  const templatesDir = config.templates ?? DEFAULT_TEMPLATES;
  let files = 0;
  try {
    const loaded = await timed('read and parse', () =>
      loadRecords({ inputDir: config.input, leftoverPatterns: config.leftoverPatterns, drafts: options.drafts }),
    );
    if (loaded.records.length === 0 && loaded.skipped > 0) {
      throw new DatelineError({
        code: 'nothing-built',
        file: config.input,
        message: `none of the articles could be built (${loaded.skipped} skipped with errors), so the previous site was left as it was`,
      }, { problems: loaded.problems });
    }
    const plan = await timed('plan pages', () => planSite(loaded.records, siteSettings(config)));
    await timed('render and write', async () => {
      const pending = new Set<Promise<void>>();
      let failure: unknown;
      const write = async (file: string, content: string | Uint8Array) => {
        if (failure !== undefined) throw failure;
        const promise: Promise<void> = writer
          .write(file, content)
          .catch((error: unknown) => {
            failure ??= error;
          })
          .finally(() => pending.delete(promise));
        pending.add(promise);
        files++;
        if (pending.size >= WRITES_IN_FLIGHT) await Promise.race(pending);
      };
      const site = { title: config.title, description: config.description, language: config.language, generator: `Dateline ${DATELINE_VERSION}` };
      for await (const page of renderPages(plan.pages, { templatesDir, site })) await write(page.outputFile, page.html);
      for (const [file, content] of plan.files) await write(file, content);
      for (const asset of await listAssets(templatesDir)) await write(`assets/${asset}`, await readFile(path.join(templatesDir, 'assets', asset)));
      await Promise.all(pending);
      if (failure !== undefined) throw failure;
    });
    await timed('publish', () => writer.commit());
    return {
      articles: loaded.records.length,
      skipped: loaded.skipped,
      drafts: loaded.drafts,
      problems: loaded.problems,
      pages: plan.pages.length,
      files,
      stages,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

export function siteSettings(config: SiteConfig): SiteSettings {
  return {
    title: config.title,
    description: config.description,
    language: config.language,
    ...(config.baseUrl === undefined ? {} : { baseUrl: config.baseUrl }),
    pageSize: config.pageSize,
    dayPageSize: config.dayPageSize,
    feedSize: config.feedSize,
  };
}

/** Files under `templates/assets/`, copied as they are (flat: the stylesheet and friends). */
async function listAssets(templatesDir: string): Promise<string[]> {
  try {
    const entries = await readdir(path.join(templatesDir, 'assets'), { withFileTypes: true });
    return entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
