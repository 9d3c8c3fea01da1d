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
