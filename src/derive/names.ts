import { gazetteer, placeKey, type Gazetteer } from './gazetteer.ts';
import { splitWireDateline } from './wire-dateline.ts';
import {
  ABBREVIATED_TITLES,
  CALENDAR_WORDS,
  COMPANY_FORMS,
  CONNECTORS,
  HEAD_TITLES,
  INSTITUTIONS,
  NOT_NAMES,
  ORGANISATION_WORDS,
  PLACE_DESIGNATORS,
  SENTENCE_STARTERS,
  SHORT_CALENDAR_WORDS,
  STATE_ABBREVIATIONS,
  STOP_WORDS,
  TITLES,
} from './name-words.ts';

export type NameKind = 'person' | 'place' | 'organisation' | 'other';

/** A name found in one article. */
export interface FoundName {
  name: string;
  kind: NameKind;
  /** How often the article mentions it (variants included). */
  mentions: number;
  /** Whether the first paragraph mentions it. */
  lede: boolean;
}

/** Names kept per article, most mentioned first: enough for topics, small enough to cache. */
export const MAX_NAMES = 24;

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’&.][\p{L}\p{M}\p{N}]+)*/gu;

interface Word {
  text: string;
  /** Lower case, without a possessive `'s`. */
  lower: string;
  /** Nothing but spaces between this word and the one before it. */
  joined: boolean;
  /** First in its sentence, or after an opening quote, bracket or colon: capitalised by position. */
  initial: boolean;
  possessive: boolean;
  /** Starts with a capital (and is not shouted: see {@link isCapitalised}). */
  capital: boolean;
}

interface Mention {
  name: string;
  kind: NameKind;
}

/**
 * Names of people, places and organisations in an article's paragraphs, by their capitals: runs
 * of capitalised words, cut at punctuation, calendar words and possessives; sentence-initial
 * capitals, titles and company forms stripped; places known from the gazetteer; variants within
 * the article merged (`Zelenskyy` after `Volodymyr Zelenskyy`). Pure; about a tenth of a
 * millisecond per article (see `npm run bench -- --only topics`).
 */
export function findNames(paragraphs: readonly string[], places: Gazetteer = gazetteer()): FoundName[] {
  const found = new Map<string, { name: string; kinds: Map<NameKind, number>; mentions: number; lede: boolean; order: number }>();
  const add = (mention: Mention, paragraph: number) => {
    const key = nameKey(mention.name);
    if (key === '') return;
    const entry = found.get(key) ?? { name: mention.name, kinds: new Map(), mentions: 0, lede: false, order: found.size };
    entry.mentions++;
    entry.lede ||= paragraph === 0;
    entry.kinds.set(mention.kind, (entry.kinds.get(mention.kind) ?? 0) + 1);
    found.set(key, entry);
  };
  const paragraphWords = paragraphs.map((paragraph, index) => {
    let text = paragraph;
    if (index === 0) {
      // A wire dateline names where the story was filed (`IRVINE, Calif., March 16 - `), not what it is about:
      // the place is the record's `place`, and a topic only if the text names it too.
      const dateline = splitWireDateline(text);
      if (dateline) text = dateline.rest;
    }
    const words = tokenize(text);
    return { words: isShouted(words) ? [] : words, paragraph: index };
  });
  const capitalisedMidSentence = new Set<string>();
  const lowerCase = new Set<string>();
  for (const { words } of paragraphWords) {
    for (const word of words) {
      if (!word.initial && word.capital) capitalisedMidSentence.add(word.lower);
      else if (!word.capital && word.text === word.lower) lowerCase.add(word.lower);
    }
  }
  for (const { words, paragraph } of paragraphWords) {
    for (const run of capitalisedRuns(words)) {
      for (const mention of mentionsOf(run, words, { capitalisedMidSentence, lowerCase }, places)) add(mention, paragraph);
    }
  }
  const names = [...found.values()].map((entry) => ({ name: entry.name, kind: kindOf(entry.kinds), mentions: entry.mentions, lede: entry.lede, order: entry.order }));
  return mergeSurnames(names)
    .sort((a, b) => b.mentions - a.mentions || a.order - b.order)
    .slice(0, MAX_NAMES)
    .map(({ name, kind, mentions, lede }) => ({ name, kind, mentions, lede }));
}

/** The key names are merged by: case, dots, diacritics and a possessive ignored. */
export function nameKey(name: string): string {
  return placeKey(name.replace(/['’]s$/u, ''));
}

/**
 * The words of a paragraph. A sentence is taken to start after `.`, `!` or `?` and a space: cheaper
 * than real sentence splitting, and an abbreviation (`U.S. Defense Department`) taken for a
 * sentence end only makes the next capital count as sentence-initial, which a run of several
 * capitals survives.
 */
function tokenize(paragraph: string): Word[] {
  const words: Word[] = [];
  let end = 0;
  for (const match of paragraph.matchAll(WORD)) {
    const gap = paragraph.slice(end, match.index);
    end = match.index + match[0].length;
    const possessive = /['’]s$/u.test(match[0]);
    const text = possessive ? match[0].slice(0, -2) : match[0];
    const previous = words.at(-1);
    // `Mr. Smith`: the full stop of a title or an initial ends no sentence.
    const afterAbbreviation = previous !== undefined && gap === '. ' && (ABBREVIATED_TITLES.has(previous.lower) || previous.text.length === 1);
    words.push({
      text,
      lower: text.toLowerCase(),
      joined: previous !== undefined && (/^ +$/.test(gap) || afterAbbreviation),
      initial: previous === undefined || (/[.!?“"‘(:—–]/.test(gap) && !afterAbbreviation),
      possessive,
      capital: isCapitalised(text),
    });
  }
  return words;
}

/** Capitalised, and not a word in capitals longer than an acronym (shouted text is not a name). */
function isCapitalised(text: string): boolean {
  const first = text[0]!;
  if (first === first.toLowerCase() || !/^\p{Lu}/u.test(text)) return false;
  return text.length <= 5 || text !== text.toUpperCase();
}

/** A paragraph mostly in capitals (a table, a shouted headline): its capitals say nothing. */
function isShouted(words: readonly Word[]): boolean {
  const capitals = words.filter((word) => word.text.length > 1 && /\p{Lu}/u.test(word.text) && word.text === word.text.toUpperCase()).length;
  return capitals >= 3 && capitals > words.length * 0.3;
}

function isAcronym(text: string): boolean {
  const letters = text.replace(/\./g, '');
  return letters.length >= 2 && letters.length <= 5 && /^\p{Lu}+$/u.test(letters);
}

/** Index ranges `[start, end)` of capitalised runs, joined only by spaces and connectors. */
function* capitalisedRuns(words: readonly Word[]): Generator<[number, number]> {
  const isCalendar = (at: number) => CALENDAR_WORDS.has(words[at]!.lower) || (SHORT_CALENDAR_WORDS.has(words[at]!.lower) && /^\d/.test(words[at + 1]?.text ?? ''));
  const nameWord = (at: number) => words[at] !== undefined && words[at].capital && !isCalendar(at);
  let index = 0;
  while (index < words.length) {
    if (!nameWord(index)) {
      index++;
      continue;
    }
    const start = index;
    while (!words[index]!.possessive) {
      const next = words[index + 1];
      if (next?.joined && nameWord(index + 1)) index++;
      else if (next?.joined && (CONNECTORS.has(next.text) || next.text === 'and') && words[index + 2]?.joined && nameWord(index + 2)) index += 2;
      else break;
    }
    index++;
    yield [start, index];
  }
}

/** What the whole article says about its words' case. */
interface Usage {
  /** Words written with a capital somewhere other than a sentence's start: names. */
  capitalisedMidSentence: ReadonlySet<string>;
  /** Words written in lower case somewhere: common words, whatever a sentence's start says. */
  lowerCase: ReadonlySet<string>;
}

function mentionsOf([start, end]: [number, number], words: readonly Word[], usage: Usage, places: Gazetteer): Mention[] {
  let run = words.slice(start, end).filter((word, index, all) => !(NOT_NAMES.has(word.lower) && (index === 0 || index === all.length - 1)));
  let initial = run[0]?.initial ?? false;
  // A capital at the start of a sentence says nothing: drop common words there (`The`, `According`).
  while (initial && run.length > 0) {
    const first = run[0]!;
    // A title stays: it says the next words are a person (`Mr. Baker said`).
    const common = !TITLES.has(first.lower) && (SENTENCE_STARTERS.has(first.lower) || STOP_WORDS.has(first.lower) || usage.lowerCase.has(first.lower));
    if (!common || usage.capitalisedMidSentence.has(first.lower) || places.places.has(placeKey(textOf(run)))) break;
    run = run.slice(1);
    while (run[0] && CONNECTORS.has(run[0].text)) run = run.slice(1);
    initial = false;
  }
  if (run.length === 0) return [];
  // `and` joins only inside an organisation's name (`Securities and Exchange Commission and Canada`).
  const parts: Word[][] = [[]];
  for (const word of run) {
    if (word.text === 'and') parts.push([]);
    else parts.at(-1)!.push(word);
  }
  const mentions: Mention[] = [];
  for (let first = 0; first < parts.length; ) {
    let last = parts.length - 1;
    while (last > first && !isOrganisation(joinParts(parts, first, last))) last--;
    const part = joinParts(parts, first, last);
    mentions.push(...wordsMentions(part, initial && first === 0, words, first === 0 ? start : -1, usage.capitalisedMidSentence, places));
    first = last + 1;
  }
  return mentions;
}

/** Parts `first` to `last` of a run split at `and`, joined again by `and`. */
function joinParts(parts: readonly Word[][], first: number, last: number): Word[] {
  return parts.slice(first, last + 1).flatMap((part, index) => (index === 0 ? part : [AND, ...part]));
}

const AND: Word = { text: 'and', lower: 'and', joined: true, initial: false, possessive: false, capital: false };

function wordsMentions(run: Word[], initial: boolean, words: readonly Word[], start: number, capitalisedMidSentence: ReadonlySet<string>, places: Gazetteer): Mention[] {
  if (run.length === 1) {
    const only = run[0]!;
    const generic = STOP_WORDS.has(only.lower) || STATE_ABBREVIATIONS.has(only.lower.replace(/\./g, '')) || (ORGANISATION_WORDS.has(only.lower) && !INSTITUTIONS.has(only.lower));
    if (generic || only.text.length < 2) return [];
  }
  if (run.length === 1 && initial) {
    const only = run[0]!;
    const trusted = capitalisedMidSentence.has(only.lower) || places.countries.has(placeKey(only.text)) || places.demonyms.has(placeKey(only.text)) || isAcronym(only.text);
    if (!trusted) return [];
  }
  const mentions: Mention[] = [];
  const whole = places.places.get(placeKey(textOf(run)));
  if (whole !== undefined) return [{ name: whole || textOf(run), kind: 'place' }];
  if (isOrganisation(run)) return [organisation(run)];
  // A demonym before the name (`Ukrainian President Volodymyr Zelenskyy`) mentions the country.
  for (const length of [2, 1]) {
    const country = run.length >= length ? places.demonyms.get(placeKey(textOf(run.slice(0, length)))) : undefined;
    if (country !== undefined) {
      mentions.push({ name: country, kind: 'place' });
      run = run.slice(length);
      break;
    }
  }
  const previous = start > 0 ? words[start - 1] : undefined;
  let titled = previous !== undefined && run.length > 0 && words[start]!.joined && TITLES.has(previous.lower);
  const title = titlePhraseLength(run);
  if (title > 0) {
    run = run.slice(title);
    titled = true;
  }
  if (run.length === 0) return mentions;
  if (run.length > 1 && PLACE_DESIGNATORS.has(run.at(-1)!.lower)) return [...mentions, placeMention(textOf(run.slice(0, -1)), places)];
  const name = textOf(run);
  const place = places.places.get(placeKey(name));
  if (place !== undefined) return [...mentions, { name: place || name, kind: 'place' }];
  if (run.length === 1 && isAcronym(name)) return [...mentions, { name, kind: 'organisation' }];
  return [...mentions, { name, kind: titled ? 'person' : 'other' }];
}

/**
 * How many words at the start of a run are a title phrase: title words (and `of` between them)
 * ending in a head title (`Secretary of State`, `Foreign Minister`, `Mr`). 0 when there is none.
 */
function titlePhraseLength(run: readonly Word[]): number {
  let length = 0;
  let head = false;
  for (let index = 0; index < run.length - 1; index++) {
    const word = run[index]!.lower;
    if (!TITLES.has(word) && !(index > 0 && CONNECTORS.has(word))) break;
    head ||= HEAD_TITLES.has(word);
    const next = run[index + 1]!.lower;
    if (head && TITLES.has(word) && !TITLES.has(next) && !CONNECTORS.has(next)) length = index + 1;
  }
  return length;
}

/** `… Commission`, `… Inc`, or `Bank of …`, `Ministry of …`. */
function isOrganisation(run: readonly Word[]): boolean {
  return run.length > 1 && (ORGANISATION_WORDS.has(run.at(-1)!.lower) || (ORGANISATION_WORDS.has(run[0]!.lower) && run[1]!.lower === 'of'));
}

/** An organisation's name without its company form: `Ultrasystems Inc` is `Ultrasystems`. */
function organisation(run: readonly Word[]): Mention {
  const words = run.length > 1 && COMPANY_FORMS.has(run.at(-1)!.lower.replace(/\.$/, '')) ? run.slice(0, -1) : run;
  return { name: textOf(words), kind: 'organisation' };
}

function placeMention(name: string, places: Gazetteer): Mention {
  return { name: places.places.get(placeKey(name)) || name, kind: 'place' };
}

function textOf(run: readonly Word[]): string {
  return run.map((word) => word.text).join(' ');
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** The kind a name was found as most often, a specific kind winning over `other`. */
export function kindOf<Kind extends string>(kinds: ReadonlyMap<Kind | 'other', number>): Kind | 'other' {
  let best: Kind | 'other' = 'other';
  let count = 0;
  for (const [kind, n] of kinds) if (kind !== 'other' && n > count) [best, count] = [kind, n];
  return best;
}

/** `Zelenskyy` after `Volodymyr Zelenskyy`: a one-word name that ends exactly one longer person's name is that person. */
function mergeSurnames<T extends { name: string; kind: NameKind; mentions: number; lede: boolean }>(names: T[]): T[] {
  const byLastWord = new Map<string, T[]>();
  for (const name of names) {
    const words = name.name.split(' ');
    if (words.length > 1 && name.kind === 'person') {
      const last = nameKey(words.at(-1)!);
      byLastWord.set(last, [...(byLastWord.get(last) ?? []), name]);
    }
  }
  const merged = new Set<T>();
  for (const name of names) {
    if (name.name.includes(' ') || (name.kind !== 'other' && name.kind !== 'person')) continue;
    const candidates = byLastWord.get(nameKey(name.name));
    if (candidates?.length !== 1) continue;
    const [full] = candidates as [T];
    full.mentions += name.mentions;
    full.lede ||= name.lede;
    merged.add(name);
  }
  return names.filter((name) => !merged.has(name));
}
