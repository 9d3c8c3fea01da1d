import { firstSentence } from './sentences.ts';

export const MAX_HEADLINE_LENGTH = 110;

/**
 * A wire dateline at the start of a lede: a place in capitals, then a date or an agency, then a dash.
 * Real wire copy spells the date every way (`Feb 26`, `FEb 26`, `Va. Feb 26`, `2 March`, `Marc 3`),
 * so the date part is "up to 40 characters ending in a day number"; `KYIV (Reuters) - ` has no date.
 */
const PLACE = String.raw`\p{Lu}[\p{Lu}\p{M}.'’&/-]*(?: [\p{Lu}\p{M}.'’&/-]+){0,4}`;
const AGENCY = String.raw`\s*\((?:Reuters?|AP|AFP|UPI|dpa)\)`;
const DATE = String.raw` ?[,.]\s*(?:(?! [-–—] )[^\n]){0,40}?\b\d{1,2}(?:\s+\p{L}{3,9})?`;
const WIRE_DATELINE = new RegExp(String.raw`^${PLACE}(?:${AGENCY}|${DATE}(?:${AGENCY})?)\s*[-–—]{1,2}\s+`, 'u');

/** Removes a wire dateline prefix such as `SALVADOR, Feb 26 - ` from a lede. */
export function stripWireDateline(lede: string): string {
  const match = WIRE_DATELINE.exec(lede);
  if (!match) return lede;
  const rest = lede.slice(match[0].length);
  return rest.trim() === '' ? lede : rest;
}

/**
 * Derives a headline from the article's paragraphs: the first sentence of the lede without its wire
 * dateline, at most {@link MAX_HEADLINE_LENGTH} characters cut at a word boundary. Never empty:
 * falls back to later paragraphs, then to `fallback`.
 */
export function deriveHeadline(paragraphs: readonly string[], fallback: string): string {
  for (const paragraph of paragraphs) {
    const sentence = firstSentence(stripWireDateline(oneLine(paragraph)));
    const headline = truncateAtWord(sentence.replace(/(?<![.]{2})\.$/, ''), MAX_HEADLINE_LENGTH);
    if (/[\p{L}\p{N}]/u.test(headline)) return headline;
  }
  return fallback;
}

/** Cuts `text` to at most `max` characters at a word boundary, adding an ellipsis when it cut. */
export function truncateAtWord(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  const base = space > max / 2 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
