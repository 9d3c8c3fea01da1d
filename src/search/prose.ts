import { oneLine } from '../derive/headline.ts';
import { isProse } from '../derive/lede.ts';
import { splitSentences } from '../derive/sentences.ts';

/** An article's text as search reads it: its prose, and its tables and figures apart. */
export interface ProseAndTables {
  /** Paragraphs a reader reads as sentences, in order: what search counts and quotes from. */
  prose: string[];
  /** Table rows, figures, labels over tables ("Vegetable oil registrations were :"). */
  tables: string[];
}

/**
 * Splits an article's plain text (paragraphs separated by blank lines) into prose and tables.
 * Wire copy often ends in tables — a grain board's registrations, a quarter's figures — where a
 * word recurs on every row: counted like prose, "oil" twenty times in a table outranks the story
 * about oil prices, and the excerpt quotes a row of figures. An article that is all table keeps
 * its tables as its prose: they are all it says.
 */
export function splitProse(text: string): ProseAndTables {
  const prose: string[] = [];
  const tables: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    if (paragraph.trim() === '') continue;
    (isProseParagraph(paragraph) ? prose : tables).push(paragraph.trim());
  }
  return prose.length === 0 ? { prose: tables, tables: [] } : { prose, tables };
}

/**
 * Whether a paragraph reads as prose: at least half of its words are in sentences the headline's
 * rule (`isProse`: six words or more, few of them figures, ending like a sentence) accepts.
 */
export function isProseParagraph(paragraph: string): boolean {
  const sentences = splitSentences(oneLine(paragraph));
  const words = (sentence: string) => sentence.split(/\s+/).filter(Boolean).length;
  const all = sentences.reduce((sum, sentence) => sum + words(sentence), 0);
  const prose = sentences.filter(isProse).reduce((sum, sentence) => sum + words(sentence), 0);
  return all > 0 && prose * 2 >= all;
}
