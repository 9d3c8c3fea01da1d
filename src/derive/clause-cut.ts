import { length, MAX_HEADLINE_LENGTH, tidy } from './headline-text.ts';
import { TITLES } from './name-words.ts';
import { tagWords, type Tag, type Word } from './tagger.ts';

/** A sentence and its words' tags. */
interface Tagged {
  text: string;
  words: Word[];
}

/**
 * The stage of a headline's compression that reads its words' tags (wink-nlp): an appositive after
 * the subject's name goes, then the sentence ends after its verb at the end of a phrase. When that
 * does not fit, shorter forms of the sentence are tried in turn, each whole or cut so: without the
 * subject's phrase of place or time (or the second of two plural subjects), without a speaker's
 * title (or a company officer's name), a unit named as its owner's. Else it is cut with "…" after a
 * noun, or after a participle that asks for nothing more. Undefined when none of these fits.
 */
export function cutTagged(sentence: string): string | undefined {
  // Only the opening is read: a headline is at most 90 characters of it, after asides of a few dozen more are gone.
  let tagged: Tagged = { text: sentence, words: tagWords(sentence.slice(0, TAGGED_CHARS)) };
  // An appositive between commas after the subject's name ("Roger Andewelt, deputy assistant attorney general for litigation, said …") goes first.
  tagged = withoutAppositive(tagged.text, tagged.words) ?? tagged;
  const { text, words } = tagged;
  // A subject too long to leave room for its verb loses its phrase of place or time: "Total turnover on the London exchange fell …" → "Total turnover fell …".
  const shorter = withoutSubjectPhrase(text, words);
  const forms: (() => Tagged | undefined)[] = [
    () => tagged,
    () => shorter,
    // A speaker named with a long title ("House Ways and Means Committee Chairman Dan Rostenkowski said …") is named by name alone;
    // then, from the sentence its phrases already left: "Indonesia's Armed Forces Commander General Benny Murdani said warnings
    // about … do not mean" → "Benny Murdani said warnings do not mean".
    () => withoutTitle(text, words),
    () => shorter && withoutTitle(shorter.text, shorter.words),
    // A unit named after its owner ("Kentucky Central Life Insurance's Bluegrass Broadcasting subsidiary agrees to sell …") is the owner's unit.
    () => asOwnersUnit(text),
  ];
  for (const form of forms) {
    const each = form();
    if (each === undefined) continue;
    const cut = length(each.text) <= MAX_HEADLINE_LENGTH ? tidy(each.text) : cutAtClause(each.text, each.words);
    if (cut !== undefined) return cut;
  }
  return truncateAtNoun(text, words) ?? truncateAtNoun(text, words, { inReported: true }) ?? truncateAtVerb(text, words);
}

/**
 * The sentence cut with "…" after the last word after its main verb that `ends` accepts and that
 * fits, or undefined.
 */
function truncateAfter(text: string, words: readonly Word[], ends: (index: number) => boolean): string | undefined {
  let best: number | undefined;
  for (let index = Math.max(mainVerb(words), 0) + 1; index < words.length; index++) {
    if (length(text.slice(0, words[index]!.end)) > MAX_HEADLINE_LENGTH - 1) break;
    if (ends(index)) best = index;
  }
  return best === undefined ? undefined : `${tidy(text.slice(0, words[best]!.end))}…`;
}

/** The sentence cut with "…" after the last noun, name or figure that fits ("… is thought…" and "… will include…" leave the reader waiting for the word after). */
function truncateAtNoun(text: string, words: readonly Word[], { inReported = false } = {}): string | undefined {
  const verb = mainVerb(words);
  // (Nor between a reporting verb and what it reports, "… says on April 15…", unless nothing else fits.)
  const reported = verb === -1 || inReported ? undefined : reportedClause(words, verb);
  return truncateAfter(text, words, (index) => {
    if (reported !== undefined && index > reported.from && index < reported.to) return false;
    // (Not inside a name, "the Chicago… Board of Trade", nor before a possessive's noun.)
    if (!ENDS.has(words[index]!.tag) || beforePossessive(words, index) || insideName(words, index)) return false;
    return length(tidy(text.slice(0, words[index]!.end))) >= MAX_HEADLINE_LENGTH / 2;
  });
}

/**
 * The sentence cut with "…" after its verb group when no noun after the verb fits: a participle or
 * adjective after an auxiliary that asks for nothing more ("… have surfaced…", "are still
 * undecided…"), never one that does ("is thought…", "plans to…", "could become…").
 */
function truncateAtVerb(text: string, words: readonly Word[]): string | undefined {
  return truncateAfter(text, words, (index) => {
    const word = words[index]!;
    // (A participle in -ed or -en, not a verb's base form: "could become…", "to remain…" ask for more.)
    const participle = (word.tag === 'VERB' && /(?:ed|en|wn)$/.test(word.lower)) || word.tag === 'ADJ';
    return participle && ['AUX', 'ADV'].includes(words[index - 1]!.tag) && !WANTS_COMPLEMENT.test(word.lower) && words[index + 1]?.lower !== 'to';
  });
}

/** "Kentucky Central Life Insurance's Bluegrass Broadcasting subsidiary agrees …" → "Kentucky Central Life Insurance unit agrees …". */
function asOwnersUnit(text: string): Tagged | undefined {
  const match = OWNERS_UNIT.exec(text);
  if (!match) return undefined;
  const unit = `${match[1]} unit ${text.slice(match[0].length).trimStart()}`;
  return { text: unit, words: tagWords(unit.slice(0, TAGGED_CHARS)) };
}

/** An owner's name, its possessive, a unit's name of capitalised words and the word for what it is, opening a sentence. */
const OWNERS_UNIT = /^((?:\p{Lu}[\p{L}\p{N}&./-]*\s+){0,5}\p{Lu}[\p{L}\p{N}&./-]*)['’]s?\s+(?:(?:\p{Lu}[\p{L}\p{N}&.,-]*|and)\s+){1,8}(?:[Ss]ubsidiary|[Uu]nit|[Dd]ivision|[Aa]ffiliate)\b/u;

/**
 * The sentence with its subject's title or name dropped, when the subject is a name with a title:
 * a title of office goes and the name stays ("Assistant U.S. Treasury Secretary David Mulford said
 * …" → "David Mulford said …"); a company's officer, written in lower case after its name, keeps
 * the company and loses the name ("AMR chairman Robert Crandall said the company …" → "AMR
 * chairman said the company …"), so what follows still knows whose it is.
 */
function withoutTitle(text: string, words: readonly Word[]): Tagged | undefined {
  // The verb: the first one after a name (the tagger may read a title's word as a verb, "Ways and Means").
  const verb = words.findIndex((word, index) => index >= 3 && (word.tag === 'VERB' || word.tag === 'AUX' || /^(?:said|says|told)$/.test(word.lower)) && words[index - 1]!.tag === 'PROPN' && words[index - 2]!.tag === 'PROPN');
  if (verb === -1) return undefined;
  // The name: the last two or three names before the verb; before it, a title.
  const name = words[verb - 3]?.tag === 'PROPN' && !TITLES.has(words[verb - 3]!.lower) && /^\p{Lu}\.?$|^\p{Lu}\p{Ll}/u.test(words[verb - 3]!.text) && TITLES.has(words[verb - 4]?.lower ?? '') ? verb - 3 : verb - 2;
  const title = words[name - 1];
  if (title === undefined || !TITLES.has(title.lower)) return undefined;
  const subject = words.slice(0, name);
  // A title and what it is of, and nothing else: capitalised words (and "and", "of" inside the title, a country's "'s"), no clause, no list.
  if (!subject.every((word) => /^\p{Lu}/u.test(word.text) || TITLES.has(word.lower) || /^(?:and|of|for|the|'s|’s)$/.test(word.lower))) return undefined;
  // Not a second person before this one: "Secretary of State George Shultz and Soviet Foreign Minister Eduard Shevardnaze".
  if (subject.some((word, index) => word.lower === 'and' && subject[index - 1]?.tag === 'PROPN' && subject[index - 2]?.tag === 'PROPN' && subject.slice(0, index - 2).some((each) => TITLES.has(each.lower)))) return undefined;
  // A company's officer: a title in lower case after a name that is not a title's ("Pacific Telesis Group chairman").
  const officer = /^\p{Ll}/u.test(title.text) && subject.some((word) => /^\p{Lu}/u.test(word.text) && !TITLES.has(word.lower) && word.lower !== 'the');
  return officer ? without(text, words, name, verb) : without(text, words, 0, name);
}

/** How much of a sentence the tagger reads (tagging costs in proportion to the text). */
const TAGGED_CHARS = 200;

/** A tagged sentence with its words `from` up to `to` (not included) taken out, the tags of the others kept. */
function without(text: string, words: readonly Word[], from: number, to: number): Tagged {
  const head = text.slice(0, words[from]!.start).trimEnd();
  const tailAt = to < words.length ? words[to]!.start : text.length;
  const joined = `${head} ${text.slice(tailAt)}`;
  const shift = head.length + 1 - tailAt;
  return { text: joined, words: [...words.slice(0, from), ...words.slice(to).map((word) => ({ ...word, start: word.start + shift, end: word.end + shift }))] };
}

/** The sentence's first verb or auxiliary, taken for its main verb: a cut must come after it (-1 when it has none). */
function mainVerb(words: readonly Word[]): number {
  // (A sentence's first word read as a verb is a name, "Browning-Ferris Industries said …", or an opening phrase, "Citing weak demand, …";
  // one after a hyphen is an adjective's part, "Danish-based".)
  return words.findIndex((word, index) => word.tag === 'AUX' || (word.tag === 'VERB' && index > 0 && words[index - 1]!.text !== '-') || isPresentAfterName(words, index));
}

/** A verb in -s the tagger read as a noun, after a name and before its object: "CRS Sirrine plans a restructuring", "Chrysler sees 1987 profit". */
function isPresentAfterName(words: readonly Word[], index: number): boolean {
  const [before, word, next] = [words[index - 1], words[index]!, words[index + 1]];
  return word.tag === 'NOUN' && /^\p{Ll}+[^s]s$/u.test(word.text) && before?.tag === 'PROPN' && (next?.tag === 'DET' || next?.tag === 'NUM' || POSSESSIVES.has(next?.lower ?? ''));
}

const POSSESSIVES = new Set(['its', 'their', 'his', 'her']);

/** Where a headline may end: a noun, a name, a figure, or an adverb after its verb ("fell slightly"). */
const ENDS = new Set<Tag>(['NOUN', 'PROPN', 'NUM']);
/** What may follow the end: the start of another phrase (a preposition, a conjunction, "to", punctuation, "which", an adjective after its noun: "bond due 1992"). */
const STARTS = new Set<Tag>(['ADP', 'CCONJ', 'SCONJ', 'PUNCT', 'PART', 'PRON', 'DET', 'ADV', 'ADJ']);

/**
 * The longest start of a tagged sentence that is a clause and fits: it holds the main verb, ends on
 * a noun, a name or a figure after it, and the next word starts another phrase (so "50 pct of
 * Videotron" is never cut to "50 pct", nor "5,000 jobs" to "5,000"), brackets and quotes closed.
 */
function cutAtClause(text: string, words: readonly Word[]): string | undefined {
  const verb = mainVerb(words);
  if (verb === -1) return undefined;
  // What a reporting verb says is a clause: no cut between the two verbs ("Du Pont says the U.S. District Court" says nothing).
  const reported = reportedClause(words, verb);
  let best: string | undefined;
  for (let index = verb + 1; index < words.length - 1; index++) {
    const [word, next] = [words[index]!, words[index + 1]!];
    if (length(text.slice(0, word.end)) > MAX_HEADLINE_LENGTH) break;
    if (reported !== undefined && index > reported.from && index <= reported.to) continue;
    const endsAdverb = word.tag === 'ADV' && words[index - 1]!.tag === 'VERB' && /ly$/.test(word.lower);
    // A passive or a state after "is", "were": "… were convicted", "… was optimistic", unless it promises more ("is expected", "is likely").
    const endsState = (word.tag === 'VERB' || word.tag === 'ADJ') && /^(?:is|are|was|were|be|been|being)$/.test(words[index - 1]!.lower) && !WANTS_COMPLEMENT.test(word.lower);
    // A participle after a noun starts a phrase too: "a satellite carrying …"; one in -ed only after the main verb's object ("sell its
    // properties located in …"), where it cannot be the noun's own verb ("said profit increased").
    const participle = next.tag === 'VERB' && word.tag !== 'NUM' && (/ing$/.test(next.lower) || (/ed$/.test(next.lower) && isObjectOf(words, verb, index)));
    const startsPhrase = STARTS.has(next.tag) || participle;
    if (!(ENDS.has(word.tag) || endsAdverb || endsState) || !startsPhrase || beforePossessive(words, index) || next.text === '%' || insideName(words, index)) continue;
    const head = tidy(text.slice(0, word.end));
    // (A noun the word lists would call dangling, "the sales tax plan", is a noun here: the tagger said so.)
    if (length(head) >= 25 && closed(head)) best = head;
  }
  return best;
}

/**
 * Whether a name goes on after the word at `index`: "Chicago | Board", "Chicago Board | of Trade",
 * "AT | & T". (Not at "and": "acquires Northwest Rehabilitation | and Len M. House" names two.)
 */
function insideName(words: readonly Word[], index: number): boolean {
  const [word, next, after] = [words[index]!, words[index + 1], words[index + 2]];
  if (word.tag === 'PROPN' && next?.tag === 'PROPN') return true;
  return /^\p{Lu}/u.test(word.text) && /^(?:of|&)$/.test(next?.lower ?? '') && /^\p{Lu}/u.test(after?.text ?? '');
}

/** Whether the word at `index` is a possessive's owner: "Trade | 's proposal". */
function beforePossessive(words: readonly Word[], index: number): boolean {
  const next = words[index + 1]?.text;
  return next === "'s" || next === '’s';
}

/** The first "said", "says" or "told" from the main verb on (not "said to be"), and the verb of the clause it reports. */
function reportedClause(words: readonly Word[], verb: number): { from: number; to: number } | undefined {
  const from = words.findIndex((word, index) => index >= verb && /^(?:said|says|told|tells|added|adds)$/.test(word.lower) && words[index + 1]?.lower !== 'to');
  if (from === -1) return undefined;
  // (Its verb is finite: not a form in -ing without an auxiliary, "an announcement concerning", nor one after "to".)
  const to = words.findIndex((word, index) => index > from && (word.tag === 'AUX' || (word.tag === 'VERB' && !/ing$/.test(word.lower) && words[index - 1]!.lower !== 'to')));
  return { from, to: to === -1 ? words.length : to };
}

/**
 * Whether the word at `index` is in the main verb's object, with no clause between: no reporting
 * verb ("said", "expects"), "that", conjunction or other finite verb (a verb after "to" is the
 * main verb's own: "agreed to sell its properties").
 */
function isObjectOf(words: readonly Word[], verb: number, index: number): boolean {
  if (REPORTING.test(words[verb]!.lower)) return false;
  // The verb takes an object straight after it (with "to" and a verb before it): "traded on the exchange reached …" has none, so "traded" was not the main verb.
  let object = verb + 1;
  while (object < index && (words[object]!.tag === 'VERB' || words[object]!.tag === 'ADV' || words[object]!.lower === 'to')) object++;
  if (!OBJECT_STARTS.has(words[object]!.tag)) return false;
  for (let at = verb + 1; at < index; at++) {
    const word = words[at]!;
    if (word.tag === 'SCONJ' || word.lower === 'that' || word.tag === 'AUX' || word.text === ',') return false;
    if (word.tag === 'VERB' && words[at - 1]!.lower !== 'to' && at !== verb + 1) return false;
  }
  return true;
}

const OBJECT_STARTS = new Set<Tag>(['DET', 'NOUN', 'PROPN', 'NUM', 'ADJ', 'PRON']);

const REPORTING = /^(?:said|says|say|told|tells|reported|reports|announced|announces|added|adds|stated|believes?|believed|expects?|expected|hopes?|hoped|predicts?|predicted|warns?|warned|thinks?|thought|feels?|felt|estimates?|estimated|forecasts?|confirmed|confirms|denied|denies)$/;

/** Passives and adjectives that promise a complement: "is expected (to …)", "was named (as …)", "is likely (to …)". */
const WANTS_COMPLEMENT = /^(?:expected|thought|believed|said|reported|named|called|considered|set|scheduled|due|likely|unlikely|able|unable|going|prepared|designed|intended|required|asked|told|given|made|used|willing|ready|sure|aware|subject|responsible|based|owned|held|seen|estimated|forecast|valued|priced|rated|cut|raised|lowered|increased|reduced|set|put|placed|kept)$/;

/** The sentence without an appositive between commas after a name and before the verb ("X, a unit of Y, said …"), when it has one. */
function withoutAppositive(text: string, words: readonly Word[]): Tagged | undefined {
  for (let open = 1; open < words.length; open++) {
    if (words[open]!.text !== ',' || !['PROPN', 'NOUN'].includes(words[open - 1]!.tag)) continue;
    const close = words.findIndex((word, index) => index > open && word.text === ',');
    if (close === -1 || close - open > 16) return undefined;
    const inside = words.slice(open + 1, close);
    const after = words[close + 1];
    if (inside.length === 0 || inside.some((word) => word.tag === 'VERB' || word.tag === 'AUX') || !after) return undefined;
    if (after.tag !== 'VERB' && after.tag !== 'AUX' && !(after.tag === 'ADV' && ['VERB', 'AUX'].includes(words[close + 2]?.tag ?? ''))) return undefined;
    return without(text, words, open, close + 1);
  }
  return undefined;
}

/** The sentence without the phrase of place or time between its subject and its verb ("on the London exchange"), or the second of two plural subjects, when it has one. */
function withoutSubjectPhrase(text: string, words: readonly Word[]): Tagged | undefined {
  const verb = mainVerb(words);
  // (A verb after "to" is not the subject's: the tagger took the real one for a noun, "Yeutter plans a July trip to China to discuss".)
  if (verb < 3 || words[verb - 1]!.lower === 'to') return undefined;
  const cutFrom = (index: number, to = verb) => (words.slice(index, to).some((each) => each.text === ',' || each.text === '(') ? undefined : without(text, words, index, to));
  const phrase = phraseBefore(words, 1, verb);
  if (phrase !== undefined) return cutFrom(phrase);
  // "floor traders and commission house representatives are …": the second of two plural subjects goes, and the verb still agrees.
  const plural = (word: Word | undefined) => word?.tag === 'NOUN' && /[^s]s$/.test(word.lower);
  for (let index = 1; index < verb; index++) {
    if (words[index]!.lower === 'and' && plural(words[index - 1]) && plural(words[verb - 1])) return cutFrom(index);
  }
  // The subject of what is reported, the same way: "… says the rapid recent growth in the money supply will …" → "… says the rapid recent growth will …".
  const reported = reportedClause(words, verb);
  const opens = reported === undefined ? undefined : words[reported.from + 1];
  const inReported = reported === undefined || reported.to >= words.length || !NOUN_PHRASE_STARTS.has(opens!.tag) ? undefined : phraseBefore(words, reported.from + 2, reported.to);
  return inReported === undefined ? undefined : cutFrom(inReported, reported!.to);
}

/** Where a phrase of place or time (a preposition other than "of", after a noun) starts between `from` and `to`. */
function phraseBefore(words: readonly Word[], from: number, to: number): number | undefined {
  for (let index = from; index < to; index++) {
    const word = words[index]!;
    // ("an attempt to reopen": "to" before a verb is the noun's own.)
    if (word.lower === 'to' && words[index + 1]?.tag === 'VERB') continue;
    if (word.tag === 'ADP' && word.lower !== 'of' && ['NOUN', 'PROPN'].includes(words[index - 1]!.tag)) return index;
  }
  return undefined;
}

const NOUN_PHRASE_STARTS = new Set<Tag>(['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM']);

/** Whether every bracket and quotation a headline opens, it closes. */
function closed(text: string): boolean {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  // A quotation mark inside a word (`Kuwait"s`, a scraper's apostrophe) opens nothing.
  return count(/\(/g) === count(/\)/g) && count(/(?<![\p{L}\p{N}])"|"(?![\p{L}\p{N}])/gu) % 2 === 0 && count(/“/g) === count(/”/g);
}

