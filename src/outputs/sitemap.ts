import { createHash } from 'node:crypto';
import type { IsoDate } from '../dates.ts';
import { absoluteUrl, SITEMAP_PATH } from '../site/urls.ts';

/** The protocol's limit of URLs in one sitemap file; a bucket past it is split in parts of about half. */
export const URLS_PER_SITEMAP = 50_000;

/** Parts the topics and the archive's older pages are spread over, by a hash of the topic or the page. */
const SPREAD = 8;

/**
 * Which sitemap file lists a page, so that adding an article rewrites only the files that list
 * what it changed: an article and its day's pages are listed by month (`sitemap-1987-03.xml`),
 * years and months in `sitemap-archive.xml`, topics in eight parts by their slug
 * (`sitemap-topics-3.xml`), the archive's older pages in eight parts (`sitemap-older-5.xml`), the
 * rest in `sitemap-pages.xml`. `sitemap.xml` is the index of them all. (No bucket is named
 * `news`: `sitemap-news.xml` is the Google News sitemap, see `news-sitemap.ts`.)
 */
export function sitemapBucket(path: string): string {
  const dated = /^(\d{4})\/(\d{2})\/(?:\d{2}\/|$)/.exec(path);
  if (dated) return path.length > 8 ? `${dated[1]}-${dated[2]}` : 'archive';
  if (/^\d{4}\/$/.test(path)) return 'archive';
  const topic = /^topics\/([^/]+)\//.exec(path);
  // Salted: a bucket past the protocol's limit is split by the same hash of each page's path.
  if (topic) return `topics-${hashPart(`bucket ${topic[1]!}`, SPREAD)}`;
  if (path === 'topics/') return 'topics-0';
  if (path.startsWith('page/')) return `older-${hashPart(`bucket ${path}`, SPREAD)}`;
  return 'pages';
}

/** One of `parts` parts, by a hash of `key`: the same on every machine and every build. */
function hashPart(key: string, parts: number): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % parts;
}

/**
 * The sitemap files of one bucket: `sitemap-<bucket>.xml`, or, past {@link URLS_PER_SITEMAP}
 * URLs, parts `sitemap-<bucket>-<n>.xml` chosen by a hash of each URL (so parts stay put as pages
 * come and go). URLs are listed in path order. Sitemaps hold absolute URLs: this needs the base URL.
 */
export async function bucketSitemaps(bucket: string, entries: ReadonlyMap<string, IsoDate | undefined>, baseUrl: string): Promise<Map<string, string>> {
  const paths = [...entries.keys()].sort();
  const parts = partsFor(paths.length);
  const files = new Map<string, string>();
  if (parts === 1) {
    files.set(`sitemap-${bucket}.xml`, await urlSet(paths, entries, baseUrl));
    return files;
  }
  const byPart = new Map<number, string[]>();
  for (const path of paths) {
    const part = hashPart(path, parts);
    const list = byPart.get(part);
    if (list) list.push(path);
    else byPart.set(part, [path]);
  }
  for (const [part, list] of byPart) files.set(`sitemap-${bucket}-${part + 1}.xml`, await urlSet(list, entries, baseUrl));
  return files;
}

/** Parts a bucket of `count` URLs is split in: a power of two, so that parts are about half full. */
function partsFor(count: number): number {
  return count <= URLS_PER_SITEMAP ? 1 : 2 ** Math.ceil(Math.log2(count / (URLS_PER_SITEMAP / 2)));
}

/** `sitemap.xml`: the index of the sitemap files, in name order. */
export async function sitemapIndex(files: readonly string[], baseUrl: string): Promise<string> {
  const entries = [...files].sort().map((file) => `<sitemap><loc>${escapeXml(absoluteUrl(baseUrl, file))}</loc></sitemap>`);
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">${entries.join('')}</sitemapindex>`;
}

/** Whether an output file is one of the sitemaps (the index included). */
export function isSitemapFile(file: string): boolean {
  return file === SITEMAP_PATH || /^sitemap-[a-z0-9-]+\.xml$/.test(file);
}

/**
 * A `<urlset>` of the protocol (sitemaps.org 0.9): each URL's `loc`, and `lastmod` when known.
 * Written directly: it is two elements of text a URL. Streaming them through the `sitemap` package
 * took 135–360 ms for the 10,500 URLs of March 1987 in the Reuters archive (12–22 ms written
 * directly), more than the rest of adding an article to that month.
 */
async function urlSet(paths: readonly string[], entries: ReadonlyMap<string, IsoDate | undefined>, baseUrl: string): Promise<string> {
  const urls = paths.map((path) => {
    const lastmod = entries.get(path);
    return `<url><loc>${escapeXml(absoluteUrl(baseUrl, path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  });
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">${urls.join('')}</urlset>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text as XML character data: the five characters XML reserves, as entities. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character]!);
}
