import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config/schema.ts';
import { digest } from '../digest.ts';
import type { SiteSettings } from '../pages/types.ts';
import { SEARCH_INDEX_VERSION } from '../search/pagefind.ts';
import { CODE_KEY, DATELINE_VERSION } from '../version.ts';

/** The settings page builders read, from the config. */
export function siteSettings(config: SiteConfig): SiteSettings {
  return {
    title: config.title,
    description: config.description,
    language: config.language,
    ...(config.baseUrl === undefined ? {} : { baseUrl: config.baseUrl }),
    pageSize: config.pageSize,
    dayPageSize: config.dayPageSize,
    feedSize: config.feedSize,
    ...(config.topicMinArticles === undefined ? {} : { topicMinArticles: config.topicMinArticles }),
    search: config.search,
    pageNav: [],
  };
}

/** Site-wide values templates may show. */
export function templateSite(config: SiteConfig): Record<string, string> {
  return { title: config.title, description: config.description, language: config.language, generator: `Dateline ${DATELINE_VERSION}` };
}

/** What each part of the build state was made with: another key means that part is made again. */
export { digest };

export interface StateKeys {
  code: string;
  records: string;
  site: string;
  search: string;
}

/** The keys of a build with `config` and `site` (the settings page builders read, the site's own pages in its navigation among them). */
export async function stateKeys(config: SiteConfig, site: SiteSettings, templatesDir: string): Promise<StateKeys> {
  return {
    code: CODE_KEY,
    records: recordsKey(config),
    site: digest(await templatesFingerprint(templatesDir), JSON.stringify(site), JSON.stringify(templateSite(config))),
    search: digest(SEARCH_INDEX_VERSION, config.language, String(config.search)),
  };
}

/** The key of the settings that shape records (cleaning): another means every file is parsed again. */
export function recordsKey(config: Pick<SiteConfig, 'leftoverPatterns' | 'discoverLeftovers' | 'keepParagraphs'>): string {
  return digest(CODE_KEY, JSON.stringify(config.leftoverPatterns), String(config.discoverLeftovers), JSON.stringify(config.keepParagraphs));
}

/** A hash of every template file but the assets (those are compared by content as outputs), so editing a template makes every page again. */
async function templatesFingerprint(templatesDir: string): Promise<string> {
  const entries = await readdir(templatesDir, { recursive: true, withFileTypes: true });
  const assets = path.join(templatesDir, 'assets');
  const files = entries
    .filter((entry) => entry.isFile() && entry.parentPath !== assets && !entry.parentPath.startsWith(`${assets}${path.sep}`))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const parts: string[] = [];
  for (const file of files) parts.push(path.relative(templatesDir, file), await readFile(file, 'utf8'));
  return digest(...parts);
}

/** Files under `templates/assets/`, copied as they are (flat: the stylesheet and the script). */
export async function readAssets(templatesDir: string): Promise<Map<string, Uint8Array>> {
  const assets = new Map<string, Uint8Array>();
  let entries;
  try {
    entries = await readdir(path.join(templatesDir, 'assets'), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return assets;
    throw error;
  }
  for (const entry of entries.filter((each) => each.isFile() && !each.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    assets.set(`assets/${entry.name}`, await readFile(path.join(templatesDir, 'assets', entry.name)));
  }
  return assets;
}
