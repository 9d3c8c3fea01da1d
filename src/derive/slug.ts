import slugify from '@sindresorhus/slugify';

export const MAX_SLUG_LENGTH = 60;
/** What a URL segment may hold; anything else never reaches a path or a permalink. */
export const SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An ASCII slug of at most {@link MAX_SLUG_LENGTH} characters, cut at a hyphen.
 * Falls back to `fallback` (the article id, slugged) when the text has no Latin letters or digits.
 */
export function deriveSlug(text: string, fallback: string): string {
  const slug = truncateSlug(slugify(text, { decamelize: false }));
  if (/[a-z]/.test(slug)) return slug;
  return truncateSlug(slugify(fallback, { decamelize: false })) || 'article';
}

function truncateSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}
