import { oneLine, truncateAtWord } from './headline.ts';
import { splitSentences } from './sentences.ts';

export const MAX_SUMMARY_LENGTH = 200;

/**
 * About 200 characters from the lede (and the next paragraphs when the lede is short), cut at a
 * word boundary. A standfirst, not a repeat: a first sentence that starts with `headline` word for
 * word is skipped.
 */
export function deriveSummary(paragraphs: readonly string[], headline = ''): string {
  let text = '';
  for (const paragraph of paragraphs) {
    text = text === '' ? oneLine(paragraph) : `${text} ${oneLine(paragraph)}`;
    if (text.length >= 2 * MAX_SUMMARY_LENGTH) break;
  }
  const [first = '', ...rest] = splitSentences(text);
  if (headline !== '' && startsWithWords(first, headline)) text = rest.join(' ');
  return standfirst(text);
}

export function standfirst(text: string): string {
  return truncateAtWord(oneLine(text), MAX_SUMMARY_LENGTH);
}

/** Whether `text` starts with the words of `start`, case and punctuation aside. */
export function startsWithWords(text: string, start: string): boolean {
  const words = (value: string) => value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const whole = words(text);
  const wanted = words(start);
  return wanted.length > 0 && wanted.every((word, index) => whole[index] === word);
}

/** Words that carry no content, left out when two openings are compared. */
const FUNCTION_WORDS = new Set('a an the of to in on at for from by with and or but as than that which who it its their his her this these those is are was were be been has have had will would could should may might can must do does did said says not inc corp co ltd plc he she they we'.split(' '));

/** The first `count` content words of a text, lower-cased, possessives and company suffixes aside. */
export function contentWords(text: string, count: number): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)) {
    const word = match[0].replace(/['’]s$|[.'’-]+$/u, '');
    if (word !== '' && !FUNCTION_WORDS.has(word)) words.push(word);
    if (words.length === count) break;
  }
  return words;
}

/** Whether `text` opens with the first five content words of `headline` (all of them, when it has fewer): a standfirst that would repeat it. */
export function opensLike(text: string, headline: string): boolean {
  const wanted = contentWords(headline, 5);
  const opening = contentWords(text, wanted.length);
  return wanted.length > 0 && wanted.every((word, index) => opening[index] === word);
}
