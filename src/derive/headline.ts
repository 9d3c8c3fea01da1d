import { abbreviated, definedAbbreviations, withoutAbbreviationAfterName, withoutRepeatedAbbreviations } from './abbreviations.ts';
import { cutTagged } from './clause-cut.ts';
import { COMPANY_SUFFIXES, length, MAX_HEADLINE_LENGTH, tidy } from './headline-text.ts';

export { MAX_HEADLINE_LENGTH } from './headline-text.ts';

export interface Headline {
  text: string;
  /** Whether the headline is the whole sentence it came from (so a standfirst should continue after it). */
  whole: boolean;
}

/**
 * A headline from the first sentence of the lede: the sentence in headline style when it fits in
 * {@link MAX_HEADLINE_LENGTH} characters, else a compression of it that ends at a phrase's end
 * after its verb (see {@link compressSentence}), with "…" only when nothing else fits.
 */
export function headlineFrom(sentence: string): Headline {
  const text = withoutFinalStop(oneLine(sentence));
  // Headline style even when the sentence fits: no company suffixes, no "said it", no tickers' brackets.
  const tight = withoutArticles(tidy(STEPS[1]!(STEPS[0]!(text))));
  if (length(tight) <= MAX_HEADLINE_LENGTH) return { text: tight, whole: tight === text };
  return { text: compressSentence(withoutArticles(text)), whole: false };
}

/**
 * A headline without the article before the name it opens with, as headlines are written ("The
 * U.S. Agriculture Department reported …" → "U.S. Agriculture Department reported …"). The others
 * stay: without them a sentence reads as a telegram ("Company said …", "continued throughout week").
 */
function withoutArticles(text: string): string {
  return text.replace(/^(?:The|A|An)\s+(?=\p{Lu})/u, '');
}

/**
 * Shortens a sentence the way a sub-editor would, step by step until it fits: drop asides in
 * brackets, wire-copy company suffixes and "said it"; drop an attribution tail ("…, the company
 * said"), appositives (", a unit of X,") and trailing clauses after a comma; then, from its words'
 * tags, end after its verb at the end of a phrase (`clause-cut.ts`); "…" only when nothing else fits.
 */
export function compressSentence(sentence: string): string {
  let text = sentence;
  for (const step of STEPS) {
    text = tidy(step(text));
    if (length(text) <= MAX_HEADLINE_LENGTH) return text;
  }
  // Long names as the abbreviations every reader knows ("told the SEC"), then, only where the headline would else be cut with "…",
  // as the ones the article defines ("International Coffee Organization (ICO)"): a name the reader has not met is better written out.
  text = tidy(abbreviated(text));
  if (length(text) <= MAX_HEADLINE_LENGTH) return text;
  const cut = cutTagged(text);
  if (cut !== undefined && !cut.endsWith('…')) return cut;
  const defined = definedAbbreviations(sentence);
  const shorter = defined.size === 0 ? text : tidy(abbreviated(text, defined));
  if (length(shorter) <= MAX_HEADLINE_LENGTH) return shorter;
  return (shorter === text ? undefined : cutTagged(shorter)) ?? cut ?? truncateAtWord(tidy(text), MAX_HEADLINE_LENGTH);
}

const STEPS: ((text: string) => string)[] = [
  // Asides: "(ICO)", "(about 1.5 billion dlrs)", "- the first since 1984 -", and an abbreviation said after the name it stands for
  // ("the Chicago Board of Trade's, CBT, proposal" → "the Chicago Board of Trade's proposal").
  // A company's name in brackets after a preposition is the sentence's object, not an aside: "50 pct of (Videotron Ltee) for …" keeps it.
  (text) =>
    withoutRepeatedAbbreviations(
      text
        // (After a space: brackets that touch a word, "alert(1)", "dlrs(a)", are not an aside.)
        .replace(/(\s(?:of|with|from|for|by|to|in|at|on|and|or|into|between|than|over|about))?\s+\(([^()]*)\)/g, (whole: string, before: string | undefined, inside: string) => (before && NAME_IN_BRACKETS.test(inside) ? `${before} ${inside}` : ''))
        .replace(/\s[-–—]{1,2}\s[^-–—]{1,80}\s[-–—]{1,2}\s/g, ' '),
    ),
  // Wire copy's company suffixes and reporting verbs: "Standard Oil Co said it plans" → "Standard Oil plans".
  (text) =>
    text
      .replace(SUFFIX_IN_TEXT, '')
      .replace(/s['’]s\b/g, "s'")
      // A title said once: "president and chief executive officer Robert Rittereiser" → "president Robert Rittereiser".
      .replace(/\b(president|chairman)\s+and\s+chief\s+(?:executive|operating)(?:\s+officer)?\b/gi, '$1')
      // "Champion Products said its board approved …" → "Champion Products' board approved …".
      .replace(/^(\p{Lu}[^,;:]{1,60}?)\s+(?:said|says)\s+(?:that\s+)?its\s+(?=[\p{Ll}\p{Lu}\p{N}])/u, (_, subject: string) => `${subject}${/s$/.test(subject) ? "'" : "'s"} `)
      .replace(/\b(said|says)\s+that\s+/g, '$1 ')
      // The day it was said: "said today he will" → "said he will".
      .replace(/\b(said|says)\s+(?:(?:on|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b(?!['’]s)/g, '$1')
      // "said it plans" → "plans", with its auxiliary ("has said it will" is never "has will"); an attribution that carries the claim stays ("said it would", "confirmed", "denied").
      .replace(/\s(?:(?:has|have|had)\s+)?(?:said|says|announced|reported|added|stated)\s+(?:that\s+)?(?:it|they|he|she)\s+(?=\p{Ll})(?!(?:would|could|might|may|should|must|can)\b)/gu, ' ')
      // The same told to someone named: "Towle and Co told the Securities and Exchange Commission it has acquired" → "Towle and Co has acquired".
      .replace(/\s(?:(?:has|have|had)\s+)?(?:told|tells)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.&-]*\s+(?:(?:and|of)\s+)?){1,6}(?:that\s+)?(?:it|they|he|she)\s+(?=\p{Ll})(?!(?:would|could|might|may|should|must|can)\b)/gu, ' '),
  // An attribution tail: "…, the company said", "…, officials told reporters".
  (text) => text.replace(/,\s+(?:[^,]{0,60}\s)?(?:said|says|told [^,]{1,40}|according to [^,]{1,60}|reported|added|announced)(?:\s+(?:on\s+)?\p{Lu}\p{Ll}+day|\s+today|\s+yesterday)?$/u, ''),
  // Appositives between commas: ", a unit of Shearson Lehman,", ", the world's largest producer,".
  // Asides of the same kind: ", in remarks published today,", ", speaking in Tokyo,".
  // Only before the verb (lower case), so the main clause is never taken for an aside.
  (text) => text.replace(/,\s+(?:a|an|the|which|who|its|whose|formerly|part of|unit of|in|on|at|for|with|after|before|under|according to|\p{Ll}+ing|(?:\p{Ll}+ly\s+)?\p{Ll}+ed)\s[^,]{1,80},\s(?=\p{Ll})/gu, ' '),
  // With the asides gone, "X, which recently went public, said its board …" reads "X said its board …": headline style again.
  (text) => STEPS[1]!(text),
  // Trailing clauses after a comma: ", alleviating the drought", ", which …", ", but …".
  (text) => cutAtLastComma(text),
  // Time and source phrases that headlines leave out.
  // Not after a preposition ("before the end of next year"), nor before a possessive ("at last year's levels").
  (text) => text.replace(/(?<!\b(?:of|for|at|from|by|in|to|since|until|before|after|than|during|through|the|and|or))\s+(?:on|last|this|next|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night)\b(?!['’]s)/g, ''),
];

/** A company suffix wherever it stands, but not after "and" or "&" ("Goldman, Sachs and Co", "Merrill Lynch & Co" keep it). */
const SUFFIX_IN_TEXT = new RegExp(String.raw`(?<!\band|&)\s(?:${COMPANY_SUFFIXES})\b\.?(?=['’]s\b|,|\s|$)`, 'g');

/** A name in brackets: capitalised words, no figures ("Videotron Ltee", "Bank of Montreal"). */
const NAME_IN_BRACKETS = /^\p{Lu}[\p{L}&.'’ -]{1,60}$/u;

/** Words a headline cannot end on: they promise another word. */
const DANGLING = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'and', 'or', 'but', 'nor', 'as', 'than', 'that', 'which', 'who',
  'its', 'their', 'his', 'her', 'our', 'said', 'says', 'will', 'would', 'could', 'should', 'may', 'might', 'is', 'are', 'was', 'were', 'be', 'been',
  'has', 'have', 'had', 'not', 'no', 'into', 'about', 'over', 'under', 'after', 'before', 'since', 'up', 'it', 'they', 'this', 'these', 'those',
  'per', 'vs', 'some', 'all', 'any', 'more', 'less', 'most', 'new', 'first', 'two', 'one', 'if', 'when', 'while', 'because', 'plans', 'plan',
  'agreed', 'expects', 'expected', 'intends', 'wants', 'sought', 'seeking', 'also', 'such', 'other', 'between', 'among', 'against', 'during',
  'through', 'until', 'around', 'near', 'each', 'every', 'both', 'either', 'further', 'my', 'your', 'we', 'i', 'you', 'he', 'she',
  // Verbs that take "to" and another verb: "plan to form", "agreed to buy".
  'decided', 'able', 'unable', 'likely', 'unlikely', 'seeks', 'seek', 'aims', 'aim', 'hopes', 'hope', 'offered', 'proposed', 'voted', 'going',
  'tried', 'failed', 'moved', 'continue', 'continues', 'continued', 'began', 'agree', 'agrees', 'expect', 'intend', 'want', 'need', 'needs',
  'ready', 'set', 'due', 'planned', 'planning', 'plans', 'asked', 'wanted', 'refused', 'promised', 'threatened', 'chose', 'elected', 'prepared',
  'pledged', 'allowed', 'forced', 'required', 'authorized', 'authorised', 'intended', 'designed', 'used', 'managed', 'attempt', 'attempts',
  'order', 'enough', 'willing', 'reluctant', 'sure', 'continuing', 'help', 'helped', 'helps', 'ought', 'has', 'have', 'had', 'is', 'are',
]);

/** Prepositions, conjunctions and commas a phrase can be dropped before. */
const BOUNDARY = /\s(?=(?:in|of|for|with|at|on|from|by|after|before|under|over|against|through|since|following|during|amid|including|and|but|while|as|because|to|that|which|who|compared|versus|vs|than|due to|despite|according|if|when|unless|until|so)\s)|(?<=,)\s/g;

/**
 * What a sentence says after a headline made from it: the words after the last of the headline's
 * words, found in order ("Standard Oil and BP North America plan to form a venture" leaves "to
 * manage the money market borrowing …"). Empty when less than three words are left.
 */
export function restOfSentence(sentence: string, headline: string): string {
  // (A possessive's "s" is not a word: "Exchange said its prices" is headlined "Exchange's prices".)
  const wanted = headline.toLowerCase().replace(/['’]s\b/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  const words = Array.from(sentence.matchAll(/[\p{L}\p{N}]+/gu));
  let next = 0;
  let end = 0;
  let at = 0;
  while (next < wanted.length && at < words.length) {
    // A headline word the sentence does not have nearby (a headline's own wording: "establishes" for "established") is passed over.
    const word = wanted[next++]!;
    for (let look = at; look < Math.min(at + NEARBY, words.length); look++) {
      if (words[look]![0].toLowerCase() !== word) continue;
      at = look + 1;
      end = words[look]!.index + words[look]![0].length;
      break;
    }
  }
  let rest = sentence.slice(end).replace(/^['’]s\b/u, '').replace(/^[\s,;:\-–—)'’]+/u, '').trim();
  // The abbreviation of the name the headline ended on ("… Board of Trade's" / "CBT, proposal to …") goes with it.
  rest = withoutAbbreviationAfterName(rest, sentence.slice(0, end));
  // An attribution alone ("the company said.") adds nothing.
  if (/^(?:\S+\s+){0,4}(?:said|says|reported|announced|added)\W*$/.test(rest) && !/\bas\s+(?:\S+\s+)?(?:said|reported|announced)\W*$/.test(rest)) return '';
  return (rest.match(/\s/g)?.length ?? 0) >= 2 ? rest : '';
}

/** How far on in the sentence a headline's next word is looked for. */
const NEARBY = 12;

/**
 * A headline cut at a clause boundary so a one-sentence story has a standfirst: the longest cut
 * that `leaves` enough after it ("… raised its prime rate" leaves "to 7-3/4 from 7-1/2", where
 * "… to 7-3/4" left too little); undefined when no cut leaves `shortest` characters and a verb.
 */
export function shortenAtBoundary(text: string, leaves: (cut: string) => boolean = () => true, shortest = 30): string | undefined {
  let best: string | undefined;
  for (const match of text.matchAll(BOUNDARY)) {
    const head = tidy(text.slice(0, match.index));
    if (length(head) > MAX_HEADLINE_LENGTH) break;
    if (head !== text && length(head) >= shortest && !endsDangling(head) && isClause(head) && leaves(head)) best = head;
  }
  return best;
}

function cutAtLastComma(text: string): string {
  // A head of more than twice the limit in UTF-16 code units has more than the limit in characters: start where one could fit.
  for (let at = text.lastIndexOf(', ', 2 * MAX_HEADLINE_LENGTH); at > 0; at = text.lastIndexOf(', ', at - 1)) {
    const head = text.slice(0, at);
    // A comma inside a number or a list of names ("Smith, Jones and Co") is not a clause boundary.
    if (length(head) <= MAX_HEADLINE_LENGTH && length(head) >= 30 && !endsDangling(head) && isClause(head)) return head;
  }
  return text;
}

/** Whether a cut is a clause: it has its verb, and what it reports has one too ("Olin said John Johnstone, president" has not). */
export function isClause(text: string): boolean {
  if (!hasVerb(text)) return false;
  const reported = REPORTED.exec(text);
  return reported === null || hasVerb(` ${reported[1]!}`);
}

/** What follows a reporting verb (not "said to be"). */
const REPORTED = /\b(?:said|says|told)\s+(?!to\b)(.+)$/;

/**
 * Whether a clause has a word that reads as its verb, so a cut leaves a sentence, not a subject
 * alone ("A group of Republican governors and members"): an auxiliary, an irregular past form, or
 * a word in -ed, -s or -ing, or before "to" and a verb ("plan to form"), that is not the last word
 * nor followed by "and", "of" or a comma (where it reads as a noun).
 */
function hasVerb(text: string): boolean {
  return AUXILIARY.test(text) || IRREGULAR_PAST.test(text) || VERB_LIKE.test(text);
}

const AUXILIARY = /\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|shall|did|does|said|says|told)\b/u;
/** Irregular past forms, which have no ending to read. */
const IRREGULAR_PAST = /\s(?:fought|bought|sold|rose|fell|cut|set|took|made|won|lost|paid|gave|held|left|saw|grew|began|became|broke|led|met|ran|spent|went|came|got|put|quit|hit|shut|struck|sought|sent|kept|brought|chose|drew|found|heard|built|lent|meant|slid|sank|stood|swung|threw|understood|wrote|bid|beat|forecast|read)\s/u;
const VERB_LIKE = new RegExp(
  [
    // A past form, not as an adjective after an article or a possessive ("the proposed merger").
    String.raw`(?<!\b(?:a|an|the|its|their|his|her|of|for|with|by|newly|recently)\s)(?<=\s)\p{Ll}{2,}ed(?=\s+(?!and\b|or\b|of\b)[\p{L}\p{N}"'“‘]|\s*$)`,
    // A present form in -s before what a verb takes: "buys a stake", "sees 1987 profit", "plans to".
    // (Not a word that only looks so: "its Timmins", "this March".)
    String.raw`(?<=\s)(?!(?:its|this|his|hers|ours|yours|theirs|as|us|thus|plus|across|perhaps|always|news|series|means)\s)\p{Ll}{2,}(?<!ss)s(?=\s+(?:a|an|the|its|their|his|her|this|that|to|up|down|more|less|no|new|further|about|over)\b|\s+[\p{N}\p{Lu}])`,
    // A verb before "to" and another verb: "plan to form".
    String.raw`(?<=\s)\p{Ll}{2,}(?=\s+to\s+\p{Ll}{2,}\s)`,
  ].join('|'),
  'u',
);

function endsDangling(text: string): boolean {
  // Read from the last few dozen characters: tried at every position of a long text, the pattern costs in proportion to it.
  const last = /([\p{L}'’]+)\W*$/u.exec(text.slice(-48))?.[1]?.toLowerCase();
  // (A possessive promises its noun: "… accept the Chicago Board of Trade's".)
  return last !== undefined && (DANGLING.has(last) || /\p{L}['’]s$/u.test(last));
}

function withoutFinalStop(text: string): string {
  return text.replace(/(?<![.]{2}|\b\p{Lu})\.$/u, '');
}

/** Cuts `text` to at most `max` characters at a word boundary, adding an ellipsis when it cut. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  // Characters of at most two UTF-16 units each: the first `2 · max` units hold the first `max` characters.
  const chars = Array.from(text.slice(0, 2 * max + 2));
  if (chars.length <= max && text.length <= 2 * max + 2) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  let base = space > max / 2 ? cut.slice(0, space) : cut;
  // "… an innovative pricing plan that…" promises a word the cut took: it ends before the words that need one.
  for (let drop = 0; drop < 4 && endsDangling(base) && base.lastIndexOf(' ') > max / 2; drop++) base = base.slice(0, base.lastIndexOf(' '));
  return `${base.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

export function oneLine(text: string): string {
  // Most text is one line already: only a run of spaces or a line break is replaced.
  return (MORE_THAN_A_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

const MORE_THAN_A_SPACE = /\s\s|[^\S ]/;
