import type { IsoDate } from '../dates.ts';
import type { ShortParagraph } from '../clean/boilerplate.ts';
import type { FoundName } from '../derive/names.ts';
import type { Problem } from '../errors.ts';
import type { LocalImage } from '../body/local-images.ts';

/** A picture that stands for an article where it is shared: a name beside its page, or a web address. */
export interface SocialImage {
  src: string;
  width?: number;
  height?: number;
}

/**
 * One article as Dateline knows it after reading, cleaning and deriving. Plain and serialisable:
 * records can be cached, hashed, compared and sent to worker threads.
 */
export interface ArticleRecord {
  /** Stable id: the part after the first `_` of `NNN_<id>.txt`, else the file's stem. */
  id: string;
  /** Path of the source file relative to the input folder, with `/` separators. */
  source: string;
  format: 'text' | 'markdown';
  /** Calendar date exactly as written. */
  date: IsoDate;
  /** The front-matter title, or the headline derived from the lede. */
  headline: string;
  summary: string;
  /** Where the story was filed: the wire dateline's place as a reader reads it ("Salvador", "Woodbridge, N.J."), when the lede has one. */
  place?: string;
  /**
   * The words of its URL (`[a-z0-9-]`), by the frozen permalink rule (`src/derive/permalink.ts`):
   * the text as written for a scraped article, the front-matter slug or file name for an authored
   * one. Only an article not yet in the URL ledger is placed by it.
   */
  slug: string;
  /** A fingerprint of the file's text (see `textFingerprint`): how the URL ledger knows a renamed file. */
  fingerprint: string;
  /** Sanitized body HTML: the only article text a template marks safe. */
  bodyHtml: string;
  /** The body as plain text, for search, topics and similarity. */
  text: string;
  wordCount: number;
  readingMinutes: number;
  tags: string[];
  /** People, places and organisations the text names, most mentioned first: topics are made of these. */
  names: FoundName[];
  /** The text's most frequent content words, for related articles. */
  terms: string[];
  /** Who wrote it (front matter `author`, one name or a list): each has an author page. */
  authors: string[];
  /** The day it was last changed (front matter `updated`), when it says. */
  updated?: IsoDate;
  /** The input's pictures it shows, copied beside its page (authored articles). */
  images?: LocalImage[];
  /** Every local file it refers to as a picture (found or not): a change to one of them means reading it again. */
  imageRefs?: string[];
  /** Its picture for links shared elsewhere: its front matter's `image`, else the first it shows. */
  image?: SocialImage;
  sourceUrl?: string;
  draft: boolean;
  /** Short unpunctuated paragraphs that could be page furniture (see `src/clean/boilerplate.ts`): counted over the archive. */
  short?: ShortParagraph[];
  /** What cleaning removed (see {@link Removed}). */
  removed: Removed;
  /** Things the reader should know that did not stop the article (e.g. dropped raw HTML). */
  warnings: Problem[];
  /** Hash of the source's bytes, path and Dateline's version (a cache key adds the settings that shape records). */
  hash: string;
}

/** What cleaning took out of an article, each kind in order: the build reports the first two, the last is reported as furniture. */
export interface Removed {
  /** Whole paragraphs a leftover pattern matched (the defaults and `leftoverPatterns`). */
  leftovers: string[];
  /** The wire sign-off at the end (`Reuter`, `REUTER...`, `MORE`). */
  signOffs: string[];
  /** Page furniture the archive revealed (see `src/clean/boilerplate.ts`). */
  furniture: string[];
}

/** A record with its final, unique place in the site. */
export interface PlacedRecord extends ArticleRecord {
  /** Root-relative URL path such as `2025/04/27/north-korea-confirms-8e7b29ad4a414b1e/`. */
  path: string;
}
