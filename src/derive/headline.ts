/** The longest headline a list shows on one or two lines. */
export const MAX_HEADLINE_LENGTH = 90;

export interface Headline {
  text: string;
  /** Whether the headline is the whole sentence it came from (so a standfirst should continue after it). */
  whole: boolean;
}

/**
 * A headline from the first sentence of the lede: the whole sentence when it fits in
 * {@link MAX_HEADLINE_LENGTH} characters, else a compression of it that ends at a clause
 * boundary (see {@link compressSentence}), with "…" only when nothing else fits.
 */
export function headlineFrom(sentence: string): Headline {
  const text = withoutFinalStop(oneLine(sentence));
  if (length(text) <= MAX_HEADLINE_LENGTH) return { text, whole: true };
  return { text: compressSentence(text), whole: false };
}

/**
 * Shortens a sentence the way a sub-editor would, step by step until it fits: drop asides in
 * brackets, wire-copy company suffixes and "said it"; drop an attribution tail ("…, the company
 * said"), appositives (", a unit of X,") and trailing clauses after a comma; then end before a
 * preposition or conjunction. The result never ends on a word that needs another after it.
 */
export function compressSentence(sentence: string): string {
  let text = sentence;
  for (const step of STEPS) {
    text = tidy(step(text));
    if (length(text) <= MAX_HEADLINE_LENGTH) return text;
  }
  return endAtBoundary(text) ?? truncateAtWord(text, MAX_HEADLINE_LENGTH);
}

const STEPS: ((text: string) => string)[] = [
  // Asides: "(ICO)", "(about 1.5 billion dlrs)", "- the first since 1984 -".
  (text) => text.replace(/\s*\([^()]*\)/g, '').replace(/\s[-–—]{1,2}\s[^-–—]{1,80}\s[-–—]{1,2}\s/g, ' '),
  // Wire copy's company suffixes and reporting verbs: "Standard Oil Co said it plans" → "Standard Oil plans".
  (text) =>
    text
      .replace(/(?<!\band)\s(?:Inc|Corp|Co|Ltd|Plc|PLC|LP|NV|AG|SA|N\.V|S\.A|Cos)\b\.?(?=['’]s\b|,|\s|$)/g, '')
      .replace(/s['’]s\b/g, "s'")
      .replace(/\s(?:said|says|announced|reported|confirmed|added|stated)\s+(?:that\s+)?(?:it|they|he|she)\s+(?=\p{Ll})/gu, ' ')
      .replace(/\b(said|says)\s+(?:on|late|early)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s+(?:that\s+)?(?:it\s+)?/g, ''),
  // An attribution tail: "…, the company said", "…, officials told reporters".
  (text) => text.replace(/,\s+(?:[^,]{0,60}\s)?(?:said|says|told [^,]{1,40}|according to [^,]{1,60}|reported|added|announced)(?:\s+(?:on\s+)?\p{Lu}\p{Ll}+day|\s+today|\s+yesterday)?$/u, ''),
  // Appositives between commas: ", a unit of Shearson Lehman,", ", the world's largest producer,".
  // Asides of the same kind: ", in remarks published today,", ", speaking in Tokyo,".
  // Only before the verb (lower case), so the main clause is never taken for an aside.
  (text) => text.replace(/,\s+(?:a|an|the|which|who|its|whose|formerly|part of|unit of|in|on|at|for|with|after|before|under|according to|\p{Ll}+ing)\s[^,]{1,80},\s(?=\p{Ll})/gu, ' '),
  // Trailing clauses after a comma: ", alleviating the drought", ", which …", ", but …".
  (text) => cutAtLastComma(text),
  // Time and source phrases that headlines leave out.
  (text) => text.replace(/\s+(?:on|last|this|next|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night)\b/g, ''),
];

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

/** Prepositions and conjunctions a phrase can be dropped before. */
const BOUNDARY = /\s(?=(?:in|of|for|with|at|on|from|by|after|before|under|over|against|through|since|following|during|amid|including|and|but|while|as|because|to|that|which|who|compared|versus|vs|than|due to|despite|according|if|when|unless|until|so)\s)/g;

/** The sentence cut before the last preposition or conjunction that leaves a fitting headline of at least 30 characters. */
function endAtBoundary(text: string): string | undefined {
  let best: string | undefined;
  for (const match of text.matchAll(BOUNDARY)) {
    const head = tidy(text.slice(0, match.index));
    if (length(head) > MAX_HEADLINE_LENGTH) break;
    if (length(head) >= 30 && !endsDangling(head)) best = head;
  }
  return best;
}

function cutAtLastComma(text: string): string {
  // A head of more than twice the limit in UTF-16 code units has more than the limit in characters: start where one could fit.
  for (let at = text.lastIndexOf(', ', 2 * MAX_HEADLINE_LENGTH); at > 0; at = text.lastIndexOf(', ', at - 1)) {
    const head = text.slice(0, at);
    // A comma inside a number or a list of names ("Smith, Jones and Co") is not a clause boundary.
    if (length(head) <= MAX_HEADLINE_LENGTH && length(head) >= 30 && !endsDangling(head) && hasVerb(head)) return head;
  }
  return text;
}

/** Whether a clause has a word that reads as its verb, so a cut before a comma leaves a sentence, not a subject alone. */
function hasVerb(text: string): boolean {
  return /\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|said|says|\p{Ll}{2,}(?:ed|es|s|ing))\b/u.test(text);
}

function endsDangling(text: string): boolean {
  const last = /([\p{L}']+)\W*$/u.exec(text)?.[1]?.toLowerCase();
  return last !== undefined && DANGLING.has(last);
}

function tidy(text: string): string {
  // (The trailing run is matched from its first character only: tried from each of its characters, a long run inside the text was quadratic.)
  return text.replace(/\s+([,.;:])/g, '$1').replace(/\s{2,}/g, ' ').replace(/(?<![\s,;:\-–—])[\s,;:\-–—]+$/u, '').trim();
}

function withoutFinalStop(text: string): string {
  return text.replace(/(?<![.]{2}|\b\p{Lu})\.$/u, '');
}

function length(text: string): number {
  return Array.from(text).length;
}

/** Cuts `text` to at most `max` characters at a word boundary, adding an ellipsis when it cut. */
export function truncateAtWord(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  const base = space > max / 2 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
