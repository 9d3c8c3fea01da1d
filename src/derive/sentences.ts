/**
 * Abbreviations after which a full stop does not end a sentence. Month names only count when a
 * number follows (`Feb. 26`), so "prices fell in Jan. Traders said" still splits.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'wm', 'jos', 'chas', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm',
  'gov', 'govs', 'sen', 'sens', 'rep', 'reps', 'pres', 'rev', 'hon', 'messrs', 'dept', 'univ',
  'vs', 'etc', 'approx', 'no', 'nos', 'vol', 'fig', 'est', 'ave', 'blvd', 'rd', 'pct', 'dlrs', 'mln', 'bln',
  'u.s', 'u.k', 'u.n', 'e.u', 'u.s.a', 'd.c', 'a.m', 'p.m', 'i.e', 'e.g', 'ph.d', 'b.c', 'a.d',
]);
/** Company suffixes end sentences often ("… Electric Co. About 500 …"): they join only before lower case. */
const COMPANY_SUFFIXES = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'bros']);
const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Splits text into sentences with the Unicode rules, then re-joins breaks made after abbreviations. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(text)) {
    if (pending !== '' && !continuesAfterAbbreviation(pending, segment)) {
      sentences.push(pending.trim());
      pending = '';
    }
    pending += segment;
  }
  if (pending.trim() !== '') sentences.push(pending.trim());
  return sentences;
}

/** The first sentence of `text`, or the whole text when it has no sentence break. */
export function firstSentence(text: string): string {
  return splitSentences(text)[0] ?? '';
}

function continuesAfterAbbreviation(previous: string, next: string): boolean {
  const lastWord = /(\S+)\.\s*$/.exec(previous)?.[1]?.toLowerCase().replace(/^[("“'‘]+/, '');
  if (!lastWord) return false;
  if (MONTHS.has(lastWord)) return /^\s*\d/.test(next);
  if (COMPANY_SUFFIXES.has(lastWord)) return /^\s*[\p{Ll}\d(<,]/u.test(next);
  if (ABBREVIATIONS.has(lastWord)) return true;
  // Initials: the "J." in "John J. Smith", "L.K." in "L.K. Jones", "U.S." in any spelling.
  return /^(?:\p{L}\.)*\p{L}$/u.test(lastWord) && lastWord.replace(/\./g, '').length <= 3;
}
