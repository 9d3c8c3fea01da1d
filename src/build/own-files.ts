import type { SiteConfig } from '../config/schema.ts';
import type { Problem } from '../errors.ts';
import { displayPath } from '../read/scan.ts';
import { listStaticFiles, type StaticFile } from '../read/static-files.ts';
import { loadPages } from '../records/load-pages.ts';
import type { OwnPage } from '../records/page-record.ts';
import { outputFileOf } from '../site/urls.ts';
import type { SiteSettings } from '../pages/types.ts';

/** The site's own pages and files: every build reads the pages (there are few) and lists the files (read when they changed). */
export async function ownFiles(config: SiteConfig, drafts: boolean): Promise<{ pages: OwnPage[]; pagesRoot: string; files: StaticFile[]; problems: Problem[] }> {
  const pages = await loadPages(config.pages, drafts);
  const taken = new Map(pages.pages.map((page) => [outputFileOf(page.path), page.source]));
  for (const page of pages.pages) for (const image of page.images) taken.set(`${page.path}${image.file}`, page.source);
  const files = await listStaticFiles(config.static, displayPath(config.static), taken);
  return { pages: pages.pages, pagesRoot: pages.root, files: files.files, problems: [...pages.problems, ...files.problems] };
}

/** The site's own pages that ask to be in the navigation: by their order, then their label. */
export function navigationOf(pages: readonly OwnPage[]): SiteSettings['pageNav'] {
  return pages
    .filter((page) => page.nav !== undefined)
    .sort((a, b) => a.nav!.order - b.nav!.order || (a.nav!.label < b.nav!.label ? -1 : a.nav!.label > b.nav!.label ? 1 : 0))
    .map((page) => ({ path: page.path, label: page.nav!.label }));
}

