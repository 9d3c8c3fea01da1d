import { firstSentence } from './sentences.ts';
import { stripWireDateline } from './wire-dateline.ts';

export const MAX_HEADLINE_LENGTH = 110;

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
