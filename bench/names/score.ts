/**
 * The name finder's score on the hand-labelled gold set (`gold.json`: the seed and Reuters
 * articles), shared by `bench/names.ts` and the test that holds the scores
 * (`tests/derive/names-gold.test.ts`), so both measure the same thing.
 *
 * Each article lists the names a reader would want as topics, with a kind and the variants that
 * count as the same name. An entry marked `"dateline": true` is a place named only in the wire
 * dateline: not expected (out of recall's denominator), and a predicted name matching it is a
 * false positive. A second predicted name matching an entry already matched (`Fed` beside
 * `Federal Reserve`) is a false positive too: on the site it is a second topic for one thing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stripControlCharacters } from '../../src/clean/control-characters.ts';
import { stripLeftovers } from '../../src/clean/leftovers.ts';
import { findNames, type FoundName } from '../../src/derive/names.ts';
import { splitParagraphs } from '../../src/parse/paragraphs.ts';
import { parseSeedText } from '../../src/parse/seed-text.ts';

export interface GoldName {
  name: string;
  kind: string;
  variants: string[];
  /** A place named only in the wire dateline: finding it is a mistake. */
  dateline?: boolean;
}

export type Gold = Record<string, GoldName[]>;

export const GOLD_FILE = path.resolve(import.meta.dirname, 'gold.json');

export function readGold(file = GOLD_FILE): Gold {
  return JSON.parse(readFileSync(file, 'utf8')) as Gold;
}

/** Where the gold set's articles are: the seed files (`000_…`) in `seeds`, the others in the Reuters corpus. */
export interface GoldSources {
  seeds: string;
  reuters: string;
}

/** An article's paragraphs as the records see them: header off, control characters and leftovers (the sign-off) removed. */
export function paragraphsOf(file: string, sources: GoldSources): string[] {
  const folder = file.startsWith('000_') ? sources.seeds : sources.reuters;
  const { body } = parseSeedText(readFileSync(path.join(folder, file), 'utf8'), file);
  return stripLeftovers(splitParagraphs(stripControlCharacters(body))).paragraphs;
}

/** Case, surrounding quotes and brackets, trailing punctuation and a possessive ignored. */
export function normaliseName(name: string): string {
  let text = name.replace(/\s+/g, ' ').trim().replace(/^[\s"'“‘([<+]+/, '');
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/[\s.,;:!?"'”’)\]>+\-–]+$/, '').replace(/['’]s$/i, '');
  }
  return text.toLowerCase();
}

/** One article's mistakes, for reading. */
export interface ArticleScore {
  file: string;
  /** Predicted names matching nothing expected (or a dateline place, or an entry already matched). */
  wrong: string[];
  /** Expected names not found. */
  missed: string[];
  /** Found with another kind: `name: found → expected`. */
  wrongKind: string[];
}

export interface NamesScore {
  articles: number;
  /** Expected names (dateline places left out). */
  expected: number;
  predicted: number;
  truePositives: number;
  rightKind: number;
  precision: number;
  recall: number;
  /** Of the true positives, the share found with the gold kind. */
  kindAccuracy: number;
  perArticle: ArticleScore[];
}

/** Scores `find` (the name finder by default) on every gold article. */
export function scoreNames(gold: Gold, sources: GoldSources, find: (paragraphs: string[]) => FoundName[] = (paragraphs) => findNames(paragraphs)): NamesScore {
  let predicted = 0;
  let truePositives = 0;
  let rightKind = 0;
  let expected = 0;
  const perArticle: ArticleScore[] = [];
  for (const [file, entries] of Object.entries(gold)) {
    const index = new Map<string, number>();
    entries.forEach((entry, at) => [entry.name, ...entry.variants].forEach((variant) => index.set(normaliseName(variant), at)));
    const matched = new Set<number>();
    const score: ArticleScore = { file, wrong: [], missed: [], wrongKind: [] };
    for (const name of find(paragraphsOf(file, sources))) {
      predicted++;
      const at = index.get(normaliseName(name.name));
      const entry = at === undefined ? undefined : entries[at]!;
      if (at === undefined || entry === undefined || entry.dateline || matched.has(at)) {
        score.wrong.push(name.name);
        continue;
      }
      matched.add(at);
      truePositives++;
      if (entry.kind === name.kind) rightKind++;
      else score.wrongKind.push(`${name.name}: ${name.kind} → ${entry.kind}`);
    }
    entries.forEach((entry, at) => {
      if (entry.dateline) return;
      expected++;
      if (!matched.has(at)) score.missed.push(entry.name);
    });
    perArticle.push(score);
  }
  return {
    articles: perArticle.length,
    expected,
    predicted,
    truePositives,
    rightKind,
    precision: truePositives / predicted,
    recall: truePositives / expected,
    kindAccuracy: rightKind / truePositives,
    perArticle,
  };
}
