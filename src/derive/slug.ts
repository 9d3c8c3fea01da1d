import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

export const MAX_SLUG_LENGTH = 60;
/** What a URL segment may hold; anything else never reaches a path or a permalink. */
export const SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An ASCII slug of at most {@link MAX_SLUG_LENGTH} characters, cut at a hyphen.
 * Falls back to `fallback` (the article id, see {@link idSlug}) when the text has no Latin letters.
 */
export function deriveSlug(text: string, fallback: string): string {
  const slug = truncateSlug(slugify(text, { decamelize: false }));
  return /[a-z]/.test(slug) ? slug : idSlug(fallback);
}

function truncateSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

/**
 * The article id as a URL segment. Ids that are already `[a-z0-9-]` (hex ids, tidy file names)
 * are used as they are; any other id is slugged and given 8 hex digits of its SHA-256, so two
 * different ids (`ABC` and `abc`, or two Chinese names) can never share a segment.
 */
export function idSlug(id: string): string {
  if (SAFE_SLUG.test(id)) return id;
  const readable = truncateSlug(slugify(id, { decamelize: false }));
  const digest = createHash('sha256').update(id).digest('hex').slice(0, 8);
  return readable ? `${readable}-${digest}` : digest;
}
