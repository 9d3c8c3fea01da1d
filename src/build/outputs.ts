import type { SiteConfig } from '../config/schema.ts';
import type { IsoDate } from '../dates.ts';
import { bucketSitemaps, isSitemapFile, sitemapBucket, sitemapIndex } from '../outputs/sitemap.ts';
import type { OutputPlan, PlannedOutput } from '../plan/changes.ts';
import { decideWrites } from '../plan/decide.ts';
import type { SiteState } from '../pages/state.ts';
import { createRenderer, type Renderer } from '../render/nunjucks.ts';
import { readAssets, type TemplateSet } from '../render/templates.ts';
import { PAGEFIND_DIR, SITEMAP_PATH, THEME_PATH } from '../site/urls.ts';
import type { StateStore, StoreChanges, StoredMeta } from '../store/contents.ts';
import type { Writer } from '../write/writer.ts';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { sameTimes } from '../read/fingerprint.ts';
import type { StaticFile } from '../read/static-files.ts';
import type { StoredStatic } from '../store/contents.ts';
import type { Progress } from './build.ts';
import { DatelineError } from '../errors.ts';
import { themeCss } from '../outputs/theme.ts';
import { digest, templateSite, type StateKeys } from './settings.ts';

/** Outputs made at once: keys are computed, the changed ones rendered and written, then the next batch. */
const BATCH = 256;
const WRITES_IN_FLIGHT = 32;

export interface OutputsInput {
  plan: OutputPlan;
  state: SiteState;
  config: SiteConfig;
  templates: TemplateSet;
  keys: StateKeys;
  store: StateStore;
  previous: StoredMeta | undefined;
  /** Every output was planned (a clean build, or other templates or settings): files not made now go. */
  replan: boolean;
  writer: Writer;
  /** The site's own files, copied as they are. */
  staticFiles: readonly StaticFile[];
  progress?: Progress;
}

export interface OutputsResult {
  outputs: StoreChanges['outputs'];
  sitemaps: StoreChanges['sitemaps'];
  sitemapFiles: string[];
  /** The site's own files as copied now: path, size and times, and the key of their bytes. */
  staticFiles: StoredStatic[];
  /** Output files of the site now. */
  files: number;
  written: number;
  unchanged: number;
  removed: number;
}

/**
 * Makes the planned outputs, decides which differ from the files the last build wrote
 * (`decideWrites`), renders and writes only those, then the feeds, sitemaps and static files, and
 * removes what the site no longer has.
 */
export async function writeOutputs(input: OutputsInput): Promise<OutputsResult> {
  const { plan, state, config, keys, store, previous, writer } = input;
  const previousKey = (file: string) => (previous ? store.output(file) : undefined);
  const queue = writeQueue(writer);
  let renderer: Renderer | undefined;
  const put: [string, string][] = [];
  let written = 0;
  let unchanged = 0;

  /** Decides a batch of made outputs and writes the changed ones. */
  const settle = async (made: { file: string; key: string; content: () => string | Uint8Array }[]) => {
    const decision = decideWrites(made, previousKey, []);
    const writes = new Set(decision.write);
    for (const output of made) {
      put.push([output.file, output.key]);
      if (!writes.has(output.file)) continue;
      await queue.write(output.file, output.content());
    }
    written += decision.write.length;
    unchanged += decision.unchanged.length;
  };

  const total = plan.make.length;
  input.progress?.('rendering', 0, total);
  for (let start = 0; start < total; start += BATCH) {
    const batch = plan.make.slice(start, start + BATCH);
    await settle(batch.map((planned) => makeOutput(planned, keys, () => (renderer ??= createRenderer(input.templates, templateSite(config))))));
    input.progress?.('writing', Math.min(start + BATCH, total), total);
  }

  // Files made directly: the assets and the sitemaps.
  const files: { file: string; key: string; content: () => string | Uint8Array }[] = [];
  const direct = (file: string, content: string | Uint8Array) => files.push({ file, key: digest(content), content: () => content });
  for (const [file, content] of await siteAssets(input.templates, config)) direct(file, content);
  // The site's own files: read only when their size or times changed since they were last copied.
  const known = new Map((previous?.staticFiles ?? []).map((entry) => [entry[0], entry]));
  const copied: StoredStatic[] = [];
  for (const own of input.staticFiles) {
    const was = known.get(own.path);
    const key = was && sameTimes(own, { size: was[1], mtimeMs: was[2], ctimeMs: was[3] }) ? was[4] : undefined;
    if (key !== undefined) {
      files.push({ file: own.path, key, content: () => readFileSync(own.absolutePath) });
    } else {
      const bytes = await readFile(own.absolutePath);
      files.push({ file: own.path, key: digest(bytes), content: () => bytes });
    }
    copied.push([own.path, own.size, own.mtimeMs, own.ctimeMs, files.at(-1)!.key]);
  }
  const { baseUrl } = state.site;
  let sitemaps: StoreChanges['sitemaps'] = [];
  let sitemapFiles: string[] = [];
  const sitemapGone: string[] = [];
  if (baseUrl !== undefined) {
    const updated = await updateSitemaps(plan, input.replan ? undefined : store, previous?.sitemapFiles ?? [], baseUrl);
    for (const [file, xml] of updated.files) direct(file, xml);
    sitemaps = updated.buckets;
    sitemapFiles = updated.sitemapFiles;
    sitemapGone.push(...updated.gone);
  }
  await settle(files);
  await queue.drain();

  // What goes: what the plan dropped, sitemaps no longer needed, and on a full plan every file not made now.
  const made = new Set(put.map(([file]) => file));
  const dropped = [...plan.remove, ...sitemapGone];
  const copiedNow = new Set(copied.map(([file]) => file));
  for (const [file] of previous?.staticFiles ?? []) if (!copiedNow.has(file)) dropped.push(file);
  // (The search index's files are the search stage's.)
  if (input.replan && previous) for (const file of store.outputFiles()) if (!made.has(file) && !file.startsWith(PAGEFIND_DIR)) dropped.push(file);
  const { remove } = decideWrites([...made].map((file) => ({ file, key: '' })), () => '', dropped);
  for (const file of remove) await writer.remove(file);
  const before = input.replan ? 0 : (previous?.files ?? 0);
  const added = input.replan ? made.size : put.filter(([file]) => previousKey(file) === undefined).length;
  return { outputs: { put, remove }, sitemaps, sitemapFiles, staticFiles: copied, files: before + added - (input.replan ? 0 : remove.length), written, unchanged, removed: remove.length };
}

/** The templates' assets (a user's file replacing Dateline's of the same name), and the theme stylesheet made from the config's colours. */
async function siteAssets(templates: TemplateSet, config: SiteConfig): Promise<Map<string, string | Uint8Array>> {
  const assets: Map<string, string | Uint8Array> = await readAssets(templates.folders);
  const theme = themeCss(config.colors);
  if (theme === undefined) return assets;
  if (assets.has(THEME_PATH)) {
    throw new DatelineError({ code: 'theme-clash', file: `${templates.folders[0]}/${THEME_PATH}`, message: `has the name of the stylesheet Dateline makes from "colors" in the config`, hint: 'rename the file, or set the colours in it and drop "colors"' });
  }
  return assets.set(THEME_PATH, theme);
}

function makeOutput(planned: PlannedOutput, keys: StateKeys, renderer: () => Renderer): { file: string; key: string; content: () => string | Uint8Array } {
  if ('file' in planned.make) {
    const content = planned.make.file();
    return { file: planned.file, key: digest(content), content: () => content };
  }
  if ('copy' in planned.make) {
    const { copy, key } = planned.make;
    return { file: planned.file, key, content: () => readFileSync(copy) };
  }
  const model = planned.make.page();
  const template = planned.template!;
  return { file: planned.file, key: digest(keys.site, template, JSON.stringify(model)), content: () => renderer().render(template, model) };
}

/**
 * The sitemap files the plan's changes touch: each changed bucket's entries updated (read from the
 * store, or from nothing when every page was planned) and made again, buckets left empty dropped,
 * and the index when the set of files changed.
 */
async function updateSitemaps(plan: OutputPlan, store: StateStore | undefined, previousFiles: readonly string[], baseUrl: string) {
  const touched = new Map<string, Map<string, IsoDate | undefined>>();
  const bucket = (path: string) => {
    const name = sitemapBucket(path);
    let entries = touched.get(name);
    if (!entries) touched.set(name, (entries = new Map(store?.sitemap(name) ?? [])));
    return entries;
  };
  for (const path of plan.sitemap.removed) bucket(path).delete(path);
  for (const [path, lastmod] of plan.sitemap.set) bucket(path).set(path, lastmod);
  const files = new Map<string, string>();
  const buckets: StoreChanges['sitemaps'] = [];
  const current = new Set(store ? previousFiles.filter((file) => file !== SITEMAP_PATH) : []);
  const gone: string[] = [];
  for (const [name, entries] of touched) {
    const own = (file: string) => file === `sitemap-${name}.xml` || file.startsWith(`sitemap-${name}-`);
    const before = [...current].filter(own);
    for (const file of before) current.delete(file);
    if (entries.size === 0) {
      buckets.push([name, undefined]);
      gone.push(...before);
      continue;
    }
    buckets.push([name, [...entries].map(([path, lastmod]) => [path, lastmod ?? null])]);
    const made = await bucketSitemaps(name, entries, baseUrl);
    for (const [file, xml] of made) {
      files.set(file, xml);
      current.add(file);
    }
    gone.push(...before.filter((file) => !made.has(file)));
  }
  const sitemapFiles = [...current].sort();
  if (store === undefined || sitemapFiles.join() !== previousFiles.filter((file) => file !== SITEMAP_PATH).join()) files.set(SITEMAP_PATH, await sitemapIndex(sitemapFiles, baseUrl));
  return { files, buckets, sitemapFiles: sitemapFiles.filter(isSitemapFile), gone };
}

/** Keeps a bounded number of writes in flight; the first failure is rethrown, none goes unhandled. */
function writeQueue(writer: Writer): { write(file: string, content: string | Uint8Array): Promise<void>; drain(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  let failure: unknown;
  return {
    async write(file, content) {
      if (failure !== undefined) throw failure;
      const promise: Promise<void> = writer
        .write(file, content)
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => pending.delete(promise));
      pending.add(promise);
      if (pending.size >= WRITES_IN_FLIGHT) await Promise.race(pending);
    },
    async drain() {
      await Promise.all(pending);
      if (failure !== undefined) throw failure;
    },
  };
}
