import type { SiteConfig } from '../config/schema.ts';
import { digest } from '../digest.ts';
import { themeCss } from '../outputs/theme.ts';
import type { SiteSettings } from '../pages/types.ts';
import { templatesFingerprint, type TemplateSet } from '../render/templates.ts';
import { parseSiteFile } from '../site/site-paths.ts';
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
    ...(config.tagline === undefined ? {} : { tagline: config.tagline }),
    ...(config.logo === undefined ? {} : { logo: { path: parseSiteFile(config.logo)!, alt: config.logoAlt ?? config.title } }),
    ...(config.icon === undefined ? {} : { icon: parseSiteFile(config.icon)! }),
    nav: config.nav,
    ...(config.footer === undefined ? {} : { footer: config.footer }),
    ...(config.image === undefined ? {} : { image: parseSiteFile(config.image)! }),
    theme: themeCss(config.colors) !== undefined,
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
export async function stateKeys(config: SiteConfig, site: SiteSettings, templates: TemplateSet): Promise<StateKeys> {
  return {
    code: CODE_KEY,
    records: recordsKey(config),
    site: digest(await templatesFingerprint(templates), JSON.stringify(site), JSON.stringify(templateSite(config))),
    search: digest(SEARCH_INDEX_VERSION, config.language, String(config.search)),
  };
}

/** The key of the settings that shape records (cleaning): another means every file is parsed again. */
export function recordsKey(config: Pick<SiteConfig, 'leftoverPatterns' | 'discoverLeftovers' | 'keepParagraphs'>): string {
  return digest(CODE_KEY, JSON.stringify(config.leftoverPatterns), String(config.discoverLeftovers), JSON.stringify(config.keepParagraphs));
}
