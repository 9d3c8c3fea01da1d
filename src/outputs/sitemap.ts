import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import { absoluteUrl, SITEMAP_PATH } from '../site/urls.ts';

/** The protocol's limit of URLs in one sitemap file. */
export const URLS_PER_SITEMAP = 50_000;

export interface SitemapEntry {
  path: string;
  /** `YYYY-MM-DD` of the newest article on the page. */
  lastmod?: string;
}

/**
 * `sitemap.xml`, made with the `sitemap` library. Past 50,000 URLs it becomes a sitemap index
 * pointing at `sitemap-1.xml`, `sitemap-2.xml`, … Sitemaps need absolute URLs, so this needs a base URL.
 * Returns file path → XML.
 */
export async function buildSitemaps(entries: readonly SitemapEntry[], baseUrl: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const chunks: SitemapEntry[][] = [];
  for (let start = 0; start < entries.length; start += URLS_PER_SITEMAP) chunks.push(entries.slice(start, start + URLS_PER_SITEMAP));
  if (chunks.length <= 1) {
    files.set(SITEMAP_PATH, await urlSet(chunks[0] ?? [], baseUrl));
    return files;
  }
  const parts: string[] = [];
  for (const [index, chunk] of chunks.entries()) {
    const path = `sitemap-${index + 1}.xml`;
    files.set(path, await urlSet(chunk, baseUrl));
    parts.push(absoluteUrl(baseUrl, path));
  }
  const index = new SitemapIndexStream();
  files.set(SITEMAP_PATH, (await streamToPromise(Readable.from(parts).pipe(index))).toString());
  return files;
}

async function urlSet(entries: readonly SitemapEntry[], baseUrl: string): Promise<string> {
  const stream = new SitemapStream({ xmlns: { news: false, video: false, image: false, xhtml: false } });
  const items = entries.map((entry) => ({ url: absoluteUrl(baseUrl, entry.path), ...(entry.lastmod ? { lastmod: entry.lastmod } : {}) }));
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString();
}
