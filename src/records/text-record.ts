import { stripControlCharacters } from '../clean/control-characters.ts';
import { removeFurniture, shortParagraphs } from '../clean/boilerplate.ts';
import { stripLeftovers } from '../clean/leftovers.ts';
import { deriveLede } from '../derive/lede.ts';
import { countWords, readingMinutes } from '../derive/reading.ts';
import { findNames } from '../derive/names.ts';
import { keyTerms } from '../derive/terms.ts';
import { stripWireDateline } from '../derive/wire-dateline.ts';
import { textFingerprint, textSlug } from '../derive/permalink.ts';
import { plainTextHtml } from '../body/plain-text.ts';
import { DatelineError } from '../errors.ts';
import { splitParagraphs } from '../parse/paragraphs.ts';
import { parseSeedText } from '../parse/seed-text.ts';
import type { ArticleRecord } from './record.ts';
import type { SourceFile } from './source-file.ts';

/**
 * Turns a `.txt` article in the seed format into a record: parse → clean → derive. `keep` holds
 * the folded lines (`keepParagraphs`) no leftover pattern removes.
 */
export function textRecord(source: SourceFile, leftovers: readonly RegExp[], furniture: ReadonlySet<string> = new Set(), keep: ReadonlySet<string> = new Set()): ArticleRecord {
  const { date, body, bodyLine } = parseSeedText(source.text, source.displayPath);
  const cleaned = stripLeftovers(splitParagraphs(stripControlCharacters(body)), leftovers, keep);
  // Counted before the archive's furniture goes, so the counts do not depend on what they found.
  const short = shortParagraphs(cleaned.paragraphs);
  const found = removeFurniture(cleaned.paragraphs, furniture);
  // An article that is nothing but furniture keeps its lines rather than become an error: what the archive reveals never decides whether a file has one.
  const { kept: paragraphs, removed: furnitureRemoved } = found.kept.length === 0 ? { kept: cleaned.paragraphs, removed: [] } : found;
  const removed = { leftovers: cleaned.leftovers, signOffs: cleaned.signOffs, furniture: furnitureRemoved };
  if (paragraphs.length === 0) {
    throw new DatelineError({
      code: 'empty-body',
      file: source.displayPath,
      line: bodyLine,
      message: 'no article text is left once scraper leftovers are removed',
    });
  }
  const text = paragraphs.join('\n\n');
  const { headline, summary, place } = deriveLede(paragraphs, `Article ${source.id}`);
  const wordCount = countWords(text);
  return {
    id: source.id,
    source: source.relativePath,
    format: 'text',
    date,
    headline,
    summary,
    ...(place === undefined ? {} : { place }),
    // The URL reads the text as written (a frozen rule), never the headline derived from it.
    slug: textSlug(body),
    fingerprint: textFingerprint(source.text),
    bodyHtml: plainTextHtml(paragraphs),
    text,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    tags: [],
    authors: [],
    names: findNames(paragraphs),
    // Where the story was filed is not what it is about: the dateline's words are not terms.
    terms: keyTerms(place === undefined ? text : [stripWireDateline(paragraphs[0]!), ...paragraphs.slice(1)].join('\n\n')),
    draft: false,
    ...(short.length === 0 ? {} : { short }),
    removed,
    warnings: [],
    hash: source.hash,
  };
}
