/*
 * Paths a user names in the config (the logo, the social image, navigation links) are written
 * from the site's root, with or without a leading `/`: `/about/`, `images/logo.svg`. Each becomes
 * a link relative to the page it sits on, like every other link of the site. Only plain paths
 * inside the site are accepted: no scheme, no `//host`, no `..` or `.` segment, no backslash, no
 * white space or characters that would need quoting.
 */

/** Characters a path segment may hold: RFC 3986 pchar less `:` (nothing reads as a scheme) and `'`. */
const SEGMENT = /^[A-Za-z0-9._~!$&()*+,;=@%-]+$/;
/** A query or fragment: printable ASCII without quotes, angle brackets, backslashes or spaces. */
const SUFFIX = /^[?#][!#$%&()*+,\-./0-9:;=?@A-Z[\]^_a-z{|}~]*$/;

/** What a site path is made of: the path from the root (`about/`, `''` for the root) and any `?query#fragment`. */
export interface SitePath {
  path: string;
  suffix: string;
}

/** Splits and checks a site-root-relative path; undefined when it is not one. */
export function parseSitePath(value: string): SitePath | undefined {
  const at = value.search(/[?#]/);
  const whole = at === -1 ? value : value.slice(0, at);
  const suffix = at === -1 ? '' : value.slice(at);
  if (suffix !== '' && !SUFFIX.test(suffix)) return undefined;
  const path = whole.startsWith('/') ? whole.slice(1) : whole;
  if (path === '') return whole === '/' || (whole === '' && suffix !== '') ? { path, suffix } : undefined;
  const segments = path.split('/');
  // Only the last segment may be empty: a folder's trailing slash.
  for (const [index, segment] of segments.entries()) {
    if (segment === '' && index === segments.length - 1) continue;
    if (segment === '.' || segment === '..' || !SEGMENT.test(segment)) return undefined;
  }
  return { path, suffix };
}

/** A site path naming a file (an image): no query, no fragment, no trailing slash. */
export function parseSiteFile(value: string): string | undefined {
  const parsed = parseSitePath(value);
  return parsed && parsed.suffix === '' && parsed.path !== '' && !parsed.path.endsWith('/') ? parsed.path : undefined;
}

/** An absolute http(s) URL. */
export function isWebUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value);
}

/** A navigation link's target: an absolute http(s) URL as it is, or a site path through `href` (relative to the page). */
export function linkTarget(url: string, href: (path: string) => string): string {
  if (isWebUrl(url)) return url;
  const parsed = parseSitePath(url);
  if (parsed === undefined) throw new Error(`not a site path: ${url}`);
  return `${href(parsed.path)}${parsed.suffix}`;
}
