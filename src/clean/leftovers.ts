import { foldParagraph } from './boilerplate.ts';

/**
 * Scraper leftovers: whole paragraphs that are page furniture, not article text.
 * Only whole paragraphs are matched, so a sentence that mentions an advertisement stays.
 */
export const DEFAULT_LEFTOVER_PATTERNS: readonly RegExp[] = [
  /^article continues (?:below|after) (?:the )?(?:player|video|advert(?:is(?:e)?ment)?|ad)\.?$/i,
  /^(?:story|text) continues below\.?$/i,
  /^advert(?:is|s|i)?e?m?e?n?t?\s*\d*$/i,
  /^ad(?:vert)?\s*\d*$/i,
  /^(?:sponsored(?: content)?|promoted(?: content)?)\.?$/i,
  /^(?:click|tap) here to (?:subscribe|sign up|read more)\.?$/i,
  /^(?:read more|related|related articles?|recommended|share this article|share on \w+)\s*:?$/i,
  /^(?:watch|video|listen)\s*:?$/i,
  /^(?:loading|loading\.\.\.|please enable javascript.*)$/i,
  /^(?:sign up for our newsletter|subscribe to our newsletter)\.?$/i,
  /^(?:image|photo|picture) (?:credit|source)\s*:.{0,80}$/i,
];

/** The wire sign-off that ends most agency copy (`Reuter`, `REUTER...`, `reuter^M`), or the `MORE` continuation line. */
const SIGN_OFF = /^(?:reuters?(?:\.{2,3})?|ap|afp|ani|ians|more)(?:\^M)?$/i;
/**
 * The same glued to the end of the last line, however it is glued: after a sentence
 * (`… not available. Reuter`), after a table row (`… Record March 31 Reuter`), or after a cut-off
 * word (`… the summe REUTER`). `Reuters` and `More` count only after a full stop: "… worked for
 * Reuters" and "… and more" are text.
 */
const TRAILING_SIGN_OFF = /(?:(?<=\S)\s+(?:Reuter|reuter|REUTERS?)(?:\.{2,3})?|(?<=[.!?"”)\]>])\s+(?:reuters?|REUTERS?|Reuters)(?:\.{2,3})?|(?<=[.!?"”)\]>])\s+(?:more|MORE|More))(?:\^M)?\s*$/u;

export interface CleanedParagraphs {
  paragraphs: string[];
  /** Whole paragraphs a leftover pattern matched, in order. */
  leftovers: string[];
  /** The wire sign-off taken off the end (twice for copy signed off twice), in order. */
  signOffs: string[];
}

/**
 * Removes leftover paragraphs matching `patterns`, but those the user keeps (`keep`: folded as
 * {@link foldParagraph} folds them), and the wire sign-off at the end. Pure: the input array is
 * not changed.
 */
export function stripLeftovers(paragraphs: readonly string[], patterns: readonly RegExp[] = DEFAULT_LEFTOVER_PATTERNS, keep: ReadonlySet<string> = new Set()): CleanedParagraphs {
  const leftovers: string[] = [];
  const kept = paragraphs.filter((paragraph) => {
    // (Most paragraphs have single spaces only: not rebuilt.)
    const normalised = (/\s\s|[^\S ]/.test(paragraph) ? paragraph.replace(/\s+/g, ' ') : paragraph).trim();
    const isLeftover = patterns.some((pattern) => pattern.test(normalised)) && !keep.has(foldParagraph(normalised));
    if (isLeftover) leftovers.push(paragraph);
    return !isLeftover;
  });
  return { paragraphs: kept, leftovers, signOffs: stripSignOff(kept) };
}

/** Takes the sign-off off the end of `kept` (changing it), and returns what went. */
function stripSignOff(kept: string[]): string[] {
  const last = kept.at(-1);
  if (last === undefined) return [];
  if (SIGN_OFF.test(last.trim()) && kept.length > 1) {
    kept.pop();
    return [last];
  }
  const removed: string[] = [];
  // Twice at most: some copy was signed off twice (`… he said. REUTER Reuter`).
  for (let times = 0; times < 2; times++) {
    const text = kept[kept.length - 1]!;
    const trailing = TRAILING_SIGN_OFF.exec(text);
    if (!trailing) break;
    removed.push(trailing[0].trim());
    kept[kept.length - 1] = text.slice(0, trailing.index);
  }
  return removed;
}

/**
 * Compiles the user's extra patterns from the config. Each is matched against a whole paragraph,
 * case-insensitively; `^` and `$` are added so a pattern can never remove part of a sentence.
 */
export function compileLeftoverPatterns(extra: readonly string[]): RegExp[] {
  return [...DEFAULT_LEFTOVER_PATTERNS, ...extra.map((source) => new RegExp(`^(?:${source})$`, 'i'))];
}
