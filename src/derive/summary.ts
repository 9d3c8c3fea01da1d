import { oneLine, truncateAtWord } from './headline.ts';

export const MAX_SUMMARY_LENGTH = 200;

/** About 200 characters from the lede (and the next paragraphs when the lede is short). */
export function deriveSummary(paragraphs: readonly string[]): string {
  let text = '';
  for (const paragraph of paragraphs) {
    text = text === '' ? oneLine(paragraph) : `${text} ${oneLine(paragraph)}`;
    if (text.length >= MAX_SUMMARY_LENGTH) break;
  }
  return truncateAtWord(text, MAX_SUMMARY_LENGTH);
}
