import * as z from 'zod/mini';
import { en } from 'zod/locales';

// zod's small build (zod/mini, a twentieth of the full one's size) keeps the command quick to
// start; its English messages are loaded explicitly.
z.config(en());

const url = z.string().check(
  z.refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), 'expected an absolute http(s) URL such as https://example.org/news/'),
);

const pattern = z.string().check(
  z.refine((source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression'),
);

/** `dateline.config.json`: every key optional, unknown keys refused so typos are caught. */
export const configSchema = z.strictObject({
  title: z._default(z.string().check(z.minLength(1), z.maxLength(200)), 'Dateline'),
  description: z._default(z.string().check(z.maxLength(500)), 'A news archive.'),
  language: z._default(
    z.string().check(z.refine((value) => Intl.DateTimeFormat.supportedLocalesOf([value]).length > 0, 'expected a language tag such as "en" or "de-CH"')),
    'en',
  ),
  /** The site's public address; `null` (as `init` writes it) is "not set yet", as absent. */
  baseUrl: z.optional(z.pipe(z.nullable(url), z.transform((value) => value ?? undefined))),
  input: z._default(z.string().check(z.minLength(1)), 'seeds'),
  output: z._default(z.string().check(z.minLength(1)), 'dist'),
  templates: z.optional(z.string().check(z.minLength(1))),
  /** The site's own pages (`about.md` at /about/), and files copied as they are (a logo, a favicon, CNAME). */
  pages: z._default(z.string().check(z.minLength(1)), 'pages'),
  static: z._default(z.string().check(z.minLength(1)), 'static'),
  /** The URL ledger (every URL each article has been published at): default `urls.lock` in the input folder; false: keep none. */
  lockfile: z.optional(z.union([z.string().check(z.minLength(1)), z.literal(false)])),
  pageSize: z._default(z.int().check(z.minimum(1), z.maximum(1000)), 20),
  dayPageSize: z._default(z.int().check(z.minimum(1), z.maximum(5000)), 100),
  feedSize: z._default(z.int().check(z.minimum(1), z.maximum(1000)), 50),
  /** Build Pagefind's search index (the slowest stage on big archives; without it /search/ says search is unavailable). */
  search: z._default(z.boolean(), true),
  /** Articles a name must be prominent in to get a topic page; unset, it grows with the archive. */
  topicMinArticles: z.optional(z.int().check(z.minimum(1), z.maximum(100_000))),
  leftoverPatterns: z._default(z.array(pattern), []),
  /** Find the page furniture the archive repeats (short lines in many articles on many days) and remove it. */
  discoverLeftovers: z._default(z.boolean(), true),
  /** Lines the discovery found that are text after all: kept (compared with case and trailing numbers folded). */
  keepParagraphs: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(200))), []),
});

export type SiteConfig = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
