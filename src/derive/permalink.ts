import { createHash } from 'node:crypto';
import { splitParagraphs } from '../parse/paragraphs.ts';

/*
 * How a new article's URL segment is made: permalink rule 1. FROZEN — never change what these
 * functions return for any input. A URL, once published, must never move; the ledger of
 * published URLs (the `urls` folder, see src/ledger/) pins every URL a build records, and this rule
 * gives the same segment on any machine and with any later Dateline for an article not yet
 * recorded (a build whose `urls` folder was not kept). A better rule is a new rule 2 beside this
 * one, chosen by a new ledger's header, never an edit here.
 *
 * It reads the text as written — not the derived headline, which improves from version to
 * version — with no library whose tables could change (Unicode's NFKD decomposition is stable
 * by Unicode's own policy).
 */

/** The rule a new ledger records its articles with. */
export const PERMALINK_RULE = 1;

/** Characters of the words part of a segment, at most. */
const MAX_WORDS = 60;
/** Characters of an id kept as it is; a longer or unsafe one is shortened and given a hash. */
const MAX_ID = 64;
const SAFE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A wire dateline before the story: a place in capitals, an optional `(Reuters)` and `, date`, then a dash. */
const WIRE_DATELINE = /^[A-Z][A-Z0-9 .&'’/-]*[A-Z.](?:\s*\([^)\n]{1,30}\))?(?:,[^\n\-–—]{0,60})?\s+(?:--?|–|—)\s+/;
/** A paragraph is the lede when it has at least this many words of two letters or more. */
const LEDE_WORDS = 4;

/** Lower-case ASCII words joined by hyphens: accents come off (NFKD), everything else separates words. */
export function asciiWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** At most `max` characters of hyphen-joined words, cut at a hyphen (a single longer word is cut where it must be). */
function cutWords(words: string, max: number): string {
  if (words.length <= max) return words;
  const hyphen = words.lastIndexOf('-', max);
  return (hyphen > 0 ? words.slice(0, hyphen) : words.slice(0, max)).replace(/-+$/, '');
}

/** The article id as a segment: itself when it is short and URL-safe, else its words and 8 hex digits of its SHA-256. */
export function idSegment(id: string): string {
  if (id.length <= MAX_ID && SAFE.test(id)) return id;
  const words = cutWords(asciiWords(id), 40);
  const digest = createHash('sha256').update(id).digest('hex').slice(0, 8);
  return words === '' ? digest : `${words}-${digest}`;
}

/**
 * The words of a scraped article's URL: the first paragraph of its body as written that has some
 * words, without a wire dateline in capitals (`SALVADOR, Feb 26 - `), at most 60 characters.
 * Empty when the text has no Latin letters or digits.
 */
export function textSlug(body: string): string {
  const lede = splitParagraphs(body).find((paragraph) => (paragraph.match(/\p{L}{2,}/gu)?.length ?? 0) >= LEDE_WORDS) ?? body;
  return cutWords(asciiWords(lede.replace(WIRE_DATELINE, '')), MAX_WORDS);
}

/** An authored article's slug: the one its front matter sets, else the words of its file's id. */
export function authoredSlug(slug: string | undefined, id: string): string {
  return slug ?? (cutWords(asciiWords(id), MAX_WORDS) || idSegment(id));
}

/**
 * The `n`th segment an article may take (0 first): a scraped article's words and id (unique, as
 * ids are), then numbered; an authored article's slug, then with its id, then numbered. A
 * `reserved` slug (where list pages live) is never a segment alone.
 */
export function segmentChoice(format: 'text' | 'markdown', slug: string, id: string, reserved: ReadonlySet<string>, n: number): string {
  const withId = slug === '' || slug === idSegment(id) ? idSegment(id) : `${slug}-${idSegment(id)}`;
  if (format === 'text' || reserved.has(slug)) return n === 0 ? withId : `${withId}-${n + 1}`;
  if (n === 0) return slug;
  return n === 1 ? withId : `${withId}-${n}`;
}

/** Whether `segment` was made from `slug` for article `id` (it, or it with the id, or numbered). */
export function madeFrom(segment: string, slug: string, id: string): boolean {
  const withId = `${slug}-${idSegment(id)}`;
  return segment === slug || segment === withId || (segment.startsWith(`${withId}-`) && /^\d+$/.test(segment.slice(withId.length + 1)));
}

/**
 * A fingerprint of an article file's text, to know it again under another name (a file renamed
 * to another id): 16 hex digits of the SHA-256 of the text with its byte-order mark, line endings
 * and trailing spaces normalised, so a checkout that rewrites line endings does not change it.
 */
export function textFingerprint(text: string): string {
  const normalised = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    // (From the first of a run of spaces only: tried from each, a long run before other text was quadratic.)
    .replace(/(?<![ \t])[ \t]+$/gm, '')
    .trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 16);
}
