import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { isWebUrl, parseSiteFile, parseSitePath } from '../site/site-paths.ts';
import { isCssColor } from './css-color.ts';

// zod's small build (zod/mini, a twentieth of the full one's size) keeps the command quick to
// start; its English messages are loaded explicitly.
z.config(en());

const url = z.string().check(z.refine(isWebUrl, 'expected an absolute http(s) URL such as https://example.org/news/'));

/** A file of the site named from its root, such as `/images/logo.svg`: linked relative to each page. */
const siteFile = z.string().check(
  z.refine((value) => parseSiteFile(value) !== undefined, 'expected a path from the site root such as "/images/logo.svg" (no "..", no scheme, no query)'),
);

/** A navigation link: an absolute http(s) URL, or a path from the site root such as `/about/`. */
const navLink = z.strictObject({
  label: z.string().check(z.minLength(1), z.maxLength(80)),
  url: z.string().check(
    z.refine((value) => isWebUrl(value) || parseSitePath(value) !== undefined, 'expected an absolute http(s) URL or a path from the site root such as "/about/" (no "..", no other scheme)'),
  ),
});

const color = z.string().check(z.refine(isCssColor, 'expected a CSS colour: #rgb, #rrggbb, rgb(…), hsl(…) or a named colour such as "darkred"'));

/** The custom properties of Dateline's stylesheet a site may set; each optional. */
const palette = z.strictObject({
  accent: z.optional(color),
  text: z.optional(color),
  muted: z.optional(color),
  background: z.optional(color),
  surface: z.optional(color),
  rule: z.optional(color),
  link: z.optional(color),
  linkVisited: z.optional(color),
  focus: z.optional(color),
});

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
  /** A line under the title in the header. */
  tagline: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** An image shown in place of the title in the header, from the site root (the user's static files). */
  logo: z.optional(siteFile),
  /** The site's icon for browser tabs and bookmarks, such as `/favicon.svg` (a file of `static/`). */
  icon: z.optional(siteFile),
  /** The logo's alternative text (default: the title). */
  logoAlt: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** Links shown after Dateline's own in the header. */
  nav: z._default(z.array(navLink).check(z.maxLength(20)), []),
  /** Plain text for the footer, in place of the title and description (a line break starts a new paragraph). */
  footer: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))),
  /** Accent colours for light and dark mode, written to assets/theme.css. */
  colors: z.optional(z.strictObject({ light: z.optional(palette), dark: z.optional(palette) })),
  /** The image shared on social media for articles that have none, from the site root (needs baseUrl: Open Graph wants absolute URLs). */
  image: z.optional(siteFile),
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
  /** The URL ledger's folder (every URL each article has been published at, a file a month): default `urls` in the input folder; false: keep none. */
  urlLedger: z.optional(z.union([z.string().check(z.minLength(1)), z.literal(false)])),
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
}).check(z.refine((config) => config.logoAlt === undefined || config.logo !== undefined, { message: 'names the text of a logo, but no "logo" is set', path: ['logoAlt'] }));

export type SiteConfig = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
