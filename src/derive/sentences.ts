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
  // ASCII with no sentence terminator or line break: Unicode's rules (UAX #29) break it nowhere.
  if (/^[^.!?\n\r\x80-\uffff]*$/.test(text)) {
    const only = text.trim();
    return only === '' ? [] : [only];
  }
  const sentences: string[] = [];
  // The sentence being read, as its segments, joined once it ends: one string appended to and read
  // at its end after each segment was copied whole each time (V8 flattens a string built by `+=` to read it).
  let pending: string[] = [];
  for (const segment of sentenceSegments(text)) {
    if (pending.length > 0 && !continuesAfterAbbreviation(pending, segment)) {
      sentences.push(pending.join('').trim());
      pending = [];
    }
    pending.push(segment);
  }
  const last = pending.join('').trim();
  if (last !== '') sentences.push(last);
  return sentences;
}

/** The first sentence of `text`, or the whole text when it has no sentence break. */
export function firstSentence(text: string): string {
  return splitSentences(text)[0] ?? '';
}

function continuesAfterAbbreviation(previous: readonly string[], next: string): boolean {
  const lastWord = wordBeforeFinalStop(previous)?.toLowerCase().replace(/^[("“'‘]+/, '');
  if (!lastWord) return false;
  if (MONTHS.has(lastWord)) return /^\s*\d/.test(next);
  if (COMPANY_SUFFIXES.has(lastWord)) return /^\s*[\p{Ll}\d(<,]/u.test(next);
  if (ABBREVIATIONS.has(lastWord)) return true;
  // Initials: the "J." in "John J. Smith", "L.K." in "L.K. Jones", "U.S." in any spelling.
  return /^(?:\p{L}\.)*\p{L}$/u.test(lastWord) && lastWord.replace(/\./g, '').length <= 3;
}

/** Characters of text the segmenter is given at once, unless a sentence is longer. */
const WINDOW = 1024;

/**
 * Characters at which every sentence boundary before them is settled: a letter, a line break or a
 * sentence-ending mark. (Of Unicode's sentence rules only SB8 looks ahead past the next character,
 * over anything but these, for a lower-case letter.) Combining letters (`Grapheme_Extend`) belong
 * to the character before them, so they settle nothing.
 */
const SETTLES = /^(?:(?!\p{Grapheme_Extend})\p{L}|[\n\r\u0085\u2028\u2029.!?\u037E\u0589\u061F\u06D4\u0964\u0965\u203C\u203D\u2047-\u2049\u3002\uFE52\uFE56\uFE57\uFF01\uFF0E\uFF1F\uFF61])$/u;

/**
 * The segmenter's sentences of `text`, exactly as `segmenter.segment(text)` gives them, read a
 * window at a time. V8 before 12.4 (Node 20) spends time in proportion to the whole text on each
 * segment it yields, so a long text of many short sentences took quadratic time. A window starts
 * at a boundary; of its boundaries, those at or before its last settling character (see SETTLES)
 * are the whole text's. A window with none grows until it has one.
 */
function* sentenceSegments(text: string): Generator<string> {
  let start = 0;
  let size = WINDOW;
  while (start < text.length) {
    if (start + size >= text.length) {
      for (const { segment } of segmenter.segment(start === 0 ? text : text.slice(start))) yield segment;
      return;
    }
    const window = text.slice(start, start + size);
    // The last settling character, with one more after it in the window.
    let settled = window.length - 2;
    while (settled >= 0 && !SETTLES.test(window[settled]!)) settled--;
    let taken = 0;
    const found: string[] = [];
    for (const { segment, index } of segmenter.segment(window)) {
      const end = index + segment.length;
      if (end > settled) break;
      found.push(segment);
      taken = end;
      // A window grown past one sentence gives that sentence, then the next window is small again.
      if (taken >= WINDOW) break;
    }
    if (taken === 0) {
      size *= 2;
      continue;
    }
    yield* found;
    start += taken;
    size = WINDOW;
  }
}

/**
 * What `/(\S+)\.\s*$/` captures in the text of `parts` joined (the last word when a full stop and
 * white space end it), read back from the end: the regular expression tries every start position,
 * so on a sentence held open by abbreviations (`Mr. Mr. Mr. …`), or on one long word, each call
 * read the whole text again.
 */
function wordBeforeFinalStop(parts: readonly string[]): string | undefined {
  let part = parts.length - 1;
  let at = parts[part]?.length ?? 0;
  const back = (): string | undefined => {
    while (at === 0) {
      if (part <= 0) return undefined;
      part--;
      at = parts[part]!.length;
    }
    return parts[part]![--at];
  };
  let char = back();
  while (char !== undefined && WHITE_SPACE.test(char)) char = back();
  if (char !== '.') return undefined;
  let word = '';
  for (char = back(); char !== undefined && !WHITE_SPACE.test(char); char = back()) word = char + word;
  return word === '' ? undefined : word;
}

const WHITE_SPACE = /\s/;
