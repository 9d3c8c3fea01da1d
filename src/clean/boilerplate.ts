import { isProse } from '../derive/lede.ts';
import { withExample, withoutExample, type WantedExamples } from './examples.ts';

/**
 * Page furniture the archive itself reveals. A scraper leaves the same short lines in article
 * after article ("Scroll to continue with content", "Story continues below advertisement"), in
 * spellings no list of patterns keeps up with. What gives them away is repetition: the same short
 * paragraph, word for word once case and trailing numbers are folded, in many articles on many
 * days, standing between paragraphs of text rather than inside a table.
 *
 * What must never go is text: a table row repeats just as often ("Qtr ended Jan 31", "Pay April
 * 15"), but its neighbours are rows with figures; a short sentence repeats too ("Terms were not
 * disclosed."), but it ends like a sentence. So only unpunctuated short lines count, and only
 * where at least {@link DISCOVERY}.minShare of their articles have them outside a table.
 */
export const DISCOVERY = {
  /** Articles and distinct days a line must repeat in. */
  minArticles: 8,
  minDays: 3,
  /** Share of those articles in which it stands outside a table. */
  minShare: 0.8,
  /** A furniture line is short. */
  maxWords: 12,
  maxLength: 100,
} as const;

/** A short unpunctuated paragraph of one article, by its folded key, and whether it stands in a table there. */
export interface ShortParagraph {
  key: string;
  inTable: boolean;
}

/** Case folded, spacing collapsed, trailing numbers and punctuation off: `Advertisement 2` and `ADVERTISEMENT` are one line. */
export function foldParagraph(paragraph: string): string {
  return paragraph
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s\d.,:;!?\-–—|•·]+$/u, '')
    .trim();
}

/** The key of a paragraph that could be furniture (short, not a sentence), else undefined. */
export function furnitureKey(paragraph: string): string | undefined {
  const text = paragraph.trim();
  if (text.length > DISCOVERY.maxLength || text.split(/\s+/).length > DISCOVERY.maxWords) return undefined;
  if (/[.!?]["'”’)]?$/u.test(text)) return undefined;
  const key = foldParagraph(text);
  return /\p{L}{2}/u.test(key) ? key : undefined;
}

/** The article's possible furniture: each short unpunctuated paragraph once, with whether it stands among table rows. */
export function shortParagraphs(paragraphs: readonly string[]): ShortParagraph[] {
  const found = new Map<string, boolean>();
  paragraphs.forEach((paragraph, index) => {
    const key = furnitureKey(paragraph);
    if (key === undefined) return;
    // Inside a table, every neighbour is a row; beside text (or another furniture line) it is not.
    const before = paragraphs[index - 1];
    const after = paragraphs[index + 1];
    // A line of several words in capitals over a row is the table's header, naming its columns.
    const header = !/\p{Ll}/u.test(paragraph) && paragraph.trim().split(/\s+/).length >= 3 && isRow(after);
    const inTable = header || ((before !== undefined || after !== undefined) && (before === undefined || isRow(before)) && (after === undefined || isRow(after)));
    found.set(key, (found.get(key) ?? false) || inTable);
  });
  return [...found].map(([key, inTable]) => ({ key, inTable }));
}

function isRow(paragraph: string | undefined): boolean {
  if (paragraph === undefined || !/\d/.test(paragraph)) return false;
  const text = paragraph.replace(/\s+/g, ' ').trim();
  return !isProse(text.split(/(?<=[.!?])\s/)[0] ?? '') && text.length <= 200;
}

/** Paragraphs without the discovered furniture, and what went. */
export function removeFurniture(paragraphs: readonly string[], furniture: ReadonlySet<string>): { kept: string[]; removed: string[] } {
  const kept: string[] = [];
  const removed: string[] = [];
  for (const paragraph of paragraphs) {
    const key = furniture.size === 0 ? undefined : furnitureKey(paragraph);
    if (key !== undefined && furniture.has(key)) removed.push(paragraph);
    else kept.push(paragraph);
  }
  return { kept, removed };
}

/** Per key: articles with it, articles with it outside a table, those articles by day, the first of their files (see `EXAMPLES`). */
export interface FurnitureCount {
  articles: number;
  outside: number;
  days: Record<string, number>;
  examples: string[];
}

/** A line found to be furniture, for the report. */
export interface FoundFurniture {
  text: string;
  articles: number;
  days: number;
  example: string;
}

/**
 * The counts as the build state keeps them, compact: most keys are table rows that never stand
 * outside a table and need only their two numbers, so they are kept by a 52-bit hash of the key
 * (`numbers`: hash, articles, outside-a-table articles, in hash order). Keys that do stand
 * outside a table are kept whole, with their days and examples, in `details`.
 */
export interface StoredFurnitureCounts {
  numbers: Float64Array;
  details: [string, FurnitureCount][];
}

/** One article's share of the counts. */
export interface FurnitureSource {
  short?: readonly ShortParagraph[];
  date: string;
  source: string;
}

/**
 * The counts over the whole archive, updated by what each build adds and takes away, so that an
 * update's counts equal a clean build's.
 */
export class FurnitureCounts {
  /** Keys that stood outside a table, whole. */
  readonly #counts = new Map<string, FurnitureCount>();
  /** Article counts of keys never outside a table, by hash. */
  readonly #inside = new Map<number, number>();

  constructor(stored?: StoredFurnitureCounts) {
    if (stored === undefined) return;
    for (const [key, count] of stored.details) this.#counts.set(key, { ...count, days: { ...count.days }, examples: [...count.examples] });
    for (let at = 0; at < stored.numbers.length; at += 2) this.#inside.set(stored.numbers[at]!, stored.numbers[at + 1]!);
  }

  add(article: FurnitureSource, sign: 1 | -1): void {
    for (const { key, inTable } of article.short ?? []) {
      const hash = keyHash(key);
      let count = this.#counts.get(key);
      if (count === undefined) {
        // A key seen only in tables so far is a number; it becomes whole when it first stands outside one.
        const articles = (this.#inside.get(hash) ?? 0) + sign;
        if (inTable) {
          if (articles === 0) this.#inside.delete(hash);
          else this.#inside.set(hash, articles);
          continue;
        }
        this.#inside.delete(hash);
        count = { articles: articles - sign, outside: 0, days: {}, examples: [] };
      }
      count.articles += sign;
      if (!inTable) {
        count.outside += sign;
        const day = (count.days[article.date] ?? 0) + sign;
        if (day === 0) delete count.days[article.date];
        else count.days[article.date] = day;
        count.examples = sign === 1 ? withExample(count.examples, article.source, count.outside - 1) : withoutExample(count.examples, article.source);
      }
      if (count.articles === 0) this.#counts.delete(key);
      else if (count.outside === 0) {
        this.#counts.delete(key);
        this.#inside.set(hash, count.articles);
      } else this.#counts.set(key, count);
    }
  }

  /** The keys that are furniture, A–Z, but those the user keeps. */
  found(keep: ReadonlySet<string> = new Set()): FoundFurniture[] {
    const found: FoundFurniture[] = [];
    for (const [key, count] of this.#counts) {
      const days = Object.keys(count.days).length;
      if (count.outside < DISCOVERY.minArticles || days < DISCOVERY.minDays || count.outside < DISCOVERY.minShare * count.articles || keep.has(key)) continue;
      found.push({ text: key, articles: count.outside, days, example: count.examples[0] ?? '' });
    }
    return found.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  }

  /** Of the lines `keys` (as found), those whose examples all went: to be found again in the archive. */
  wanting(keys: readonly string[]): WantedExamples<FurnitureSource>[] {
    const wanted: WantedExamples<FurnitureSource>[] = [];
    for (const key of keys) {
      const count = this.#counts.get(key);
      if (count === undefined || count.examples.length > 0) continue;
      wanted.push({ articles: count.outside, examples: count.examples, holds: (article) => (article.short ?? []).some((line) => line.key === key && !line.inTable) });
    }
    return wanted;
  }

  stored(): StoredFurnitureCounts {
    const hashes = [...this.#inside.keys()].sort((a, b) => a - b);
    const numbers = new Float64Array(hashes.length * 2);
    hashes.forEach((hash, index) => {
      numbers[index * 2] = hash;
      numbers[index * 2 + 1] = this.#inside.get(hash)!;
    });
    return { numbers, details: [...this.#counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
  }
}

/** A 52-bit hash of a key (two 32-bit FNV-1a hashes with different seeds): collisions among a million keys are unlikely. */
function keyHash(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}
