import { length, MAX_HEADLINE_LENGTH } from './headline-text.ts';
import { tagWords, type Word } from './tagger.ts';

/**
 * A headline in the tense headlines are written in, read from its words' tags (wink-nlp): the main
 * clause's verb in the present for what happened ("Japan has launched" → "Japan launches", "Sandoz
 * planned" → "Sandoz plans", "is offering" → "offers", "said" → "says"), "to" for what will
 * ("Dai Nippon will issue" → "Dai Nippon to issue"). A passive keeps its auxiliary: without it,
 * "Cyprus Minerals awarded a contract" reads as the giver. Only the first verb after a plain
 * subject changes; a headline whose subject is not plain (a clause, a comma, a pronoun) or whose
 * verb group is anything else stays as it is.
 */
export function inHeadlineTense(headline: string): string {
  if (!CANDIDATE.test(headline)) return headline;
  const words = tagWords(headline, { lemmas: true });
  const verb = words.findIndex((word) => word.tag === 'VERB' || word.tag === 'AUX');
  if (verb < 1 || !isPlainSubject(words.slice(0, verb))) return headline;
  const change = changeAt(words, verb);
  if (change === undefined) return headline;
  const changed = `${headline.slice(0, words[verb]!.start)}${change.text}${headline.slice(words[change.to - 1]!.end)}`;
  // ("cut" → "cuts" is a character longer.)
  return length(changed) <= MAX_HEADLINE_LENGTH ? changed : headline;
}

/** A quick test for a verb group the rewrite can change, so most headlines that have none are not tagged. */
const CANDIDATE = /\b(?:will|has|have|is|are|was|were|said)\s|\p{Ll}ed\s|\s(?:rose|fell|cut|set|sold|bought|won|lost|made|took|paid|gave|held|grew|began|became|saw|sent|sought|kept|left|led)\s/u;

/** Words before the verb that make it more than a plain subject: a clause, a list, a quotation. */
const NOT_PLAIN = /^(?:which|who|whom|whose|that|if|when|while|as|because|although|after|before|i|you|we|he|she|they|it)$/;

function isPlainSubject(subject: readonly Word[]): boolean {
  // It ends on what a subject ends on (not "The proposed deal", "a group of affiliated", "medium-sized").
  if (!SUBJECT_ENDS.has(subject.at(-1)!.tag) || !subject.some((word) => word.tag === 'NOUN' || word.tag === 'PROPN')) return false;
  return subject.every((word) => !NOT_PLAIN.test(word.lower) && !/^[,;:"“”()—–]$/.test(word.text) && word.tag !== 'SCONJ');
}

const SUBJECT_ENDS = new Set(['NOUN', 'PROPN', 'NUM', 'ADV', 'PART']);

/** The verb group at `verb` in headline tense, and where it ends (exclusive), or undefined. */
function changeAt(words: readonly Word[], verb: number): Change | undefined {
  return words[verb]!.tag === 'AUX' ? withAuxiliary(words, verb) : pastAfterSubject(words, verb);
}

interface Change {
  text: string;
  to: number;
}

/** "will issue" → "to issue"; "has launched" → "launches", "have agreed" → "agree"; "is seeking" → "seeks". */
function withAuxiliary(words: readonly Word[], verb: number): Change | undefined {
  const auxiliary = words[verb]!.lower;
  const next = words[verb + 1];
  if (auxiliary === 'will') return next !== undefined && (next.tag === 'VERB' || next.tag === 'AUX') && next.lower === next.lemma ? { text: 'to', to: verb + 1 } : undefined;
  // An adverb may stand between the auxiliary and its verb: "has officially confirmed" → "officially confirms".
  const adverb = next?.tag === 'ADV' && /ly$/.test(next.lower) ? 1 : 0;
  const main = words[verb + 1 + adverb];
  const base = main?.tag === 'VERB' ? baseOf(main) : undefined;
  if (main === undefined || base === undefined || base === 'go' || main.lower === main.lemma) return undefined;
  const perfect = (auxiliary === 'has' || auxiliary === 'have') && !/ing$/.test(main.lower);
  const progressive = (auxiliary === 'is' || auxiliary === 'are') && /ing$/.test(main.lower);
  if (!perfect && !progressive) return undefined;
  const lead = adverb === 1 ? `${next!.text} ` : '';
  return { text: `${lead}${present(base, auxiliary === 'has' || auxiliary === 'is')}`, to: verb + 2 + adverb };
}

/** A verb in the past straight after its subject: "Sandoz planned a joint venture" → "Sandoz plans a joint venture". */
function pastAfterSubject(words: readonly Word[], verb: number): Change | undefined {
  const first = words[verb]!;
  const base = baseOf(first);
  if (first.tag !== 'VERB' || base === undefined || !isPast(first)) return undefined;
  // After a possessive it may be an adjective: "Southwestern Bell's planned acquisitions", "Smithkline Beckman's genetically engineered vaccine".
  let before = verb - 1;
  while (before > 0 && words[before]!.tag === 'ADV') before--;
  if (words[before]!.tag === 'PART') return undefined;
  // Another finite verb later ("Loans made to farmers fell", "seasonally adjusted index was revised") means the first was not the main one.
  const after = words.slice(verb + 1);
  if (after.some((word, at) => (word.tag === 'VERB' && !/ing$/.test(word.lower) && (word.lower !== word.lemma || IRREGULAR_SAME.has(word.lower)) && after[at - 1]?.lower !== 'to' && after[at - 1]?.tag !== 'AUX') || FINITE_AUXILIARY.test(word.lower))) return undefined;
  // A participle with its agent is a passive, not a past: "business reported since yesterday by government agencies".
  if (after.slice(0, 5).some((word, at) => word.lower === 'by' && after[at + 1] !== undefined && after[at + 1]!.tag !== 'NUM')) return undefined;
  // "Yesterday" stays in the past ("resigned yesterday", and the passive "eurobond launched yesterday for the Republic").
  if (after.some((word) => word.lower === 'yesterday')) return undefined;
  const plural = isPluralSubject(words.slice(0, verb));
  return plural === undefined ? undefined : { text: present(base, !plural), to: verb + 1 };
}

/**
 * A verb's dictionary form, from the tagger's lemma, mended where the tagger takes a word of one
 * syllable in -ed or -ing for another verb's form ("fined" → "fin", "staged" → "stag"): a verb of
 * one syllable ending in a consonant after a vowel doubles it ("planned"), so "fined" is "fine".
 */
function baseOf(word: Word): string | undefined {
  const lemma = word.lemma;
  if (lemma === undefined || !/^[a-z]{2,}$/.test(lemma)) return undefined;
  const oneSyllable = /^[^aeiouy]*[aeiou][^aeiouwxy]$/.test(lemma);
  if (oneSyllable && (word.lower === `${lemma}ed` || word.lower === `${lemma}ing`)) return `${lemma}e`;
  // The text's own spelling: "finalised" is "finalise", not the model's "finalize".
  return /[iy]s(?:ed|ing)$/.test(word.lower) ? lemma.replace(/([iy])ze$/, '$1se') : lemma;
}

/** A past form: not the dictionary form, nor a present or -ing form (`cut` and `set` are both; a singular subject tells them apart). */
function isPast(word: Word): boolean {
  if (/ing$/.test(word.lower) || (word.lower !== word.lemma && /s$/.test(word.lower) && word.lower.startsWith(word.lemma!))) return false;
  return word.lower !== word.lemma || IRREGULAR_SAME.has(word.lower);
}

const NOUNS = new Set(['NOUN', 'PROPN', 'NUM']);

/** Plural nouns without an -s. */
const COLLECTIVE_PLURALS = new Set(['police', 'people', 'cattle', 'livestock', 'clergy']);

const FINITE_AUXILIARY = /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|does|did)$/;

/** Verbs whose past is their dictionary form. */
const IRREGULAR_SAME = new Set(['cut', 'set', 'put', 'hit', 'quit', 'bid', 'forecast', 'cost', 'let', 'shut', 'spread', 'hurt', 'split']);

/**
 * Whether a subject names more than one thing ("Sales of homes"), read from its head noun;
 * undefined when the words cannot tell: "and" joins two people as well as a company's name
 * ("Consolidated Oil and Gas").
 */
function isPluralSubject(subject: readonly Word[]): boolean | undefined {
  // ("And" anywhere in it: "Quintette Coals of Canada and Japanese steelmakers failed" has two subjects.)
  if (subject.some((word) => word.tag === 'CCONJ')) return undefined;
  // The head is the last noun before a preposition: "Sales of previously owned homes" → "Sales".
  // (Not one that opens it: "About 8,000 farmers".)
  const preposition = subject.findIndex((word, at) => at > 0 && word.tag === 'ADP');
  const head = preposition === -1 ? subject : subject.slice(0, preposition);
  let at = head.length - 1;
  while (at >= 0 && !NOUNS.has(head[at]!.tag)) at--;
  const noun = head[at];
  if (noun === undefined) return false;
  if (COLLECTIVE_PLURALS.has(noun.lower)) return true;
  // (A common noun opening the sentence is capitalised, and may be read as a name: "Conditions on the market", "Assets of money market funds"; alone, "Showers" or "Sears", it cannot be told from one.)
  if (at === 0 && noun.tag === 'PROPN' && /[^siu]s$/.test(noun.lower)) return preposition === -1 ? undefined : true;
  return noun.tag === 'NOUN' && /s$/.test(noun.lower) && noun.lemma !== undefined && noun.lemma !== noun.lower;
}

/** The present tense of a verb from its dictionary form, for a singular subject or a plural one. */
function present(lemma: string, singular: boolean): string {
  if (lemma === 'be') return singular ? 'is' : 'are';
  if (!singular) return lemma;
  if (lemma === 'have') return 'has';
  if (/(?:s|x|z|ch|sh|o)$/.test(lemma)) return `${lemma}es`;
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ies`;
  return `${lemma}s`;
}
