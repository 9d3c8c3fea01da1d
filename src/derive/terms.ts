import { STOP_WORDS } from './name-words.ts';

/** Terms kept per article for similarity: its most frequent content words. */
export const MAX_TERMS = 16;

const WORD = /\p{L}[\p{L}\p{M}'’-]*\p{L}/gu;

/**
 * The words an article is most about, for finding related articles: lower case, stop words
 * and words under three letters left out, a plural `-s` folded, most frequent first (ties in
 * order of appearance). Pure.
 */
export function keyTerms(text: string): string[] {
  const counts = new Map<string, number>();
  for (const word of text.match(WORD) ?? []) {
    const folded = word.toLowerCase();
    const lower = folded.endsWith("'s") || folded.endsWith('’s') ? folded.slice(0, -2) : folded;
    if (lower.length < 3 || STOP_WORDS.has(lower)) continue;
    const term = fold(lower);
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts]
    .map(([term, count], order) => ({ term, count, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, MAX_TERMS)
    .map(({ term }) => term);
}

/** `prices` → `price`, `companies` → `company`; `news`, `crisis`, `glass` stay. */
function fold(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is|ws)$/.test(word)) return word.slice(0, -1);
  return word;
}
